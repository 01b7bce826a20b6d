"""HTTP to one CouchDB-protocol database: JSON in and out, timeouts, TLS verified, typed errors.

``CouchClient(db_url, user, password)`` signs in with a CouchDB session cookie
(``POST /_session``) before its first request, and once more when a request is refused with
401 (the cookie expired); a second 401 is an ``AuthError``. Credentials never appear in a
message: URLs are shown without them.
"""

import json
import threading
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from sync.errors import (
    AuthError,
    ForbiddenError,
    MalformedResponse,
    NetworkError,
    RequestError,
    ServerError,
    TooLargeError,
)
from sync.urls import split_db_url

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
_JSON = "application/json"


def seq_param(seq: Any) -> str:
    """A sequence for the URL, kept opaque: text as it is, anything else as JSON."""
    return seq if isinstance(seq, str) else json.dumps(seq, separators=(",", ":"))


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
    ) -> None:
        self.db_url, url_user, url_password = split_db_url(db_url)
        self.user = user if user is not None else url_user
        self._password = password if password is not None else url_password
        self.server_url = self.db_url.rsplit("/", 1)[0]
        self.host = urlsplit(self.db_url).netloc
        self.timeout = timeout
        self.http = requests.Session()
        self.http.verify = verify
        self.http.headers.update({"Accept": _JSON})
        self._signed_in = False
        self._auth_lock = threading.Lock()

    def fork(self) -> "CouchClient":
        """Another client for the same database and session cookie (for a second thread)."""
        other = CouchClient(self.db_url, self.user, self._password, timeout=self.timeout)
        other.http.verify = self.http.verify
        other.http.cookies = self.http.cookies
        other._signed_in = self._signed_in
        return other

    def set_password(self, password: str) -> None:
        self._password = password
        self._signed_in = False

    def close(self) -> None:
        self.http.close()

    # -- authentication -------------------------------------------------------------------------

    def sign_in(self) -> None:
        """``POST /_session``: the server answers with an AuthSession cookie kept by the session."""
        if self.user is None:
            return
        with self._auth_lock:
            body = {"name": self.user, "password": self._password or ""}
            self._signed_in = False
            self.http.cookies.clear()
            response = self._send("POST", self.server_url + "/_session", None, body, None)
            if response.status_code == 401:
                raise AuthError(f"the central service refused the name or password of {self.user}")
            self._check(response, "POST", "/_session", True)
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
        response = self._send(method, url, params, body, timeout)
        if response.status_code == 401 and self.user is not None:
            self.sign_in()  # the cookie expired (or the server forgot it): once more
            response = self._send(method, url, params, body, timeout)
            if response.status_code == 401:
                raise AuthError(f"{self.user} may not use {self.db_url} (the server said 401)")
        self._check(response, method, path, server)
        return self._json(response, method, path)

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
        stream: bool = False,
        headers: Mapping[str, str] | None = None,
    ) -> requests.Response:
        data = None
        all_headers = dict(headers or {})
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
            all_headers["Content-Type"] = _JSON
        what = f"{method} {urlsplit(url).path}"
        try:
            return self.http.request(
                method,
                url,
                params=params,
                data=data,
                headers=all_headers,
                timeout=(CONNECT_TIMEOUT, timeout or self.timeout),
                stream=stream,
            )
        except requests.Timeout as exc:
            raise NetworkError(f"the central service did not answer in time ({what})") from exc
        except requests.exceptions.SSLError as exc:
            raise NetworkError(f"the certificate of {self.host} could not be verified") from exc
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
            raise NetworkError(f"cannot reach the central service at {self.host}") from exc
        except requests.RequestException as exc:
            raise NetworkError(f"the connection to {self.host} failed ({what})") from exc

    def _check(
        self, response: requests.Response, method: str, path: str, server: bool = False
    ) -> None:
        status = response.status_code
        if status < 400:
            return
        reason = _reason(response)
        what = f"{method} {'' if server else urlsplit(self.db_url).path}{path}"
        if status == 401:
            raise AuthError(f"the central service asks for a sign-in ({reason})")
        if status == 403:
            raise ForbiddenError(f"the central service refused: {reason}")
        if status == 413:
            raise TooLargeError(f"the request was too large for the central service ({what})")
        if status >= 500:
            raise ServerError(f"the central service failed ({status} on {what}): {reason}")
        raise RequestError(f"the central service answered {status} to {what}: {reason}", status)

    def _json(self, response: requests.Response, method: str, path: str) -> Any:
        try:
            return json.loads(response.content)
        except ValueError as exc:
            raise MalformedResponse(
                f"the central service sent a reply that is not JSON ({method} {path or '/'})"
            ) from exc

    # -- the long-poll feed ---------------------------------------------------------------------

    def longpoll_changes(self, since: Any, deadline: float, stop: threading.Event) -> Any | None:
        """Wait for a change after ``since`` until ``deadline`` (monotonic); the ``_changes``
        answer, or None when the deadline passed (or ``stop`` was set) first.

        Servers may ignore ``timeout`` (PouchDB Server does) and keep the request open with
        heartbeats, so the deadline is kept here, between heartbeats.
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
        response = self._send(
            "GET",
            self.db_url + "/_changes",
            params,
            None,
            5.0,
            stream=True,
            headers={"Accept-Encoding": "identity"},
        )
        with response:
            if response.status_code == 401 and self.user is not None:
                self._signed_in = False
            self._check(response, "GET", "/_changes")
            chunks: list[bytes] = []
            try:
                for chunk in response.iter_content(chunk_size=None):
                    chunks.append(chunk)
                    if stop.is_set() or time.monotonic() > deadline:
                        return None
            except (requests.RequestException, OSError) as exc:
                raise NetworkError(f"the change feed from {self.host} broke off") from exc
        content = b"".join(chunks)
        try:
            return json.loads(content)
        except ValueError as exc:
            raise MalformedResponse("the change feed sent a reply that is not JSON") from exc


def _reason(response: requests.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.reason or f"HTTP {response.status_code}"
    if isinstance(data, dict):
        reason = data.get("reason") or data.get("error")
        if reason:
            return str(reason)[:300]
    return response.reason or f"HTTP {response.status_code}"


def doc_path(doc_id: str) -> str:
    """``/<id>`` for a document, with ``_design/`` and ``_local/`` kept as CouchDB wants."""
    for prefix in ("_design/", "_local/"):
        if doc_id.startswith(prefix):
            return "/" + prefix + quote(doc_id[len(prefix) :], safe="")
    return "/" + quote(doc_id, safe="")
