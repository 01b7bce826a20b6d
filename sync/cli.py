"""``caseworker sync`` and ``caseworker central``; ``bench sync`` lives in ``sync.bench``.

    caseworker sync --server DB_URL --user NAME [--password-stdin] [--once] [--batch-size N]
    caseworker central init --server DB_URL --user ADMIN [--password-stdin]
    caseworker central add-user --server DB_URL --user ADMIN NAME --role ROLE --staff-id ID

Passwords come from standard input (``--password-stdin``, one line) or the OS keyring; never
from an argument, a file or a setting. ``--remember`` keeps a password typed on stdin in the
keyring for next time.
"""

import argparse
import sys
import threading

from caseworker.cli.app import Command, Context, group, positive_int
from caseworker.errors import CaseworkerError
from caseworker.store.store import Store
from sync import config, credentials
from sync.errors import AuthError
from sync.http import CouchClient
from sync.replicator import DEFAULT_BATCH, Replicator
from sync.state import SyncState
from sync.urls import split_db_url


def _server_options(parser: argparse.ArgumentParser, user_help: str) -> None:
    parser.add_argument("--server", required=True, help="the central database's URL")
    parser.add_argument("--user", required=True, help=user_help)
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    parser.add_argument(
        "--remember", action="store_true", help="keep that password in the OS keyring"
    )


def _password(args: argparse.Namespace) -> str:
    server = split_db_url(args.server)[0]
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise AuthError("no password on standard input")
        if args.remember:
            credentials.remember_password(server, args.user, password)
        return password
    remembered = credentials.remembered_password(server, args.user)
    if remembered is None:
        raise AuthError(
            f"no password for {args.user} in this machine's keyring: give --password-stdin"
        )
    return remembered


def _client(args: argparse.Namespace) -> CouchClient:
    server, url_user, url_password = split_db_url(args.server)
    if url_user or url_password:
        raise CaseworkerError("put no credentials in --server: use --user and --password-stdin")
    return CouchClient(server, args.user, _password(args))


# -- caseworker sync -------------------------------------------------------------------------


def configure_sync(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "your user name on the central service")
    parser.add_argument("--once", action="store_true", help="sync both ways once, then exit")
    parser.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH)
    parser.add_argument("--progress", action="store_true", help="report progress on standard error")
    parser.set_defaults(handler=run_sync)


def _report_progress(direction: str, done: int, total: int | None) -> None:
    of = f"/{total}" if total is not None else ""
    print(f"{direction} {done}{of}", file=sys.stderr, flush=True)


def run_sync(args: argparse.Namespace, ctx: Context) -> int:
    client = _client(args)
    try:
        client.sign_in()  # a refused password leaves no new store and no settings behind
        store = ctx.store(create=True)
        config.save(ctx.data_dir, config.CentralConfig(client.db_url, args.user))
        if args.once:
            replicator = Replicator(
                store,
                client,
                batch_size=args.batch_size,
                on_progress=_report_progress if args.progress else None,
            )
            result = replicator.sync()
            print(
                f"pulled {result.pull.docs_written}, pushed {result.push.docs_written}"
                + (", up to date" if result.up_to_date else "")
            )
            if result.refused:
                for doc_id, reason in sorted(result.refused.items()):
                    print(f"caseworker: {doc_id}: {reason}", file=sys.stderr)
                raise CaseworkerError(
                    f"{len(result.refused)} documents were refused by the central service"
                )
            if not result.up_to_date:
                raise CaseworkerError("the sync stopped before both sides were up to date")
            return 0
        return _live(store, client, args)
    finally:
        client.close()


def _live(store: Store, client: CouchClient, args: argparse.Namespace) -> int:
    from sync.live import LiveSync

    done = threading.Event()
    outcome: list[SyncState] = []

    def show(state: SyncState) -> None:
        if state.kind != "syncing" or args.progress:
            print(state.text, file=sys.stderr, flush=True)
        if state.kind == "needs_sign_in":
            outcome.append(state)
            done.set()

    live = LiveSync(store, client, on_state=show, batch_size=args.batch_size)
    live.start()
    try:
        while not done.wait(1.0):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        live.stop()
    if outcome:
        raise AuthError(outcome[-1].reason or "needs sign-in")
    return 0


# -- caseworker central ------------------------------------------------------------------------


def configure_central(parser: argparse.ArgumentParser) -> None:
    group(
        (
            Command("init", "create the database, its members and rules", _configure_init),
            Command("add-user", "create or update a staff user", _configure_add_user),
        ),
        dest="action",
    )(parser)


def _configure_init(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin")
    parser.set_defaults(handler=run_central_init)


def _configure_add_user(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin")
    parser.add_argument("name", help="the new user's name")
    parser.add_argument("--role", required=True, help="agent, field_officer, supervisor, admin")
    parser.add_argument("--staff-id", required=True, help="their staff record's id")
    parser.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="read the new user's password from standard input (after the admin's)",
    )
    parser.set_defaults(handler=run_central_add_user)


def run_central_init(args: argparse.Namespace, ctx: Context) -> int:
    from sync import central

    client = _client(args)
    try:
        for line in central.init(client):
            print(line)
    finally:
        client.close()
    return 0


def run_central_add_user(args: argparse.Namespace, ctx: Context) -> int:
    from sync import central

    client = _client(args)
    try:
        if not args.new_password_stdin:
            raise CaseworkerError("give the new user's password with --new-password-stdin")
        password = sys.stdin.readline().rstrip("\r\n")
        print(central.add_user(client, args.name, password, args.role, args.staff_id))
    finally:
        client.close()
    return 0


def configure_bench(parser: argparse.ArgumentParser) -> None:
    from sync.bench import configure

    configure(parser)
