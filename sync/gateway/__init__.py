"""The central gateway (``caseworker central serve``): laptops speak the CouchDB replication
protocol to it, and it serves each user only what they may read and stores only what they may
write, in front of the CouchDB that alone holds the data. It keeps nothing that cannot be
rebuilt, so several may run behind one load balancer.

- ``couch``: the gateway's own async client to the one database, as a server admin.
- ``auth``: who is asking (CouchDB's ``_session`` decides), as a ``Caller``.
- ``scope``: the roots a person holds, from the database's ``cases`` view.
- ``app``: the routes and errors; ``reads``, ``writes``, ``local``: what they do.
- ``changes`` (with ``feed``, ``tokens``, ``backfill``, ``snapshots``, ``watcher``): the
  change feed of each caller's own scope.
- ``access_log``: every document served, appended off the request path.
- ``serve``: uvicorn, and the ``listening on`` line; ``process``: it as a child process.

Installed with the optional extra ``caseworker[central]`` (starlette, uvicorn, httpx).
"""
