"""``caseworker central worker``: run the council's central jobs, each in one place at a time.

    caseworker central worker --server DB_URL --user ADMIN --password-stdin
        [--lease-seconds 30] [--idle-seconds 30] [--batch-bytes N] [--rebuild JOB]

Prints ``worker running as NAME (JOBS)`` once started, then one line per job start, finish,
failure and stop; runs until SIGTERM or SIGINT, then releases the leases it holds (another
worker takes the jobs over at once) and prints ``worker stopped``.
"""

import argparse
import asyncio
import contextlib
import signal
import sys

from caseworker.cli.app import Context
from caseworker.errors import CaseworkerError
from sync.cli import _password, _server_options
from sync.errors import InsecureConnection
from sync.urls import split_db_url, unencrypted


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.1 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds from 0.1 to 3600, not {text!r}")
    return value


def _bytes(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if not 10_000 <= value <= 2**31:
        raise argparse.ArgumentTypeError(f"expected a number of bytes from 10000, not {text!r}")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    from sync.worker.jobs import names

    _server_options(parser, "a server admin of the central database", ca_bundle=False)
    parser.add_argument(
        "--lease-seconds",
        type=_seconds,
        default=30.0,
        help="a job's lease runs out this long after its last renewal (default: %(default)s)",
    )
    parser.add_argument(
        "--idle-seconds",
        type=_seconds,
        default=30.0,
        help="how long a job with nothing to do waits before looking again (default: %(default)s)",
    )
    parser.add_argument(
        "--batch-bytes",
        type=_bytes,
        default=16 * 2**20,
        help="the most a job reads from the database at once (default: %(default)s)",
    )
    parser.add_argument(
        "--rebuild",
        action="append",
        choices=names(),
        help="start this job again from nothing when this worker takes it (repeatable)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        from sync.gateway.serve import ServeOptions, check, couch_of
        from sync.worker.jobs import registered
        from sync.worker.runner import Timings, Worker
    except ImportError as exc:  # httpx missing
        raise CaseworkerError(
            f"the worker needs the central extra: pip install 'caseworker[central]' ({exc.name})"
        ) from None
    server, url_user, url_password = split_db_url(args.server)
    if url_user or url_password:
        raise CaseworkerError("put no credentials in --server: use --user and --password-stdin")
    if unencrypted(server) and not args.allow_http:
        raise InsecureConnection(
            f"{server} is not encrypted (http://): use an https:// address, or --allow-http "
            "to send the admin's password and the records unprotected"
        )
    couch = couch_of(ServeOptions(server, args.user, _password(args)))
    timings = Timings(
        lease_ttl=args.lease_seconds, idle_wait=args.idle_seconds, batch_bytes=args.batch_bytes
    )

    def say(line: str) -> None:
        print(line, flush=True)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        try:
            await check(couch)
            worker = Worker(couch, registered(), timings, say=say, rebuild=args.rebuild or ())
            await worker.run(stop)
        finally:
            await couch.aclose()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    sys.stdout.flush()
    return 0
