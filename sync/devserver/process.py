"""One PouchDB Server process (``node server.js``) on 127.0.0.1, started, waited for and stopped.

``DevServer`` runs it in its own process group with a data folder and a server admin (written
into the folder's ``config.json``), waits for its ``READY http://127.0.0.1:PORT`` line, and stops
it for good when asked (terminate, then kill; always reaped). The server also exits by itself
when its standard input closes, so a Python process that dies without cleaning up leaves no node
process behind.

    with DevServer() as server:            # a free port, a temporary folder, a random password
        db_url = server.create_db("cases")
        server.restart()                   # same port, same data: "the server went away"
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import json
import os
import queue
import random
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal, Self
from urllib.parse import quote

import requests

from sync.devserver.admin import ServerAdmin
from sync.devserver.node import DevServerError, node_executable, node_package

Adapter = Literal["leveldb", "memory"]

EXIT_PORT_TAKEN = 3  # server.js: the port is already in use
_PORT_RANGE = (20000, 32000)  # below Linux's ephemeral range: a restart will find it free
_STDERR_LINES = 40  # of the server's stderr quoted when it fails to start
_live_servers: weakref.WeakSet[DevServer] = weakref.WeakSet()


def find_free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, outside the ephemeral range."""
    rng = random.SystemRandom()
    for _ in range(50):
        port = rng.randrange(*_PORT_RANGE)
        if port_is_free(port):
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return False
            raise
        return True


