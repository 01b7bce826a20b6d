"""One look per question, however many requests ask it at once.

    flights = Flights(keep=256)
    answer = await flights.ask(key, look)      # the first asker starts look(); others await it

Each look runs as a task of its own, so a request that hangs up cancels only its own wait. A
look that failed (or was cancelled) is forgotten: the next asker starts it again. ``keep``
bounds the answers remembered (the oldest go first); ``forget_done`` remembers none once
answered (when the caller keeps the answer itself). Used by the change watcher (one lookup
for every client woken by the same change) and the scope snapshots (one write per new scope).
"""

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Any


class Flights:
    def __init__(self, keep: int, *, forget_done: bool = False) -> None:
        self.keep = keep
        self.forget_done = forget_done
        self._tasks: OrderedDict[Hashable, asyncio.Future[Any]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._tasks)

    def clear(self) -> None:
        """Forget every answer (tasks under way still answer whoever awaits them)."""
        self._tasks.clear()

    async def ask(self, key: Hashable, look: Callable[[], Awaitable[Any]]) -> Any:
        task = self._tasks.get(key)
        if task is None or (task.done() and (task.cancelled() or task.exception() is not None)):
            task = asyncio.ensure_future(look())
            task.add_done_callback(self._settled(key))
            self._tasks[key] = task
            while len(self._tasks) > self.keep:
                self._tasks.popitem(last=False)
        return await asyncio.shield(task)

    def _settled(self, key: Hashable) -> Callable[["asyncio.Future[Any]"], None]:
        def settled(task: "asyncio.Future[Any]") -> None:
            if not task.cancelled():
                task.exception()  # seen: its waiters may all have hung up
            if self.forget_done and self._tasks.get(key) is task:
                del self._tasks[key]

        return settled
