"""Wiring only: the domain CLI, plus the window and the central-service commands.

``caseworker`` (the console script) and ``python main.py`` both land in ``run``. With no
command, the window opens on the default data folder, seeding a demo council (20,000 citizens)
into an empty store first.

Adding commands from other packages (``caseworker`` itself never imports ``ui`` or ``sync``):
each is a ``Command(name, help, setup)``; the setup is a function, or ``"module:function"``,
taking the command's ``argparse`` parser, adding its options and setting its handler with
``parser.set_defaults(handler=fn)``, ``fn(args, context) -> exit code`` (``context.data_dir``,
``context.store()``; raise ``CaseworkerError`` for a one-line failure). Nothing is imported
until that command runs, and a module that is not installed makes the command say so in one
line (exit 1). Top-level commands go in with ``cli.add``, benchmarks (``caseworker bench NAME``,
each given ``--json``) with ``cli.add_bench``.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from caseworker.cli import Command, CommandLine, Context, command_line
from caseworker.cli.app import positive_int
from caseworker.errors import CaseworkerError

NO_WINDOW = "the desktop window is not installed"
NO_SYNC = "the central-service commands are not installed"


def _gui_setup(parser: argparse.ArgumentParser) -> None:
    from ui.app import add_arguments

    add_arguments(parser)
    parser.set_defaults(handler=_gui)


def _gui(args: argparse.Namespace, ctx: Context) -> int:
    try:
        from ui.app import main as gui_main
    except ModuleNotFoundError as exc:  # e.g. Qt itself missing from this build
        raise CaseworkerError(f"{NO_WINDOW} (no module named {exc.name!r})") from exc
    args.data_dir = ctx.data_dir
    return gui_main(args)


def _bench_ui_setup(parser: argparse.ArgumentParser) -> None:
    import ui.bench  # noqa: F401  (so a build without the window says so before any work)

    parser.add_argument(
        "--citizens",
        type=positive_int,
        default=1_000_000,
        help="citizens in the seeded store (1,000,000 takes about 7.6 GB of disk and a few "
        "minutes to seed; 20,000 about 150 MB)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        help="reuse (or create) the seeded store here (default: bench-out/ui-CITIZENS, "
        "seeded once and reused)",
    )
    parser.set_defaults(handler=_bench_ui)


def _bench_ui(args: argparse.Namespace, ctx: Context) -> int:
    from ui.bench import run as bench_ui

    bench_ui(args.store, args.citizens, as_json=args.json)
    return 0


def _refused_setup(parser: argparse.ArgumentParser) -> None:
    from caseworker.cli.refused import setup

    setup(
        parser,
        (
            Command(
                "take-server",
                "make the central service's version this laptop's again",
                "sync.refusals:configure_take_server",
                NO_SYNC,
            ),
            Command(
                "reapply",
                "re-apply, on the server's version, what the rules still allow",
                "sync.refusals:configure_reapply",
                NO_SYNC,
            ),
        ),
    )


def _synced_as(data_dir: Path) -> str | None:
    """The user the data folder syncs as, from its central.json (None: it names none)."""
    try:
        from sync import config
    except ModuleNotFoundError:  # a build without sync has never synced this folder
        return None
    configured = config.load(data_dir)
    return configured.user if configured is not None else None


def _publish_setup(parser: argparse.ArgumentParser) -> None:
    from caseworker.cli.publish_kpis import setup

    setup(parser, _synced_as)


def _sar_setup(parser: argparse.ArgumentParser) -> None:
    from caseworker.cli.app import group
    from caseworker.cli.sar_commands import configure_open, export_setup

    def export(p: argparse.ArgumentParser) -> None:
        export_setup(p, _synced_as)

    commands = (
        Command(
            "open", "record a subject access request: its one-month clock starts", configure_open
        ),
        Command(
            "export",
            "everything held about a citizen, redacted, as JSON and a bilingual report",
            export,
        ),
    )
    group(commands, dest="action")(parser)


def build() -> CommandLine:
    """The whole program: the domain's commands, the window's and the central service's."""
    cli = command_line()
    cli.add(Command("gui", "open the Caseworker window", _gui_setup, NO_WINDOW))
    # Provided by sync/cli.py (configure_sync, configure_central, configure_bench), when it exists.
    cli.add(
        Command("sync", "replicate with the central service", "sync.cli:configure_sync", NO_SYNC)
    )
    cli.add(
        Command(
            "central",
            "the central service: set up, users, design documents",
            "sync.cli:configure_central",
            NO_SYNC,
        )
    )
    cli.add(
        Command(
            "publish-kpis",
            "publish each service's monthly performance as open data (CSV, JSON, a web page)",
            _publish_setup,
        )
    )
    cli.add(
        Command(
            "bank-holidays",
            "the UK bank holidays the service-level clocks use: refresh from GOV.UK, show",
            "sync.bank_holidays:configure",
            NO_SYNC,
        )
    )
    cli.add(
        Command(
            "sar",
            "subject access requests: record one (its clock starts), export what is held",
            _sar_setup,
        )
    )
    cli.add(
        Command("refused", "changes the central service refused, and the ways out", _refused_setup)
    )
    cli.add_bench(
        Command("ui", "the window's figures on a seeded store", _bench_ui_setup, NO_WINDOW)
    )
    cli.add_bench(
        Command(
            "inbox",
            "the mentions inbox opened on 50,000 mentions (target: under 200 ms)",
            "ui.bench_inbox:configure",
            NO_WINDOW,
        )
    )
    cli.add_bench(
        Command(
            "sync-window",
            "the window's event loop while live sync pulls",
            "ui.bench_sync:configure",
            NO_WINDOW,
        )
    )
    cli.add_bench(
        Command(
            "sync",
            "replication throughput against PouchDB Server",
            "sync.cli:configure_bench",
            NO_SYNC,
        )
    )
    cli.add_bench(
        Command(
            "gateway",
            "the central gateway beside the database behind it",
            "sync.cli:configure_bench_gateway",
            NO_SYNC,
        )
    )
    cli.add_bench(
        Command(
            "scope",
            "a field officer's first sync through the gateway, out of a whole council",
            "sync.cli:configure_bench_scope",
            NO_SYNC,
        )
    )
    cli.add_bench(
        Command(
            "clients",
            "many live clients long-polling one gateway process",
            "sync.cli:configure_bench_clients",
            NO_SYNC,
        )
    )
    cli.add_bench(
        Command(
            "assign",
            "500 cases spread across two officers, synced to both through the gateway",
            "sync.bench_assign:configure",
            NO_SYNC,
        )
    )
    return cli


def _store_key(path: Path) -> str | None:
    """The OS keyring's key for an encrypted store; the keychain module (and ``secrets``) is
    imported only when a store needs a key, not on every start."""
    from sync.keychain import store_key_provider

    return store_key_provider()(path)


def run(argv: Sequence[str] | None = None) -> int:
    return build().run(argv, keys=_store_key, default=("gui", "--demo"))


if __name__ == "__main__":
    sys.exit(run())
