"""A seeded store appears whole or not at all.

The seeder builds the store beside its place (``caseworker.db.seeding``), and only when it is
complete (checkpointed, every connection closed, synced) renames it over the store's path in
one step and syncs the folder. A seed killed at any moment leaves the store's path as it was
(no store, or the empty store that was to be seeded) and a leftover that the next seed
removes. One seed at a time per folder: the folder is locked while it runs.
"""

import fcntl
import os
from pathlib import Path
from types import TracebackType

from caseworker.errors import StoreError
from caseworker.store.engine import SIDECARS, new_private_file, private_folder

SUFFIX = ".seeding"


def building_path(target: Path) -> Path:
    return target.with_name(target.name + SUFFIX)


def _beside(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in SIDECARS]


class Replacement:
    """``with Replacement(target) as new:`` build a store at ``new.path``, close it, then
    ``new.commit()``; leaving the block without committing removes what was built."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = building_path(target)
        self.redone = False  # whether a killed seed's leftovers were found and removed
        self._folder = -1
        self._committed = False

    def __enter__(self) -> "Replacement":
        private_folder(self.target.parent)
        self._folder = os.open(self.target.parent, os.O_RDONLY)
        try:
            fcntl.flock(self._folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self._check_not_in_use()
            self.redone = _remove(self.path)
            new_private_file(self.path)
        except BaseException as exc:
            os.close(self._folder)
            if isinstance(exc, BlockingIOError):
                raise StoreError(f"another seed is running in {self.target.parent}") from exc
            raise
        return self

    def commit(self) -> None:
        """Move the finished store into place. Every connection to it must be closed."""
        if any(p.exists() for p in _beside(self.path)):
            raise StoreError(f"{self.path} is still open; the seed was not finished")
        handle = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
        self._check_not_in_use()
        for orphan in _beside(self.target):  # with no store beside them, they are no one's
            orphan.unlink(missing_ok=True)
        os.replace(self.path, self.target)
        os.fsync(self._folder)  # the rename itself survives a power cut
        self._committed = True

    def _check_not_in_use(self) -> None:
        if self.target.exists() and any(p.exists() for p in _beside(self.target)):
            raise StoreError(
                f"{self.target} is open in another program; close it and run seed again"
            )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                _remove(self.path)
        finally:
            os.close(self._folder)  # and with it the lock


def _remove(path: Path) -> bool:
    """Remove a file and SQLite's files beside it; whether there was anything to remove."""
    found = False
    for file in (path, *_beside(path)):
        if file.exists():
            file.unlink()
            found = True
    return found
