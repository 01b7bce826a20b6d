"""The sync tests' PouchDB Server: the product's development server (``sync.devserver``) under
the names the tests use.

    ensure_node_modules()
    with CouchServer() as server:
        db_url = server.create_db("cases")
        requests.get(db_url, auth=server.admin_auth, headers={"Accept": "application/json"})
        server.restart()  # same port, same data: "the server went away mid-sync"

What the server does differently from CouchDB 3 is listed in DESIGN.md ("Known quirks of
PouchDB Server") and sync/devserver/QUIRKS.md; the fixes that sync/devserver/server.js applies
are described at its top.
"""

from sync.devserver import DevServer as CouchServer
from sync.devserver import DevServerError as CouchServerError
from sync.devserver import ensure_node_modules, find_free_port, run_replicate_js
from sync.devserver.admin import JSON_HEADERS

__all__ = [
    "JSON_HEADERS",
    "CouchServer",
    "CouchServerError",
    "ensure_node_modules",
    "find_free_port",
    "run_replicate_js",
]
