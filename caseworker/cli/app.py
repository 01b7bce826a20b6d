"""The headless command line: ``caseworker [--data-dir DIR] COMMAND``.

A command is a small ``Command`` record: a name, one line of help, and its *setup* — a function
``setup(parser)`` that adds the command's arguments and sets its handler with
``parser.set_defaults(handler=fn)``, where ``fn(args, context) -> exit code``. The setup may be
given as ``"package.module:function"``: it is imported only when that command is the one being
run (or its ``--help`` is asked for), so ``caseworker --help`` imports no SQLAlchemy, Qt or HTTP
code, and ``main.py`` can add the window (``gui``) and the central-service commands without this
package ever importing them.

This module imports nothing heavy: keep it that way (start-up time is a product feature).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

# UsageError and positive_int are also used from here by the commands' modules.
from caseworker.cli.arguments import UsageError as UsageError
from caseworker.cli.arguments import check_arguments
from caseworker.cli.arguments import positive_int as positive_int
from caseworker.display import one_line
from caseworker.errors import CaseworkerError, NoKeyStoreError, StoreError
from caseworker.security.passphrase import INSTALL_KEYRING

if TYPE_CHECKING:
    from caseworker.store.engine import KeyProvider
    from caseworker.store.store import Store

Setup = Callable[[argparse.ArgumentParser], None]
Handler = Callable[[argparse.Namespace, "Context"], int]

USAGE = 2
NEW_STORE_NO_KEYRING = (
    "a new store is encrypted, and there is no OS keyring on this machine to keep its key: give a "
    "passphrase with --passphrase-stdin, or " + INSTALL_KEYRING + ", or make a plain store "
    "with --unencrypted (anyone with the disk can then read it)"
)
FAILED = 1


@dataclass(frozen=True)
class Command:
    """One command (or one sub-command of a group such as ``bench``).

    ``missing`` is what to say when the setup's module is not installed in this build.
    """

    name: str
    help: str
    setup: Setup | str
    missing: str = ""


@dataclass
class Context:
    """What a command needs from its surroundings: the data folder and how to open it."""

    data_dir: Path
    keys: KeyProvider | None = None
    _store: Store | None = field(default=None, repr=False)

    def store(self, *, create: bool = False, encrypted: bool = False) -> Store:
        """The store in the data folder. Only ``create=True`` makes a new one (optionally
        encrypted): a mistyped ``--data-dir`` must not leave an empty store behind."""
        if self._store is None:
            from caseworker.store.store import STORE_FILENAME, Store

            path = self.data_dir / STORE_FILENAME
            if not create and not path.exists():
                raise StoreError(
                    f"no Caseworker store in {self.data_dir} "
                    "(make one with the init or seed command)"
                )
            try:
                self._store = Store.open_dir(self.data_dir, self.keys, encrypt_new=encrypted)
            except NoKeyStoreError:
                if not (create and encrypted and not path.exists()):
                    raise
                raise NoKeyStoreError(NEW_STORE_NO_KEYRING) from None
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def load(setup: Setup | str) -> Setup:
    """The setup function itself, importing ``"module:function"`` now."""
    if not isinstance(setup, str):
        return setup
    module_name, _, name = setup.partition(":")
    found: Setup = getattr(importlib.import_module(module_name), name)
    return found


class DefaultsFormatter(argparse.HelpFormatter):
    """Help that shows each option's default, when it has one worth saying (not off, not
    unset), big numbers with separators: ``(default: 1,000,000)``."""

    def _default_text(self, action: argparse.Action) -> str:
        default = action.default
        if not action.option_strings or default in (None, False, argparse.SUPPRESS):
            return ""
        if "default" in (action.help or "").lower():
            return ""  # the help says it already
        if isinstance(default, int) and not isinstance(default, bool) and default >= 10_000:
            shown = f"{default:,}"
        else:
            shown = str(default)
        return f"(default: {shown})".replace("%", "%%")

    def _format_action(self, action: argparse.Action) -> str:
        extra = self._default_text(action)
        if extra:
            action = copy.copy(action)
            action.help = f"{action.help} {extra}" if action.help else extra
        return super()._format_action(action)


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (argparse prints the whole usage first), with
    whatever the person typed shown safely; help shows defaults."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DefaultsFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE, f"{self.prog}: {one_line(message)} (see {self.prog} --help)\n")


class LazyParser(Parser):
    """A command's parser, filled in by the command's setup only when that command is used."""

    pending: Command | None = None
    not_installed = False

    def complete(self) -> None:
        command, self.pending = self.pending, None
        if command is None:
            return
        try:
            load(command.setup)(self)
        except ModuleNotFoundError as exc:
            missing = command.missing or f"the {command.name} command is not installed"
            self.set_defaults(handler=_not_installed(f"{missing} (no module named {exc.name!r})"))
            self.not_installed = True

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self.complete()
        if self.not_installed:  # whatever its arguments, the command only says it is missing
            namespace = kwargs.get("namespace", args[1] if len(args) > 1 else None)
            return super().parse_known_args([], namespace)[0], []
        return super().parse_known_args(*args, **kwargs)

    def format_help(self) -> str:
        self.complete()
        return super().format_help()


def _not_installed(message: str) -> Handler:
    def handler(args: argparse.Namespace, ctx: Context) -> int:
        raise CaseworkerError(message)

    return handler


def add_commands(
    parser: argparse.ArgumentParser,
    commands: Sequence[Command],
    *,
    dest: str,
    common: Setup | None = None,
    required: bool = True,
) -> None:
    """Sub-commands under ``parser``, each set up lazily; ``common`` adds options to each."""
    sub = parser.add_subparsers(
        dest=dest, metavar=dest.upper(), parser_class=LazyParser, required=required
    )
    for command in commands:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        assert isinstance(child, LazyParser)
        child.pending = command if common is None else _with_common(command, common)


def _with_common(command: Command, common: Setup) -> Command:
    def setup(parser: argparse.ArgumentParser) -> None:
        load(command.setup)(parser)
        common(parser)

    return Command(command.name, command.help, setup, command.missing)


def group(commands: Sequence[Command], *, dest: str, common: Setup | None = None) -> Setup:
    """The setup of a command made of sub-commands (``case update``, ``bench search``)."""

    _distinct(commands)

    def setup(parser: argparse.ArgumentParser) -> None:
        add_commands(parser, commands, dest=dest, common=common)

    return setup


def _distinct(commands: Sequence[Command]) -> None:
    """Two commands of one name: the later one hid the earlier (three ``citizen`` groups once
    left two unreachable), so it is a programming error, said at once."""
    names = [c.name for c in commands]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"commands named twice in one group: {', '.join(twice)}")


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("caseworker", "Caseworker"))


class CommandLine:
    """The ``caseworker`` program: the core commands, plus whatever the wiring adds."""

    def __init__(self, commands: Sequence[Command], benches: Sequence[Command] = ()) -> None:
        _distinct(commands)
        _distinct(benches)
        self._commands = {c.name: c for c in commands}
        self._benches = {b.name: b for b in benches}

    def add(self, command: Command) -> None:
        """Add (or replace) a top-level command, e.g. ``gui`` or ``sync``."""
        self._commands[command.name] = command

    def add_bench(self, bench: Command) -> None:
        """Add (or replace) a benchmark under ``caseworker bench``, e.g. ``ui`` or ``sync``.
        Its handler gets ``args.json`` (``--json`` is added to every benchmark)."""
        self._benches[bench.name] = bench

    def parser(self) -> argparse.ArgumentParser:
        parser = Parser(
            prog="caseworker",
            description="Caseworker: case management for council frontline staff.",
        )
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            help="folder of the local store (default: the per-user data folder)",
        )
        parser.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="the encrypted store's passphrase, from the first line of standard input "
            "(before any password): for a machine with no OS keyring",
        )
        bench = Command(
            "bench",
            "measure performance (every benchmark takes --json)",
            group(list(self._benches.values()), dest="benchmark", common=_json_option),
        )
        add_commands(parser, [*self._commands.values(), bench], dest="command", required=False)
        return parser

    def run(
        self,
        argv: Sequence[str] | None = None,
        *,
        keys: KeyProvider | None = None,
        default: Sequence[str] = (),
    ) -> int:
        """Parse, run one command, and turn every failure a person can act on into one line
        on stderr: exit 2 for usage (argparse's own), 1 for everything else."""
        _printable_streams()
        try:
            args = self.parse(sys.argv[1:] if argv is None else argv, default)
        except UsageError as exc:
            return _report(exc)
        if args is None:
            self.parser().print_help(sys.stderr)
            return USAGE
        if getattr(args, "passphrase_stdin", False):
            from caseworker.cli.arguments import read_line
            from caseworker.security.passphrase import passphrase_keys

            try:
                keys = passphrase_keys(read_line("the passphrase"))
            except UsageError as exc:
                return _report(exc)
        context = Context(args.data_dir or default_data_dir(), keys)
        try:
            code: int = args.handler(args, context)
            return code
        except BaseException as exc:
            return _report(exc)
        finally:
            context.close()

    def parse(self, argv: Sequence[str], default: Sequence[str] = ()) -> argparse.Namespace | None:
        """The parsed arguments (``default`` stands in for a missing command), or None when
        there is no command and no default. Raises ``UsageError`` for arguments no terminal
        sends, and ``SystemExit`` (argparse's) for --help and usage errors."""
        given = check_arguments(argv)
        parser = self.parser()
        args = parser.parse_args(given)
        if getattr(args, "handler", None) is None:
            if not default:
                return None
            args = parser.parse_args([*given, *default])
        return args


def _printable_streams() -> None:
    """Whatever the terminal's encoding, printing a name never fails: what it cannot show is
    printed as an escape (``--json`` escapes such text itself, so its output stays JSON)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # Not a real text stream, or one already written to: leave it as it is.
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="backslashreplace")


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _report(exc: BaseException) -> int:
    """The exit code for a failure, after saying what went wrong in one line."""
    if isinstance(exc, BrokenPipeError):  # e.g. `caseworker export | head`: not an error
        _silence_stdout()
        return FAILED
    if isinstance(exc, KeyboardInterrupt):
        print("caseworker: interrupted", file=sys.stderr)
        return 130
    if isinstance(exc, CaseworkerError):
        message = str(exc)
    elif isinstance(exc, OSError):
        where = f": {exc.filename}" if exc.filename else ""
        message = f"{exc.strerror or exc}{where}"
    elif _is_database_error(exc):
        message = f"the store failed: {getattr(exc, 'orig', None) or exc}"
    else:
        raise exc  # a bug: the traceback is what a developer needs
    print("caseworker: " + one_line(message), file=sys.stderr)
    return USAGE if isinstance(exc, UsageError) else FAILED


def _is_database_error(exc: BaseException) -> bool:
    # Each is loaded only if the command used the store (quick reads use sqlcipher3 alone).
    for module, name in (("sqlalchemy.exc", "SQLAlchemyError"), ("sqlcipher3", "Error")):
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(exc, getattr(loaded, name)):
            return True
    return False


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
