"""``caseworker sync`` and ``caseworker central``; ``bench sync`` lives in ``sync.bench``.

    caseworker sync [--server DB_URL --user NAME] [--password-stdin] [--once] [--batch-size N]
                    [--warn-above N]
    caseworker central init --server DB_URL --user ADMIN [--password-stdin]
    caseworker central add-user --server DB_URL --user ADMIN NAME --role ROLE --staff-id ID
    caseworker central serve --server DB_URL --user ADMIN --password-stdin [--host H] [--port P]
    caseworker central worker --server DB_URL --user ADMIN --password-stdin [--rebuild JOB]
    caseworker central notify-worker --server DB_URL --user ADMIN --password-stdin ...
    caseworker central access-log --server DB_URL --user ADMIN --password-stdin --citizen ID
    caseworker central mentions connect --instance URL
    caseworker central mentions collect --server DB_URL --user ADMIN --password-stdin --instance URL

Passwords come from standard input (``--password-stdin``, one line) or the OS keyring; never
from an argument, a file or a setting. ``--remember`` keeps a password typed on stdin in the
keyring for next time. ``sync`` remembers its server and user in the data folder's
``central.json``, so later runs need neither. Plain ``http://`` to another machine needs
``--allow-http``.
"""

import argparse
import sys
import threading

from caseworker.cli.app import Command, Context, group
from caseworker.cli.arguments import MAX_COUNT, UsageError, bounded_int, positive_int, read_line
from caseworker.cli.store_commands import made
from caseworker.display import one_line, visible
from caseworker.errors import CaseworkerError
from caseworker.security.policy import encrypt_new
from caseworker.store.store import STORE_FILENAME, Store
from sync import config, credentials, first_sync
from sync.errors import AuthError, InsecureConnection, NoKeyring, SyncError
from sync.http import CouchClient
from sync.replicator import DEFAULT_BATCH, Replicator
from sync.state import SyncState
from sync.urls import split_db_url, unencrypted


def db_url(text: str) -> str:
    """An argparse type: a central database's URL that can be used (scheme, host, port in
    range, a database named), else a usage error in one line."""
    try:
        split_db_url(text)
    except (SyncError, ValueError) as exc:  # ValueError: urllib on a bad port or IPv6 host
        raise argparse.ArgumentTypeError(f"not a usable database URL ({exc})") from exc
    return text


def _server_options(
    parser: argparse.ArgumentParser,
    user_help: str,
    *,
    remembered: bool = False,
    ca_bundle: bool = True,
) -> None:
    """The options naming a central database and its user. ``ca_bundle=False`` for the
    central processes (httpx, the system's authorities): an option they would ignore is not
    offered."""
    if remembered:
        server_help = "the central database's URL (default: the one this data folder syncs with)"
        user_help += " (default: the one this data folder syncs as)"
    else:
        server_help = "the central database's URL"
    parser.add_argument("--server", type=db_url, required=not remembered, help=server_help)
    parser.add_argument("--user", required=not remembered, help=user_help)
    parser.add_argument(
        "--allow-http",
        action="store_true",
        help="allow plain http:// to another machine (password and records unprotected)",
    )
    if ca_bundle:
        parser.add_argument(
            "--ca-bundle",
            metavar="FILE",
            help="check the server's certificate against this authority (e.g. the council's own) "
            "instead of the system's; certificates are always checked",
        )
    parser.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    parser.add_argument(
        "--remember", action="store_true", help="keep that password in the OS keyring"
    )


_REFUSALS_SHOWN = 10  # per sync on stderr; `caseworker problems` lists every one


def _password(args: argparse.Namespace) -> str:
    server = split_db_url(args.server)[0]
    if args.password_stdin:
        password = read_line("the password")
        if not password:
            raise AuthError("no password on standard input")
        if args.remember:
            try:
                credentials.remember_password(server, args.user, password)
            except NoKeyring as exc:  # the sync itself can still run: say so and go on
                print(f"caseworker: {exc}", file=sys.stderr)
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
    return CouchClient(
        server,
        args.user,
        _password(args),
        allow_http=args.allow_http,
        verify=getattr(args, "ca_bundle", None) or True,
    )


