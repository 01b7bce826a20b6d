"""A rate-limited, retrying JSON client for one Mastodon instance (``requests``).

    api = Api("https://mastodon.example", token)
    reply = api.get("/api/v1/notifications", {"types[]": "mention"})   # an ApiReply

- ``X-RateLimit-Limit``/``-Remaining``/``-Reset`` are honoured: with none left, it sleeps until
  the reset; without the headers it keeps Mastodon's default (300 requests in 5 minutes) itself.
- 429: sleeps until the reset the reply names (its ``Retry-After``, or the default window)
  and tries again.
- 5xx and failed connections: tries again with exponential back-off, then gives up
  (``adapter.NetworkError``); 401: ``adapter.TokenRefused``.
- Only addresses on the instance itself are followed (a ``Link`` to elsewhere would carry the
  council's token there); redirects are not followed; replies are read to a size cap.
"""

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

import requests

from caseworker.timeutil import from_iso
from sync import transport
from sync.errors import SyncError
from sync.mentions.adapter import NetworkError, TokenRefused

DEFAULT_LIMIT = 300  # requests per window when the instance sends no rate-limit headers
DEFAULT_WINDOW = 300.0  # seconds: Mastodon's five minutes
ATTEMPTS = 5  # tries of one request through 5xx, failed connections and 429
BACKOFF = 2.0  # seconds before the second try; doubled each time
READ_CAP = 8 * 2**20  # bytes of one reply
DEADLINE = 60.0  # seconds for one exchange


Params = Mapping[str, str] | Sequence[tuple[str, str]]


@dataclass(frozen=True)
class ApiReply:
    status: int
    headers: Mapping[str, str]
    body: Any  # the JSON answer (None for an empty body)


class Api:
    def __init__(
        self,
        base: str,
        token: str | None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        verify: bool | str = True,
    ) -> None:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an instance address: {base!r}")
        self.base = f"{parts.scheme}://{parts.netloc}"
        self.host = parts.hostname.lower()
        self.http = transport.new_session(verify)
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"
        self.sleep, self.clock = sleep, clock
        self.remaining: int | None = None  # as the instance last said
        self.reset_at: float | None = None  # epoch seconds
        self._window_start = clock()
        self._sent_in_window = 0
        self.requests = 0  # sent, for the report and the tests

    def close(self) -> None:
        self.http.close()

    def url(self, path: str, params: Params | None = None) -> str:
        """An address on the instance; ``params`` as pairs when a name repeats (``types[]``)."""
        pairs = list(params.items()) if isinstance(params, Mapping) else list(params or ())
        query = f"?{urlencode(pairs)}" if pairs else ""
        return f"{self.base}{path}{query}"

    def on_instance(self, url: str) -> bool:
        parts, own = urlsplit(url), urlsplit(self.base)
        return (parts.scheme, parts.netloc) == (own.scheme, own.netloc)

    def get(self, path: str, params: Params | None = None) -> ApiReply:
        return self.send("GET", self.url(path, params))

    def post(self, path: str, form: Mapping[str, str]) -> ApiReply:
        return self.send("POST", self.url(path), urlencode(list(form.items())).encode())

    def send(self, method: str, url: str, data: bytes | None = None) -> ApiReply:
        """One request with the rate limit, retries and checks above; any status below 500
        other than 401 and 429 is returned for the caller to judge (a 404: a deleted post)."""
        if not self.on_instance(url):
            raise NetworkError(f"{url[:200]} is not on {self.base}: not followed")
        delay = BACKOFF
        for attempt in range(1, ATTEMPTS + 1):
            self._wait_for_budget()
            try:
                reply = self._exchange(method, url, data)
            except (requests.RequestException, SyncError, transport.Expired) as exc:
                if attempt == ATTEMPTS:
                    raise NetworkError(f"cannot reach {self.host}: {exc}") from None
                self.sleep(delay)
                delay *= 2
                continue
            self._note_limits(reply.headers)
            if reply.status == 401:
                raise TokenRefused(f"{self.host} refused the council's token: connect again")
            if reply.status == 429:
                if attempt == ATTEMPTS:
                    raise NetworkError(f"{self.host} kept answering 429 (too many requests)")
                self._wait_for_reset()
                continue
            if reply.status >= 500:
                if attempt == ATTEMPTS:
                    raise NetworkError(f"{self.host} failed ({reply.status}) {ATTEMPTS} times")
                self.sleep(delay)
                delay *= 2
                continue
            if 300 <= reply.status < 400:
                raise NetworkError(f"{self.host} redirected {method} {urlsplit(url).path}")
            return ApiReply(reply.status, reply.headers, _json(reply.content, self.host))
        raise AssertionError("unreachable")  # pragma: no cover

    def _exchange(self, method: str, url: str, data: bytes | None) -> transport.Reply:
        self.requests += 1
        self._sent_in_window += 1
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if data else {}
        return transport.exchange(
            self.http,
            method,
            url,
            params=None,
            data=data,
            headers=headers,
            deadline=time.monotonic() + DEADLINE,
            read_timeout=30.0,
            what=f"{method} {urlsplit(url).path}",
            cap=READ_CAP,
        )

    # -- the rate limit ----------------------------------------------------------------------

    def _note_limits(self, headers: Mapping[str, str]) -> None:
        remaining = _int(headers.get("X-RateLimit-Remaining"))
        reset = _epoch(headers.get("X-RateLimit-Reset"))
        if reset is None:  # a proxy in front may say only how long to wait
            after = _int(headers.get("Retry-After"))
            reset = self.clock() + after if after is not None and after >= 0 else None
        if remaining is not None:
            self.remaining = remaining
        if reset is not None:
            self.reset_at = reset

    def _until_reset(self) -> float:
        """Seconds to the instance's reset (its default window when it named none; none when
        that time has passed), at most one window: a reset far in the future is not believed."""
        now = self.clock()
        if self.reset_at is None:
            return DEFAULT_WINDOW
        return max(0.0, min(self.reset_at - now, DEFAULT_WINDOW))

    def _wait_for_reset(self) -> None:
        wait = self._until_reset()
        if wait > 0:
            self.sleep(wait)
        self.remaining, self.reset_at = None, None  # a new window: the next reply says anew

    def _wait_for_budget(self) -> None:
        now = self.clock()
        if self.remaining is not None:
            if self.remaining <= 0:
                self._wait_for_reset()
            return
        if now - self._window_start >= DEFAULT_WINDOW:
            self._window_start, self._sent_in_window = now, 0
        elif self._sent_in_window >= DEFAULT_LIMIT:
            self.sleep(self._window_start + DEFAULT_WINDOW - now)
            self._window_start, self._sent_in_window = self.clock(), 0


def _json(content: bytes, host: str) -> Any:
    if not content.strip():
        return None
    try:
        return json.loads(content)
    except ValueError:
        raise NetworkError(f"{host} sent a reply that is not JSON") from None


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _epoch(value: str | None) -> float | None:
    """Mastodon's ``X-RateLimit-Reset`` is an ISO 8601 time; some servers send epoch seconds."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        moment: datetime = from_iso(value)
    except ValueError:
        return None
    return moment.timestamp()
