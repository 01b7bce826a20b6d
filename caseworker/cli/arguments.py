"""What the command line takes in, checked before any command runs: numbers within bounds,
text a terminal could have sent (arguments, the environment, a password on standard input).

Anything else is a ``UsageError``: one line, exit 2, never a traceback. Imports nothing heavy
(start-up time is a product feature).
"""

import argparse
import sys
from collections.abc import Callable, Sequence

from caseworker.display import visible
from caseworker.errors import ValidationError


class UsageError(ValidationError):
    """Arguments that parse but make no sense together: exit 2, like argparse's own errors."""


MAX_COUNT = 1_000_000_000
"""The largest count any option takes: far above any real use, far below SQLite's 64 bits."""
MAX_LIMIT = 10_000
"""The most results a listing command (``search --limit``) prints."""


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high`` (else a usage error, exit 2)."""

    def parse(text: str) -> int:
        digits = text.strip()
        value = int(digits) if digits.isascii() and digits.lstrip("+-").isdigit() else None
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from {low:,} to {high:,}, not {text[:40]!r}"
            )
        return value

    parse.__name__ = "number"  # argparse names the type in some messages
    return parse


positive_int = bounded_int(1, MAX_COUNT)
"""An argparse type: a whole number of at least 1 (a count, a batch size, a port...)."""
result_limit = bounded_int(1, MAX_LIMIT)
"""An argparse type for ``--limit``: how many results to show."""


def checked_text(value: str, what: str) -> str:
    """``value`` (from the environment, say) if it is text a terminal could send, else a usage
    error naming ``what``: undecodable bytes arrive as lone surrogates, which no store or
    terminal can take."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{what} is not valid UTF-8 text: {visible(value)}") from None
    if "\x00" in value:
        raise UsageError(f"{what} holds a NUL character: {visible(value)}")
    return value


def read_line(what: str) -> str:
    """One line from standard input (a password), without its line end; bytes that are not
    UTF-8 are a usage error naming ``what`` (and never showing the line), not a traceback."""
    refused = UsageError(f"{what} on standard input is not valid UTF-8 text")  # not shown
    try:
        line = sys.stdin.readline().rstrip("\r\n")
        line.encode("utf-8")  # a stream decoding with surrogateescape hands over surrogates
    except UnicodeError:
        raise refused from None
    if "\x00" in line:
        raise refused
    return line


def check_arguments(argv: Sequence[str]) -> list[str]:
    """The arguments as given, or a usage error naming the first that is not text a terminal
    could have sent: bytes that are not UTF-8 (Python hands them over as lone surrogates), or
    a NUL (no OS can pass one; only a caller in this process)."""
    for position, arg in enumerate(argv, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            try:  # the bytes as given (\xff), when they came from the OS
                shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            except UnicodeEncodeError:
                shown = arg  # a surrogate no OS sent: ``visible`` shows it
            message = f"argument {position} is not valid UTF-8 text: {visible(shown)}"
            raise UsageError(message) from None
        if "\x00" in arg:
            raise UsageError(f"argument {position} holds a NUL character: {visible(arg)}")
    return list(argv)
