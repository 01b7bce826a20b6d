"""Live sync in a process of its own, driven by the window over a pipe.

    python -m sync.agent --data-dir DIR --server DB_URL --user NAME [--allow-http]

Why a process: replication is Python work (JSON, SQL), and threads of the window's process
share one interpreter lock with its event loop; a 50,000-document pull on threads kept the
window from painting for 50-100 ms at a time, in a child process it does not.

The protocol is JSON, one object per line. Standard input: first ``{"password": "..."}`` (never
an argument or the environment, which other users' tools can read), then commands:
``{"cmd": "sync_now"}``, ``{"cmd": "local_change"}``, ``{"cmd": "password", "password": ...}``,
``{"cmd": "stop"}``; the end of input also stops it (the window went away). Standard output:
``{"state": {...}}`` (a ``SyncState``), ``{"written": [[id, type, rev, deleted, changed,
conflicted, purged], ...]}`` (what a pulled batch wrote; ``purged``: it left the user's scope
and is gone from the store; a row of six means not purged) and, when it cannot start,
``{"fatal": why}``.
"""

import argparse
import json
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from caseworker.errors import CaseworkerError
from caseworker.services.context import ChangeSet
from caseworker.store.docstore import Written
from caseworker.store.store import Store
from sync.state import SyncState

if TYPE_CHECKING:
    from sync.http import CouchClient


def state_to_json(state: SyncState) -> dict[str, Any]:
    data = asdict(state)
    data["last_sync"] = state.last_sync.isoformat() if state.last_sync else None
    return data


def state_from_json(data: dict[str, Any]) -> SyncState:
    last = data.get("last_sync")
    return SyncState(
        kind=data["kind"],
        reason=str(data.get("reason") or ""),
        direction=str(data.get("direction") or ""),
        done=int(data.get("done") or 0),
        total=None if data.get("total") is None else int(data["total"]),
        last_sync=datetime.fromisoformat(last) if last else None,
        refused=int(data.get("refused") or 0),
        unencrypted=bool(data.get("unencrypted")),
    )


def written_from_json(rows: list[list[Any]]) -> ChangeSet:
    return ChangeSet([Written(str(r[0]), r[1], str(r[2]), *map(bool, r[3:7])) for r in rows])


class _Out:
    """One JSON object per line on standard output, from any thread."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._lock = threading.Lock()

    def send(self, message: dict[str, Any]) -> None:
        line = json.dumps(message, separators=(",", ":"))
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()

    def state(self, state: SyncState) -> None:
        self.send({"state": state_to_json(state)})

    def written(self, changes: ChangeSet) -> None:
        rows = [
            [w.doc_id, w.doc_type, w.rev, w.deleted, w.changed, w.conflicted, w.purged]
            for w in changes.written
        ]
        self.send({"written": rows})


def _commands(stream: TextIO, handle: Callable[[dict[str, Any]], bool]) -> None:
    """Read commands until "stop" or the end of input."""
    for line in stream:
        try:
            command = json.loads(line)
        except ValueError:
            continue  # not ours: ignored rather than stopping a field officer's sync
        if isinstance(command, dict) and not handle(command):
            return


def serve(store: Store, client: "CouchClient", stdin: TextIO, out: _Out) -> None:
    from sync.live import LiveSync

    live = LiveSync(store, client, on_state=out.state, on_change=out.written)

    def handle(command: dict[str, Any]) -> bool:
        what = command.get("cmd")
        if what == "stop":
            return False
        if what == "sync_now":
            live.sync_now()
        elif what == "local_change":
            live.notify_local_change()
        elif what == "password" and isinstance(command.get("password"), str):
            live.set_password(command["password"])
        return True

    live.start()
    try:
        _commands(stdin, handle)
    finally:
        live.stop()


def _allowed_http(data_dir: Path, server: str) -> bool:
    """Whether ``central.json`` says plain http:// was asked for with this server."""
    from sync import config
    from sync.urls import split_db_url

    remembered = config.load(data_dir)
    return bool(
        remembered is not None
        and remembered.allow_http
        and split_db_url(remembered.server)[0] == split_db_url(server)[0]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.agent")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--server", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument(
        "--allow-http", action="store_true", help="plain http:// to another machine (else refused)"
    )
    args = parser.parse_args(argv)
    out = _Out(sys.stdout)
    sys.stdout = sys.stderr  # nothing else may write on the protocol's line
    try:
        first = json.loads(sys.stdin.readline() or "{}")
        password = first.get("password") if isinstance(first, dict) else None
        from sync.keychain import store_key_provider

        store = Store.open_dir(args.data_dir, store_key_provider())
    except (CaseworkerError, ValueError, OSError) as exc:
        out.send({"fatal": str(exc)})
        return 1
    from sync.http import CouchClient

    try:
        client = CouchClient(
            args.server,
            args.user,
            password if isinstance(password, str) else "",
            allow_http=args.allow_http or _allowed_http(args.data_dir, args.server),
        )
    except CaseworkerError as exc:
        store.close()
        out.send({"fatal": str(exc)})
        return 1
    try:
        serve(store, client, sys.stdin, out)
    finally:
        client.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
