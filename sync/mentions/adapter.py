"""What a network adapter gives the collector, whatever the network.

    page = network.page(cursor)        # the posts after ``cursor``, oldest page first
    for post in page.posts: ...        # each a Post: its remote id and content, or None
    page = network.page(page.cursor, page.newer)   # the next newer page (its Link)
    network.status(remote_id)          # a post read again: its content, or GONE when deleted

``content`` is already made safe (``caseworker.mentions.sanitise``) and holds only the
fields the collector writes (``caseworker.mentions.note.CONTENT_FIELDS``).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

GONE: Literal["gone"] = "gone"


class NetworkError(Exception):
    """The network could not be read this time (it failed, or sent what cannot be read): the
    collector stops this run without moving its cursor, and tries again next time."""


class TokenRefused(NetworkError):
    """The network refused the council's token (401): a person must connect again."""


@dataclass(frozen=True)
class Post:
    remote_id: str
    content: Mapping[str, Any] | None  # None: the notification named no readable post
    problem: str | None = None  # why it could not be read, for the collector's report


@dataclass(frozen=True)
class Page:
    posts: tuple[Post, ...]
    cursor: str | None  # the newest notification id in the page (None: an empty page)
    newer: str | None  # the address of the next newer page (its ``Link``), None at the end


class Network(Protocol):
    name: str  # "mastodon": the first part of a mention's id and its ``network``
    host: str  # the instance read (its posts' ids are its own)

    def page(self, cursor: str | None, newer: str | None = None) -> Page:
        """The notifications right after ``cursor`` (None: from the oldest kept), or, given
        ``newer``, the page that address (a previous page's) names."""
        ...

    def status(self, remote_id: str) -> Mapping[str, Any] | Literal["gone"]:
        """One post read again now: its content, or GONE when deleted at its source."""
        ...


def later(a: str, b: str) -> bool:
    """Whether id ``a`` is newer than ``b``: Mastodon's ids (and most networks') are numbers
    in text, so a longer one is later; of equal length, the text decides."""
    return (len(a), a) > (len(b), b)
