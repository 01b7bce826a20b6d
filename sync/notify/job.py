"""The "notify" job: send each reply in the outbox through GOV.UK Notify exactly once, and
record what happened to it on the message itself, where the laptop that wrote it reads it.

It follows the central database's ``_changes`` from its checkpoint
(``_local/caseworker-job-notify``). A ``queued`` message is checked, then *claimed*: written
back as ``sending`` on its current revision, so the write fails (409) if anyone else changed
it first. Only then is it sent, with the message's id as Notify's ``reference``, and recorded
``sent`` with Notify's id. A message found ``sending`` was claimed by a worker that stopped
before it recorded the outcome: Notify is asked for that reference first, and it is sent only
if Notify has nothing under it. So a crash anywhere sends a reply at most once, and a worker
that comes back sends it at least once.

Sent messages wait in the checkpoint (``awaiting``) until Notify says delivered or failed.

A message is refused (``failed``, with the reason, and never sent) when its recipient is not,
or is no longer, one of the citizen's identifiers of the channel's kind on the central record,
its case does not name its citizen, or the central record holds no valid basis (a consent for
the channel, in force now: ``caseworker.access.consent``) to contact the citizen on it: a
message is a member's document, and its recipient a claim until checked here.

Verification code requests (``verify:``) on the same feed are made, sent and hashed by
``sync.notify.verify``.
"""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from notifications_python_client.errors import HTTPError

from caseworker.access import consent
from caseworker.display import visible
from caseworker.documents.codec import Document, check
from caseworker.documents.schema import DocumentError
from caseworker.replies.recipients import recipient_problem
from caseworker.timeutil import to_iso, utcnow
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.notify import verify
from sync.notify.settings import NotifySettings
from sync.worker.feed import read_batch, wait_for_change
from sync.worker.jobs import JobContext
from sync.worker.position import save_position

CHECKPOINT = "/_local/caseworker-job-notify"
BATCH = 100
AWAITING_MAX = 2000  # sent messages whose delivery is still followed
POLL_PER_STEP = 50  # of those, asked about per step
_PREFIX = "message:"
_FAILED = ("permanent-failure", "temporary-failure", "technical-failure", "validation-failed")


class NotifyClient(Protocol):
    """The part of ``notifications_python_client.NotificationsAPIClient`` used here."""

    def send_email_notification(
        self, email_address: str, template_id: str, personalisation: Any, reference: Any
    ) -> Any: ...

    def send_sms_notification(
        self, phone_number: str, template_id: str, personalisation: Any, reference: Any
    ) -> Any: ...

    def get_notification_by_id(self, id: str) -> Any: ...

    def get_all_notifications(self, *, reference: Any) -> Any: ...


def notify_client(settings: NotifySettings) -> NotifyClient:
    from notifications_python_client.notifications import NotificationsAPIClient

    client: NotifyClient = NotificationsAPIClient(  # type: ignore[no-untyped-call]
        settings.api_key, base_url=settings.url
    )
    return client


class Refused(Exception):
    """Notify refused the message itself (400): it will never go, whatever is tried."""


@dataclass
class Counts:
    sent: int = 0
    found_sent: int = 0  # claimed before a crash, and Notify had it: recorded, not sent again
    failed: int = 0
    updated: int = 0  # delivery statuses recorded

    def text(self) -> str:
        return (
            f"{self.sent} sent, {self.found_sent} found already sent, {self.failed} failed, "
            f"{self.updated} statuses"
        )

    def __bool__(self) -> bool:
        return bool(self.sent or self.found_sent or self.failed or self.updated)


