"""Fuzzing the command line: every command, given random and hostile arguments, ends with an
exit code and at most one line on stderr, never a traceback.

Commands that only read or make small changes run for real on a small seeded store; the ones
that would open a window, seed, reach a server or run a benchmark are parsed only: their
arguments are checked as usual, and then their handler does nothing.
``CASEWORKER_FUZZ_EXAMPLES=5000`` runs longer on demand.
"""

import argparse
import os
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from caseworker.cli.app import CommandLine, LazyParser
from caseworker.seed import seed_store
from caseworker.store.store import STORE_FILENAME, Store

EXAMPLES = int(os.environ.get("CASEWORKER_FUZZ_EXAMPLES", "150"))
RUN_FOR_REAL = {
    ("search",),
    ("show", "citizen"),
    ("show", "case"),
    ("case", "update"),
    ("note", "add"),
    ("problems",),
}
HOSTILE = [
    "",
    "-",
    "--",
    "--help",
    "0",
    "-1",
    "99999999999999999999",
    "1e309",
    "nan",
    "\x1b[2J\x1b[31m",
    "\u202eevil",
    "\udcff",
    "nul\x00",
    "\ud800",
    "x" * 30_000,
    "http://127.0.0.1:99999/db",
    "http://[::1/db",
    "http://user:pw@127.0.0.1:1/db",
    "https://",
    "file:///etc/passwd",
    "citizen:",
    "case:",
    "ABCD-EFGH-JKLM",
    "%s%n{0}",
    "'; DROP TABLE cases; --",
    '"',
    "*",
    "NEAR(",
    "abc OR",
]


def command_paths(parser: argparse.ArgumentParser) -> Iterator[tuple[tuple[str, ...], list[str]]]:
    """Every runnable command (``show citizen``, ``bench sync``...) and its option strings."""
    if isinstance(parser, LazyParser):
        parser.complete()
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    options = [o for a in parser._actions for o in a.option_strings if o not in ("-h", "--help")]
    if not groups:
        yield (), options
    for action in groups:
        for name, child in action.choices.items():
            for path, child_options in command_paths(child):
                yield (name, *path), child_options


COMMANDS = sorted(command_paths(main.build().parser()))


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=20)
    store.close()
    return folder


def real_values(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / STORE_FILENAME) as raw:
        case_id, reference = raw.execute("SELECT id, reference FROM cases LIMIT 1").fetchone()
        (citizen_id,) = raw.execute("SELECT id FROM citizens LIMIT 1").fetchone()
    return [case_id, reference, citizen_id, "agent", "admin", "nobody", "high", "assigned"]


_parse = CommandLine.parse


def _parse_only(
    self: CommandLine, argv: Sequence[str], default: Sequence[str] = ()
) -> argparse.Namespace | None:
    """Parse (and check) as usual, then do nothing: for commands too big to run here."""
    args = _parse(self, argv, default)
    if args is not None:
        args.handler = lambda _args, _ctx: 0
    return args


def test_every_command_is_fuzzed() -> None:
    names = {path for path, _ in COMMANDS}
    assert {("search",), ("show", "case"), ("sync",), ("central", "init"), ("gui",)} <= names
    assert ("bench", "sync") in names and ("export",) in names


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_arguments_end_in_an_exit_code_and_one_line(
    data: st.DataObject,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    path, options = data.draw(st.sampled_from(COMMANDS), label="command")
    token = st.one_of(
        st.sampled_from(HOSTILE + real_values(data_dir)),
        st.sampled_from(options) if options else st.nothing(),
        st.text(max_size=12),
        st.integers().map(str),
    )
    rest = data.draw(st.lists(token, max_size=6), label="arguments")
    argv = ["--data-dir", str(data_dir), *path, *rest]
    capsys.readouterr()
    if path not in RUN_FOR_REAL:
        monkeypatch.setattr(CommandLine, "parse", _parse_only)
    try:
        code: int | str | None = main.run(argv)
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2)
        code = exit_.code
    out = capsys.readouterr()
    assert isinstance(code, int), code
    assert "Traceback" not in out.err
    assert out.err.count("\n") <= 1, out.err
    if code != 0:
        assert out.err.startswith("caseworker"), out.err
