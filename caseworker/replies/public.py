"""Public replies to social-media mentions (``mention_reply`` documents): their vocabulary and
the checks on their text, pure functions shared by the laptop, the rules and the central poster.

A public reply is plain text, at most ``TEXT_MAX`` characters (Mastodon's own limit, counted
here as plain characters: stricter than Mastodon, which counts a link as 23), with no control
or bidi-control characters (a reply is published under the council's name: nothing in it may
hide or reorder what a reader sees). Line feeds are kept: Mastodon shows them.
"""

import re
import unicodedata

# queued: drafted, waiting for the central poster; posting: claimed by a poster (claimed_at
# says when); posted: Mastodon has it (status_id, status_url); failed: refused for good
# (failure says why); cancelled: withdrawn by staff while still queued.
STATES = ("queued", "posting", "posted", "failed", "cancelled")
VISIBILITIES = ("public", "unlisted", "private", "direct")  # Mastodon's own values
TEXT_MAX = 500
NETWORK = "mastodon"  # the one network replies are posted to today
# What only the central poster writes (a laptop's new draft has none of them).
CENTRAL_FIELDS = frozenset(
    {
        "claimed_at",
        "claimed_by",
        "attempts",
        "not_before",
        "status_id",
        "status_url",
        "posted_at",
        "failure",
    }
)
CANCEL_FIELDS = frozenset({"state", "cancelled_at", "cancelled_by"})

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"  # all of C0 but tab and line feed
_UNSAFE = re.compile(f"[{_CONTROLS}{_BIDI}\ud800-\udfff]")


def tidy(text: str) -> str:
    """What an agent typed, as it would be posted: Windows line ends made line feeds, tabs
    made spaces, trailing spaces of each line and blank lines at either end removed, NFC."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\t", " "))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n ")


def text_problem(text: object) -> str | None:
    """Why ``text`` cannot be posted as it is, or None."""
    if not isinstance(text, str) or not text.strip():
        return "a reply needs some text"
    if len(text) > TEXT_MAX:
        return f"a public reply can be at most {TEXT_MAX} characters (this one is {len(text)})"
    found = _UNSAFE.search(text)
    if found is not None:
        return f"a public reply cannot hold the invisible character U+{ord(found.group()):04X}"
    return None


def addressed(text: str, handle: str) -> str:
    """The reply starting with the author's handle, as Mastodon's own reply box does (without
    it the author is not told of the reply), unless the text names them already."""
    at = handle if handle.startswith("@") else "@" + handle
    if re.search(re.escape(at) + r"(?![\w@.-])", text, re.IGNORECASE):
        return text
    return f"{at} {text}"