def _remembered(args: argparse.Namespace, ctx: Context) -> None:
    """Fill in --server and --user from the data folder's ``central.json`` when not given
    (and its ``allow_http``, when that server is the one used)."""
    saved = config.load(ctx.data_dir)
    if args.server is None and saved is None:
        raise UsageError(
            f"{ctx.data_dir} does not sync with a central service yet: give --server and --user"
        )
    if saved is None:
        if args.user is None:
            raise UsageError("give --user: your user name on the central service")
        return
    try:
        split_db_url(saved.server)
    except (SyncError, ValueError) as exc:
        raise UsageError(f"{config.FILENAME} in {ctx.data_dir} holds no usable server") from exc
    if args.server is None or split_db_url(args.server)[0] == saved.server:
        args.server = saved.server
        args.allow_http = args.allow_http or saved.allow_http
        if args.user is None:
            args.user = saved.user
    if args.user is None:
        raise UsageError("give --user: your user name on the central service")


# -- caseworker sync -------------------------------------------------------------------------


def configure_sync(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "your user name on the central service", remembered=True)
    parser.add_argument("--once", action="store_true", help="sync both ways once, then exit")
    parser.add_argument(
        "--unencrypted",
        action="store_true",
        help="when this makes a new store, make it plain, not encrypted at rest (new stores are "
        "encrypted unless the machine's policy says otherwise; an existing store stays as it is)",
    )
    parser.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH)
    parser.add_argument("--progress", action="store_true", help="report progress on standard error")
    parser.add_argument(
        "--warn-above",
        type=bounded_int(0, MAX_COUNT),
        metavar="N",
        help="say so before a first sync that brings more than N documents "
        f"(default {first_sync.DEFAULT_THRESHOLD:,}; kept for this data folder)",
    )
    parser.set_defaults(handler=run_sync)


def _report_progress(direction: str, done: int, total: int | None) -> None:
    of = f"/{total}" if total is not None else ""
    print(f"{direction} {done}{of}", file=sys.stderr, flush=True)


def run_sync(args: argparse.Namespace, ctx: Context) -> int:
    _remembered(args, ctx)
    client = _client(args)
    try:
        client.sign_in()  # a refused password leaves no new store and no settings behind
        new = not (ctx.data_dir / STORE_FILENAME).exists()
        store = ctx.store(create=True, encrypted=encrypt_new(unencrypted=args.unencrypted))
        if new:
            kind = made(store.encrypted, getattr(args, "passphrase_stdin", False))
            print(f"caseworker: made {kind} in {ctx.data_dir}", file=sys.stderr)
        config.save(ctx.data_dir, config.CentralConfig(client.db_url, args.user, args.allow_http))
        _say_first_sync_size(store, client, args.warn_above)
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
                refused = sorted(result.refused.items())
                for doc_id, reason in refused[:_REFUSALS_SHOWN]:
                    # Ids and reasons come from the server: shown, never obeyed.
                    print(f"caseworker: {visible(doc_id)}: {one_line(reason)}", file=sys.stderr)
                more = len(refused) - _REFUSALS_SHOWN
                raise CaseworkerError(
                    f"{len(refused)} documents were refused by the central service"
                    + (f" ({more} more not shown here)" if more > 0 else "")
                    + "; caseworker problems lists them all"
                )
            if not result.up_to_date:
                raise CaseworkerError("the sync stopped before both sides were up to date")
            return 0
        return _live(store, client, args)
    finally:
        client.close()


def _say_first_sync_size(store: Store, client: CouchClient, warn_above: int | None) -> None:
    """Before a first sync that brings a great many documents, say so (and go on)."""
    if warn_above is not None:
        with store.write() as session:
            first_sync.set_threshold(session, warn_above)
    size = first_sync.check(store, client)
    if size is not None:
        print(f"caseworker: {first_sync.message(size)}", file=sys.stderr, flush=True)


