"""Public replies to social-media mentions: drafted here, on a laptop (offline too), as a
``mention_reply`` document under the mention's case, and posted once by the council's central
poster (``sync.mention_post``), which records the posted status on it. The case's history shows
each reply with its last known state (``case_mention_replies``)."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access import local
from caseworker.documents.codec import Document, new_document
from caseworker.documents.types import MENTION_REPLY
from caseworker.errors import NotFoundError, ValidationError
from caseworker.ids import new_id
from caseworker.models import MentionReply
from caseworker.replies import public
from caseworker.services.cases import load_case_doc
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.timeutil import to_iso, utcnow


def _mention(session: Session, mention_id: str) -> Document:
    doc = docstore.get(session, mention_id)
    if doc is None or doc.get("type") != "mention":
        raise NotFoundError(f"no mention {mention_id}")
    return doc


def draft_reply(
    session: Session,
    actor: Actor,
    mention_id: str,
    text: str,
    *,
    visibility: str = "public",
    language: str = "en",
) -> tuple[str, ChangeSet]:
    """Queue a public reply to a mention, on the case the mention was turned into or linked
    to. The author's handle is put first when the text does not name them (or they would
    not be told of it). Nothing is sent from here: the central poster posts it."""
    mention = _mention(session, mention_id)
    if mention.get("network") != public.NETWORK:
        raise ValidationError(f"replies can only be posted to {public.NETWORK} for now")
    case_id = mention.get("case_id")
    if not isinstance(case_id, str):
        raise ValidationError(
            "this mention is not on a case yet: open a case for it (or link it to one) first"
        )
    case = load_case_doc(session, case_id)
    if visibility not in public.VISIBILITIES:
        raise ValidationError(f"visibility is one of {', '.join(public.VISIBILITIES)}")
    if language not in vocab.LANGUAGES:
        raise ValidationError(f"language is one of {', '.join(vocab.LANGUAGES)}")
    body = public.tidy(text)
    handle = mention.get("author_handle")
    if body and isinstance(handle, str) and handle:
        body = public.addressed(body, handle)
    problem = public.text_problem(body)
    if problem is not None:
        raise ValidationError(problem)
    reply_id = new_id(MENTION_REPLY.id_prefix)
    doc = new_document(
        MENTION_REPLY,
        reply_id,
        {
            "mention_id": mention["_id"],
            "case_id": case["_id"],
            "text": body,
            "visibility": visibility,
            "language": language,
            "by": actor.staff_id,
            "at": to_iso(utcnow()),
            "state": "queued",
        },
    )
    local.require(actor.person_in(session), reply_id, doc, None)
    changes = ChangeSet()
    changes.add(docstore.put(session, doc))
    return reply_id, changes


def cancel_reply(session: Session, actor: Actor, reply_id: str) -> ChangeSet:
    """Withdraw a reply still waiting to be posted. Once the central poster has claimed it,
    it can no longer be stopped (the rules refuse it, here and on the server)."""
    current = docstore.get(session, reply_id)
    if current is None or current.get("type") != MENTION_REPLY.name:
        raise NotFoundError(f"no public reply {reply_id}")
    if current.get("state") != "queued":
        state = current.get("state")
        raise ValidationError(f"this reply is {state}: it can no longer be cancelled")
    new = {
        **current,
        "state": "cancelled",
        "cancelled_at": to_iso(utcnow()),
        "cancelled_by": actor.staff_id,
    }
    local.require(actor.person_in(session), reply_id, new, current)
    changes = ChangeSet()
    changes.add(docstore.put(session, new))
    return changes


def case_mention_replies(session: Session, case_id: str) -> list[MentionReply]:
    """The public replies on a case, oldest first, with their last known state."""
    return list(
        session.scalars(
            select(MentionReply)
            .where(MentionReply.case_id == case_id)
            .order_by(MentionReply.at, MentionReply.id)
        )
    )
