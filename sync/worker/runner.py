"""The worker: each registered job runs here while this worker holds its lease.

    worker = Worker(couch, registered(), Timings(lease_ttl=30.0), say=print)
    await worker.run(stop)     # until ``stop`` is set (SIGTERM); leases released on the way out

Per job, one task: try to take the lease every ``acquire_every`` seconds; once held, run the
job's steps while a second task renews the lease every ``renew_every`` seconds. The job stops
when the lease is lost (another worker took it, or it could not be renewed in time) and the
worker goes back to waiting for it. A failing step is said in one line and tried again after a
pause that doubles up to ``backoff_max``; the worker never stops for a job's failure.
"""

import asyncio
import os
import secrets
import socket
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

import httpx

from caseworker.display import one_line
from sync.gateway.couch import Couch, CouchError
from sync.worker.jobs import JobContext, JobSpec
from sync.worker.lease import Lease, LeaseLost


@dataclass(frozen=True)
class Timings:
    lease_ttl: float = 30.0  # a holder renews within this, or another worker takes over
    idle_wait: float = 30.0  # the longest a caught-up job waits for more before looking again
    backoff_first: float = 1.0  # after a failed step
    backoff_max: float = 60.0
    batch_bytes: int = 16 * 2**20  # the most a job reads from the database at once

    @property
    def renew_every(self) -> float:
        return self.lease_ttl / 3

    @property
    def acquire_every(self) -> float:
        return self.lease_ttl / 4


def worker_id() -> str:
    """This worker's name in the leases it holds: host, process and a random part."""
    return f"{socket.gethostname()[:60]}-{os.getpid()}-{secrets.token_hex(3)}"


class Worker:
    def __init__(
        self,
        couch: Couch,
        jobs: list[JobSpec],
        timings: Timings,
        *,
        say: Callable[[str], None],
        name: str | None = None,
        rebuild: Collection[str] = (),
    ) -> None:
        self.couch = couch
        self.jobs = jobs
        self.timings = timings
        self.name = name or worker_id()
        self._say = say
        self._rebuild = set(rebuild)

    def say(self, line: str) -> None:
        self._say(one_line(line))

    async def run(self, stop: asyncio.Event) -> None:
        tasks = [asyncio.create_task(self._job_loop(spec)) for spec in self.jobs]
        self.say(f"worker running as {self.name} ({', '.join(s.name for s in self.jobs)})")
        try:
            await stop.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            self.say("worker stopped")

    async def _job_loop(self, spec: JobSpec) -> None:
        lease = Lease(self.couch, spec.name, self.name, self.timings.lease_ttl)
        said = ""  # the last failure said: the same one is not said again at every try
        while True:
            try:
                got = await lease.acquire()
                said = ""
            except (CouchError, httpx.HTTPError) as exc:
                line = f"job {spec.name} failed: cannot take its lease ({_reason(exc)})"
                if line != said:
                    self.say(line)
                said, got = line, False
            if not got:
                await asyncio.sleep(self.timings.acquire_every)
                continue
            taken = f" (taken over from {lease.previous_holder})" if lease.previous_holder else ""
            self.say(f"job {spec.name} started{taken}")
            try:
                why = await self._hold(spec, lease)
            except asyncio.CancelledError:
                await lease.release()
                self.say(f"job {spec.name} stopped: the worker is stopping (lease released)")
                raise
            await lease.release()  # if it is still this worker's: then free at once
            self.say(f"job {spec.name} stopped: {why}")

    async def _hold(self, spec: JobSpec, lease: Lease) -> str:
        """Run the job while the lease is held; why it stopped."""
        ctx = JobContext(
            self.couch,
            lease,
            lambda line: self.say(f"job {spec.name} {line}"),
            self.timings.idle_wait,
            self.timings.batch_bytes,
            rebuild=spec.name in self._rebuild,
        )
        self._rebuild.discard(spec.name)
        work = asyncio.create_task(self._work(spec, ctx))
        keeper = asyncio.create_task(self._keep(lease))
        try:
            await asyncio.wait({work, keeper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (work, keeper):
                task.cancel()
            outcome = await asyncio.gather(work, keeper, return_exceptions=True)
        for result in outcome:
            if isinstance(result, LeaseLost):
                return f"lease lost ({result})"
        return "lease lost"

    async def _work(self, spec: JobSpec, ctx: JobContext) -> None:
        job = spec.make()
        pause = self.timings.backoff_first
        while True:
            try:
                await job.step(ctx)
            except (LeaseLost, asyncio.CancelledError):
                raise
            except Exception as exc:  # any failure of one step: said, then tried again
                ctx.say(f"failed: {_reason(exc)}; next try in {pause:g} s")
                ctx.lease.check()
                await asyncio.sleep(pause)
                pause = min(pause * 2, self.timings.backoff_max)
            else:
                pause = self.timings.backoff_first

    async def _keep(self, lease: Lease) -> None:
        """Renew the lease until it is lost (raises LeaseLost)."""
        every = self.timings.renew_every
        while True:
            await asyncio.sleep(max(0.0, min(every, lease.valid_until - time.monotonic() - every)))
            try:
                await lease.renew()
            except (CouchError, httpx.HTTPError) as exc:
                if time.monotonic() >= lease.valid_until:
                    raise LeaseLost(f"could not renew it in time ({_reason(exc)})") from None
                await asyncio.sleep(min(every / 4, 1.0))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, CouchError):
        return f"the database answered {exc.status}: {exc.error} {exc.reason}".strip()
    if isinstance(exc, httpx.HTTPError):
        return f"cannot reach the database ({type(exc).__name__})"
    return str(exc) or type(exc).__name__
