"""The sync state the window shows: one small immutable value, replaced on every change."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

Progress = Callable[[str, int, int | None], None]  # direction, done, total (None: unknown)
Kind = Literal["offline", "connecting", "syncing", "up_to_date", "needs_sign_in", "error"]


@dataclass(frozen=True)
class SyncState:
    """``kind`` is one of the status bar's states; ``reason`` says why (errors, offline);
    ``done``/``total`` is the progress of a long sync (``total`` None: not known yet)."""

    kind: Kind = "connecting"
    reason: str = ""
    direction: str = ""  # "pull" or "push" while syncing
    done: int = 0
    total: int | None = None
    last_sync: datetime | None = None  # when both directions last reached the other side
    refused: int = 0  # documents the server refused in the last push (shown, not retried)
    unencrypted: bool = False  # plain http:// to another machine (allowed with --allow-http)

    def but(self, **changes: object) -> "SyncState":
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        """One line for people, e.g. "syncing 200/3,000 (pull)"."""
        if self.kind == "syncing":
            of = f"/{self.total:,}" if self.total is not None else ""
            where = f" ({self.direction})" if self.direction else ""
            return f"syncing {self.done:,}{of}{where}"
        if self.kind == "up_to_date":
            refused = f", {self.refused} refused" if self.refused else ""
            return f"up to date{refused}"
        if self.kind == "needs_sign_in":
            return f"needs sign-in: {self.reason}" if self.reason else "needs sign-in"
        if self.kind in ("error", "offline"):
            return f"{self.kind.replace('_', ' ')}: {self.reason}" if self.reason else self.kind
        return self.kind
