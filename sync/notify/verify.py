"""Verification codes, sent by the Notify worker: the code is made here, at the moment it is
sent, and only its salted hash is written back.

A ``verification`` request in state ``requested`` (asked on a laptop, pushed through the
gateway) is checked against the central citizen record (the identifier it names is still
theirs, of the channel's kind), then *claimed*: written back as ``sending`` with the hash of a
new code and when it expires, on its current revision, so a second worker's write fails (409)
and it sends nothing. Only then does the code go to GOV.UK Notify, in the reply templates'
subject and body, in the citizen's language, with the request's id as Notify's reference; the
request is then ``sent``. The code lives in this process's memory only while it is sent.

A request found ``sending`` was claimed by a worker that stopped before it recorded the
outcome: nobody knows the code any more, so it is never sent again but marked ``failed``
("ask for a new code"). Notify refusing it, or out of reach, fails it the same way: the agent
on the phone asks for another rather than a code arriving minutes late.

A code the citizen asks for during their own contact is a service message, not contact on a
channel: no consent entry is asked for (docs/assurance-and-consent.md).
"""

import asyncio
from collections.abc import Mapping
from typing import Any

from notifications_python_client.errors import HTTPError

from caseworker.display import visible
from caseworker.documents.codec import Document, check
from caseworker.documents.schema import DocumentError
from caseworker.replies.recipients import recipients
from caseworker.security import codes
from caseworker.timeutil import to_iso, utcnow
from sync.gateway.couch import CouchError, doc_path
from sync.notify.settings import NotifySettings
from sync.worker.jobs import JobContext

PREFIX = "verify:"
UNKNOWN = (
    "the worker stopped while sending it, so it is not known whether it went: ask for a new code"
)
_WORDS = {
    "en": (
        "Your verification code",
        "Your code from the council is {code}. It works for {minutes} minutes. Read it only to "
        "the council officer you are speaking to.",
    ),
    "cy": (
        "Eich cod dilysu",
        "Eich cod gan y cyngor yw {code}. Mae'n gweithio am {minutes} munud. Darllenwch ef i "
        "swyddog y cyngor rydych yn siarad ag ef yn unig.",
    ),
}


def words(language: object, code: str) -> tuple[str, str]:
    """The subject and body of the message, in the citizen's language (English otherwise)."""
    subject, body = _WORDS.get(str(language), _WORDS["en"])
    minutes = int(codes.LIFETIME.total_seconds() // 60)
    return subject, body.format(code=f"{code[:3]} {code[3:]}", minutes=minutes)


async def handle(ctx: JobContext, settings: NotifySettings, client: Any, doc: Document) -> str:
    """Carry out one request as it now stands; what happened, in words with no personal data."""
    doc_id = str(doc.get("_id"))
    try:
        check(dict(doc))
    except DocumentError as exc:
        return f"skipped {visible(doc_id)[:200]}: {visible(str(exc))[:300]}"
    if doc["state"] == "sending":
        await _record(ctx, doc, {"state": "failed", "state_detail": UNKNOWN})
        return f"{visible(doc_id)}: {UNKNOWN}"
    if doc["state"] != "requested":
        return ""
    citizen = await ctx.couch.get_or_none(doc_path(str(doc["citizen_id"])))
    recipient, language = _recipient(citizen, doc)
    if recipient is None:
        detail = "that email address or phone is not on the citizen's record"
        await _record(ctx, doc, {"state": "failed", "state_detail": detail})
        return f"refused {visible(doc_id)}: {detail}"
    code = codes.new_code()
    salt, hashed = codes.salted(code)
    expires = to_iso(utcnow() + codes.LIFETIME)
    claim = {"state": "sending", "code_salt": salt, "code_hash": hashed, "expires_at": expires}
    claimed = await _record(ctx, doc, claim)
    if claimed is None:
        return ""
    ctx.lease.check()
    subject, body = words(language, code)
    try:
        if doc["channel"] == "email":
            personalisation: dict[str, str] = {"subject": subject, "body": body}
            await asyncio.to_thread(
                client.send_email_notification,
                recipient, settings.email_template, personalisation, doc_id,
            )  # fmt: skip
        else:
            await asyncio.to_thread(
                client.send_sms_notification, recipient, settings.sms_template, {"body": body},
                doc_id,
            )  # fmt: skip
    except HTTPError as exc:
        detail = f"GOV.UK Notify did not take it ({exc.status_code}): ask for a new code"
        await _record(ctx, claimed, {"state": "failed", "state_detail": detail})
        return f"{visible(doc_id)}: {detail}"
    await _record(ctx, claimed, {"state": "sent"})
    return f"{visible(doc_id)}: code sent"


def _recipient(citizen: Any, doc: Mapping[str, Any]) -> tuple[str | None, object]:
    """The value of the identifier the request names, when it is still on the central record
    and of the channel's kind; and the citizen's language."""
    if not isinstance(citizen, dict) or citizen.get("type") != "citizen":
        return None, None
    # The replies' own rule of who a message may go to: an SMS to a mobile only.
    for found in recipients(citizen, str(doc["channel"])):
        if found.identifier_id == doc["identifier_id"]:
            return found.value, citizen.get("language")
    return None, citizen.get("language")


async def _record(ctx: JobContext, doc: Document, fields: dict[str, Any]) -> Document | None:
    """The request with ``fields``, written on its revision; None when someone else wrote it
    first (the change feed brings it back as it is now)."""
    new = {**doc, **fields, "state_at": to_iso(utcnow())}
    ctx.lease.check()
    try:
        answer = await ctx.couch.put(doc_path(str(doc["_id"])), new)
    except CouchError as exc:
        if exc.status == 409:
            return None
        raise
    new["_rev"] = answer.get("rev")
    return new
