"""Posting the queued public replies to mentions, each exactly once, however many posters run
and wherever one is killed.

For each reply in the pending view (queued, or claimed):

1. **claim**: written back as ``posting`` on its current revision, with ``claimed_at``, this
   poster's name and ``attempts`` + 1 (a 409 means another poster, or a cancel, got there
   first: it is left alone). A ``posting`` claim older than ``stale_after`` was left by a
   poster that stopped: it is taken over the same way.
2. **check** on the central records: the mention exists, is a Mastodon one, is still on the
   reply's case, and the text can be posted; else ``failed`` with the reason.
3. **look up** when an earlier attempt may have reached Mastodon (``attempts`` was already
   above 0): the council's own replies in the mention's thread
   (``GET /api/v1/statuses/:id/context``, bounded by one thread) with the same text. Found:
   recorded ``posted``, never posted again.
4. **post** with ``Idempotency-Key: <reply id>``: within Mastodon's hour for the key, a
   repeat returns the same status rather than a second one (the look-up covers later).
5. **record** ``posted`` with the status's id and address, or ``failed`` with Mastodon's
   reason (422), or back to ``queued`` with ``not_before`` (a rate limit, Mastodon away).
   A 401 puts the claim back and stops the poster: a person must reconnect the account.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from caseworker.display import one_line, visible
from caseworker.documents.codec import Document, check
from caseworker.documents.schema import DocumentError
from caseworker.replies import public
from caseworker.timeutil import from_iso, to_iso, utcnow
from sync.gateway.couch import Couch, CouchError, doc_path
from sync.mention_post.mastodon import (
    Mastodon,
    RateLimited,
    Refused,
    Status,
    TokenRevoked,
    Unavailable,
    same_text,
)

DESIGN_ID = "_design/caseworker-mention-post"
VIEW = "pending"
# Oldest first; the id in the key makes every key unique, so pages never repeat a row.
_MAP = (
    "function (doc) {\n"
    "  if (doc.type === 'mention_reply' && (doc.state === 'queued' || doc.state === 'posting')) {\n"
    "    emit([String(doc.at), doc._id], null);\n"
    "  }\n"
    "}"
)
POSTED_VIEW = "posted"
# The statuses already recorded for each mention: a look-up never takes another reply's
# status (two drafts of the same text) for this one's.
_POSTED_MAP = (
    "function (doc) {\n"
    "  if (doc.type === 'mention_reply' && doc.status_id) {\n"
    "    emit(doc.mention_id, doc.status_id);\n"
    "  }\n"
    "}"
)
PAGE = 50
STALE_AFTER = timedelta(minutes=10)
RETRY_FIRST = timedelta(seconds=30)
RETRY_MAX = timedelta(hours=1)


class Stop(Exception):
    """The poster must stop (its token was refused): the message says what a person must do."""


@dataclass
class Counts:
    posted: int = 0
    found: int = 0  # posted before a crash, found in the thread: recorded, not posted again
    failed: int = 0
    later: int = 0  # put back for later (a rate limit, Mastodon away)
    busy: int = 0  # claimed by another poster just now

    def text(self) -> str:
        return (
            f"{self.posted} posted, {self.found} found already posted, {self.failed} failed, "
            f"{self.later} to try again, {self.busy} being posted elsewhere"
        )


async def install_design(couch: Couch) -> None:
    """The pending view, written when missing or different (two posters starting at once:
    the second's 409 is the first's identical write)."""
    path = "/" + DESIGN_ID
    views = {VIEW: {"map": _MAP}, POSTED_VIEW: {"map": _POSTED_MAP}}
    wanted = {"language": "javascript", "views": views}
    current = await couch.get_or_none(path)
    if isinstance(current, dict) and current.get("views") == wanted["views"]:
        return
    body = {**wanted, "_rev": current["_rev"]} if isinstance(current, dict) else wanted
    try:
        await couch.put(path, body)
    except CouchError as exc:
        if exc.status != 409:
            raise


class Poster:
    def __init__(
        self,
        couch: Couch,
        mastodon: Mastodon,
        *,
        name: str,
        say: Callable[[str], None],
        stale_after: timedelta = STALE_AFTER,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self.couch = couch
        self.mastodon = mastodon
        self.name = name
        self.say = say
        self.stale_after = stale_after
        self.now = now
        self.waiting_until: datetime | None = None  # rate limited: no post before then

    async def run_once(self) -> Counts:
        """One pass over the pending replies; raises Stop when the token is refused."""
        counts = Counts()
        start: Any = None
        seen: set[str] = set()  # a page starts at the last key read, which may have left
        while True:
            params = {"include_docs": "true", "limit": str(PAGE)}
            if start is not None:
                params["startkey"] = _json(start)
            answer = await self.couch.get(f"/{DESIGN_ID}/_view/{VIEW}", params=params)
            rows = answer.get("rows") if isinstance(answer, dict) else None
            rows = [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
            fresh = [r for r in rows if r.get("id") not in seen]
            for row in fresh:
                seen.add(str(row.get("id")))
                doc = row.get("doc")
                if isinstance(doc, dict) and not self._rate_limited():
                    await self.handle(doc, counts)
            start = rows[-1].get("key") if rows else None
            if not fresh or len(rows) < PAGE or start is None or self._rate_limited():
                break
        return counts

    def _rate_limited(self) -> bool:
        budget = self.mastodon.budget
        if budget.remaining == 0 and budget.reset is not None:
            self.waiting_until = max(budget.reset, self.waiting_until or budget.reset)
        if self.waiting_until is not None and self.waiting_until <= self.now():
            self.waiting_until = None
            budget.remaining = None
        return self.waiting_until is not None

    # -- one reply ---------------------------------------------------------------------------

    async def handle(self, doc: Document, counts: Counts) -> None:
        doc_id = str(doc.get("_id"))
        try:
            check(dict(doc))
        except DocumentError as exc:
            self.say(f"skipped {visible(doc_id)[:200]}: {one_line(str(exc), 300)}")
            return
        now = self.now()
        if doc["state"] == "queued":
            not_before = doc.get("not_before")
            if not_before is not None and from_iso(not_before) > now:
                return
        elif doc["state"] == "posting":
            if from_iso(doc.get("claimed_at") or doc["at"]) > now - self.stale_after:
                counts.busy += 1
                return
            who = visible(str(doc.get("claimed_by")))[:100]
            self.say(f"{doc_id}: taking over the claim {who} left at {doc.get('claimed_at')}")
        else:
            return
        earlier = doc.get("attempts") or 0
        claim = await self._write(
            doc,
            state="posting",
            claimed_at=to_iso(now),
            claimed_by=self.name[:100],
            attempts=earlier + 1,
            not_before=None,
        )
        if claim is None:
            counts.busy += 1
            return
        problem, remote_id = await self._problem(claim)
        if problem is not None or remote_id is None:
            await self._write(claim, state="failed", failure=problem)
            counts.failed += 1
            self.say(f"{doc_id}: failed: {problem}")
            return
        try:
            await self._post(claim, remote_id, looked_up=earlier > 0, counts=counts)
        except Refused as exc:
            await self._write(claim, state="failed", failure=f"Mastodon refused it: {exc}")
            counts.failed += 1
            self.say(f"{doc_id}: failed: Mastodon refused it: {exc}")
        except RateLimited as exc:
            self.waiting_until = exc.reset
            await self._write(claim, state="queued", not_before=to_iso(exc.reset))
            counts.later += 1
            self.say(f"{doc_id}: {exc}: put back")
        except Unavailable as exc:
            pause = min(RETRY_FIRST * 2 ** min(earlier, 12), RETRY_MAX)
            await self._write(claim, state="queued", not_before=to_iso(self.now() + pause))
            counts.later += 1
            self.say(f"{doc_id}: {exc}: put back for {int(pause.total_seconds())} s")
        except TokenRevoked as exc:
            await self._write(claim, state="queued")
            raise Stop(str(exc)) from None

    async def _post(
        self, claim: Document, remote_id: str, *, looked_up: bool, counts: Counts
    ) -> None:
        if looked_up:
            taken = await self._taken(claim)
            for status, text in await self.mastodon.my_replies(remote_id):
                if status.id not in taken and same_text(text, claim["text"]):
                    await self._posted(claim, status)
                    counts.found += 1
                    self.say(f"{claim['_id']}: found already posted as {status.url}")
                    return
        status = await self.mastodon.post_status(
            claim["text"],
            in_reply_to_id=remote_id,
            visibility=claim["visibility"],
            language=claim["language"],
            key=claim["_id"],
        )
        await self._posted(claim, status)
        counts.posted += 1
        self.say(f"{claim['_id']}: posted as {status.url}")

    async def _taken(self, claim: Document) -> set[str]:
        """The statuses other replies to the same mention are recorded with."""
        answer = await self.couch.get(
            f"/{DESIGN_ID}/_view/{POSTED_VIEW}", params={"key": _json(claim["mention_id"])}
        )
        rows = answer.get("rows") if isinstance(answer, dict) else None
        listed = rows if isinstance(rows, list) else []
        return {
            str(row.get("value"))
            for row in listed
            if isinstance(row, dict) and row.get("id") != claim["_id"]
        }

    async def _posted(self, claim: Document, status: Status) -> None:
        written = await self._write(
            claim,
            state="posted",
            status_id=status.id,
            status_url=status.url,
            posted_at=to_iso(self.now()),
            failure=None,
        )
        if written is None:  # another poster took over a claim it thought stale: it finds this
            self.say(f"{claim['_id']}: posted, but another poster took it over meanwhile")

    async def _problem(self, claim: Document) -> tuple[str | None, str | None]:
        """Why the reply cannot be posted, on the central records; else the mention's status."""
        mention = await self.couch.get_or_none(doc_path(str(claim["mention_id"])))
        if not isinstance(mention, dict) or mention.get("type") != "mention":
            return "its mention is not in the central database", None
        if mention.get("network") != public.NETWORK:
            return f"its mention is not from {public.NETWORK}", None
        if mention.get("case_id") != claim["case_id"]:
            return "its mention is no longer on this case", None
        remote_id = mention.get("remote_id")
        if not isinstance(remote_id, str) or not remote_id:
            return "its mention has no status to reply to", None
        return public.text_problem(claim["text"]), remote_id

    async def _write(self, doc: Document, **changes: Any) -> Document | None:
        """The reply with ``changes`` (None removes a field), written on its revision: the new
        body, or None when someone else wrote it first (409)."""
        new = {**doc, **changes}
        new = {k: v for k, v in new.items() if v is not None}
        if isinstance(new.get("failure"), str):
            new["failure"] = one_line(new["failure"], 500)
        try:
            answer = await self.couch.put(doc_path(str(doc["_id"])), new)
        except CouchError as exc:
            if exc.status == 409:
                return None
            raise
        new["_rev"] = answer.get("rev") if isinstance(answer, dict) else None
        return new


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))
