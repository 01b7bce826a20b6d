"""The three calls of Mastodon's REST API the poster makes, and what each answer means to it.

    client = Mastodon(instance_url, token)
    status = await client.post_status(text, in_reply_to_id=..., visibility=..., language=...,
                                      key=reply_id)        # Idempotency-Key: the reply's id
    mine = await client.my_replies(in_reply_to_id)         # our replies already in the thread

Every failure is one of four kinds, because the poster does one thing for each: ``Refused``
(the status itself was refused: 4xx but 401/429; never posted, record it failed),
``RateLimited`` (come back at ``reset``), ``TokenRevoked`` (401: stop, a person must reconnect),
``Unavailable`` (5xx, a timeout, a cut connection, an answer that is not a status: it may or
may not have been posted, so it is looked up before it is posted again).
The ``X-RateLimit-*`` headers of every answer are kept: when none remain, the poster waits.
"""

import contextlib
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx

from caseworker.display import UNSAFE, one_line
from caseworker.timeutil import from_iso

TIMEOUT = 30.0


class MastodonError(Exception):
    pass


class Refused(MastodonError):
    """Mastodon refused the status (its own reason in the message): it will never be posted."""


class TokenRevoked(MastodonError):
    pass


class RateLimited(MastodonError):
    def __init__(self, reset: datetime) -> None:
        super().__init__(f"rate limited until {reset.isoformat(timespec='seconds')}")
        self.reset = reset


class Unavailable(MastodonError):
    """No usable answer: the status may have been posted or not."""


@dataclass(frozen=True)
class Status:
    id: str
    url: str


@dataclass
class Budget:
    """What the last answer's ``X-RateLimit-*`` headers said."""

    remaining: int | None = None
    reset: datetime | None = None


class Mastodon:
    def __init__(self, instance: str, token: str, *, http: httpx.AsyncClient | None = None) -> None:
        self.instance = instance.rstrip("/")
        self._token = token
        self._owns_http = http is None
        self.http = http or httpx.AsyncClient(
            timeout=httpx.Timeout(TIMEOUT, connect=10.0), follow_redirects=False
        )
        self.budget = Budget()
        self._me: str | None = None

    async def aclose(self) -> None:
        if self._owns_http:
            await self.http.aclose()

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        sent = {"Authorization": f"Bearer {self._token}", "Accept": "application/json"}
        try:
            response = await self.http.request(
                method, self.instance + path, json=json, headers={**sent, **(headers or {})}
            )
        except httpx.HTTPError as exc:  # a timeout, a refused or cut connection
            raise Unavailable(f"{self.instance} did not answer ({type(exc).__name__})") from None
        self._keep_budget(response)
        status = response.status_code
        if status == 401:
            raise TokenRevoked(
                f"{self.instance} refused the council's token (401: revoked or expired): "
                "reconnect with 'caseworker central mentions connect'"
            )
        if status == 429:
            raise RateLimited(self.budget.reset or _soon())
        if 400 <= status < 500:
            raise Refused(_reason(response))
        if status >= 300:
            raise Unavailable(f"{self.instance} answered {status}")
        try:
            return response.json()
        except ValueError:
            raise Unavailable(f"{self.instance} answered something that is not JSON") from None

    def _keep_budget(self, response: httpx.Response) -> None:
        remaining = response.headers.get("X-RateLimit-Remaining")
        reset = response.headers.get("X-RateLimit-Reset")
        if remaining is not None and remaining.strip().isdigit():
            self.budget.remaining = int(remaining)
        if reset:  # an unreadable reset time: the default pause instead
            with contextlib.suppress(ValueError):
                self.budget.reset = from_iso(reset)

    async def post_status(
        self, text: str, *, in_reply_to_id: str, visibility: str, language: str, key: str
    ) -> Status:
        body = {
            "status": text,
            "in_reply_to_id": in_reply_to_id,
            "visibility": visibility,
            "language": language,
        }
        answer = await self._call(
            "POST", "/api/v1/statuses", json=body, headers={"Idempotency-Key": key}
        )
        return _status(answer)

    async def me(self) -> str:
        """The council's own account id (asked once)."""
        if self._me is None:
            answer = await self._call("GET", "/api/v1/accounts/verify_credentials")
            found = answer.get("id") if isinstance(answer, dict) else None
            if not isinstance(found, str | int):
                raise Unavailable("verify_credentials answered without an account id")
            self._me = str(found)
        return self._me

    async def my_replies(self, in_reply_to_id: str) -> list[tuple[Status, str]]:
        """The council's own replies to a status, with their text, from the status's thread
        (``GET /api/v1/statuses/:id/context``): bounded by that one thread, unlike the
        account's whole timeline."""
        me = await self.me()
        answer = await self._call("GET", f"/api/v1/statuses/{_safe_id(in_reply_to_id)}/context")
        found = answer.get("descendants") if isinstance(answer, dict) else None
        replies: list[tuple[Status, str]] = []
        for item in found if isinstance(found, list) else []:
            if not isinstance(item, dict) or str(item.get("in_reply_to_id")) != in_reply_to_id:
                continue
            account = item.get("account")
            if not isinstance(account, dict) or str(account.get("id")) != me:
                continue
            try:
                status = _status(item)
            except Unavailable:
                continue
            content = item.get("content")
            replies.append((status, plain(content) if isinstance(content, str) else ""))
        return replies


def _status(answer: Any) -> Status:
    if not isinstance(answer, dict):
        raise Unavailable("Mastodon answered something that is not a status")
    status_id, url = answer.get("id"), answer.get("url") or answer.get("uri")
    if isinstance(status_id, bool) or not isinstance(status_id, str | int) or not status_id:
        raise Unavailable("Mastodon answered a status without an id")
    web = isinstance(url, str) and url.startswith(("https://", "http://"))
    if not web or not isinstance(url, str) or UNSAFE.search(url):
        raise Unavailable("Mastodon answered a status without a usable address")
    return Status(str(status_id)[:100], url[:1000])


def _safe_id(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,100}", value):
        raise Refused("the mention's status id is not one Mastodon could have made")
    return value


def _reason(response: httpx.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        answer = None
    error = answer.get("error") if isinstance(answer, dict) else None
    text = error if isinstance(error, str) else f"HTTP {response.status_code}"
    return one_line(f"{text} ({response.status_code})", 300)


def _soon() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</p>\s*<p[^>]*>", re.IGNORECASE)
_HANDLE_HOST = re.compile(r"(@[\w.-]+)@[\w.-]+\w")


def plain(content: str) -> str:
    """A status's HTML as its text (tags dropped, entities read, lines kept)."""
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", content)))


def same_text(posted: str, ours: str) -> bool:
    """Whether a status's text (``plain``) is our reply: Mastodon shows a mention of a remote
    account as ``@name`` without its host, and may change spacing; nothing else."""

    def norm(text: str) -> str:
        return " ".join(_HANDLE_HOST.sub(r"\1", text).split()).casefold()

    return norm(posted) == norm(ours)
