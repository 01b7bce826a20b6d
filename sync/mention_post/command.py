"""``caseworker central mentions post``: post the queued public replies to mentions, once.

    CASEWORKER_MASTODON_TOKEN=... caseworker central mentions post --server DB_URL \\
        --user ADMIN --password-stdin --instance URL [--once] [--stale-minutes 10]
        [--idle-seconds 30]

The one place (with the collector) that holds the council's Mastodon token: from the
environment or the OS keyring, never the database. Several posters may run at once: each
reply is claimed before it is posted (``sync.mention_post.poster``). ``--once``: one pass over
what is pending, then exit (0; 1 when the token was refused). Otherwise a pass every
``--idle-seconds`` until stopped (SIGTERM/SIGINT).
"""

import argparse
import asyncio
import contextlib
import signal
import sys
from datetime import timedelta

from caseworker.cli.app import Context
from caseworker.errors import CaseworkerError
from sync.cli import _password, _server_options
from sync.errors import InsecureConnection
from sync.urls import split_db_url, unencrypted
from sync.worker.command import _seconds


def configure(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin of the central database")
    parser.add_argument(
        "--instance", required=True, help="the council's Mastodon instance, https://..."
    )
    parser.add_argument("--once", action="store_true", help="one pass, then exit")
    parser.add_argument(
        "--stale-minutes",
        type=float,
        default=10.0,
        help="a claim older than this was left by a poster that stopped (default: %(default)s)",
    )
    parser.add_argument("--idle-seconds", type=_seconds, default=30.0)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    try:
        import httpx

        from sync.gateway.couch import CouchError
        from sync.gateway.serve import ServeOptions, check, couch_of
        from sync.mention_post.mastodon import Mastodon
        from sync.mention_post.poster import Poster, Stop, install_design
        from sync.mention_post.token import mastodon_token
        from sync.worker.runner import _reason, worker_id
    except ImportError as exc:  # httpx missing
        raise CaseworkerError(
            f"the poster needs the central extra: pip install 'caseworker[central]' ({exc.name})"
        ) from None
    server, url_user, url_password = split_db_url(args.server)
    if url_user or url_password:
        raise CaseworkerError("put no credentials in --server: use --user and --password-stdin")
    for address in (server, args.instance):
        if unencrypted(address) and not args.allow_http:
            raise InsecureConnection(
                f"{address} is not encrypted (http://): use an https:// address, or --allow-http"
            )
    if not 0 <= args.stale_minutes <= 50:  # past Mastodon's hour for an idempotency key
        raise CaseworkerError("--stale-minutes must be between 0 and 50")
    token = mastodon_token(args.instance)
    couch = couch_of(ServeOptions(server, args.user, _password(args)))
    mastodon = Mastodon(args.instance, token)

    def say(line: str) -> None:
        print(line, flush=True)

    async def main() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        poster = Poster(
            couch,
            mastodon,
            name=worker_id(),
            say=say,
            stale_after=timedelta(minutes=args.stale_minutes),
        )
        try:
            await check(couch)
            await install_design(couch)
            while True:
                try:
                    counts = await poster.run_once()
                except (CouchError, httpx.HTTPError) as exc:  # the database away: next pass
                    say(f"pass failed: {_reason(exc)}")
                    if args.once:
                        return 1
                else:
                    say(f"pass finished: {counts.text()}")
                if args.once or stop.is_set():
                    return 0
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), args.idle_seconds)
                if stop.is_set():
                    return 0
        except Stop as exc:
            print(f"caseworker: stopped: {exc}", file=sys.stderr, flush=True)
            return 1
        finally:
            await mastodon.aclose()
            await couch.aclose()

    code = 0
    with contextlib.suppress(KeyboardInterrupt):
        code = asyncio.run(main())
    sys.stdout.flush()
    return code
