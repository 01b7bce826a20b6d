"""HTTP to one CouchDB-protocol database: JSON in and out, deadlines, TLS verified, typed errors.

``CouchClient(db_url, user, password)`` signs in with a CouchDB session cookie
(``POST /_session``) before its first request, and once more when a request is refused with
401 (the cookie expired); a second 401 is an ``AuthError``. Credentials never appear in a
message: URLs are shown without them.

A server is not trusted (``sync.transport`` reads every reply): a request has a total
deadline, a sync (``budget``) another; replies are capped, compressed or not; a redirect is
never followed (the password and the records stay with the origin) but refused in one line;
plain ``http://`` to another machine is refused unless ``allow_http``.
"""

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import requests

from sync import transport
from sync.errors import (
    AuthError,
    ForbiddenError,
    InsecureConnection,
    MalformedResponse,
    NetworkError,
    RedirectRefused,
    RequestError,
    ServerError,
    TooLargeError,
)
from sync.tls import checked_verify
from sync.transport import Expired, Reply
from sync.urls import origin_of, split_db_url, unencrypted

READ_TIMEOUT = transport.READ_TIMEOUT
REQUEST_DEADLINE = 120.0  # seconds for one whole request, from sending to the reply's last byte
_JSON = "application/json"


def seq_param(seq: Any) -> str:
    """A sequence for the URL, kept opaque: text as it is, anything else as JSON."""
    return seq if isinstance(seq, str) else json.dumps(seq, separators=(",", ":"))


DEVICE_HEADER = "X-Caseworker-Device"


