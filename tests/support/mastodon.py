"""A Mastodon instance for tests: ``http.server`` in a thread, answering with the shapes of
Mastodon's API (Notification, Status, Account, MediaAttachment; ``Link`` pagination as
Mastodon writes it), and faults scripted per path.

    with FakeMastodon() as fake:
        fake.mention("1001", status("9001", "<p>@council bins!</p>"))
        fake.fail("/api/v1/notifications", 500, times=2)
        fake.base                   # http://127.0.0.1:PORT
"""

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

HOST = "127.0.0.1"
TOKEN = "council-token"


def account(acct: str = "bryn", name: str = "Bryn Jones", host: str = HOST) -> dict[str, Any]:
    username = acct.split("@", 1)[0]
    return {
        "id": str(abs(hash(acct)) % 10**9),
        "username": username,
        "acct": acct,
        "display_name": name,
        "locked": False,
        "bot": False,
        "created_at": "2022-11-01T00:00:00.000Z",
        "note": "<p>Lives in Pontyglas</p>",
        "url": f"https://{host if '@' not in acct else acct.split('@', 1)[1]}/@{username}",
        "avatar": "https://files.example/avatars/original/missing.png",
        "avatar_static": "https://files.example/avatars/original/missing.png",
        "header": "https://files.example/headers/original/missing.png",
        "followers_count": 12,
        "following_count": 40,
        "statuses_count": 300,
        "emojis": [],
        "fields": [],
    }


def status(
    status_id: str,
    content: str,
    *,
    acct: str = "bryn",
    created_at: str = "2026-01-05T09:00:00.000Z",
    edited_at: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": status_id,
        "created_at": created_at,
        "edited_at": edited_at,
        "in_reply_to_id": None,
        "in_reply_to_account_id": None,
        "sensitive": False,
        "spoiler_text": "",
        "visibility": "public",
        "language": "en",
        "uri": f"https://{HOST}/users/{acct}/statuses/{status_id}",
        "url": f"https://{HOST}/@{acct}/{status_id}",
        "replies_count": 0,
        "reblogs_count": 0,
        "favourites_count": 0,
        "content": content,
        "reblog": None,
        "application": {"name": "Web", "website": None},
        "account": account(acct),
        "media_attachments": [],
        "mentions": [
            {"id": "1", "username": "council", "url": f"https://{HOST}/@council", "acct": "council"}
        ],
        "tags": [],
        "emojis": [],
        "card": None,
        "poll": None,
    }
    body.update(extra)
    return body


@dataclass
class Fault:
    status: int
    body: bytes
    headers: dict[str, str]


@dataclass
class State:
    notifications: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    seen: list[str] = field(default_factory=list)  # "GET /path?query"
    tokens: list[str | None] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # added to every answer
    lock: threading.Lock = field(default_factory=threading.Lock)


class FakeMastodon:
    def __init__(self) -> None:
        self.state = State()
        state = self.state

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._answer("GET")

            def do_POST(self) -> None:
                self._answer("POST")

            def _answer(self, method: str) -> None:
                parts = urlsplit(self.path)
                with state.lock:
                    state.seen.append(f"{method} {self.path}")
                    state.tokens.append(self.headers.get("Authorization"))
                    faults = state.faults.get(parts.path)
                    fault = faults.pop(0) if faults else None
                if fault is not None:
                    self._send(fault.status, fault.body, fault.headers)
                    return
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode()) if length else {}
                port = self.server.server_address[1]
                status_code, body, headers = route(state, method, parts, form, self.headers, port)
                self._send(status_code, json.dumps(body).encode(), headers)

            def _send(self, code: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(code)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for name, value in {**state.headers, **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.base = f"http://{HOST}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeMastodon":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def mention(self, notification_id: str, post: dict[str, Any], kind: str = "mention") -> None:
        with self.state.lock:
            self.state.notifications.append(
                {
                    "id": notification_id,
                    "type": kind,
                    "created_at": post["created_at"],
                    "account": post["account"],
                    "status": post,
                }
            )
            self.state.statuses[post["id"]] = post

    def delete(self, status_id: str) -> None:
        """The post is deleted: Mastodon drops it and the notifications about it."""
        with self.state.lock:
            self.state.statuses.pop(status_id, None)
            self.state.notifications = [
                n for n in self.state.notifications if n["status"]["id"] != status_id
            ]

    def fail(
        self,
        path: str,
        code: int,
        *,
        times: int = 1,
        body: bytes = b'{"error":"failed"}',
        headers: dict[str, str] | None = None,
    ) -> None:
        with self.state.lock:
            self.state.faults.setdefault(path, []).extend(
                Fault(code, body, headers or {}) for _ in range(times)
            )

    def requests_to(self, path: str) -> list[str]:
        with self.state.lock:
            return [s for s in self.state.seen if urlsplit(s.split(" ", 1)[1]).path == path]


def route(
    state: State, method: str, parts: Any, form: dict[str, list[str]], headers: Any, port: int
) -> tuple[int, Any, dict[str, str]]:
    query = parse_qs(parts.query)
    path = parts.path
    if method == "POST" and path == "/api/v1/apps":
        return 200, {"id": "1", "name": "Caseworker", "client_id": "cid", "client_secret": "cs"}, {}
    if method == "POST" and path == "/oauth/token":
        if form.get("code") == ["right-code"] and form.get("client_secret") == ["cs"]:
            return 200, {"access_token": TOKEN, "token_type": "Bearer", "scope": "read"}, {}
        return 400, {"error": "invalid_grant"}, {}
    if headers.get("Authorization") != f"Bearer {TOKEN}":
        return 401, {"error": "The access token is invalid"}, {}
    if path == "/api/v1/notifications":
        return _notifications(state, query, port)
    if path.startswith("/api/v1/statuses/"):
        found = state.statuses.get(path.rsplit("/", 1)[1])
        return (200, found, {}) if found else (404, {"error": "Record not found"}, {})
    return 404, {"error": "Not found"}, {}


def _notifications(
    state: State, query: dict[str, list[str]], port: int
) -> tuple[int, Any, dict[str, str]]:
    kinds = set(query.get("types[]", [])) or {"mention"}
    limit = int(query.get("limit", ["20"])[0])
    min_id = int(query.get("min_id", ["0"])[0])
    with state.lock:
        after = [n for n in state.notifications if int(n["id"]) > min_id and n["type"] in kinds]
    page = after[:limit]  # the oldest just after min_id ...
    page.reverse()  # ... newest first, as Mastodon lists them
    if not page:
        return 200, [], {}
    base = f"http://{HOST}:{port}/api/v1/notifications"
    types = "&".join(f"types[]={k}" for k in sorted(kinds))
    link = (
        f'<{base}?{types}&limit={limit}&max_id={page[-1]["id"]}>; rel="next", '
        f'<{base}?{types}&limit={limit}&min_id={page[0]["id"]}>; rel="prev"'
    )
    return 200, page, {"Link": link}


def mentions_in(docs: Iterator[dict[str, Any]]) -> list[dict[str, Any]]:
    return [d for d in docs if d.get("type") == "mention"]
