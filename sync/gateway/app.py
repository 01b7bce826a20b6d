"""The gateway's routes: the CouchDB replication protocol for one database, nothing more.

    app = create_app(couch)          # an ASGI app (Starlette); ``serve`` runs it on uvicorn

Served (``{db}`` is the name of the database behind it, and only that):
    GET /                                  welcome
    GET|POST|DELETE /_session              CouchDB's own sessions (cookies), passed through
    GET|HEAD /{db}                         database information (doc_count: the caller's scope)
    GET /{db}/_changes                     the caller's channels only (``changes``)
    POST /{db}/_revs_diff                  passed through
    POST /{db}/_bulk_get, GET /{db}/{id}   only what the caller may read (``reads``)
    POST /{db}/_all_docs with keys         the same, for the ids asked (never a listing)
    POST /{db}/_bulk_docs                  each revision judged (``writes``)
    GET|PUT|DELETE /{db}/_local/{id}       the caller's own checkpoints (``local``)
    POST /{db}/_ensure_full_commit         a no-op, as in CouchDB 3
    POST /{db}/_open_record                one citizen's full record, on demand (``record``)
Everything else (other databases, listing ``_all_docs``, ``_find``, ``_design/``, attachments by
path, ``_purge``, ``_security``...) is refused. The path is read undecoded, so an encoded
slash (``%2F``) stays inside a document id and never reaches another route.
"""

import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any
from urllib.parse import unquote

import httpx
import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.gateway import changes, local, reads, record, scope_count, watcher, writes
from sync.gateway.access_log import AccessLog
from sync.gateway.auth import Caller, SessionCache, identify, peer_of
from sync.gateway.couch import Couch, CouchError, dumps
from sync.gateway.erased import ErasedIds
from sync.gateway.errors import HTTPError, bad_request, forbidden, not_found
from sync.gateway.scope import held_among, roots_for
from sync.gateway.warmer import Warmer

_log = logging.getLogger("caseworker.gateway")
MAX_REQUEST_BYTES = 64 * 1024 * 1024  # one request body; a pusher halves a batch on 413
MAX_SESSION_BYTES = 64 * 1024
WELCOME = {"couchdb": "Welcome", "vendor": {"name": "Caseworker gateway"}, "version": "3.4.3"}
_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "COPY", "PATCH", "OPTIONS"]
_SESSION_FORWARDED = ("content-type", "accept", "authorization", "cookie")
_SESSION_KEPT = ("set-cookie", "content-type", "cache-control")


def json_response(status: int, body: Any, headers: Mapping[str, str] | None = None) -> Response:
    return Response(dumps(body), status, headers=dict(headers or {}), media_type="application/json")


