"""``caseworker central mentions``: connect the council's Mastodon account, and collect.

    caseworker central mentions connect --instance URL
    caseworker central mentions collect --server DB_URL --user ADMIN [--password-stdin]
        --instance URL [--once] [--interval SECONDS] [--recheck N]

``connect`` registers the app, prints the address where a person signs in, reads the code the
instance shows them (one line on standard input) and keeps the token in this machine's keyring.
``collect`` takes the token from ``CASEWORKER_MASTODON_TOKEN`` when set, else the keyring, and
writes the mentions into the central database as a server admin; it prints one line a round.
"""

import argparse
import signal
import sys
import threading
from urllib.parse import urlsplit

from caseworker.cli.app import Command, Context, group
from caseworker.cli.arguments import UsageError, bounded_int, read_line
from caseworker.errors import CaseworkerError
from caseworker.timeutil import utcnow
from sync.cli import _client, _server_options
from sync.errors import InsecureConnection
from sync.mention_post.token import TOKEN_VARIABLE as TOKEN_VARIABLE
from sync.urls import unencrypted


def configure(parser: argparse.ArgumentParser) -> None:
    group(
        (
            Command("connect", "connect the council's Mastodon account (OAuth)", _connect),
            Command("collect", "collect mentions into the central database", _collect),
            Command(
                "post",
                "post the public replies drafted on laptops, each exactly once",
                "sync.mention_post.command:configure",
            ),
        ),
        dest="mentions_action",
    )(parser)


def _instance(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--instance", required=True, type=_instance_url, help="https://HOST")


def _instance_url(text: str) -> str:
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise argparse.ArgumentTypeError("not an instance address: give https://HOST")
    return f"{parts.scheme}://{parts.netloc}"


def _connect(parser: argparse.ArgumentParser) -> None:
    _instance(parser)
    parser.add_argument("--allow-http", action="store_true", help="allow a plain http:// instance")
    parser.set_defaults(handler=run_connect)


def _collect(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin of the central database")
    _instance(parser)
    parser.add_argument("--once", action="store_true", help="one round, then stop")
    parser.add_argument(
        "--interval",
        type=bounded_int(5, 86_400),
        default=60,
        help="seconds between rounds (default: %(default)s)",
    )
    parser.add_argument(
        "--recheck",
        type=bounded_int(0, 1000),
        default=20,
        help="newest mentions read again each round for edits and deletions (default: 20)",
    )
    parser.set_defaults(handler=run_collect)


def _check_instance(url: str, allow_http: bool) -> None:
    if unencrypted(url) and not allow_http:
        raise InsecureConnection(
            f"{url} is not encrypted (http://): use https://, or --allow-http to send the "
            "council's token unprotected"
        )


def run_connect(args: argparse.Namespace, ctx: Context) -> int:
    from sync.keychain import keep_token
    from sync.mentions import oauth
    from sync.mentions.api import Api

    _check_instance(args.instance, args.allow_http)
    api = Api(args.instance, None)
    try:
        app = oauth.register(api)
        print("Sign in as the council's account at this address, allow Caseworker, and type")
        print("the code it shows here:")
        print(oauth.authorise_url(api, app), flush=True)
        code = read_line("the code").strip()
        if not code:
            raise UsageError("no code on standard input")
        token = oauth.exchange(api, app, code)
    except Exception as exc:
        _network_error(exc)
        raise
    finally:
        api.close()
    keep_token(api.host, token)
    print(f"connected to {api.host}: the token is in this machine's keyring")
    return 0


def _network_error(exc: Exception) -> None:
    from sync.mentions.adapter import NetworkError

    if isinstance(exc, NetworkError):
        raise CaseworkerError(str(exc)) from None


def _token(host: str) -> str:
    from sync.mention_post.token import mastodon_token

    return mastodon_token(host)


def run_collect(args: argparse.Namespace, ctx: Context) -> int:
    from sync.mentions.adapter import NetworkError, TokenRefused
    from sync.mentions.api import Api
    from sync.mentions.collect import collect_once
    from sync.mentions.mastodon import Mastodon

    _check_instance(args.instance, args.allow_http)
    host = (urlsplit(args.instance).hostname or "").lower()
    api = Api(args.instance, _token(host))
    client = _client(args)
    stop = threading.Event()
    before = {}
    if not args.once and threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):  # end after the round under way
            before[signum] = signal.signal(signum, lambda *_: stop.set())
    try:
        while True:
            try:
                report = collect_once(Mastodon(api), client, recheck=args.recheck, now=utcnow)
                print(f"{host}: {report.line()}", flush=True)
                for problem in report.problems[:10]:
                    print(f"  unreadable: {problem}", file=sys.stderr)
            except TokenRefused as exc:
                raise CaseworkerError(str(exc)) from None
            except NetworkError as exc:
                if args.once:
                    raise CaseworkerError(str(exc)) from None
                print(f"{host}: {exc}; trying again in {args.interval} s", file=sys.stderr)
            if args.once or stop.wait(args.interval):
                return 0
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        api.close()
        client.close()
