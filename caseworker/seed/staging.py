"""Where the seeder's worker processes leave their chunk files for the writer, and how.

In memory (``/dev/shm``) where the system has it, in a folder only its owner can open, named
``caseworker-seed-<uid>-<pid>-<random>`` so that the next seed can find and remove what a
killed run left behind (a folder whose process has ended). For an encrypted store the chunk
files are encrypted too, with a random key made for the run and never written anywhere.
"""

import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

PREFIX = "caseworker-seed-"


@dataclass(frozen=True)
class Staging:
    """A run's staging folder, and the raw key of its chunk files (None: plain files)."""

    folder: str
    key: str | None

    @property
    def sqlcipher_key(self) -> str:
        """The key as SQLCipher's raw-key literal (no key derivation: chunks open fast), or ''
        for a plain file."""
        return f"x'{self.key}'" if self.key else ""

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def staging_root() -> Path:
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        return shm
    return Path(tempfile.gettempdir())


def _own_prefix() -> str:
    return f"{PREFIX}{os.getuid()}-"


def new_staging(*, encrypted: bool) -> Staging:
    """A new staging folder (mode 0700, made with a random name so none can be planted in its
    place), after removing those of runs that were killed."""
    root = staging_root()
    remove_dead_runs(root)
    folder = tempfile.mkdtemp(prefix=f"{_own_prefix()}{os.getpid()}-", dir=root)
    return Staging(folder, secrets.token_hex(32) if encrypted else None)


def run_folders(pid: int, root: Path | None = None) -> list[Path]:
    """The staging folders of the seed run by process ``pid``."""
    return sorted((root or staging_root()).glob(f"{_own_prefix()}{pid}-*"))


def remove_dead_runs(root: Path) -> None:
    """Remove this user's staging folders whose process is no longer running."""
    for folder in root.glob(f"{_own_prefix()}*"):
        pid = folder.name.removeprefix(_own_prefix()).split("-", 1)[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        info = folder.lstat()
        if folder.is_dir() and not folder.is_symlink() and info.st_uid == os.getuid():
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process has that number now
        return True
    return True
