"""Record text shown to people: nothing in the data can drive the terminal or reorder what is
read. Control characters and bidi controls become visible escapes; everything else is kept."""

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from caseworker.display import MESSAGE_LIMIT, UNSAFE, one_line, visible


def test_terminal_escapes_are_shown_not_obeyed() -> None:
    assert visible("\x1b[31mred") == "\\x1b[31mred"
    assert visible("\x1b]0;owned\x07title") == "\\x1b]0;owned\\x07title"
    assert visible("bell\x07 and backspace\x08") == "bell\\x07 and backspace\\x08"
    assert visible("C1 CSI \x9b2J") == "C1 CSI \\x9b2J"
    assert visible("del\x7f") == "del\\x7f"
    assert visible("nul\x00") == "nul\\x00"


def test_a_right_to_left_override_cannot_make_evil_read_as_live() -> None:
    assert visible("\u202eevil") == "\\u202eevil"
    for mark in ("\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069"):
        assert visible(f"a{mark}b") == f"a\\u{ord(mark):04x}b"
    assert visible("\u200e\u200f\u061c") == "\\u200e\\u200f\\u061c"


def test_a_line_of_output_stays_one_line_unless_the_field_holds_lines() -> None:
    forged = "Ann\nstatus: closed\r"
    assert visible(forged) == "Ann\\nstatus: closed\\r"
    assert visible("a\tb\u2028c\u2029") == "a\\tb\\u2028c\\u2029"
    # A note or a description holds lines and tabs; a Windows line end is just a line end.
    assert visible("line one\r\nline\ttwo\x1b", keep_lines=True) == "line one\nline\ttwo\\x1b"
    assert visible("lone\rreturn", keep_lines=True) == "lone\\rreturn"


def test_broken_unicode_from_a_peer_is_shown_instead_of_failing_to_print() -> None:
    shown = visible("half a pair \ud800 here")
    assert shown == "half a pair \\ud800 here"
    shown.encode("utf-8")  # printable on any UTF-8 terminal


def test_ordinary_text_in_any_script_is_untouched() -> None:
    for text in ("Siân Llŷr", "O'Neill-Smith", "محمد", "שלום", "张伟", "👩‍👩‍👧", "zero\u200bwidth"):
        assert visible(text) == text


@given(st.text())
def test_the_result_is_always_safe_to_print(text: str) -> None:
    shown = visible(text)
    shown.encode("utf-8")
    assert not UNSAFE.search(shown)
    assert all(unicodedata.category(c) != "Cc" for c in shown)
    if not UNSAFE.search(text):
        assert shown == text


def test_a_message_is_one_short_line_whatever_it_echoes() -> None:
    assert one_line("no case\n\x1b[2J  'x'\r\n") == "no case \\x1b[2J 'x'"
    long = one_line("no case " + "A" * 100_000)
    assert len(long) == MESSAGE_LIMIT and long.endswith("…") and "\n" not in long
