"""``caseworker central worker`` as a real subprocess, for the worker tests.

    with WorkerProcess(db_url, *server.admin_auth, lease_seconds=10) as worker:
        worker.wait_for("job directory started")      # a line containing this, or fail
        worker.lines                                   # every line printed so far

The admin password goes on standard input. Lines are read by a thread as they come; waits are
on conditions, with a generous ceiling that only a broken worker reaches.
"""

import json
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import requests

from tests.support.gateway import a_citizen

SCRIPT = Path(sys.executable).with_name("caseworker")
CEILING = 90.0  # seconds: reached only when what is waited for never happens
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


class WorkerProcess:
    def __init__(
        self,
        db_url: str,
        user: str,
        password: str,
        *,
        lease_seconds: float = 10.0,
        idle_seconds: float = 1.0,
        extra: tuple[str, ...] = (),
    ) -> None:
        self.command = [
            str(SCRIPT), "central", "worker", "--server", db_url, "--user", user,
            "--password-stdin", "--lease-seconds", str(lease_seconds),
            "--idle-seconds", str(idle_seconds), *extra,
        ]  # fmt: skip
        self._password = password
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._proc: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115
        self.name = ""

    def start(self) -> Self:
        self._proc = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
        )
        assert self._proc.stdin is not None
        self._proc.stdin.write(self._password + "\n")
        self._proc.stdin.close()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        line = self.wait_for("worker running")
        self.name = line.split(" as ", 1)[1].split(" ", 1)[0]
        return self

    def _read(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        for line in self._proc.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def wait_for(self, text: str, *, after: int = 0) -> str:
        """The first line (from index ``after``) containing ``text``; fails if the worker
        ends or the ceiling passes first."""
        end = time.monotonic() + CEILING
        with self._changed:
            while True:
                for line in self.lines[after:]:
                    if text in line:
                        return line
                if not self.running and (self._reader is None or not self._reader.is_alive()):
                    raise AssertionError(f"worker ended without {text!r}: {self.report()}")
                if time.monotonic() > end:
                    raise AssertionError(f"no line with {text!r}: {self.report()}")
                self._changed.wait(0.5)

    def count(self, text: str) -> int:
        with self._changed:
            return sum(text in line for line in self.lines)

    def stderr_text(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read()

    def report(self) -> str:
        return f"stdout={self.lines!r} stderr={self.stderr_text()[-2000:]!r}"

    def kill(self) -> None:
        """SIGKILL: a crash, no lease released."""
        assert self._proc is not None
        self._proc.kill()
        self._proc.wait()

    def stop(self) -> int | None:
        proc = self._proc
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        code = proc.wait()
        if self._reader is not None:
            self._reader.join(timeout=10)
        return code

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        errors = self.stderr_text()
        self._stderr.close()
        if kind is None:  # whatever happened, the worker said it in lines, never a traceback
            assert "Traceback" not in errors, errors


def eventually(check: Callable[[], Any], what: str) -> Any:
    """Wait until ``check()`` answers something true (no timing asserted: the ceiling is
    reached only when it never does)."""
    end = time.monotonic() + CEILING
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f"never happened: {what}")
        time.sleep(0.1)


class Db:
    """Plain admin requests to the central database, for arranging and inspecting."""

    def __init__(self, db_url: str, auth: tuple[str, str]) -> None:
        self.url = db_url
        self.auth = auth

    def get(self, path: str) -> Any:
        r = requests.get(self.url + path, auth=self.auth, headers=JSON, timeout=30)
        return r.json() if r.status_code == 200 else None

    def put(self, doc: dict[str, Any]) -> str:
        r = requests.put(
            f"{self.url}/{doc['_id']}",
            auth=self.auth,
            headers=JSON,
            data=json.dumps(doc),
            timeout=30,
        )
        assert r.status_code in (201, 202), r.text
        rev: str = r.json()["rev"]
        return rev

    def delete(self, doc_id: str) -> None:
        rev = self.get("/" + doc_id)["_rev"]
        r = requests.delete(
            f"{self.url}/{doc_id}", params={"rev": rev}, auth=self.auth, headers=JSON, timeout=30
        )
        assert r.status_code in (200, 202), r.text

    def bulk(self, docs: list[dict[str, Any]]) -> None:
        r = requests.post(
            self.url + "/_bulk_docs",
            auth=self.auth,
            headers=JSON,
            data=json.dumps({"docs": docs}),
            timeout=60,
        )
        assert r.status_code in (201, 202), r.text

    def lease(self, job: str = "directory") -> Any:
        return self.get(f"/_local/caseworker-lease-{job}")

    def entry(self, citizen_key: str) -> Any:
        return self.get(f"/directory:{citizen_key}")


def a_full_citizen(key: str, given: str = "Carys", **changes: Any) -> dict[str, Any]:
    doc = a_citizen(f"citizen:{key}", given, "Jones")
    doc.update(
        date_of_birth="1961-07-04",
        preferred_name="Caz",
        identifiers=[
            _ident("i1", "phone", "01248 123456", label="Home landline label"),
            _ident("i2", "email", "carys@example.org"),
            _ident("i3", "address", "1 Secret Street", postcode="LL57 2PW", uprn="100023336956"),
            _ident("i4", "social", "@carys_social"),
        ],
        consents=[
            {
                "id": "k1",
                "purpose": "marketing-purpose",
                "lawful_basis": "consent",
                "source": "phone call",
                "valid_from": "2025-01-01T00:00:00Z",
            }
        ],
        extra="hidden extra field",
    )
    doc.update(changes)
    return doc


def _ident(ident_id: str, kind: str, value: str, **more: str) -> dict[str, Any]:
    return {
        "id": ident_id,
        "kind": kind,
        "value": value,
        "verified_by": "unverified",
        "added_at": "2025-01-01T00:00:00Z",
        **more,
    }


def central_db(couch_server: Any, couch_db: str) -> Db:
    """A fresh central database set up as ``central init`` does (security, access views), for
    a central job to work in."""
    from sync import central
    from sync.http import CouchClient

    admin = CouchClient(couch_db, *couch_server.admin_auth)
    try:
        central.init(admin)
    finally:
        admin.close()
    return Db(couch_db, couch_server.admin_auth)