class NotifyJob:
    def __init__(
        self,
        settings: NotifySettings,
        client: Callable[[NotifySettings], NotifyClient] = notify_client,
        batch: int = BATCH,
    ) -> None:
        self.settings = settings
        self.client = client(settings)
        self.batch = batch
        self.since: Any = None
        self.rev: str | None = None
        self.awaiting: list[str] = []
        self.first = True

    async def step(self, ctx: JobContext) -> None:
        couch = ctx.couch
        if self.since is None:
            await self._load(couch, ctx.rebuild)
        counts = Counts()
        while True:
            batch = await read_batch(couch, self.since, limit=self.batch, max_bytes=ctx.batch_bytes)
            for doc_id in batch.too_large:
                if doc_id.startswith(_PREFIX):
                    too_large = f"larger than {ctx.batch_bytes:,} bytes"
                    ctx.say(f"skipped {visible(doc_id)[:200]}: {too_large}")
            for row in batch.rows:
                doc = row.get("doc")
                live = isinstance(doc, dict) and not row.get("deleted")
                if row["id"].startswith(_PREFIX) and live and isinstance(doc, dict):
                    await self._message(ctx, doc, counts)
                elif row["id"].startswith(verify.PREFIX) and live and isinstance(doc, dict):
                    said = await verify.handle(ctx, self.settings, self.client, doc)
                    if said:
                        ctx.say(said)
            if batch.last_seq == self.since or not (batch.rows or batch.too_large):
                break
            ctx.lease.check()
            await self._save(couch, batch.last_seq)
        if await self._follow(ctx, counts):
            await self._save(couch, self.since)
        if counts or self.first:
            ctx.say(f"finished: up to date ({counts.text()})")
        self.first = False
        await wait_for_change(couch, self.since, ctx.idle_wait)

    # -- one message -----------------------------------------------------------------------

    async def _message(self, ctx: JobContext, doc: Document, counts: Counts) -> None:
        doc_id = str(doc["_id"])
        try:
            check(dict(doc))
        except DocumentError as exc:
            ctx.say(f"skipped {visible(doc_id)[:200]}: {visible(str(exc))[:300]}")
            return
        state = doc["state"]
        if state == "sent":
            self._await(ctx, doc_id)
            return
        if state not in ("queued", "sending"):
            return
        problem = await self._problem(ctx.couch, doc)
        if problem is not None:
            await self._record(ctx, doc, "failed", detail=problem)
            counts.failed += 1
            ctx.say(f"refused {visible(doc_id)}: {problem}")
            return
        if state == "queued":
            claimed = await self._record(ctx, doc, "sending")
            if claimed is None:
                return  # someone changed it first: the feed brings it back as it is now
            doc = claimed
        else:
            client = self.client
            found = await asyncio.to_thread(lambda: client.get_all_notifications(reference=doc_id))
            earlier = _notifications(found, doc_id)
            if earlier:
                # Sent before a crash, never recorded: record it, never send it again.
                await self._record(ctx, doc, "sent", notify_id=str(earlier[0]["id"]))
                self._await(ctx, doc_id)
                counts.found_sent += 1
                return
        ctx.lease.check()
        try:
            notify_id = await self._send(doc)
        except Refused as exc:
            await self._record(ctx, doc, "failed", detail=f"GOV.UK Notify refused it: {exc}")
            counts.failed += 1
            return
        await self._record(ctx, doc, "sent", notify_id=notify_id)
        self._await(ctx, doc_id)
        counts.sent += 1

    async def _problem(self, couch: Couch, doc: Document) -> str | None:
        case = await couch.get_or_none(doc_path(str(doc["case_id"])))
        if not isinstance(case, dict) or case.get("type") != "case":
            return "its case is not in the central database"
        if case.get("citizen_id") != doc["citizen_id"]:
            return "its case is not about this citizen"
        citizen = await couch.get_or_none(doc_path(str(doc["citizen_id"])))
        if not isinstance(citizen, dict) or citizen.get("type") != "citizen":
            citizen = None
        problem = recipient_problem(citizen, doc["channel"], doc["recipient_id"], doc["recipient"])
        # The basis is judged now, on the central record: a consent withdrawn or ended after
        # the reply was queued stops it here.
        return problem or consent.contact_refusal(citizen, doc["channel"], utcnow())

    async def _send(self, doc: Document) -> str:
        settings = self.settings
        try:
            if doc["channel"] == "email":
                answer = await asyncio.to_thread(
                    self.client.send_email_notification,
                    doc["recipient"],
                    settings.email_template,
                    {"subject": doc.get("subject") or "", "body": doc["body"]},
                    doc["_id"],
                )
            else:
                answer = await asyncio.to_thread(
                    self.client.send_sms_notification,
                    doc["recipient"],
                    settings.sms_template,
                    {"body": doc["body"]},
                    doc["_id"],
                )
        except HTTPError as exc:
            if exc.status_code == 400:  # the message itself: it will never go
                raise Refused(_message_of(exc)) from None
            raise  # the key, Notify away, a rate limit: left `sending`, asked about next time
        notify_id = answer.get("id") if isinstance(answer, dict) else None
        if not isinstance(notify_id, str):
            raise ValueError("GOV.UK Notify answered without a notification id")
        return notify_id

    async def _record(
        self,
        ctx: JobContext,
        doc: Document,
        state: str,
        *,
        notify_id: str | None = None,
        detail: str | None = None,
    ) -> Document | None:
        """The message in ``state``, written on its revision: the new body, or None when
        someone else wrote it first."""
        new = {**doc, "state": state, "state_at": to_iso(utcnow())}
        if notify_id is not None:
            new["notify_id"] = notify_id[:64]
        if detail is not None:
            new["state_detail"] = visible(detail)[:500]
        ctx.lease.check()
        try:
            answer = await ctx.couch.put(doc_path(str(doc["_id"])), new)
        except CouchError as exc:
            if exc.status == 409:
                ctx.say(f"{visible(str(doc['_id']))} changed meanwhile: left as it is now")
                return None
            raise
        new["_rev"] = answer.get("rev")
        return new

    # -- delivery ----------------------------------------------------------------------------

    def _await(self, ctx: JobContext, doc_id: str) -> None:
        if doc_id in self.awaiting:
            return
        self.awaiting.append(doc_id)
        if len(self.awaiting) > AWAITING_MAX:
            dropped = self.awaiting.pop(0)
            ctx.say(f"no longer following the delivery of {visible(dropped)} (too many waiting)")

    async def _follow(self, ctx: JobContext, counts: Counts) -> bool:
        """Ask Notify about the oldest sent messages; whether the list changed."""
        changed = False
        for doc_id in list(self.awaiting[:POLL_PER_STEP]):
            doc = await ctx.couch.get_or_none(doc_path(doc_id))
            if not isinstance(doc, dict) or doc.get("state") != "sent" or not doc.get("notify_id"):
                self.awaiting.remove(doc_id)
                changed = True
                continue
            try:
                answer = await asyncio.to_thread(
                    self.client.get_notification_by_id, doc["notify_id"]
                )
            except HTTPError as exc:
                if exc.status_code in (400, 404):  # past Notify's retention, or not its id
                    self.awaiting.remove(doc_id)
                    changed = True
                    continue
                break  # Notify away or busy: asked again at the next step
            status = answer.get("status") if isinstance(answer, dict) else None
            if status == "delivered" or status in _FAILED:
                state = "delivered" if status == "delivered" else "failed"
                await self._record(ctx, doc, state, detail=None if state == "delivered" else status)
                self.awaiting.remove(doc_id)
                counts.updated += 1
                changed = True
        return changed

    # -- the checkpoint ----------------------------------------------------------------------

    async def _load(self, couch: Couch, rebuild: bool) -> None:
        saved = await couch.get_or_none(CHECKPOINT)
        saved = saved if isinstance(saved, dict) else {}
        self.rev = saved.get("_rev") if isinstance(saved.get("_rev"), str) else None
        since = saved.get("since")
        usable = isinstance(since, str | int) and not isinstance(since, bool)
        self.since = since if usable and not rebuild else 0
        awaiting = saved.get("awaiting")
        if isinstance(awaiting, list):
            self.awaiting = [a for a in awaiting if isinstance(a, str)][-AWAITING_MAX:]

    async def _save(self, couch: Couch, since: Any) -> None:
        body = {"since": since, "awaiting": self.awaiting}
        self.rev = await save_position(
            couch, CHECKPOINT, body, self.rev, "the notify job's checkpoint"
        )
        self.since = since


def _notifications(answer: Any, reference: str) -> list[dict[str, Any]]:
    found = answer.get("notifications") if isinstance(answer, dict) else None
    listed = found if isinstance(found, list) else []
    return [
        n
        for n in listed
        if isinstance(n, dict) and n.get("reference") == reference and isinstance(n.get("id"), str)
    ]


def _message_of(exc: Exception) -> str:
    message = getattr(exc, "message", None)
    if isinstance(message, list) and message and isinstance(message[0], dict):
        message = message[0].get("message")
    return visible(str(message or exc))[:300]
