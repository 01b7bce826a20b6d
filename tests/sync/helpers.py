"""Shared pieces of the sync tests: local stores with a small council, clients, server reads."""

from pathlib import Path
from typing import Any

import requests

from caseworker.store import docstore
from caseworker.store.store import Store
from sync.http import CouchClient
from sync.replicator import Replicator, SyncResult
from tests.support.couch_server import CouchServer
from tests.support.council import AGENT, OFFICER, SUPERVISOR, council_docs

__all__ = ["AGENT", "OFFICER", "SUPERVISOR", "council_docs"]  # the sync tests import them here

JSON = {"Accept": "application/json"}


def make_store(tmp_path: Path, name: str, *, council: bool = False) -> Store:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    store = Store(folder / "caseworker.db")
    if council:
        with store.write() as session:
            for doc in council_docs():
                docstore.put(session, doc)
    return store


def client(db_url: str, auth: tuple[str, str] | None = None, **kw: Any) -> CouchClient:
    user, password = auth if auth else (None, None)
    return CouchClient(db_url, user, password, **kw)


def sync(store: Store, db_url: str, auth: tuple[str, str] | None = None, **kw: Any) -> SyncResult:
    remote = client(db_url, auth)
    try:
        return Replicator(store, remote, **kw).sync()
    finally:
        remote.close()


def server_doc(server: CouchServer, db_url: str, doc_id: str, **params: str) -> Any:
    response = requests.get(
        f"{db_url}/{requests.utils.quote(doc_id, safe='')}",
        params=params,
        auth=server.admin_auth,
        headers=JSON,
        timeout=10,
    )
    return response.json() if response.status_code == 200 else None


def server_info(server: CouchServer, db_url: str) -> Any:
    return requests.get(db_url, auth=server.admin_auth, headers=JSON, timeout=10).json()


def local_ids(store: Store) -> set[str]:
    from sqlalchemy import select

    from caseworker.models import StoredDocument

    with store.read() as session:
        return set(
            session.scalars(select(StoredDocument.id).where(StoredDocument.deleted.is_(False)))
        )
