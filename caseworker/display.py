"""Record text made safe to show: in a terminal and in the window.

Names, summaries, notes and handles arrive from other laptops and from the central service, so
they may hold anything. Shown raw, an escape sequence would drive the terminal (colours, a new
window title, a cleared screen) and a bidi override would reorder what is read ("evil" displayed
as "live"). ``visible`` replaces each such character with its escape (``\\x1b``, ``\\u202e``) so
a person sees that it is there; ordinary text in any script, including the joiners that some
scripts and emoji need, is left as it is.

Escaped: C0 and C1 controls and DEL (tab and line ends too, unless the field holds lines),
the bidi embedding, override, isolate and mark characters, the Unicode line and paragraph
separators, and lone surrogates (which JSON can carry and no terminal can print). A backslash
already in the data is left alone: this is for reading, not a serialisation (use ``--json``).

Pure and cheap (no imports beyond ``re``): the CLI's start-up and the window's tables use it.
"""

import re

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"  # all of C0 but tab and line feed, DEL, C1
_SURROGATES = "\ud800-\udfff"
UNSAFE = re.compile(f"[{_CONTROLS}\t\n\u2028\u2029{_BIDI}{_SURROGATES}]")
"""What ``visible`` never leaves in its result."""
_UNSAFE_IN_LINES = re.compile(f"[{_CONTROLS}\u2028\u2029{_BIDI}{_SURROGATES}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x0D:
        return "\\r"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_lines: bool = False) -> str:
    """``text`` with every control, bidi-control and broken character shown as an escape.

    ``keep_lines``: the field holds lines (a note, a description) shown in a multi-line widget,
    so line feeds and tabs stay (a Windows line end becomes a line feed). Otherwise the text
    stays on one line: one field can never forge another line of output.
    """
    if keep_lines:
        text = text.replace("\r\n", "\n")
        pattern = _UNSAFE_IN_LINES
    else:
        pattern = UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


MESSAGE_LIMIT = 500
"""The most characters of a one-line message: a 100,000-character id echoed back in an error
would be one line, but not one a person can read."""


def one_line(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A message (an error from a server, say) on one line: its whitespace runs collapsed to
    single spaces, anything else unsafe escaped, and cut to ``limit`` characters."""
    shown = visible(" ".join(text.split()))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
