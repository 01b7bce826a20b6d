"""The headless CLI. ``main.py`` adds the window and central-service commands to these."""

from collections.abc import Sequence

from caseworker.cli import bench, edit, records, store_commands
from caseworker.cli.app import Command, Context, run
from caseworker.cli.bench import register_bench

CORE_COMMANDS: tuple[Command, ...] = (
    *store_commands.COMMANDS,
    *records.COMMANDS,
    *edit.COMMANDS,
    *bench.COMMANDS,
)


def main(argv: Sequence[str] | None = None) -> int:
    """The domain CLI alone (no window, no sync): for scripts and tests."""
    return run(argv, CORE_COMMANDS)


__all__ = ["CORE_COMMANDS", "Command", "Context", "main", "register_bench", "run"]
