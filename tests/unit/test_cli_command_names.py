"""A command name used twice in one group is refused when the command line is built: argparse
would let the later hide the earlier without a word."""

import pytest

from caseworker.cli import CORE_BENCHES, CORE_COMMANDS
from caseworker.cli.app import Command, CommandLine, group


def _noop(_parser: object) -> None:
    return None


def test_the_core_commands_and_benches_each_have_one_name() -> None:
    CommandLine(CORE_COMMANDS, CORE_BENCHES).parser()  # every group is built, none refuses


def test_two_top_level_commands_of_one_name_are_refused() -> None:
    twins = [Command("citizen", "one", _noop), Command("citizen", "two", _noop)]
    with pytest.raises(ValueError, match="citizen"):
        CommandLine(twins)


def test_two_sub_commands_of_one_name_are_refused() -> None:
    with pytest.raises(ValueError, match="erase"):
        group([Command("erase", "one", _noop), Command("erase", "two", _noop)], dest="action")
