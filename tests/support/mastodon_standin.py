"""A stand-in for a Mastodon instance on 127.0.0.1, in the shapes of Mastodon's REST API, for
the poster of public replies:

- ``POST /api/v1/statuses`` (JSON or form), honouring ``Idempotency-Key`` as Mastodon does:
  the same key from the same account answers the same status and posts nothing new (until
  ``forget_keys``, which stands for the hour Mastodon keeps a key);
- ``GET /api/v1/accounts/verify_credentials``; ``GET /api/v1/statuses/:id/context``;
- ``X-RateLimit-Limit/Remaining/Reset`` on every answer, a bearer token checked on each.

``fail_next`` scripts the next answers to a POST: ``422`` (Mastodon's validation error),
``429`` (rate limited, reset in ``reset_in`` seconds), ``500``, ``401`` (token revoked),
``cut`` (the connection closed before anything was posted), ``cut_after`` (posted, then the
connection closed before the answer: the poster cannot know) and ``garbage_after`` (posted,
then an answer that is not a status). ``posts`` counts real posts.
"""

import html
import itertools
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support.background_server import BackgroundServer

TOKEN = "standin-token-5f1c"
ME = "1090001"
LIMIT = 300


@dataclass
class Posted:
    id: str
    text: str
    in_reply_to_id: str | None
    visibility: str
    language: str | None
    key: str | None
    account_id: str = ME
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())


class MastodonStandIn(BackgroundServer):
    def __init__(self, *, token: str = TOKEN) -> None:
        self.token = token
        self.lock = threading.Lock()
        self.statuses: list[Posted] = []  # every status, the council's and others' replies
        self.keys: dict[str, Posted] = {}
        self.script: list[str] = []
        self.reset_in = 2.0
        self.remaining = LIMIT
        self.post_delay = 0.0  # seconds a POST takes (two posters overlapping)
        self.requests: list[tuple[str, str]] = []
        self._ids = itertools.count(110_000_000_000_000_001)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        super().__init__()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def posts(self) -> list[Posted]:
        """The council's own statuses, in the order they were posted."""
        with self.lock:
            return [s for s in self.statuses if s.account_id == ME]

    def fail_next(self, *kinds: str) -> None:
        with self.lock:
            self.script.extend(kinds)

    def forget_keys(self) -> None:
        with self.lock:
            self.keys.clear()

    def someone_else_replies(self, in_reply_to_id: str, text: str) -> None:
        with self.lock:
            self.statuses.append(
                Posted(str(next(self._ids)), text, in_reply_to_id, "public", "en", None, "77")
            )

    def shape(self, s: Posted) -> dict[str, Any]:
        # As Mastodon renders text: a remote mention shows as @name, without its host.
        words = []
        for word in s.text.split(" "):
            if word.startswith("@") and word.count("@") == 2:
                name = word.split("@")[1]
                words.append(
                    f'<span class="h-card"><a href="https://x.example/@{html.escape(name)}" '
                    f'class="u-url mention">@<span>{html.escape(name)}</span></a></span>'
                )
            else:
                words.append(html.escape(word))
        content = "<p>" + " ".join(words).replace("\n", "<br />") + "</p>"
        acct = "council" if s.account_id == ME else "someone@elsewhere.example"
        return {
            "id": s.id,
            "uri": f"{self.url}/users/{acct}/statuses/{s.id}",
            "url": f"{self.url}/@{acct}/{s.id}",
            "created_at": s.created_at,
            "in_reply_to_id": s.in_reply_to_id,
            "in_reply_to_account_id": None,
            "visibility": s.visibility,
            "language": s.language,
            "content": content,
            "account": {"id": s.account_id, "username": acct, "acct": acct},
        }

    def rate_headers(self) -> dict[str, str]:
        reset = datetime.now(UTC) + timedelta(seconds=self.reset_in)
        return {
            "X-RateLimit-Limit": str(LIMIT),
            "X-RateLimit-Remaining": str(max(self.remaining, 0)),
            "X-RateLimit-Reset": reset.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        }


def _handler(standin: MastodonStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: Any, extra: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            for name, value in {**standin.rate_headers(), **(extra or {})}.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _cut(self) -> None:
            self.close_connection = True
            self.connection.close()

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {standin.token}":
                return True
            self._answer(401, {"error": "The access token is invalid"})
            return False

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            standin.requests.append(("GET", path))
            if not self._authorised():
                return
            if path == "/api/v1/accounts/verify_credentials":
                self._answer(200, {"id": ME, "username": "council", "acct": "council"})
                return
            parts = path.split("/")
            if (
                len(parts) == 6
                and parts[:4] == ["", "api", "v1", "statuses"]
                and parts[5] == ("context")
            ):
                with standin.lock:
                    below = [
                        standin.shape(s) for s in standin.statuses if s.in_reply_to_id == parts[4]
                    ]
                self._answer(200, {"ancestors": [], "descendants": below})
                return
            self._answer(404, {"error": "Record not found"})

        def do_POST(self) -> None:
            path = urlsplit(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            standin.requests.append(("POST", path))
            if path != "/api/v1/statuses":
                self._answer(404, {"error": "Record not found"})
                return
            if not self._authorised():
                return
            if "json" in (self.headers.get("Content-Type") or ""):
                body = json.loads(raw or b"{}")
            else:
                body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            with standin.lock:
                fault = standin.script.pop(0) if standin.script else None
                standin.remaining -= 1
            if fault == "401":
                self._answer(401, {"error": "The access token was revoked"})
                return
            if fault == "422":
                self._answer(422, {"error": "Validation failed: Text character limit exceeded"})
                return
            if fault == "429":
                self._answer(429, {"error": "Too many requests"})
                return
            if fault == "500":
                self._answer(500, {"error": "We're sorry, but something went wrong"})
                return
            if fault == "cut":
                self._cut()
                return
            text = body.get("status")
            if not isinstance(text, str) or not text.strip():
                self._answer(422, {"error": "Validation failed: Text can't be blank"})
                return
            if len(text) > 500:
                self._answer(
                    422, {"error": "Validation failed: Text character limit of 500 exceeded"}
                )
                return
            key = self.headers.get("Idempotency-Key")
            if standin.post_delay:
                threading.Event().wait(standin.post_delay)
            with standin.lock:
                status = standin.keys.get(key) if key else None
                if status is None:
                    status = Posted(
                        str(next(standin._ids)),
                        text,
                        body.get("in_reply_to_id"),
                        body.get("visibility") or "public",
                        body.get("language"),
                        key,
                    )
                    standin.statuses.append(status)
                    if key:
                        standin.keys[key] = status
                shaped = standin.shape(status)
            if fault == "cut_after":
                self._cut()
                return
            if fault == "garbage_after":  # posted, then an answer that is no status
                self._answer(200, {"id": None, "url": "javascript:alert(1)"})
                return
            self._answer(200, shaped)

    return Handler