class Gateway:
    def __init__(
        self,
        couch: Couch,
        *,
        access_log: AccessLog | None = None,
        session_cache: SessionCache | None = None,
        erased: ErasedIds | None = None,
        warmer: Warmer | None = None,
    ) -> None:
        self.couch = couch
        self.access_log = access_log
        self.session_cache = session_cache or SessionCache()
        self.erased = erased
        self.warmer = warmer

    # -- entry ------------------------------------------------------------------------------

    async def handle(self, request: Request) -> Response:
        try:
            return await self._route(request)
        except HTTPError as exc:
            return json_response(exc.status, exc.body())
        except CouchError as exc:
            # The database refused the gateway itself (its admin, a view that is missing):
            # the client is told the service failed, not CouchDB's words to the admin.
            if exc.status in (400, 404, 409, 412, 413):
                return json_response(exc.status, {"error": exc.error, "reason": exc.reason})
            return json_response(502, {"error": "bad_gateway", "reason": "the database failed"})
        except httpx.HTTPError:
            return json_response(
                503, {"error": "service_unavailable", "reason": "the database is not reachable"}
            )
        except Exception:  # a bug here: said on stderr, answered in CouchDB's shape
            _log.exception("the gateway failed on %s %s", request.method, request.url.path)
            return json_response(
                500, {"error": "internal_server_error", "reason": "the gateway failed"}
            )

    async def _route(self, request: Request) -> Response:
        raw = request.scope.get("raw_path") or request.url.path.encode()
        parts = raw.decode("latin-1").split("/")[1:]
        method = request.method
        if parts in ([], [""]):
            if method not in ("GET", "HEAD"):
                raise _not_allowed("GET")
            return json_response(200, WELCOME)
        first = unquote(parts[0])
        if first == "_session" and len(parts) == 1:
            return await self._session(request)
        if first != self.couch.db:
            raise not_found("Database does not exist.")
        # A read may share the staff record read for another since the last change seen.
        shared = method in ("GET", "HEAD")
        caller = await identify(request, self.couch, self.session_cache, shared=shared)
        if not caller.person.role:
            raise forbidden("You are not allowed to access this db.")
        rest = parts[1:]
        if rest in ([], [""]):
            if method not in ("GET", "HEAD"):
                raise forbidden("the database itself is not changed through the gateway")
            return json_response(200, await self._info(caller, counted=method == "GET"))
        name = unquote(rest[0])
        if name == "_local" and len(rest) >= 2:
            return await self._local(request, caller, unquote("/".join(rest[1:])))
        if name.startswith("_local/") and len(rest) == 1:
            return await self._local(request, caller, name[len("_local/") :])
        if len(rest) > 1:
            raise forbidden("attachments and design documents are not served by the gateway")
        if name.startswith("_"):
            return await self._special(request, caller, name)
        if method not in ("GET", "HEAD"):
            raise forbidden("documents are written through _bulk_docs")
        body, served = await reads.get_doc(
            self.couch, self._roots_of(caller), name, request.query_params
        )
        self._log(caller, served, "get")
        return json_response(200, body)

    async def _special(self, request: Request, caller: Caller, name: str) -> Response:
        method = request.method
        if name == "_changes":
            if method != "GET":
                raise _not_allowed("GET")
            return await changes.handle(request, self.couch, caller, log=self.access_log)
        if name == "_revs_diff":
            _need(method, "POST")
            return json_response(200, await self._revs_diff(await _json_body(request)))
        if name == "_bulk_get":
            _need(method, "POST")
            answer, served = await reads.bulk_get(
                self.couch, self._roots_of(caller), await _json_body(request), request.query_params
            )
            self._log(caller, served, "bulk_get")
            return json_response(200, answer)
        if name == "_all_docs":
            if method != "POST":
                raise forbidden("_all_docs is served only for a list of document ids (keys)")
            answer, served = await reads.all_docs(
                self.couch, self._roots_of(caller), await _json_body(request), request.query_params
            )
            self._log(caller, served, "all_docs")
            return json_response(200, answer)
        if name == "_bulk_docs":
            _need(method, "POST")
            body = await _json_body(request)
            person = caller.person

            async def held_of(wanted: set[str], known: dict[str, Any]) -> frozenset[str]:
                return await held_among(self.couch, person, wanted, known)

            answer = await writes.bulk_docs(self.couch, caller, held_of, body, self.erased)
            if self.warmer is not None and isinstance(body, dict) and body.get("docs"):
                # Index what was just stored now, before the people it concerns ask for it.
                self.warmer.poke()
            return json_response(201, answer)
        if name == record.ROUTE:  # an agent opens a citizen's full record, logged
            _need(method, "POST")
            body = await _json_body(request)
            return json_response(
                200, await record.open_record(self.couch, caller, body, self.access_log)
            )
        if name == "_ensure_full_commit":
            _need(method, "POST")
            return json_response(201, {"ok": True, "instance_start_time": "0"})
        raise forbidden(f"{name[:50]} is not served by the gateway")

    def _roots_of(self, caller: Caller) -> reads.Roots:
        async def roots_of() -> frozenset[str]:
            return await roots_for(self.couch, caller.person)

        return roots_of

    # -- routes -----------------------------------------------------------------------------

    async def _info(self, caller: Caller, *, counted: bool) -> dict[str, Any]:
        # The caller's own view of the database: no council-wide counts. ``update_seq`` is
        # "from nothing" in the gateway's own terms; ``doc_count`` is their scope's (when the
        # database can tell it), which a laptop shows before a first sync.
        info: dict[str, Any] = {
            "db_name": self.couch.db,
            "update_seq": "0",
            "instance_start_time": "0",
            "purge_seq": 0,
        }
        count = await scope_count.documents_in_scope(self.couch, caller.person) if counted else None
        if count is not None:
            info["doc_count"] = count
        return info

    async def _revs_diff(self, body: Any) -> Any:
        if not isinstance(body, dict) or not all(
            isinstance(revs, list) and all(isinstance(r, str) for r in revs)
            for revs in body.values()
        ):
            raise bad_request("_revs_diff needs an object of document ids to lists of revisions")
        if not body:
            return {}
        answer = await self.couch.post("/_revs_diff", body)
        if not isinstance(answer, dict):
            raise HTTPError(502, "bad_gateway", "the database sent no revision differences")
        # Only what a pusher needs: which of its revisions are missing. CouchDB's
        # ``possible_ancestors`` would name revisions of documents the caller may not read.
        return {
            doc_id: {"missing": entry["missing"]}
            for doc_id, entry in answer.items()
            if isinstance(entry, dict) and isinstance(entry.get("missing"), list)
        }

    async def _local(self, request: Request, caller: Caller, local_id: str) -> Response:
        user = caller.user_name
        if request.method in ("GET", "HEAD"):
            return json_response(200, await local.get(self.couch, user, local_id))
        if request.method == "PUT":
            content = await _read_body(request, local.MAX_LOCAL_BYTES + 1)
            body = _parse(content)
            answer = await local.put(self.couch, user, local_id, body, len(content))
            return json_response(201, answer)
        if request.method == "DELETE":
            return json_response(
                200, await local.delete(self.couch, user, local_id, request.query_params)
            )
        raise _not_allowed("GET,PUT,DELETE")

    async def _session(self, request: Request) -> Response:
        if request.method not in ("GET", "POST", "DELETE"):
            raise _not_allowed("GET,POST,DELETE")
        headers = {k: v for k, v in request.headers.items() if k.lower() in _SESSION_FORWARDED}
        headers.update(peer_of(request))
        content = None
        if request.method == "POST":
            content = await _read_body(request, MAX_SESSION_BYTES)
        response = await self.couch.forward(
            request.method, "/_session", headers=headers, content=content
        )
        kept = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in response.headers.multi_items()
            if k.lower() in _SESSION_KEPT
        ]
        answer = Response(response.content, response.status_code)
        answer.raw_headers.extend(kept)
        return answer

    def _log(self, caller: Caller, served: reads.Served, how: str) -> None:
        # Before the answer is sent: a log that cannot keep up raises 503 and nothing is served.
        if self.access_log is not None:
            doc_ids = [doc_id for doc_id, _ in served]
            self.access_log.record(caller, doc_ids, how, roots=[root for _, root in served])


