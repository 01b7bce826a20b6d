"""The Mastodon adapter: notifications of mentions (and edits of posts) read with a ``min_id``
cursor and ``Link`` pagination, and each post as an ActivityStreams ``Note``-shaped mention.

    network = Mastodon(Api("https://mastodon.example", token))
    page = network.page(cursor)                      # oldest unseen page first

``GET /api/v1/notifications?types[]=mention&types[]=update&min_id=C`` answers the page of
notifications just after ``C`` (newest first within it); its ``Link`` header's ``rel="prev"``
names the next newer page. Every field of a post is checked and made safe here: a server can
send anything.
"""

import re
from collections.abc import Mapping
from typing import Any, Literal

from caseworker import vocab
from caseworker.mentions.sanitise import clean_html, clean_text, cut, plain_text, safe_url
from caseworker.timeutil import from_iso, to_iso
from sync.mentions.adapter import GONE, NetworkError, Page, Post, later
from sync.mentions.api import Api

NAME = "mastodon"
PAGE_SIZE = 40  # Mastodon's largest page of notifications
NOTIFICATIONS = "/api/v1/notifications"
KINDS = ("mention", "update")  # a post naming the council; a post it has seen, edited
_ATTACHMENTS_KEPT = 20
_TAGS_KEPT = 30
_MENTIONED_KEPT = 50
_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="?([a-z]+)"?')


class Mastodon:
    name = NAME

    def __init__(self, api: Api) -> None:
        self.api = api
        self.host = api.host

    def page(self, cursor: str | None, newer: str | None = None) -> Page:
        if newer is not None:
            reply = self.api.send("GET", newer)
        else:
            params: list[tuple[str, str]] = [("types[]", k) for k in KINDS]
            params += [("limit", str(PAGE_SIZE)), ("min_id", cursor or "0")]
            reply = self.api.send("GET", self.api.url(NOTIFICATIONS, params))
        if reply.status != 200 or not isinstance(reply.body, list):
            raise NetworkError(f"{self.host} answered {reply.status} without notifications")
        posts: list[Post] = []
        newest: str | None = None
        for item in reply.body:
            notification_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(notification_id, str) or not _ID.fullmatch(notification_id):
                raise NetworkError(f"{self.host} sent a notification without a usable id")
            if newest is None or later(notification_id, newest):
                newest = notification_id
            posts.append(self._post(item))
        posts.reverse()  # oldest first, as they happened
        link = _links(reply.headers.get("Link", "")).get("prev")
        follow = link if posts and link and self.api.on_instance(link) else None
        return Page(tuple(posts), newest, follow)

    def _post(self, notification: Mapping[str, Any]) -> Post:
        status = notification.get("status")
        if notification.get("type") not in KINDS or not isinstance(status, dict):
            return Post(str(notification.get("id")), None, "not a post that mentions the council")
        try:
            return Post(str(status["id"]), note(status, self.host))
        except (KeyError, TypeError, ValueError) as exc:
            return Post(str(notification.get("id")), None, f"a post that cannot be read ({exc})")

    def status(self, remote_id: str) -> Mapping[str, Any] | Literal["gone"]:
        if not _ID.fullmatch(remote_id):
            return GONE
        reply = self.api.get(f"/api/v1/statuses/{remote_id}")
        if reply.status in (404, 410):
            return GONE
        if reply.status != 200 or not isinstance(reply.body, dict):
            raise NetworkError(f"{self.host} answered {reply.status} for post {remote_id}")
        try:
            return note(reply.body, self.host)
        except (KeyError, TypeError, ValueError) as exc:
            raise NetworkError(f"post {remote_id} of {self.host} is unreadable ({exc})") from None


