"""``caseworker central dev-server``: the pinned PouchDB Server, started as a person would start
it, is answering by the time it says so, and goes away (node included) when stopped."""

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from sync.devserver import find_free_port, port_is_free

SCRIPT = Path(sys.executable).with_name("caseworker")
JSON = {"Accept": "application/json"}
TIMEOUT = 10


def env_without_admin() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("CW_ADMIN_USER", "CW_ADMIN_PASSWORD")}


class Running:
    """``central dev-server`` in a subprocess, until its ``listening on`` line."""

    def __init__(self, *args: str, stdin: str = "") -> None:
        self.proc = subprocess.Popen(
            [str(SCRIPT), "central", "dev-server", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env_without_admin(),
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(stdin)
        self.proc.stdin.close()
        # Blocks until the line (or end of output): the command prints it only once ready.
        self.first_line = self.proc.stdout.readline()

    def stop(self, sig: signal.Signals = signal.SIGINT) -> tuple[int, str]:
        self.proc.send_signal(sig)
        return self.finish()

    def finish(self) -> tuple[int, str]:
        """The exit status and standard error of a command that exits (or has exited)."""
        assert self.proc.stderr is not None
        err = self.proc.stderr.read()  # to its end: the command has exited (or is exiting)
        return self.proc.wait(timeout=30), err


@pytest.fixture
def port() -> Iterator[int]:
    yield find_free_port()


def test_answers_once_it_says_listening_and_stops_on_ctrl_c(tmp_path: Path, port: int) -> None:
    server = Running("--port", str(port), "--dir", str(tmp_path), "--password-stdin", stdin="pw\n")
    try:
        assert server.first_line == f"listening on http://127.0.0.1:{port}\n"
        welcome = requests.get(f"http://127.0.0.1:{port}/", headers=JSON, timeout=TIMEOUT)
        assert welcome.json()["express-pouchdb"] == "Welcome!"
        session = requests.get(
            f"http://127.0.0.1:{port}/_session", auth=("admin", "pw"), headers=JSON, timeout=TIMEOUT
        )
        assert session.json()["userCtx"] == {"name": "admin", "roles": ["_admin"]}
        wrong = requests.get(
            f"http://127.0.0.1:{port}/_session", auth=("admin", "nope"), headers=JSON, timeout=10
        )
        assert wrong.status_code == 401
    finally:
        code, err = server.stop(signal.SIGINT)
    assert code == 0, err
    assert "Traceback" not in err
    assert port_is_free(port)  # node went with it
    assert (tmp_path / "server.log").exists()


def test_keeps_its_data_and_admin_across_runs_and_stops_on_sigterm(
    tmp_path: Path, port: int
) -> None:
    first = Running("--port", str(port), "--dir", str(tmp_path), "--password-stdin", stdin="pw\n")
    try:
        assert first.first_line.startswith("listening on ")
        put = requests.put(f"http://127.0.0.1:{port}/kept", auth=("admin", "pw"), timeout=TIMEOUT)
        assert put.status_code == 201
    finally:
        assert first.stop(signal.SIGTERM)[0] == 0

    again = Running("--port", str(port), "--dir", str(tmp_path))  # no password: the old admin
    try:
        assert again.first_line.startswith("listening on ")
        info = requests.get(
            f"http://127.0.0.1:{port}/kept", auth=("admin", "pw"), headers=JSON, timeout=TIMEOUT
        )
        assert info.json()["db_name"] == "kept"
    finally:
        assert again.stop()[0] == 0
    assert "pw" not in json.dumps(json.loads((tmp_path / "config.json").read_text())["admins"])


def test_refuses_to_start_without_an_admin(tmp_path: Path, port: int) -> None:
    server = Running("--port", str(port), "--dir", str(tmp_path / "new"))
    code, err = server.finish()
    assert server.first_line == ""
    assert code == 1
    assert err.startswith("caseworker: ") and err.count("\n") == 1, err
    assert "--password-stdin" in err
    assert not (tmp_path / "new" / "config.json").exists()
    assert port_is_free(port)


def test_a_taken_port_is_one_line_not_a_hang(tmp_path: Path, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        server = Running(
            "--port", str(port), "--dir", str(tmp_path), "--password-stdin", stdin="x\n"
        )
        code, err = server.finish()
    assert server.first_line == ""
    assert code == 1
    assert err.startswith("caseworker: ") and err.count("\n") == 1, err
    assert f"port {port}" in err and "in use" in err


def test_product_code_never_imports_the_tests(tmp_path: Path) -> None:
    """The bench and the dev server run from an installed copy, where tests/ is absent."""
    probe = (
        "import sys; sys.modules['tests'] = None\n"  # any `import tests...` now fails
        "import sync.bench, sync.bench_pull, sync.bench_target, sync.devserver.command\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
