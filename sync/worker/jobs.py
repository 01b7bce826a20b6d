"""What a central job is, and the one list of them the worker runs.

A job is made afresh each time a worker takes its lease (``JobSpec.make``); the worker then
calls its ``step`` again and again while it holds the lease: one step does what is due (in
batches, checking the lease before each write) and may wait a while for more to do. A step
that raises is a failure: said in one line, tried again after a growing pause. Whatever a job
must remember between workers (how far it has got) it keeps in the central database, never in
memory, so another worker carries on where it stopped.

Later issues add their jobs to ``JOBS`` (sending replies, collecting mentions, auto-assignment,
breach events, erasure, retention).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sync.gateway.couch import Couch
from sync.worker.lease import Lease


@dataclass
class JobContext:
    couch: Couch  # the central database, as its admin
    lease: Lease  # ``lease.check()`` before each write
    say: Callable[[str], None]  # one line on standard output, prefixed with the job's name
    idle_wait: float  # the longest a step that found nothing to do waits for more
    batch_bytes: int  # the most a job reads from the database at once
    rebuild: bool = False  # start again from nothing (asked for on the command line)


class Job(Protocol):
    async def step(self, ctx: JobContext) -> None: ...


@dataclass(frozen=True)
class JobSpec:
    name: str
    make: Callable[[], Job]


def registered() -> list[JobSpec]:
    """Every central job, in the order the worker starts them."""
    from sync.worker.assign import AssignJob
    from sync.worker.breaches import BreachJob
    from sync.worker.directory import DirectoryJob
    from sync.worker.erasure import ErasureJob
    from sync.worker.mention_links import MentionLinkJob

    return [
        JobSpec("directory", DirectoryJob),
        JobSpec("assign", AssignJob),
        JobSpec("breaches", BreachJob),
        JobSpec("erasure", ErasureJob),
        JobSpec("mention_links", MentionLinkJob),
    ]


def names() -> list[str]:
    return [spec.name for spec in registered()]
