"""The gateway's own client to CouchDB: one database, as the server admin given to ``serve``.

    couch = Couch("http://127.0.0.1:5984", "council", "admin", password)
    doc = await couch.get("/" + quote(doc_id, safe=""))        # relative to the database
    info = await couch.get("/_session", server=True)            # relative to the server
    async with couch.stream("GET", "/_changes", params={...}) as response: ...
    await couch.aclose()

Signs in with a CouchDB session cookie (``POST /_session``) before its first request and again
when CouchDB answers 401 (the cookie expired), so the admin's password is hashed once, not per
request. Any answer of 400 or more raises ``CouchError(status, body)``. The cookie is held here,
never in an HTTP cookie jar: the same connection pool also carries users' own credentials
(``forward``), and no user's cookie may ever ride along with another request.
"""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping
from http.cookiejar import Cookie, CookieJar
from typing import Any
from urllib.parse import quote

import httpx
import orjson

CONNECTIONS = 64  # to CouchDB at once, per gateway process
REQUEST_TIMEOUT = 120.0  # seconds for one answer from CouchDB
_JSON_HEADERS = {"Accept": "application/json"}


class CouchError(Exception):
    """CouchDB answered ``status`` (400 or more) with ``body`` (its JSON, or None)."""

    def __init__(self, status: int, body: Any) -> None:
        self.status = status
        self.body = body
        super().__init__(f"CouchDB answered {status}: {self.error}: {self.reason}")

    @property
    def error(self) -> str:
        value = self.body.get("error") if isinstance(self.body, dict) else None
        return value if isinstance(value, str) else "unknown_error"

    @property
    def reason(self) -> str:
        value = self.body.get("reason") if isinstance(self.body, dict) else None
        return value if isinstance(value, str) else ""


def doc_path(doc_id: str) -> str:
    """``/<id>`` for a document id, encoded whole (a ``/`` in an id stays inside the id, and
    an id of dots is never a step up the URL)."""
    if doc_id.strip(".") == "":
        return "/" + "%2E" * len(doc_id)
    return "/" + quote(doc_id, safe="")


def dumps(value: Any) -> bytes:
    return orjson.dumps(value)


def loads(content: bytes) -> Any:
    return orjson.loads(content) if content else None


class _NoCookies(CookieJar):
    """A cookie jar that keeps nothing: a Set-Cookie answer to one user's request (or to the
    admin's sign-in) never rides along with a later request."""

    def set_cookie(self, cookie: Cookie) -> None:
        pass

    def extract_cookies(self, response: Any, request: Any) -> None:
        pass


