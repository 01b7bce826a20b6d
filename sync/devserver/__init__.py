"""The pinned PouchDB Server (express-pouchdb 4.2.0 on PouchDB 9) and PouchDB's own replicator,
run from Python: the development central service (``caseworker central dev-server``), the
server the sync tests start, and the yardstick of ``caseworker bench sync``.

This folder is also the Node.js package (``server.js``, ``replicate.js``, ``package.json``,
``package-lock.json``; ``node_modules`` is installed by ``npm ci`` on first use). What the server
does differently from CouchDB 3 is in QUIRKS.md here and DESIGN.md.

    from sync.devserver import DevServer, run_replicate_js

    with DevServer() as server:                       # 127.0.0.1, a free port, a temp folder
        url = server.create_db("cases")
        run_replicate_js("pull", server.admin_url("cases"))   # PouchDB 9 pulls it
"""

from sync.devserver.admin import ServerAdmin, split_server_url
from sync.devserver.node import (
    PACKAGE_DIR,
    DevServerError,
    ensure_node_modules,
    node_package,
    run_replicate_js,
)
from sync.devserver.process import DevServer, find_free_port, port_is_free

__all__ = [
    "PACKAGE_DIR",
    "DevServer",
    "DevServerError",
    "ServerAdmin",
    "ensure_node_modules",
    "find_free_port",
    "node_package",
    "port_is_free",
    "run_replicate_js",
    "split_server_url",
]
