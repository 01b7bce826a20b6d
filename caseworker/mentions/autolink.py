"""What the central worker needs to link a mention to a citizen by itself, as pure data:
whose words a mention is (``author``), which mentions it may link (``linkable``), and the link
it writes (``link_document``), whose id comes from the mention's (``link_id_of``), so a second
worker writing the same link meets a conflict instead of making a second one.

A mention says who wrote it only by its handle and a display name: no address, no birth date.
"""

import hashlib
from collections.abc import Mapping
from typing import Any

from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import IDENTITY_LINK
from caseworker.identity import Match, PersonRecord, person

# Who the central worker signs its triage and links with (as the assigner signs its events).
AUTO_LINKER = "system:auto-link"


def link_id_of(mention_id: str) -> str:
    """The automatic link's id: the same for a mention wherever and however often it is made."""
    digest = hashlib.sha256(mention_id.encode("utf-8")).hexdigest()[:32]
    return f"{IDENTITY_LINK.id_prefix}:auto-{digest}"


def linkable(mention: Mapping[str, Any]) -> bool:
    """Nobody has ever triaged it (one set back to ``new`` by a person stays theirs), it names
    no citizen, and its words are still there."""
    return (
        mention.get("state") == "new"
        and not mention.get("triaged_by")
        and not mention.get("citizen_id")
        and not mention.get("case_id")
        and not mention.get("deleted_at")
    )


def author(mention: Mapping[str, Any]) -> PersonRecord:
    """The mention's author as the matcher sees them: the handle, and the display name, first
    word as the given name and the rest as the family name. What cannot be read (emoji,
    "Resident 5") is missing, not different. Not the profile address: the account's own
    server says what it is, so a post from ``@evil@evil.example`` could name anyone's
    profile there; the handle is the one the council's instance resolved."""
    name = mention.get("author_name")
    words = name.split() if isinstance(name, str) else []
    handle = mention.get("author_handle")
    return person(
        str(mention.get("_id", "")),
        given_name=words[0] if words else None,
        family_name=" ".join(words[1:]) or None,
        handles=[handle] if isinstance(handle, str) else [],
    )


def link_document(mention_id: str, match: Match, at: str) -> Document:
    """The automatic link of the mention to ``match.right``, with the score and reasons."""
    return new_document(
        IDENTITY_LINK,
        link_id_of(mention_id),
        {
            "subject_id": mention_id,
            "citizen_id": match.right,
            "method": "automatic",
            "probability": match.probability,
            "weight": match.weight,
            "reasons": [r.code for r in match.reasons],
            "by": AUTO_LINKER,
            "at": at,
        },
    )
