"""The pinned Node.js package beside this module: PouchDB Server (``server.js``) and PouchDB 9's
own replicator (``replicate.js``), with their ``package-lock.json``.

``node_package()`` is the folder to run them from, with ``node_modules`` installed (``npm ci``
on first use). From a checkout that is this folder; when the package folder cannot be written
(an installed, read-only copy) the four pinned files are copied into the user's cache first.
"""

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from caseworker.errors import CaseworkerError

PACKAGE_DIR = Path(__file__).resolve().parent
PINNED_FILES = ("server.js", "replicate.js", "package.json", "package-lock.json")
NPM_CI = ("ci", "--no-audit", "--no-fund", "--loglevel=error")


class DevServerError(CaseworkerError):
    """The development server or PouchDB's replicator could not be installed, started or run."""


def node_executable(name: str = "node") -> str:
    found = shutil.which(name)
    if found is None:
        raise DevServerError(f"{name!r} is not on PATH: install Node.js 20 (and npm)")
    return found


def node_package(*, timeout: float = 600.0) -> Path:
    """The folder holding server.js and replicate.js with their node modules installed."""
    folder = PACKAGE_DIR
    if not _node_modules_fresh(folder) and not os.access(folder, os.W_OK):
        folder = _cached_copy()
    ensure_node_modules(folder, timeout=timeout)
    return folder


def ensure_node_modules(folder: Path = PACKAGE_DIR, *, timeout: float = 600.0) -> None:
    """Run ``npm ci`` in ``folder`` unless node_modules is already newer than the lockfile.

    Idempotent and fast on rerun; safe when several processes call it at once (a file lock
    serialises them, and the ones that wait find the work done).
    """
    if _node_modules_fresh(folder):
        return
    npm = node_executable("npm")
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
    lock_path = Path(tempfile.gettempdir()) / f"caseworker-npm-ci-{digest}.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if _node_modules_fresh(folder):
                return
            done = subprocess.run(
                [npm, *NPM_CI],
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
            if done.returncode != 0:
                raise DevServerError(
                    f"npm ci in {folder} failed ({done.returncode}): "
                    f"{_tail(done.stderr or done.stdout)}"
                )
            os.utime(_node_modules_marker(folder))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def node_modules_installed() -> bool:
    """Whether this folder's node modules are installed and match the lockfile."""
    return _node_modules_fresh(PACKAGE_DIR)


def _node_modules_marker(folder: Path) -> Path:
    # npm writes this "hidden lockfile" at the end of every install.
    return folder / "node_modules" / ".package-lock.json"


def _node_modules_fresh(folder: Path) -> bool:
    marker = _node_modules_marker(folder)
    lockfile = folder / "package-lock.json"
    if not marker.exists() or not (folder / "node_modules" / "express-pouchdb").is_dir():
        return False
    return marker.stat().st_mtime >= lockfile.stat().st_mtime


def _cached_copy() -> Path:
    """The pinned files copied into a per-user cache folder named after their content."""
    from platformdirs import user_cache_dir

    digest = hashlib.sha256()
    for name in PINNED_FILES:
        digest.update((PACKAGE_DIR / name).read_bytes())
    target = (
        Path(user_cache_dir("caseworker", "Caseworker")) / f"devserver-{digest.hexdigest()[:12]}"
    )
    target.mkdir(parents=True, exist_ok=True)
    for name in PINNED_FILES:
        if not (target / name).exists():
            shutil.copy2(PACKAGE_DIR / name, target / name)
    return target


def run_replicate_js(
    *args: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 600.0,
) -> dict[str, Any]:
    """Run ``node replicate.js ARGS`` and return its JSON line.

    ``env`` adds variables, e.g. ``CW_REMOTE_USER`` / ``CW_REMOTE_PASSWORD`` (credentials kept
    out of the process's arguments). Raises ``DevServerError`` (with the tool's stderr) when it
    exits with a status other than 0, or 1 with a JSON answer (some documents refused: the
    answer says which).
    """
    folder = node_package()
    done = subprocess.run(
        [node_executable(), str(folder / "replicate.js"), *args],
        cwd=folder,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode in (0, 1) and lines:
        answer: dict[str, Any] = json.loads(lines[-1])
        return answer
    raise DevServerError(
        f"replicate.js {' '.join(args[:1])} exited with {done.returncode}: {_tail(done.stderr)}"
    )


def _tail(text: str, lines: int = 20) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])
