"""Wiring only: the CLI's commands, plus the window and the central-service commands.

``caseworker`` (the console script) and ``python main.py`` both land in ``run``. With no
command, the window opens on the default data folder, seeding a demo council on first run.
Heavy imports (Qt, HTTP) happen only inside the command that needs them.
"""

import argparse
import importlib
import sys
from collections.abc import Sequence

from caseworker.cli import CORE_COMMANDS, Command, Context, register_bench
from caseworker.cli import run as run_cli


def _gui_configure(parser: argparse.ArgumentParser) -> None:
    from ui.app import add_arguments

    add_arguments(parser)


def _gui(args: argparse.Namespace, ctx: Context) -> int:
    from ui.app import main as gui_main

    args.data_dir = ctx.data_dir
    return gui_main(args)


def _bench_ui_configure(parser: argparse.ArgumentParser) -> None:
    from pathlib import Path

    parser.add_argument("--citizens", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, help="reuse (or create) the seeded store here")


def _bench_ui(args: argparse.Namespace) -> int:
    from ui.bench import run

    run(args.store, args.citizens, as_json=args.json)
    return 0


def commands() -> tuple[Command, ...]:
    extra = [Command("gui", "open the Caseworker window", _gui_configure, _gui)]
    try:
        sync_cli = importlib.import_module("sync.cli")
    except ModuleNotFoundError:  # a build without the central-service commands
        pass
    else:
        extra += sync_cli.COMMANDS
        sync_cli.register_benches(register_bench)
    register_bench("ui", _bench_ui_configure, _bench_ui)
    return (*CORE_COMMANDS, *extra)


def run(argv: Sequence[str] | None = None) -> int:
    from sync.keychain import store_key_provider

    return run_cli(argv, commands(), keys=store_key_provider(), default_command=("gui", "--demo"))


if __name__ == "__main__":
    sys.exit(run())
