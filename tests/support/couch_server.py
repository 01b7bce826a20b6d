"""A real PouchDB Server (express-pouchdb 4.2.0 on PouchDB 9) for the sync tests.

``CouchServer`` runs ``node tests/server/server.js`` on 127.0.0.1 in its own process group,
with a temporary data folder and a server admin, and stops it for good when asked (terminate,
then kill; always reaped). The server also exits by itself when its standard input closes, so
even a test process that dies without cleaning up leaves no node process behind.

    ensure_node_modules()
    with CouchServer() as server:
        db_url = server.create_db("cases")
        requests.get(db_url, auth=server.admin_auth, headers={"Accept": "application/json"})
        server.restart()  # same port, same data: "the server went away mid-sync"

What the server does differently from CouchDB 3 is listed in DESIGN.md ("Known quirks of
PouchDB Server"); the fixes that tests/server/server.js applies are described at its top.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import fcntl
import hashlib
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

SERVER_DIR = Path(__file__).resolve().parent.parent / "server"
SERVER_JS = SERVER_DIR / "server.js"
REPLICATE_JS = SERVER_DIR / "replicate.js"
JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}

Adapter = Literal["leveldb", "memory"]

_EXIT_PORT_TAKEN = 3  # server.js: the port is already in use
_PORT_RANGE = (20000, 32000)  # below Linux's ephemeral range: a restart will find it free
_live_servers: weakref.WeakSet[CouchServer] = weakref.WeakSet()


class CouchServerError(RuntimeError):
    """The test server could not be installed, started or asked to do something."""


def ensure_node_modules(server_dir: Path = SERVER_DIR, *, timeout: float = 600.0) -> None:
    """Run ``npm ci`` in tests/server unless node_modules is already newer than the lockfile.

    Idempotent and fast on rerun; safe when several test processes call it at once (a file
    lock serialises them, and the ones that wait find the work done).
    """
    if _node_modules_fresh(server_dir):
        return
    npm = shutil.which("npm")
    if npm is None:
        raise CouchServerError("npm is not on PATH: install Node.js 20 and npm to run sync tests")
    digest = hashlib.sha256(str(server_dir.resolve()).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"caseworker-npm-ci-{digest}.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if _node_modules_fresh(server_dir):
                return
            done = subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                cwd=server_dir,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
            if done.returncode != 0:
                raise CouchServerError(
                    f"npm ci in {server_dir} failed ({done.returncode}):\n"
                    f"{done.stdout}\n{done.stderr}"
                )
            os.utime(_node_modules_marker(server_dir))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _node_modules_marker(server_dir: Path) -> Path:
    # npm writes this "hidden lockfile" at the end of every install.
    return server_dir / "node_modules" / ".package-lock.json"


def _node_modules_fresh(server_dir: Path) -> bool:
    marker = _node_modules_marker(server_dir)
    lockfile = server_dir / "package-lock.json"
    if not marker.exists() or not (server_dir / "node_modules" / "express-pouchdb").is_dir():
        return False
    return marker.stat().st_mtime >= lockfile.stat().st_mtime


def find_free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, outside the ephemeral range."""
    rng = random.SystemRandom()
    for _ in range(50):
        port = rng.randrange(*_PORT_RANGE)
        if _port_is_free(port):
            return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return False
            raise
        return True


