"""``caseworker central serve``: the gateway on uvicorn, in front of one CouchDB database.

    run(ServeOptions(db_url, admin, password, host="127.0.0.1", port=8984))

Before it listens it checks that the admin may use the database and that ``central init`` has
installed the access views, and prepares the access-log database; then it binds the socket,
starts uvicorn and prints ``listening on http://HOST:PORT`` once connections are accepted.
It runs until SIGINT or SIGTERM, then writes what the access log still holds and stops.
"""

import asyncio
import contextlib
import signal
import socket
import sys
from dataclasses import dataclass
from types import FrameType
from urllib.parse import unquote, urlsplit

import httpx
import uvicorn

from caseworker.access.views import DESIGN_ID, is_current
from caseworker.errors import CaseworkerError
from sync.gateway.access_log import AccessLog
from sync.gateway.app import create_app
from sync.gateway.couch import Couch, CouchError

ACCESS_LOG_SUFFIX = "-access-log"


@dataclass(frozen=True)
class ServeOptions:
    db_url: str  # the database's URL, without credentials
    user: str
    password: str
    host: str = "127.0.0.1"
    port: int = 8984


def couch_of(options: ServeOptions) -> Couch:
    parts = urlsplit(options.db_url)
    path = parts.path.rstrip("/")
    server_path, _, name = path.rpartition("/")
    server_url = f"{parts.scheme}://{parts.netloc}{server_path}"
    return Couch(server_url, unquote(name), options.user, options.password)


async def check(couch: Couch) -> None:
    """The database is there, the admin may use it, and ``central init`` has been run."""
    try:
        await couch.get("")
        design = await couch.get_or_none("/" + DESIGN_ID)
    except CouchError as exc:
        if exc.status in (401, 403):
            raise CaseworkerError(
                f"{couch.user} may not administer {couch.db_url} (the database said {exc.status})"
            ) from None
        if exc.status == 404:
            raise CaseworkerError(
                f"{couch.db_url} does not exist: run caseworker central init first"
            ) from None
        raise CaseworkerError(f"{couch.db_url} answered {exc.status}: {exc.reason}") from None
    except httpx.HTTPError as exc:
        raise CaseworkerError(f"cannot reach {couch.server_url} ({type(exc).__name__})") from None
    if design is None:
        raise CaseworkerError(
            f"{couch.db_url} has no access views ({DESIGN_ID}): run caseworker central init"
        )
    if not is_current(design):
        # Judging by other map functions could miss an erased citizen's case.
        raise CaseworkerError(
            f"{couch.db_url} has access views ({DESIGN_ID}) from another version of "
            "Caseworker: run caseworker central init"
        )


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CaseworkerError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.listen(2048)
    sock.setblocking(False)
    return sock


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


async def serve(options: ServeOptions) -> None:
    couch = couch_of(options)
    try:
        await check(couch)
        access_log = AccessLog(couch.sibling(couch.db + ACCESS_LOG_SUFFIX))
        await access_log.prepare()
    except BaseException:
        await couch.aclose()
        raise
    sock = _bind(options.host, options.port)
    config = uvicorn.Config(
        create_app(couch, access_log=access_log),
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_keep_alive=75,  # longer than a load balancer's idle timeout
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        while not server.started:
            if task.done():
                break
            await asyncio.sleep(0.05)
        if server.started:
            port = sock.getsockname()[1]
            print(f"listening on {_url(options.host, port)}", flush=True)
        await task
    finally:
        if not task.done():
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await task
        sock.close()
    if not server.started:
        raise CaseworkerError("the gateway stopped before it could serve")


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def run(options: ServeOptions) -> int:
    # uvicorn shuts down gracefully on SIGTERM and then raises it again to the previous
    # handler: this one, so a stop asked for is a clean exit (0), whenever it comes.
    signal.signal(signal.SIGTERM, _stop)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(options))
    sys.stdout.flush()
    return 0