def _live(store: Store, client: CouchClient, args: argparse.Namespace) -> int:
    from sync.live import LiveSync

    done = threading.Event()
    outcome: list[SyncState] = []

    def show(state: SyncState) -> None:
        if state.kind != "syncing" or args.progress:
            print(one_line(state.text), file=sys.stderr, flush=True)
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
            Command(
                "serve",
                "run the gateway laptops sync through, in front of the central database",
                _configure_serve,
            ),
            Command(
                "worker",
                "run the council's central jobs, each in one place however many workers run",
                "sync.worker.command:configure",
            ),
            Command(
                "notify-worker",
                "send the outbox's replies to citizens through GOV.UK Notify (holds its key)",
                "sync.notify.command:configure",
            ),
            Command(
                "mentions",
                "the council's Mastodon account: connect it, collect its mentions, post replies",
                "sync.mentions.command:configure",
            ),
            Command(
                "access-log",
                "list who was served a citizen's documents, when, from which device",
                "sync.access_log_command:configure",
            ),
            Command(
                "sar",
                "subject access: the complete export of a citizen, with the access log",
                group(
                    (
                        Command(
                            "export",
                            "everything held about a citizen, read centrally, redacted",
                            "sync.sar_command:configure",
                        ),
                    ),
                    dest="sar_action",
                ),
            ),
            Command(
                "retention",
                "retention across the whole council, read centrally",
                group(
                    (
                        Command(
                            "review",
                            "how many records of each class are due for disposal, and held back",
                            "sync.retention_central:configure",
                        ),
                    ),
                    dest="retention_action",
                ),
            ),
            Command(
                "dev-server",
                "run the pinned PouchDB Server on 127.0.0.1 (for trying, not production)",
                "sync.devserver.command:configure",
            ),
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


def _configure_serve(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin of the central database", ca_bundle=False)
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=_port, default=8984, help="the port to listen on (default: %(default)s)"
    )
    parser.set_defaults(handler=run_central_serve)


def _port(text: str) -> int:
    port = int(text) if text.isdigit() else -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, not {text!r}")
    return port


def run_central_serve(args: argparse.Namespace, ctx: Context) -> int:
    try:
        from sync.gateway import serve
    except ImportError as exc:  # starlette, uvicorn or httpx missing
        raise CaseworkerError(
            f"the gateway needs the central extra: pip install 'caseworker[central]' ({exc.name})"
        ) from None
    server, url_user, url_password = split_db_url(args.server)
    if url_user or url_password:
        raise CaseworkerError("put no credentials in --server: use --user and --password-stdin")
    if unencrypted(server) and not args.allow_http:
        raise InsecureConnection(
            f"{server} is not encrypted (http://): use an https:// address, or --allow-http "
            "to send the admin's password and the records unprotected"
        )
    options = serve.ServeOptions(server, args.user, _password(args), args.host, args.port)
    return serve.run(options)


def run_central_init(args: argparse.Namespace, ctx: Context) -> int:
    from sync import central

    client = _client(args)
    try:
        for line in central.init(client):
            print(one_line(line))
    finally:
        client.close()
    return 0


def run_central_add_user(args: argparse.Namespace, ctx: Context) -> int:
    from sync import central

    client = _client(args)
    try:
        if not args.new_password_stdin:
            raise CaseworkerError("give the new user's password with --new-password-stdin")
        password = read_line("the new user's password")
        print(one_line(central.add_user(client, args.name, password, args.role, args.staff_id)))
    finally:
        client.close()
    return 0


def configure_bench(parser: argparse.ArgumentParser) -> None:
    from sync.bench import configure

    configure(parser)


def configure_bench_gateway(parser: argparse.ArgumentParser) -> None:
    from sync.bench_gateway import configure

    configure(parser)


def configure_bench_scope(parser: argparse.ArgumentParser) -> None:
    from sync.bench_scope import configure

    configure(parser)


def configure_bench_clients(parser: argparse.ArgumentParser) -> None:
    from sync.bench_clients import configure

    configure(parser)
