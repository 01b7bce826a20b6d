"""Keeps the access views up to date in the background, so no sign-in waits for them.

CouchDB (and PouchDB Server) bring a view up to date when it is next queried. After a large
write, such as an admin loading a council, the first person to sync would otherwise wait
while the index catches up: on PouchDB Server that is minutes, longer than a laptop waits for
a reply. So each gateway looks at the database's ``update_seq`` every few seconds, and at once
when it has stored a push (``poke``: a supervisor's gesture is indexed while the officers'
laptops are still being told of it, but never more often than every ``MIN_GAP``), and when it
has moved, queries the access view with ``limit=0``. Several gateways doing this at once cost
CouchDB no more than one.
Failures are reported on stderr and tried again later; the warmer never stops the gateway.
"""

import asyncio
import contextlib
import sys
from typing import Any

from caseworker.access import views
from sync.gateway.couch import Couch

INTERVAL = 2.0  # seconds between looks at update_seq
VIEW_TIMEOUT = 3600.0  # a first index of a whole council may take long
MIN_GAP = 0.25  # seconds between looks, however many pushes poke it


class Warmer:
    def __init__(self, couch: Couch, interval: float = INTERVAL) -> None:
        self.couch = couch
        self.interval = interval
        self._task: asyncio.Task[None] | None = None
        self._seen: Any = None
        self._failed = False
        self._poked = asyncio.Event()

    def poke(self) -> None:
        """Look now, not at the next interval (again after this look if one is under way)."""
        self._poked.set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="view-warmer")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def warm_once(self) -> None:
        info = await self.couch.get("")
        seq = info.get("update_seq") if isinstance(info, dict) else None
        if seq is not None and seq == self._seen:
            return
        await self.couch.get(
            views.VIEW_PATH, params={"limit": "0", **views.ROWS}, timeout=VIEW_TIMEOUT
        )
        self._seen = seq

    async def _run(self) -> None:
        while True:
            self._poked.clear()
            try:
                await self.warm_once()
                if self._failed:
                    print(
                        "caseworker gateway: the access views are up to date again",
                        file=sys.stderr,
                        flush=True,
                    )
                self._failed = False
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # CouchDB away or refusing: say so once, try again later
                if not self._failed:
                    print(
                        f"caseworker gateway: could not bring the access views up to date: {exc}",
                        file=sys.stderr,
                        flush=True,
                    )
                self._failed = True
            if self._failed:  # pushes go on while the views fail: no look per push
                await asyncio.sleep(self.interval)
                continue
            # However fast pushes come (any member can push, even nothing), one look at most
            # every MIN_GAP seconds: the pushes of that time are indexed by the next look.
            await asyncio.sleep(MIN_GAP)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._poked.wait(), max(self.interval - MIN_GAP, 0.0))
