"""``caseworker central dev-server``: the pinned PouchDB Server on 127.0.0.1, for trying two
Caseworker instances on one machine (never for production: that is Apache CouchDB 3).

    echo secret | caseworker central dev-server --password-stdin [--port 5984] [--dir DIR]

It installs the server's node modules on first use (``npm ci``), starts the server, waits until
it answers, prints ``listening on http://127.0.0.1:PORT`` and runs until Ctrl-C (or SIGTERM),
then stops the server cleanly. The server admin (``--user``, default ``admin``) gets the password
read from standard input, or from ``CW_ADMIN_PASSWORD``; a folder that already has an admin
keeps it when neither is given. Data and the server's log (``server.log``) stay in ``--dir``.
"""

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from types import FrameType

from caseworker.cli.app import Context
from caseworker.errors import CaseworkerError
from sync.devserver.node import DevServerError, node_modules_installed
from sync.devserver.process import DevServer

DEFAULT_PORT = 5984
PASSWORD_ENV = "CW_ADMIN_PASSWORD"
USER_ENV = "CW_ADMIN_USER"


def default_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("caseworker-dev-server", "Caseworker"))


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, not {text!r}")
    return port


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help="port on 127.0.0.1 (default: %(default)s)",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=None,
        help=f"the server's data folder, kept between runs (default: {default_dir()})",
    )
    parser.add_argument(
        "--user",
        default=os.environ.get(USER_ENV) or "admin",
        help=f"the server admin's name (default: %(default)s, or ${USER_ENV})",
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the admin's password from standard input (else ${PASSWORD_ENV})",
    )
    parser.set_defaults(handler=run)


def _admin_password(args: argparse.Namespace, folder: Path) -> str | None:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise CaseworkerError("no password on standard input")
        return password
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if _has_admins(folder):
        return None  # the folder's existing admins stay as they are
    raise CaseworkerError(
        f"the server needs an admin: give --password-stdin (or set {PASSWORD_ENV})"
    )


def _has_admins(folder: Path) -> bool:
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(config, dict) and bool(config.get("admins"))


def _stop_on_signal(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace, ctx: Context) -> int:
    folder: Path = (args.dir or default_dir()).resolve()
    password = _admin_password(args, folder)
    if not node_modules_installed():
        print("installing the server's node modules (npm ci) ...", file=sys.stderr, flush=True)
    server = DevServer(
        port=args.port,
        data_dir=folder,
        admin_user=args.user,
        admin_password=password,
        log_path=folder / "server.log",
    )
    # Both, explicitly: a process started with SIGINT ignored (from a script's background job,
    # a test runner's worker) would otherwise not stop on Ctrl-C, as it says it does.
    previous = {sig: signal.signal(sig, _stop_on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        server.start()
        print(f"listening on {server.url}", flush=True)
        print(
            f"data and log in {folder}; admin {args.user}; Ctrl-C stops the server",
            file=sys.stderr,
            flush=True,
        )
        status = None
        while status is None:
            status = server.wait(timeout=1.0)
        raise DevServerError(
            f"the server stopped by itself (status {status}); see {server.log_path}"
        )
    except KeyboardInterrupt:
        print("stopping the server ...", file=sys.stderr, flush=True)
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.close()