class CouchClient:
    """One database on a CouchDB-protocol server, over a keep-alive ``requests.Session``."""

    def __init__(
        self,
        db_url: str,
        user: str | None = None,
        password: str | None = None,
        *,
        timeout: float = READ_TIMEOUT,
        verify: bool | str = True,
        allow_http: bool = False,
        deadline: float = REQUEST_DEADLINE,
    ) -> None:
        self.db_url, url_user, url_password = split_db_url(db_url)
        self.unencrypted = unencrypted(self.db_url)
        if self.unencrypted and not allow_http:
            raise InsecureConnection(
                f"{self.db_url} is not encrypted (http://): use an https:// address, or "
                "--allow-http to send the password and records unprotected"
            )
        self.allow_http = allow_http
        self.user = user if user is not None else url_user
        self._password = password if password is not None else url_password
        self.server_url = self.db_url.rsplit("/", 1)[0]
        self.host = urlsplit(self.db_url).netloc
        self.timeout = timeout  # the longest wait for any one piece of a reply
        self.deadline = deadline  # the longest a whole request may take
        self.sync_deadline: float | None = None  # monotonic end of the running sync's budget
        self._budget_text = ""
        self.http = transport.new_session(checked_verify(self.db_url, verify))
        self._signed_in = False
        self._auth_lock = threading.Lock()

    def fork(self) -> "CouchClient":
        """Another client for the same database, session cookie and sync budget (for a
        second thread)."""
        other = CouchClient(
            self.db_url,
            self.user,
            self._password,
            timeout=self.timeout,
            verify=self.http.verify if self.http.verify is not None else True,
            allow_http=self.allow_http,
            deadline=self.deadline,
        )
        other.http.cookies = self.http.cookies
        if DEVICE_HEADER in self.http.headers:
            other.http.headers[DEVICE_HEADER] = self.http.headers[DEVICE_HEADER]
        other._signed_in = self._signed_in
        other.sync_deadline, other._budget_text = self.sync_deadline, self._budget_text
        return other

    def name_device(self, store_id: str) -> None:
        """Say which laptop is asking (the gateway's access log records it): this machine's
        name and its store's id, printable ASCII only."""
        label = f"{socket.gethostname()} store {store_id[:12]}"
        clean = "".join(c for c in label if " " <= c <= "~")[:120]
        self.http.headers[DEVICE_HEADER] = clean

    def set_password(self, password: str) -> None:
        self._password = password
        self._signed_in = False

    def close(self) -> None:
        self.http.close()

    @contextlib.contextmanager
    def budget(self, seconds: float) -> Iterator[None]:
        """Every request inside ends by ``seconds`` from now (a sync's total deadline); an
        enclosing budget that ends sooner is kept."""
        saved = self.sync_deadline, self._budget_text
        end = time.monotonic() + seconds
        if self.sync_deadline is None or end < self.sync_deadline:
            self.sync_deadline, self._budget_text = end, _duration(seconds)
        try:
            yield
        finally:
            self.sync_deadline, self._budget_text = saved

    # -- authentication -------------------------------------------------------------------------

    def sign_in(self) -> None:
        """``POST /_session``: the server answers with an AuthSession cookie kept by the session."""
        if self.user is None:
            return
        with self._auth_lock:
            body = {"name": self.user, "password": self._password or ""}
            self._signed_in = False
            self.http.cookies.clear()
            url = self.server_url + "/_session"
            reply = self._send("POST", url, None, body, None)
            if 300 <= reply.status < 400:
                target = _redirect_target(url, reply)
                raise RedirectRefused(
                    f"the central service redirected the sign-in to {target}; not followed"
                )
            if reply.status == 401:
                raise AuthError(f"the central service refused the name or password of {self.user}")
            self._check(reply, "POST", "/_session", True)
            self._signed_in = True

    # -- requests -------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str = "",
        *,
        params: Mapping[str, str] | None = None,
        body: Any = None,
        timeout: float | None = None,
        server: bool = False,
    ) -> Any:
        """Send a request to ``db_url + path`` (``server``: to the server's root + path) and
        return the JSON answer (typed errors else)."""
        if self.user is not None and not self._signed_in:
            self.sign_in()
        url = (self.server_url if server else self.db_url) + path
        reply = self._send(method, url, params, body, timeout)
        if reply.status == 401 and self.user is not None:
            self.sign_in()  # the cookie expired (or the server forgot it): once more
            reply = self._send(method, url, params, body, timeout)
            if reply.status == 401:
                raise AuthError(f"{self.user} may not use {self.db_url} (the server said 401)")
        self._check(reply, method, path, server, url)
        return self._json(reply, method, path)

    def get(self, path: str = "", params: Mapping[str, str] | None = None, **kw: Any) -> Any:
        return self.request("GET", path, params=params, **kw)

    def post(self, path: str, body: Any, params: Mapping[str, str] | None = None, **kw: Any) -> Any:
        return self.request("POST", path, params=params, body=body, **kw)

    def put(self, path: str, body: Any, **kw: Any) -> Any:
        return self.request("PUT", path, body=body, **kw)

    def get_or_none(self, path: str, *, server: bool = False) -> Any:
        """GET, with None for a 404 (a document or checkpoint not there yet); ``server``: at
        the server's root (e.g. ``/_users/...``)."""
        try:
            return self.request("GET", path, server=server)
        except RequestError as exc:
            if exc.status == 404:
                return None
            raise

    def _send(
        self,
        method: str,
        url: str,
        params: Mapping[str, str] | None,
        body: Any,
        timeout: float | None,
        *,
        deadline: float | None = None,
        stop: threading.Event | None = None,
    ) -> Reply:
        """One exchange, read whole. ``deadline`` (monotonic): a long-poll's own end, which
        raises ``Expired`` rather than an error."""
        data = None
        headers = {}
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            headers["Content-Type"] = _JSON
        what = f"{method} {urlsplit(url).path}"
        own_end = time.monotonic() + self.deadline
        ends = [own_end] if deadline is None else [deadline]
        if self.sync_deadline is not None:
            ends.append(self.sync_deadline)
        end = min(ends)
        try:
            return transport.exchange(
                self.http,
                method,
                url,
                params=params,
                data=data,
                headers=headers,
                deadline=end,
                read_timeout=timeout or self.timeout,
                what=what,
                stop=stop,
            )
        except Expired:
            if deadline is not None and end == deadline:
                raise
            if self.sync_deadline is not None and end == self.sync_deadline:
                raise NetworkError(
                    f"the sync took longer than its limit of {self._budget_text}; "
                    "the next sync carries on from where it stopped"
                ) from None
            raise NetworkError(
                f"the central service did not finish answering within {_duration(self.deadline)}"
                f" ({what})"
            ) from None
        except requests.Timeout as exc:
            raise NetworkError(f"the central service did not answer in time ({what})") from exc
        except requests.exceptions.SSLError as exc:
            raise NetworkError(f"the certificate of {self.host} could not be verified") from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise NetworkError(f"cannot reach the central service at {self.host}") from exc
        except requests.RequestException as exc:
            raise NetworkError(f"the connection to {self.host} failed ({what})") from exc

    def _check(
        self, reply: Reply, method: str, path: str, server: bool = False, url: str = ""
    ) -> None:
        status = reply.status
        what = f"{method} {'' if server else urlsplit(self.db_url).path}{path}"
        if 300 <= status < 400:
            target = _redirect_target(url or self.db_url, reply)
            raise RedirectRefused(
                f"the central service redirected {what} to {target}; not followed"
            )
        if status < 400:
            return
        reason = _reason(reply)
        if status == 401:
            raise AuthError(f"the central service asks for a sign-in ({reason})")
        if status == 403:
            raise ForbiddenError(f"the central service refused: {reason}")
        if status == 413:
            raise TooLargeError(f"the request was too large for the central service ({what})")
        if status >= 500:
            raise ServerError(f"the central service failed ({status} on {what}): {reason}")
        raise RequestError(
            f"the central service answered {status} to {what}: {reason}", status, reason
        )

    def _json(self, reply: Reply, method: str, path: str) -> Any:
        return parse_json(reply.content, f"{method} {path or '/'}")

    # -- the long-poll feed ---------------------------------------------------------------------

    def longpoll_changes(self, since: Any, deadline: float, stop: threading.Event) -> Any | None:
        """Wait for a change after ``since`` until ``deadline`` (monotonic); the ``_changes``
        answer, or None when the deadline passed (or ``stop`` was set) first.

        Servers may ignore ``timeout`` (PouchDB Server does) and keep the request open with
        heartbeats, so the deadline is kept here, whatever the server sends or does not.
        """
        if self.user is not None and not self._signed_in:
            self.sign_in()
        wait_ms = max(1000, int((deadline - time.monotonic()) * 1000))
        params = {
            "feed": "longpoll",
            "since": seq_param(since),
            "style": "all_docs",
            "limit": "1000",
            "heartbeat": "1000",
            "timeout": str(wait_ms),
        }
        url = self.db_url + "/_changes"
        try:
            reply = self._send("GET", url, params, None, 5.0, deadline=deadline, stop=stop)
        except Expired:
            return None
        if reply.status == 401 and self.user is not None:
            self._signed_in = False
        self._check(reply, "GET", "/_changes", url=url)
        return parse_json(reply.content, "the change feed")


