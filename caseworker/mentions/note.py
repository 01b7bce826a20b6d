"""A collected post as a mention document, and what an edit or a deletion at its source does
to one that may already be triaged.

    doc_id = mention_id("mastodon", "mastodon.example", "1093")  # the same from every collector
    body = new_mention(doc_id, content)       # state "new"
    body = updated(current, content)          # the post was edited: its triage kept (or None)
    body = deleted(current, at)               # deleted at its source: text gone, triage kept

``content`` is what a network adapter read (``CONTENT_FIELDS``, already sanitised); the triage
(``access.rules.MENTION_FIELDS``) is the council's and never comes from the network.
"""

import hashlib
import re
from collections.abc import Mapping
from typing import Any

from caseworker.access.rules import MENTION_FIELDS
from caseworker.documents.types import MENTION

# What the collector writes: everything the post said.
CONTENT_FIELDS = frozenset(
    {
        "network",
        "remote_id",
        "url",
        "author_handle",
        "author_url",
        "author_name",
        "content_text",
        "content_html",
        "published_at",
        "edited_at",
        "deleted_at",
        "attachments",
        "visibility",
        "in_reply_to",
        "language",
        "tags",
        "mentioned",
    }
)
# Removed when the post is deleted at its source: what it said, not that it was said.
_REMOVED_ON_DELETE = ("content_html", "attachments", "tags", "mentioned")
_ID_MAX = 64  # ids are referenced from fields of 64 characters (a case's, a reply's)
_SAFE = re.compile(r"[A-Za-z0-9._-]*")  # what may go into an id as it is
_HOST_MAX = 28  # leaves 18 characters for a Mastodon status id


def mention_id(network: str, host: str, remote_id: str) -> str:
    """``mention:<network>-<host>-<remote id>``: every collector names a post alike, so a second
    collector's create of the same post is a conflict, not a duplicate. A host or remote id
    that would not fit in 64 characters, or holds anything but letters, digits, ``.``, ``_``
    and ``-`` (never a ``/``), is written as ``~`` and a digest of it: no real one has a ``~``,
    so two different posts never share an id."""
    prefix = mention_prefix(network, host)
    if len(prefix) + len(remote_id) > _ID_MAX or not _SAFE.fullmatch(remote_id):
        remote_id = _digest(remote_id, 20)
    return prefix + remote_id


def mention_prefix(network: str, host: str) -> str:
    """What the ids of one network's and instance's mentions start with (for a range of them)."""
    host = host.lower()  # a host name is not case-sensitive; an id may be
    if len(host) > _HOST_MAX or not _SAFE.fullmatch(host):
        host = _digest(host, 16)
    return f"{MENTION.id_prefix}:{network}-{host}-"


def _digest(text: str, size: int) -> str:
    return "~" + hashlib.sha256(text.encode()).hexdigest()[:size]


def new_mention(doc_id: str, content: Mapping[str, Any]) -> dict[str, Any]:
    body: dict[str, Any] = {"_id": doc_id, "type": MENTION.name, "schema": MENTION.schema_version}
    body.update(_content(content))
    body["state"] = "new"
    return body


def updated(current: Mapping[str, Any], content: Mapping[str, Any]) -> dict[str, Any] | None:
    """``current`` with the post's new content and its own triage and bookkeeping; None when
    nothing would change, or when the post is already deleted (a late edit brings no text
    back)."""
    if current.get("deleted_at") is not None:
        return None
    kept = {k: v for k, v in current.items() if k not in CONTENT_FIELDS}
    body = {**kept, **_content(content)}
    for name in MENTION_FIELDS:  # never from the network, even if an adapter sent one
        if name in current:
            body[name] = current[name]
    return None if _same(body, current) else body


def deleted(current: Mapping[str, Any], at: str) -> dict[str, Any] | None:
    """``current`` marked deleted at its source at ``at``: its text, HTML, attachments, tags and
    mentioned accounts removed; who wrote it, when, and its triage (a case made from it stays
    linked) kept. None when already marked."""
    if current.get("deleted_at") is not None:
        return None
    body = {k: v for k, v in current.items() if k not in _REMOVED_ON_DELETE}
    body["content_text"] = ""
    body["deleted_at"] = at
    return body


def _content(content: Mapping[str, Any]) -> dict[str, Any]:
    return {
        k: v
        for k, v in content.items()
        if k in CONTENT_FIELDS and (k == "content_text" or v not in (None, [], ""))
    }


def _same(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    names = {k for k in (*a, *b) if k != "_rev"}
    return all(a.get(k) == b.get(k) for k in names)
