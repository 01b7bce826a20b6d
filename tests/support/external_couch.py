"""An Apache CouchDB the gateway tests run against instead of PouchDB Server, when the
environment names one: ``CASEWORKER_TEST_COUCHDB=http://admin:PASSWORD@127.0.0.1:5984``.

It offers what the gateway tests use of ``CouchServer`` (URL, admin, databases); it is never
started, stopped or restarted by the tests, so tests that kill the server do not use it.
"""

import os
from urllib.parse import quote

import requests

from sync.devserver.admin import ServerAdmin, split_server_url

ENV = "CASEWORKER_TEST_COUCHDB"


class ExternalCouch:
    def __init__(self, url: str) -> None:
        clean, user, password = split_server_url(url)
        if not user or password is None:
            raise ValueError(f"{ENV} must name a server admin: http://admin:PASSWORD@host:port")
        self.url = clean
        self.admin_auth = (user, password)
        self.admin = ServerAdmin(clean, user, password)
        self.running = True

    def db_url(self, name: str) -> str:
        return f"{self.url}/{quote(name, safe='')}"

    def admin_url(self, path: str = "") -> str:
        user, password = (quote(part, safe="") for part in self.admin_auth)
        scheme, rest = self.url.split("://", 1)
        return f"{scheme}://{user}:{password}@{rest}/{path.lstrip('/')}"

    def admin_session(self) -> requests.Session:
        return self.admin.session()

    def create_db(self, name: str) -> str:
        return self.admin.create_db(name)

    def delete_db(self, name: str) -> None:
        self.admin.delete_db(name)


def external_couch() -> ExternalCouch | None:
    """The Apache CouchDB named by the environment, or None (then the tests use PouchDB Server)."""
    url = os.environ.get(ENV, "").strip()
    return ExternalCouch(url) if url else None