def parse_json(content: bytes, what: str) -> Any:
    """The JSON of a reply; ``MalformedResponse`` for anything else (also JSON nested too
    deep for the parser, which would otherwise escape as a RecursionError)."""
    try:
        return json.loads(content)
    except (ValueError, RecursionError) as exc:
        raise MalformedResponse(
            f"the central service sent a reply that is not JSON ({what})"
        ) from exc


def _redirect_target(url: str, reply: Reply) -> str:
    location = reply.headers.get("Location")
    if not location:
        return "an address it did not give"
    try:
        return origin_of(urljoin(url, location))
    except ValueError:
        return "an unreadable address"


def _duration(seconds: float) -> str:
    if seconds >= 120:
        return f"{seconds / 60:g} minutes"
    return f"{seconds:g} s"


def _reason(reply: Reply) -> str:
    try:
        data = json.loads(reply.content)
    except (ValueError, RecursionError):
        data = None
    reason = data.get("reason") or data.get("error") if isinstance(data, dict) else None
    if not reason:
        reason = reply.reason or f"HTTP {reply.status}"
    # The server's words, made safe to show on one line.
    text = "".join(c if c.isprintable() else " " for c in str(reason))
    return text[:300]


def doc_path(doc_id: str) -> str:
    """``/<id>`` for a document, with ``_design/`` and ``_local/`` kept as CouchDB wants."""
    for prefix in ("_design/", "_local/"):
        if doc_id.startswith(prefix):
            return "/" + prefix + quote(doc_id[len(prefix) :], safe="")
    return "/" + quote(doc_id, safe="")
