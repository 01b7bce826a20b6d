"""Part of ``caseworker bench sync``: the server the bench measures against.

Either the built-in PouchDB Server (``sync.devserver``, started on a free port with a random
admin password and removed afterwards) or any CouchDB-protocol server given by URL (Apache
CouchDB, a gateway) with a server admin's credentials; there the bench creates its databases
under one random prefix and deletes them when it is done.
"""

import contextlib
import secrets
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import requests

from caseworker.access.views import ROWS, VIEW_PATH
from caseworker.errors import CaseworkerError
from sync import central
from sync.devserver import DevServer, ServerAdmin, ensure_node_modules, split_server_url
from sync.devserver.admin import JSON_HEADERS
from sync.http import CouchClient


@dataclass
class BenchServer:
    """Where the bench's databases live, and who may create them."""

    admin: ServerAdmin
    description: str
    allow_http: bool = False  # plain http:// to a host other than this machine
    prefix: str = field(default_factory=lambda: f"cw-bench-{secrets.token_hex(4)}")
    created: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.admin.url

    @property
    def auth(self) -> tuple[str, str]:
        return self.admin.auth

    def client(self, db_url: str) -> CouchClient:
        """Caseworker's client for one of the bench's databases, as the admin."""
        return CouchClient(db_url, *self.auth, allow_http=self.allow_http)

    def new_db(self, role: str) -> str:
        """A new, empty database for one part of the bench (``source``, ``push``, ``live``)."""
        name = f"{self.prefix}-{role}"
        url = self.admin.create_db(name)
        self.created.append(name)
        return url

    def remote_env(self) -> dict[str, str]:
        """Credentials for ``replicate.js`` (kept out of its command line)."""
        user, password = self.auth
        return {"CW_REMOTE_USER": user, "CW_REMOTE_PASSWORD": password}

    def drop_all(self) -> None:
        for name in self.created:
            # A gateway in front of one of them made its access log beside it.
            for db in (name, f"{name}-access-log"):
                with contextlib.suppress(CaseworkerError):
                    self.admin.delete_db(db)
        self.created.clear()


class BenchUsers:
    """Staff users made for the bench in the server's ``_users``, removed afterwards."""

    def __init__(self, server: BenchServer, admin_client: CouchClient) -> None:
        self.server = server
        self.client = admin_client
        self.names: list[str] = []

    def add(self, role: str, staff_id: str, suffix: str = "") -> tuple[str, str]:
        name = f"{self.server.prefix}-{role}{suffix}"
        password = secrets.token_urlsafe(12)
        central.add_user(self.client, name, password, role, staff_id)
        self.names.append(name)
        return name, password

    def remove_all(self) -> None:
        session = self.server.admin.session()
        for name in self.names:
            url = f"{self.server.url}/_users/org.couchdb.user:{name}"
            with contextlib.suppress(Exception):
                current = session.get(url, timeout=30).json()
                session.delete(url, params={"rev": current["_rev"]}, timeout=30)
        self.names.clear()


@contextlib.contextmanager
def built_in() -> Iterator[BenchServer]:
    """The pinned PouchDB Server on 127.0.0.1, for the length of the bench."""
    ensure_node_modules()
    with DevServer() as server:
        yield BenchServer(server.admin, "PouchDB Server 4.2.0 (built in, leveldb)")


@contextlib.contextmanager
def remote(
    url: str, user: str | None, password: str | None, *, allow_http: bool = False
) -> Iterator[BenchServer]:
    """A server given by URL; credentials from the URL unless ``user`` is given."""
    root, url_user, url_password = split_server_url(url)
    if user is None:
        user, password = url_user, url_password
    if not user:
        raise CaseworkerError(
            "bench sync --server needs a server admin: put it in the URL "
            "(http://USER:PASSWORD@HOST:PORT) or give --user and --password-stdin"
        )
    admin = ServerAdmin(root, user, password or "")
    server = BenchServer(admin, _describe(admin), allow_http)
    try:
        yield server
    finally:
        server.drop_all()


def from_args(args: Any) -> "contextlib.AbstractContextManager[BenchServer]":
    """The server a bench's ``--server``/``--user``/``--password-stdin``/``--allow-http`` name
    (the password read from standard input here), else the built-in PouchDB Server."""
    if args.server is None and (args.user or args.password_stdin):
        raise CaseworkerError("--user and --password-stdin go with --server")
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else None
    if args.server is None:
        return built_in()
    return remote(args.server, args.user, password, allow_http=args.allow_http)


def say(line: str) -> None:
    """A bench's progress, on standard error (its figures go to standard output)."""
    print(line, file=sys.stderr, flush=True)


def _describe(admin: ServerAdmin) -> str:
    """What answers at the root: refuses a database URL (the bench would write into it)."""
    root = admin.url
    try:
        answer = requests.get(root + "/", auth=admin.auth, headers=JSON_HEADERS, timeout=30)
        welcome: Any = answer.json()
    except (requests.RequestException, ValueError) as exc:
        raise CaseworkerError(f"{root} does not answer as a CouchDB server: {exc}") from None
    if answer.status_code == 401:
        raise CaseworkerError(f"{root} refused the name or password of {admin.auth[0]}")
    if not isinstance(welcome, dict) or "db_name" in welcome:
        raise CaseworkerError(
            f"{root} is a database, not a server: give the server's root URL "
            "(the bench creates its own databases there)"
        )
    if "couchdb" in welcome:
        return f"Apache CouchDB {welcome.get('version', '?')} at {root}"
    if "express-pouchdb" in welcome:
        return f"PouchDB Server {welcome.get('version', '?')} at {root}"
    raise CaseworkerError(f"{root} does not answer as a CouchDB server")


def build_views(session: requests.Session, db_url: str) -> None:
    """Query the access views until they answer (built): CouchDB gives up on a request after
    a minute (its fabric request timeout) while it goes on building a large index."""
    while True:
        answer = session.get(db_url + VIEW_PATH, params={"limit": "0", **ROWS}, timeout=7200)
        if answer.status_code == 200:
            return
        if answer.status_code != 500 or "timeout" not in answer.text:
            raise CaseworkerError(f"the views failed: {answer.status_code} {answer.text[:200]}")