class Couch:
    def __init__(
        self,
        server_url: str,
        db: str,
        user: str,
        password: str,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.db = db
        self.db_url = f"{self.server_url}/{quote(db, safe='')}"
        self.user = user
        self._password = password
        self.timeout = timeout
        self._owns_http = http is None
        self.http = http or httpx.AsyncClient(
            timeout=httpx.Timeout(timeout, connect=10.0),
            limits=httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=32),
            follow_redirects=False,
        )
        # Requests wait here, not in httpcore's pool: its queue costs O(queued x connections)
        # per request, over a third of the gateway's CPU with 500 clients long-polling.
        self._slots = asyncio.Semaphore(CONNECTIONS)
        # httpx copies a jar handed to its constructor into a plain one: replaced in place.
        self.http.cookies.jar = _NoCookies()
        self._cookie: str | None = None
        self._shared: Couch | None = None  # the Couch whose sign-in a sibling shares
        self._sign_in_lock = asyncio.Lock()

    def sibling(self, db: str) -> "Couch":
        """The same server, another database (e.g. the access log), sharing the connections
        and the sign-in."""
        other = Couch(self.server_url, db, self.user, self._password, http=self.http)
        other._owns_http = False
        other._shared = self._shared or self
        return other

    async def aclose(self) -> None:
        if self._owns_http:
            await self.http.aclose()

    # -- signing in ------------------------------------------------------------------------

    def _auth_owner(self) -> "Couch":
        return self._shared or self

    async def _sign_in(self, stale: str | None) -> str:
        owner = self._auth_owner()
        async with owner._sign_in_lock:
            if owner._cookie is not None and owner._cookie != stale:
                return owner._cookie  # another request signed in meanwhile
            response = await self.http.post(
                self.server_url + "/_session",
                content=dumps({"name": self.user, "password": self._password}),
                headers={**_JSON_HEADERS, "Content-Type": "application/json"},
            )
            if response.status_code >= 400:
                raise CouchError(response.status_code, _json_or_none(response))
            cookie = _auth_cookie(response)
            if cookie is None:
                raise CouchError(502, {"error": "bad_gateway", "reason": "no session cookie"})
            owner._cookie = cookie
            return cookie

    async def _headers(self, extra: Mapping[str, str] | None) -> tuple[dict[str, str], str]:
        owner = self._auth_owner()
        cookie = owner._cookie or await self._sign_in(None)
        headers = {**_JSON_HEADERS, **(extra or {}), "Cookie": cookie}
        return headers, cookie

    def _keep_refreshed_cookie(self, response: httpx.Response) -> None:
        cookie = _auth_cookie(response)
        if cookie is not None:  # CouchDB renews a session nearing its end
            self._auth_owner()._cookie = cookie

    # -- requests --------------------------------------------------------------------------

    def url(self, path: str, *, server: bool = False) -> str:
        return (self.server_url if server else self.db_url) + path

    async def send(
        self,
        method: str,
        path: str = "",
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        server: bool = False,
        timeout: float | None = None,
    ) -> httpx.Response:
        """One request as the admin; the raw answer, whatever its status (401 once retried
        after signing in again)."""
        body = dumps(json) if json is not None else content
        extra = dict(headers or {})
        if body is not None:
            extra.setdefault("Content-Type", "application/json")
        url = self.url(path, server=server)
        for attempt in (1, 2):
            sent_headers, cookie = await self._headers(extra)
            async with self._slots:
                response = await self.http.request(
                    method,
                    url,
                    params=params,
                    content=body,
                    headers=sent_headers,
                    timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
                )
            if response.status_code == 401 and attempt == 1:
                await self._sign_in(cookie)
                continue
            self._keep_refreshed_cookie(response)
            return response
        raise AssertionError("unreachable")

    async def request(self, method: str, path: str = "", **kw: Any) -> Any:
        """One request as the admin; its JSON, or ``CouchError`` for a status of 400 or more."""
        response = await self.send(method, path, **kw)
        if response.status_code >= 400:
            raise CouchError(response.status_code, _json_or_none(response))
        try:
            return loads(response.content)
        except orjson.JSONDecodeError as exc:
            raise CouchError(502, {"error": "bad_gateway", "reason": "not JSON"}) from exc

    async def get(self, path: str = "", **kw: Any) -> Any:
        return await self.request("GET", path, **kw)

    async def post(self, path: str, json: Any, **kw: Any) -> Any:
        return await self.request("POST", path, json=json, **kw)

    async def put(self, path: str, json: Any, **kw: Any) -> Any:
        return await self.request("PUT", path, json=json, **kw)

    async def delete(self, path: str, **kw: Any) -> Any:
        return await self.request("DELETE", path, **kw)

    async def get_or_none(self, path: str, **kw: Any) -> Any:
        """GET; None for a 404 (a document not there, or deleted)."""
        try:
            return await self.get(path, **kw)
        except CouchError as exc:
            if exc.status == 404:
                return None
            raise

    @contextlib.asynccontextmanager
    async def stream(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json: Any = None,
        timeout: float | None = None,
        server: bool = False,
    ) -> AsyncIterator[httpx.Response]:
        """A streamed answer (a continuous or long-poll feed), as the admin. Raises
        ``CouchError`` for a status of 400 or more, once signed in again after a 401."""
        url = self.url(path, server=server)
        body = dumps(json) if json is not None else None
        extra = {"Content-Type": "application/json"} if body is not None else {}
        for attempt in (1, 2):
            sent_headers, cookie = await self._headers(extra)
            request = self.http.build_request(
                method,
                url,
                params=params,
                content=body,
                headers=sent_headers,
                timeout=timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT,
            )
            response = await self.http.send(request, stream=True)
            try:
                if response.status_code == 401 and attempt == 1:
                    await self._sign_in(cookie)
                    continue
                if response.status_code >= 400:
                    await response.aread()
                    raise CouchError(response.status_code, _json_or_none(response))
                yield response
                return
            finally:
                await response.aclose()

    async def forward(
        self,
        method: str,
        path: str,
        *,
        headers: Mapping[str, str],
        content: bytes | None = None,
        server: bool = True,
    ) -> httpx.Response:
        """A request made with the user's own credentials (``headers``), never the admin's:
        for ``_session``."""
        async with self._slots:
            return await self.http.request(
                method, self.url(path, server=server), headers=dict(headers), content=content
            )


def _auth_cookie(response: httpx.Response) -> str | None:
    for header in response.headers.get_list("set-cookie"):
        first = header.split(";", 1)[0].strip()
        if first.startswith("AuthSession=") and first != "AuthSession=":
            return first
    return None


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return loads(response.content)
    except orjson.JSONDecodeError:
        return None