class DevServer:
    """One PouchDB Server process on 127.0.0.1, with a server admin and its own data folder.

    ``port=None`` picks a free port (kept across ``restart()``); ``data_dir=None`` uses a
    temporary folder removed by ``close()``; ``adapter="memory"`` keeps nothing across a
    restart; ``compression=False`` stops the server from gzipping responses (as CouchDB 3);
    ``admin_password=None`` makes a random one, unless ``data_dir`` already has a config.json
    (then its admins stay as they are). The server's stderr goes to ``log_path`` (default: a
    file in the temporary folder).
    """

    def __init__(
        self,
        *,
        port: int | None = None,
        data_dir: Path | None = None,
        adapter: Adapter = "leveldb",
        compression: bool = True,
        admin_user: str = "admin",
        admin_password: str | None = None,
        startup_timeout: float = 30.0,
        log_path: Path | None = None,
        node: str = "node",
    ) -> None:
        self._requested_port = port
        self._port: int | None = port
        self._adapter: Adapter = adapter
        self._compression = compression
        self._admin_user = admin_user
        self._admin_password = admin_password or secrets.token_urlsafe(16)
        self._given_password = admin_password is not None
        self._startup_timeout = startup_timeout
        self._node = node
        self._work_dir = Path(tempfile.mkdtemp(prefix="cw-couch-"))
        self._data_dir = data_dir if data_dir is not None else self._work_dir / "data"
        self._log_path = log_path if log_path is not None else self._work_dir / "server.log"
        self._proc: subprocess.Popen[str] | None = None
        self._log_file: IO[bytes] | None = None
        self._reader: threading.Thread | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._closed = False

    # -- facts -------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def port(self) -> int:
        if self._port is None or self._port == 0:
            raise DevServerError("the server has not been started yet")
        return self._port

    @property
    def admin_auth(self) -> tuple[str, str]:
        """(user, password) of the server admin, for ``requests``' ``auth=``."""
        return (self._admin_user, self._admin_password)

    @property
    def admin(self) -> ServerAdmin:
        return ServerAdmin(self.url, *self.admin_auth)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def log_path(self) -> Path:
        """The server's stderr (crashes it survived, start-up errors), across restarts."""
        return self._log_path

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def db_url(self, name: str) -> str:
        return f"{self.url}/{quote(name, safe='')}"

    def admin_url(self, path: str = "") -> str:
        """The server URL with the admin's credentials in it (for node replicate.js)."""
        user = quote(self._admin_user, safe="")
        password = quote(self._admin_password, safe="")
        return f"http://{user}:{password}@127.0.0.1:{self.port}/{path.lstrip('/')}"

    def stderr_text(self) -> str:
        if not self._log_path.exists():
            return ""
        return self._log_path.read_text(encoding="utf-8", errors="replace")

    # -- life cycle --------------------------------------------------------------------------

    def start(self) -> Self:
        """Start the server and wait for its READY line; a no-op when it is running."""
        if self._closed:
            raise DevServerError("this server has been closed")
        if self.running:
            return self
        self._prepare_data_dir()
        pick_port = self._requested_port is None and self._port is None
        attempts = 5 if pick_port else 1
        # A restart on a fixed port may briefly find it still held: retry for a few seconds.
        deadline = time.monotonic() + (5.0 if not pick_port else 0.0)
        while True:
            if pick_port:
                self._port = find_free_port()
            port = self._port if self._port is not None else 0
            exit_code = self._spawn(port)
            if exit_code is None:
                _live_servers.add(self)
                return self
            attempts -= 1
            port_taken = exit_code == EXIT_PORT_TAKEN
            if port_taken and (attempts > 0 or time.monotonic() < deadline):
                time.sleep(0.0 if pick_port else 0.2)
                continue
            if port_taken:
                raise DevServerError(f"port {port} on 127.0.0.1 is already in use")
            raise DevServerError(
                f"PouchDB Server exited with status {exit_code} before it was ready "
                f"(port {port}).\n--- server stderr ---\n{self._stderr_tail()}"
            )

    def _prepare_data_dir(self) -> None:
        self._data_dir.mkdir(parents=True, exist_ok=True)
        config_path = self._data_dir / "config.json"
        if config_path.exists():
            return
        config: dict[str, Any] = {
            # A plain-text password here is hashed by the server when it loads the file.
            "admins": {self._admin_user: self._admin_password},
            # A fixed secret keeps AuthSession cookies valid across restart(); the server would
            # otherwise make a new one at every start.
            "couch_httpd_auth": {"secret": secrets.token_hex(16)},
        }
        fd = os.open(config_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(config, indent=2) + "\n")

    def _spawn(self, port: int) -> int | None:
        """Start node and wait for READY. None when ready, else the exit status."""
        folder = node_package()
        node = node_executable(self._node)
        env = dict(os.environ)
        for name in (
            "CW_PORT",
            "CW_DATA_DIR",
            "CW_ADAPTER",
            "CW_EXIT_WITH_STDIN",
            "CW_COMPRESSION",
        ):
            env.pop(name, None)
        env.pop("CW_ADMIN_USER", None)
        env.pop("CW_ADMIN_PASSWORD", None)
        if self._given_password or not self._has_admins():
            # server.js writes this admin into config.json (an existing folder keeps others).
            env.update(CW_ADMIN_USER=self._admin_user, CW_ADMIN_PASSWORD=self._admin_password)
        self._log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self._log_path.open("ab")
        self._lines = queue.Queue()
        self._proc = subprocess.Popen(
            [
                node,
                str(folder / "server.js"),
                "--port",
                str(port),
                "--dir",
                str(self._data_dir),
                "--adapter",
                self._adapter,
                "--exit-with-stdin",
                *([] if self._compression else ["--no-compression"]),
            ],
            cwd=folder,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log_file,
            text=True,
            start_new_session=True,
        )
        self._reader = threading.Thread(
            target=_pump_lines,
            args=(self._proc, self._lines),
            name=f"dev-server-stdout-{self._proc.pid}",
            daemon=True,
        )
        self._reader.start()
        return self._wait_ready()

    def _has_admins(self) -> bool:
        try:
            config = json.loads((self._data_dir / "config.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(config, dict) and bool(config.get("admins"))

    def _wait_ready(self) -> int | None:
        deadline = time.monotonic() + self._startup_timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise DevServerError(
                    f"PouchDB Server gave no READY line within {self._startup_timeout:g} s."
                    f"\n--- server stderr ---\n{self._stderr_tail()}"
                )
            try:
                line = self._lines.get(timeout=min(remaining, 0.1))
            except queue.Empty:
                continue
            if line is None:  # stdout closed: the process is gone or going
                return self._reap_failed_start()
            if line.startswith("READY "):
                url = line.split(" ", 1)[1].strip()
                self._port = int(url.rsplit(":", 1)[1])
                return None

    def _stderr_tail(self) -> str:
        return "\n".join(self.stderr_text().strip().splitlines()[-_STDERR_LINES:])

    def _reap_failed_start(self) -> int:
        proc = self._proc
        assert proc is not None
        try:
            code = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.stop()
            code = -1
        else:
            self._cleanup_process_handles()
        return code

    def wait(self, timeout: float | None = None) -> int | None:
        """Wait until the server exits by itself (its exit status), or ``timeout`` passes."""
        proc = self._proc
        if proc is None:
            return None
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the server: SIGTERM to its process group, SIGKILL after ``timeout``; reaped."""
        proc = self._proc
        if proc is None:
            return
        # The group is only signalled while its leader is unreaped (alive or a zombie): the
        # group id cannot have been reused by then.
        try:
            if proc.stdin is not None:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            if proc.returncode is None:
                _signal_group(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    _signal_group(proc.pid, signal.SIGKILL)
        finally:
            if proc.returncode is None:
                _signal_group(proc.pid, signal.SIGKILL)
            proc.wait()
            self._cleanup_process_handles()

    def kill(self) -> None:
        """Crash the server (SIGKILL, no clean shutdown), as a power cut would; reaped."""
        proc = self._proc
        if proc is None:
            return
        if proc.returncode is None:
            _signal_group(proc.pid, signal.SIGKILL)
        self.stop()

    def restart(self) -> Self:
        """Stop and start again on the same port with the same data folder."""
        if self._port is None or self._port == 0:
            return self.start()
        self.stop()
        return self.start()

    def close(self) -> None:
        """Stop the server and remove its temporary folder (and data, unless given)."""
        if self._closed:
            return
        try:
            self.stop()
        finally:
            self._closed = True
            _live_servers.discard(self)
            shutil.rmtree(self._work_dir, ignore_errors=True)

    def _cleanup_process_handles(self) -> None:
        proc = self._proc
        self._proc = None
        if proc is not None:
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        if self._reader is not None:
            self._reader.join(timeout=5)
            self._reader = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- administration (see ServerAdmin) -----------------------------------------------------

    def admin_session(self) -> requests.Session:
        return self.admin.session()

    def create_db(self, name: str) -> str:
        return self.admin.create_db(name)

    def delete_db(self, name: str) -> None:
        self.admin.delete_db(name)

    def set_config(self, section: str, key: str, value: str) -> None:
        """E.g. ``("couchdb", "max_document_size", "100000")``: HTTP 413 for request bodies
        over 100,000 bytes."""
        self.admin.set_config(section, key, value)

    def delete_config(self, section: str, key: str) -> None:
        self.admin.delete_config(section, key)


def _pump_lines(proc: subprocess.Popen[str], lines: queue.Queue[str | None]) -> None:
    """Read the server's stdout to the end (so it never blocks on a full pipe)."""
    stream = proc.stdout
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            for line in stream:
                lines.put(line)
    lines.put(None)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


@atexit.register
def _stop_live_servers() -> None:
    for server in list(_live_servers):
        with contextlib.suppress(Exception):
            server.close()
