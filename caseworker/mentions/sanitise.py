"""Remote HTML and text made safe to keep and show: a post is written by anyone on the internet.

    html = clean_html(status["content"])     # p, br, a[href] (http/https), span; nothing else
    text = plain_text(html)                  # what a list shows and search reads

The allow-list is Ammonia's (``nh3``), not a hand-written parser: no images (nothing remote
loads by itself), no styles, no scripts or frames (their content is dropped with them), no
``javascript:`` or ``data:`` links; every link gets ``rel="nofollow noopener noreferrer"``.
Text loses the characters that hide or reorder what a person reads (zero-width characters,
bidirectional overrides) and control characters other than line breaks.
"""

import re
import unicodedata
from html.parser import HTMLParser

import nh3

from caseworker import vocab

_TAGS = {"p", "br", "a", "span"}
_ATTRIBUTES = {"a": {"href"}}
_SCHEMES = {"http", "https"}
_REL = "nofollow noopener noreferrer"
# Dropped with everything inside them (Ammonia keeps the text of other tags it removes).
_DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template"}
_INPUT_MAX = 200_000  # characters of remote HTML read at all: more is cut before sanitising
# Zero-width characters, bidirectional embeddings, overrides and isolates, the word joiner, and
# the byte-order mark: they hide text or make it read in another order than it is stored.
_HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Controls other than tab and line feed (a carriage return becomes a line feed first).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile("\n{3,}")
ELLIPSIS = "…"


def clean_html(raw: str, limit: int = vocab.MENTION_HTML_MAX) -> str:
    """``raw`` through the allow-list, at most ``limit`` characters (cut and cleaned again,
    which closes what the cut left open)."""
    cleaned = _clean(raw[:_INPUT_MAX])
    size = limit
    while len(cleaned) > limit:
        size = max(0, size - 200)  # room for the tags and entities the cut leaves to close
        cleaned = _clean(cleaned[:size])
    return cleaned


def _clean(raw: str) -> str:
    return nh3.clean(
        clean_text(raw),
        tags=_TAGS,
        clean_content_tags=_DROPPED_WITH_CONTENT,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel=_REL,
        strip_comments=True,
    )


def clean_text(text: str) -> str:
    """``text`` in NFC without hidden, reordering or control characters (line breaks kept)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", _HIDDEN.sub("", text))


def plain_text(clean: str, limit: int = vocab.MENTION_TEXT_MAX) -> str:
    """The words of sanitised HTML: paragraphs and line breaks as line breaks, entities
    decoded, at most ``limit`` characters (a longer text ends in "…")."""
    reader = _Text()
    reader.feed(clean)
    reader.close()
    text = _BLANK_LINES.sub("\n\n", clean_text("".join(reader.parts))).strip()
    return cut(text, limit)


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def safe_url(value: object, limit: int = 1000) -> str | None:
    """An http(s) address of at most ``limit`` characters without hidden characters, or None
    (a ``javascript:`` link, a ``data:`` image, an address too long to be honest)."""
    if not isinstance(value, str):
        return None
    url = clean_text(value).strip()
    scheme = url.split(":", 1)[0].lower()
    if scheme not in _SCHEMES or len(url) > limit or any(c.isspace() for c in url):
        return None
    return url


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
