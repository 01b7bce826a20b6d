"""Typed ORM tables: one module per aggregate, all on one shared MetaData."""

from caseworker.models.audit import AuditEvent
from caseworker.models.base import Base
from caseworker.models.case import Case, CaseEvent, Note
from caseworker.models.catalogue import Queue, Service
from caseworker.models.citizen import AssuranceCheck, Citizen, Consent, Identifier
from caseworker.models.directory import DirectoryEntry
from caseworker.models.documents import (
    Attachment,
    Checkpoint,
    LeafBody,
    StoredDocument,
    StoreSetting,
)
from caseworker.models.erasure import ErasedRoot, Erasure
from caseworker.models.identity_link import IdentityLink
from caseworker.models.interaction import Interaction
from caseworker.models.marker import Marker
from caseworker.models.match_key import MatchKey
from caseworker.models.mention import Mention
from caseworker.models.merge import DistinctPair, DuplicateCandidate, Merge
from caseworker.models.reply import MentionReply, Message, ReplyTemplate
from caseworker.models.staff import StaffMember

__all__ = [
    "AssuranceCheck",
    "Attachment",
    "AuditEvent",
    "Base",
    "Case",
    "CaseEvent",
    "Checkpoint",
    "Citizen",
    "Consent",
    "DirectoryEntry",
    "DistinctPair",
    "DuplicateCandidate",
    "ErasedRoot",
    "Erasure",
    "Identifier",
    "IdentityLink",
    "Interaction",
    "LeafBody",
    "Marker",
    "MatchKey",
    "Mention",
    "MentionReply",
    "Merge",
    "Message",
    "Note",
    "Queue",
    "ReplyTemplate",
    "Service",
    "StaffMember",
    "StoreSetting",
    "StoredDocument",
]