class CouchServer:
    """One PouchDB Server process on 127.0.0.1, with a server admin and its own data folder.

    ``port=None`` picks a free port (kept across ``restart()``); ``data_dir=None`` uses a
    temporary folder removed by ``close()``; ``adapter="memory"`` keeps nothing across a
    restart; ``compression=False`` stops the server from gzipping responses (as CouchDB 3),
    which a test of a continuous ``_changes`` feed over ``requests`` needs.
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
        node: str = "node",
    ) -> None:
        self._requested_port = port
        self._port: int | None = port
        self._adapter: Adapter = adapter
        self._compression = compression
        self._admin_user = admin_user
        self._admin_password = admin_password or secrets.token_urlsafe(16)
        self._startup_timeout = startup_timeout
        self._node = node
        self._work_dir = Path(tempfile.mkdtemp(prefix="cw-couch-"))
        self._data_dir = data_dir if data_dir is not None else self._work_dir / "data"
        self._log_path = self._work_dir / "server.log"
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
            raise CouchServerError("the server has not been started yet")
        return self._port

    @property
    def admin_auth(self) -> tuple[str, str]:
        """(user, password) of the server admin, for ``requests``' ``auth=``."""
        return (self._admin_user, self._admin_password)

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
            raise CouchServerError("this CouchServer has been closed")
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
            port_taken = exit_code == _EXIT_PORT_TAKEN
            if port_taken and (attempts > 0 or time.monotonic() < deadline):
                time.sleep(0.0 if pick_port else 0.2)
                continue
            raise CouchServerError(
                f"PouchDB Server exited with status {exit_code} before it was ready "
                f"(port {port}).\n--- server stderr ---\n{self.stderr_text()}"
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
        config_path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    def _spawn(self, port: int) -> int | None:
        """Start node and wait for READY. None when ready, else the exit status."""
        if not SERVER_JS.exists():
            raise CouchServerError(f"{SERVER_JS} is missing")
        node = shutil.which(self._node)
        if node is None:
            raise CouchServerError(f"{self._node!r} is not on PATH: sync tests need Node.js 20")
        env = dict(os.environ)
        env.update(
            CW_ADMIN_USER=self._admin_user,
            CW_ADMIN_PASSWORD=self._admin_password,
        )
        for name in (
            "CW_PORT",
            "CW_DATA_DIR",
            "CW_ADAPTER",
            "CW_EXIT_WITH_STDIN",
            "CW_COMPRESSION",
        ):
            env.pop(name, None)
        self._log_file = self._log_path.open("ab")
        self._lines = queue.Queue()
        self._proc = subprocess.Popen(
            [
                node,
                str(SERVER_JS),
                "--port",
                str(port),
                "--dir",
                str(self._data_dir),
                "--adapter",
                self._adapter,
                "--exit-with-stdin",
                *([] if self._compression else ["--no-compression"]),
            ],
            cwd=SERVER_DIR,
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
            name=f"couch-server-stdout-{self._proc.pid}",
            daemon=True,
        )
        self._reader.start()
        deadline = time.monotonic() + self._startup_timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.stop()
                raise CouchServerError(
                    f"PouchDB Server gave no READY line within {self._startup_timeout:g} s."
                    f"\n--- server stderr ---\n{self.stderr_text()}"
                )
            try:
                line = self._lines.get(timeout=min(remaining, 0.1))
            except queue.Empty:
                continue
            if line is None:  # stdout closed: the process is gone or going
                code = self._reap_failed_start()
                return code
            if line.startswith("READY "):
                url = line.split(" ", 1)[1].strip()
                self._port = int(url.rsplit(":", 1)[1])
                return None

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

    # -- administration ----------------------------------------------------------------------

    def admin_session(self) -> requests.Session:
        """A ``requests.Session`` with the admin's credentials and JSON headers."""
        session = requests.Session()
        session.auth = self.admin_auth
        session.headers.update(JSON_HEADERS)
        return session

    def create_db(self, name: str) -> str:
        """Create database ``name`` as the admin; returns its URL (no credentials in it)."""
        url = self.db_url(name)
        response = requests.put(url, auth=self.admin_auth, headers=JSON_HEADERS, timeout=30)
        if response.status_code != 201:
            raise CouchServerError(
                f"PUT {url} answered {response.status_code}: {response.text.strip()}"
            )
        return url

    def delete_db(self, name: str) -> None:
        """Delete database ``name`` as the admin; a database that is not there is fine."""
        url = self.db_url(name)
        response = requests.delete(url, auth=self.admin_auth, headers=JSON_HEADERS, timeout=30)
        if response.status_code not in (200, 404):
            raise CouchServerError(
                f"DELETE {url} answered {response.status_code}: {response.text.strip()}"
            )

    def set_config(self, section: str, key: str, value: str) -> None:
        """Change a server setting at run time, e.g. ``("couchdb", "max_document_size",
        "100000")`` to get HTTP 413 for request bodies over 100,000 bytes."""
        url = f"{self.url}/_config/{quote(section, safe='')}/{quote(key, safe='')}"
        response = requests.put(
            url, auth=self.admin_auth, headers=JSON_HEADERS, data=json.dumps(value), timeout=30
        )
        if response.status_code != 200:
            raise CouchServerError(
                f"PUT {url} answered {response.status_code}: {response.text.strip()}"
            )

    def delete_config(self, section: str, key: str) -> None:
        """Put a setting changed with ``set_config`` back to its default."""
        url = f"{self.url}/_config/{quote(section, safe='')}/{quote(key, safe='')}"
        response = requests.delete(url, auth=self.admin_auth, headers=JSON_HEADERS, timeout=30)
        if response.status_code not in (200, 404):
            raise CouchServerError(
                f"DELETE {url} answered {response.status_code}: {response.text.strip()}"
            )


def run_replicate_js(*args: str, timeout: float = 600.0) -> dict[str, Any]:
    """Run ``node tests/server/replicate.js ARGS`` and return its JSON line.

    Raises ``CouchServerError`` (with the tool's stderr) when it exits with a status other
    than 0, or 1 with a JSON answer (some documents refused: the answer says which).
    """
    done = subprocess.run(
        ["node", str(REPLICATE_JS), *args],
        cwd=SERVER_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode in (0, 1) and lines:
        answer: dict[str, Any] = json.loads(lines[-1])
        return answer
    raise CouchServerError(
        f"replicate.js {' '.join(args[:1])} exited with {done.returncode}:\n{done.stderr}"
    )


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
