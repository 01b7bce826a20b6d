"""The headless command line: ``caseworker [--data-dir DIR] COMMAND``.

Commands are registered as small ``Command`` records, so the wiring in ``main.py`` can add the
window (``gui``) and the central-service commands (``sync``, ``central``) without this package
ever importing Qt or HTTP code.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from caseworker.errors import CaseworkerError
from caseworker.store.engine import KeyProvider
from caseworker.store.store import Store

Handler = Callable[[argparse.Namespace, "Context"], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Handler


@dataclass
class Context:
    """What a command needs from its surroundings: the data folder and how to open it."""

    data_dir: Path
    keys: KeyProvider | None = None
    encrypt_new: bool = False
    _store: Store | None = field(default=None, repr=False)

    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open_dir(self.data_dir, self.keys, encrypt_new=self.encrypt_new)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("caseworker", "Caseworker"))


def build_parser(commands: Sequence[Command]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caseworker",
        description="Caseworker: case management for council frontline staff.",
    )
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="folder of the local store (default: per user)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in commands:
        child = sub.add_parser(command.name, help=command.help, description=command.help)
        command.configure(child)
        child.set_defaults(handler=command.handler)
    return parser


def run(
    argv: Sequence[str] | None,
    commands: Sequence[Command],
    keys: KeyProvider | None = None,
    default_command: Sequence[str] = (),
) -> int:
    parser = build_parser(commands)
    given = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(given)
    if getattr(args, "handler", None) is None:
        if not default_command:
            parser.print_help()
            return 2
        args = parser.parse_args([*given, *default_command])
    context = Context(args.data_dir or default_data_dir(), keys)
    try:
        code: int = args.handler(args, context)
        return code
    except CaseworkerError as exc:
        print(f"caseworker: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("caseworker: interrupted", file=sys.stderr)
        return 130
    finally:
        context.close()
