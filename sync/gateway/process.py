"""``caseworker central serve`` as a child process: for the benchmarks and the tests.

    with GatewayProcess(upstream_db_url, admin_user, admin_password) as gateway:
        gateway.db_url      # http://127.0.0.1:PORT/<db>, what laptops sync with

``start`` returns once the command has printed ``listening on http://HOST:PORT`` (printed only
once it accepts connections); ``stop`` sends SIGTERM, then SIGKILL, and reaps it. Its standard
error is kept in a temporary file (``stderr_text``) for a failure to show. The admin password
goes to the child on standard input, never on its command line.
"""

import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

from caseworker.errors import CaseworkerError

SCRIPT = Path(sys.executable).with_name("caseworker")


class GatewayProcess:
    def __init__(
        self,
        upstream_db_url: str,
        admin_user: str,
        admin_password: str,
        *,
        port: int = 0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.db_name = urlsplit(upstream_db_url).path.rsplit("/", 1)[1]
        self.upstream_db_url = upstream_db_url
        self.port = port
        self.url = ""
        self._auth = (admin_user, admin_password)
        self._extra = extra_args
        self._proc: subprocess.Popen[str] | None = None
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115

    @property
    def db_url(self) -> str:
        return f"{self.url}/{self.db_name}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def start(self) -> Self:
        user, password = self._auth
        command = [str(SCRIPT), "central", "serve", "--server", self.upstream_db_url]
        command += ["--user", user, "--password-stdin", "--port", str(self.port), *self._extra]
        self._proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(password + "\n")
        self._proc.stdin.close()
        line = self._proc.stdout.readline()  # printed once it accepts connections
        if not line.startswith("listening on http://"):
            self.stop()
            raise CaseworkerError(f"the gateway did not start: {line.strip()!r}")
        self.url = line.split(" ", 2)[2].strip()
        return self

    def stderr_text(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read()

    def stop(self) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        self._proc = None

    def close(self) -> None:
        self.stop()
        self._stderr.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