def _not_allowed(allowed: str) -> HTTPError:
    return HTTPError(405, "method_not_allowed", f"Only {allowed} allowed")


def _need(method: str, wanted: str) -> None:
    if method != wanted:
        raise _not_allowed(wanted)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPError(413, "too_large", "the request is too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPError(413, "too_large", "the request is too large")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(content: bytes) -> Any:
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        raise bad_request("invalid UTF-8 JSON") from None


async def _json_body(request: Request) -> Any:
    return _parse(await _read_body(request, MAX_REQUEST_BYTES))


def create_app(
    couch: Couch,
    *,
    access_log: AccessLog | None = None,
    session_cache: SessionCache | None = None,
    warm_views: bool = True,
) -> Starlette:
    """The gateway as an ASGI app; its lifespan starts and stops the access log, the view
    warmer (``warmer``) and the follower of erasures (``erased``), and closes the connections
    to CouchDB."""
    erased = ErasedIds(couch)
    warm = Warmer(couch) if warm_views else None
    gateway = Gateway(
        couch, access_log=access_log, session_cache=session_cache, erased=erased, warmer=warm
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if access_log is not None:
            await access_log.start()
        if warm is not None:
            warm.start()
        erased.start()
        try:
            yield
        finally:
            await erased.stop()
            if warm is not None:
                await warm.stop()
            if access_log is not None:
                await access_log.stop()
            await watcher.close(couch)  # the shared change feed of long-polls
            await couch.aclose()

    return Starlette(
        routes=[Route("/{path:path}", gateway.handle, methods=_METHODS)],
        lifespan=lifespan,
    )
