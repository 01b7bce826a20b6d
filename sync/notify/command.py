"""``caseworker central notify-worker``: send the outbox's replies through GOV.UK Notify.

    CASEWORKER_NOTIFY_API_KEY=... caseworker central notify-worker --server DB_URL \\
        --user ADMIN --password-stdin --email-template ID --sms-template ID
        [--notify-key-file FILE] [--notify-url URL] [--lease-seconds 30] [--idle-seconds 30]

The one place the Notify key is held: read from ``--notify-key-file`` (private to its owner)
or the environment, kept in memory, never written to the database or printed. The job runs in
one place at a time however many of these run (its lease, ``notify``), and prints, as
``caseworker central worker`` does, ``worker running as NAME (notify)`` and a line per job
start, finish, failure and stop.
"""

import argparse
import asyncio
import contextlib
import signal
import sys
from pathlib import Path

from caseworker.cli.app import Context
from caseworker.errors import CaseworkerError
from sync.cli import _password, _server_options
from sync.errors import InsecureConnection
from sync.urls import split_db_url, unencrypted
from sync.worker.command import _bytes, _seconds


def configure(parser: argparse.ArgumentParser) -> None:
    from sync.notify.settings import KEY_VARIABLE, NOTIFY_URL

    _server_options(parser, "a server admin of the central database", ca_bundle=False)
    parser.add_argument("--email-template", required=True, help="the Notify email template's id")
    parser.add_argument("--sms-template", required=True, help="the Notify text template's id")
    parser.add_argument(
        "--notify-key-file",
        type=Path,
        help=f"a file (mode 600) holding the Notify API key (default: ${KEY_VARIABLE})",
    )
    parser.add_argument(
        "--notify-url", default=NOTIFY_URL, help="GOV.UK Notify's API (default: %(default)s)"
    )
    parser.add_argument("--lease-seconds", type=_seconds, default=30.0)
    parser.add_argument("--idle-seconds", type=_seconds, default=30.0)
    parser.add_argument("--batch-bytes", type=_bytes, default=16 * 2**20)
    parser.add_argument(
        "--rebuild", action="store_true", help="read the database's changes again from the start"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        from sync.gateway.serve import ServeOptions, check, couch_of
        from sync.notify.job import NotifyJob
        from sync.notify.settings import NotifySettings, read_key
        from sync.worker.jobs import JobSpec
        from sync.worker.runner import Timings, Worker
    except ImportError as exc:  # httpx or the Notify client missing
        raise CaseworkerError(
            f"the Notify worker needs the central extra: pip install 'caseworker[central]' "
            f"({exc.name})"
        ) from None
    server, url_user, url_password = split_db_url(args.server)
    if url_user or url_password:
        raise CaseworkerError("put no credentials in --server: use --user and --password-stdin")
    if unencrypted(server) and not args.allow_http:
        raise InsecureConnection(
            f"{server} is not encrypted (http://): use an https:// address, or --allow-http "
            "to send the admin's password and the records unprotected"
        )
    settings = NotifySettings(
        read_key(args.notify_key_file), args.email_template, args.sms_template, args.notify_url
    )
    couch = couch_of(ServeOptions(server, args.user, _password(args)))
    timings = Timings(
        lease_ttl=args.lease_seconds, idle_wait=args.idle_seconds, batch_bytes=args.batch_bytes
    )
    jobs = [JobSpec("notify", lambda: NotifyJob(settings))]

    def say(line: str) -> None:
        print(line, flush=True)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        try:
            await check(couch)
            rebuild = ("notify",) if args.rebuild else ()
            worker = Worker(couch, jobs, timings, say=say, rebuild=rebuild)
            await worker.run(stop)
        finally:
            await couch.aclose()

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())
    sys.stdout.flush()
    return 0