def note(status: Mapping[str, Any], host: str) -> dict[str, Any]:
    """A post as the content of a mention (``caseworker.mentions.note.CONTENT_FIELDS``)."""
    remote_id = status["id"]
    if not isinstance(remote_id, str) or not _ID.fullmatch(remote_id):
        raise ValueError("no usable id")
    account = status["account"]
    if not isinstance(account, dict):
        raise ValueError("no account")
    raw = status.get("content")
    html = clean_html(raw if isinstance(raw, str) else "")
    text = plain_text(html)
    warning = _text(status.get("spoiler_text"), 500)
    if warning:  # a content warning is part of what the post says, and comes first
        text = cut(f"{warning}\n\n{text}".strip(), vocab.MENTION_TEXT_MAX)
    return {
        "network": NAME,
        "remote_id": remote_id,
        "url": safe_url(status.get("url")) or safe_url(status.get("uri")),
        "author_handle": handle(account.get("acct"), host),
        "author_url": safe_url(account.get("url")),
        "author_name": _text(account.get("display_name"), 200) or None,
        "content_text": text,
        "content_html": html or None,
        "published_at": _time(status.get("created_at"), required=True),
        "edited_at": _time(status.get("edited_at")),
        "attachments": _attachments(status.get("media_attachments")),
        "visibility": _choice(status.get("visibility"), vocab.MENTION_VISIBILITIES),
        "in_reply_to": _remote(status.get("in_reply_to_id")),
        "language": _language(status.get("language")),
        "tags": _tags(status.get("tags")),
        "mentioned": _mentioned(status.get("mentions"), host),
    }


def handle(acct: object, host: str) -> str:
    """``@user@host`` (an account of the instance itself is named without its host)."""
    if not isinstance(acct, str):
        raise ValueError("no account name")
    name = clean_text(acct).strip().lstrip("@")
    if not name or any(c.isspace() for c in name):
        raise ValueError("no account name")
    full = name if "@" in name else f"{name}@{host}"
    return cut("@" + full.lower(), 200)


def _text(value: object, limit: int) -> str:
    return cut(clean_text(value).strip(), limit) if isinstance(value, str) else ""


def _time(value: object, *, required: bool = False) -> str | None:
    if isinstance(value, str):
        try:
            return to_iso(from_iso(value))
        except ValueError:
            pass
    if required:
        raise ValueError("no usable time")
    return None


def _choice(value: object, choices: tuple[str, ...]) -> str | None:
    return value if isinstance(value, str) and value in choices else None


def _remote(value: object) -> str | None:
    return value if isinstance(value, str) and _ID.fullmatch(value) else None


def _language(value: object) -> str | None:
    ok = isinstance(value, str) and len(value) <= 20 and _LANGUAGE.fullmatch(value)
    return value if ok and isinstance(value, str) else None


def _attachments(value: object) -> list[dict[str, str]]:
    kept: list[dict[str, str]] = []
    for item in value if isinstance(value, list) else []:
        url = safe_url(item.get("url")) if isinstance(item, dict) else None
        if url is None or not isinstance(item, dict):
            continue
        found = {"kind": _choice(item.get("type"), vocab.ATTACHMENT_KINDS) or "unknown"}
        found["url"] = url
        description = _text(item.get("description"), 1500)
        if description:
            found["description"] = description
        kept.append(found)
    return kept[:_ATTACHMENTS_KEPT]


def _tags(value: object) -> list[str]:
    names = (
        (_text(t.get("name"), 100) for t in value if isinstance(t, dict))
        if isinstance(value, list)
        else ()
    )
    return list(dict.fromkeys(n.lstrip("#").lower() for n in names if n.lstrip("#")))[:_TAGS_KEPT]


def _mentioned(value: object, host: str) -> list[str]:
    found: list[str] = []
    for item in value if isinstance(value, list) else []:
        try:
            found.append(handle(item.get("acct") if isinstance(item, dict) else None, host))
        except ValueError:
            continue
    return list(dict.fromkeys(found))[:_MENTIONED_KEPT]


def _links(header: str) -> dict[str, str]:
    """``Link: <url>; rel="next", <url>; rel="prev"`` as ``{"next": url, "prev": url}``."""
    return {rel: url for url, rel in _LINK.findall(header[:10_000])}
