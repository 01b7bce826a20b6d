"""The collector's writes to the central database (as a server admin, through ``CouchClient``).

    saved = save(client, content)           # "collected", "updated", "unchanged"
    cursor = Cursor.load(client, network)   # where collecting got to, in ``_local/...``
    cursor.advance(client, "109372")

A mention's id is the same from every collector (``note.mention_id``), so the first write is a
create: a 409 means another collector (or an earlier run) has it already, and then the post is
merged into the stored one (an edit keeps the triage). The cursor lives in the central
database, not in a collector's memory, and only moves forward: two collectors may both read a
page, never lose one.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from caseworker.mentions import note
from sync.errors import RequestError
from sync.http import CouchClient, doc_path
from sync.mentions.adapter import later

Saved = Literal["collected", "updated", "deleted", "unchanged"]
_TRIES = 5  # conflicts in a row (another collector writing the same post) before giving up


def doc_id_of(network: str, host: str, content: Mapping[str, Any]) -> str:
    return note.mention_id(network, host, str(content["remote_id"]))


def save(client: CouchClient, host: str, content: Mapping[str, Any]) -> Saved:
    doc_id = doc_id_of(str(content["network"]), host, content)
    try:
        client.put(doc_path(doc_id), note.new_mention(doc_id, content))
        return "collected"
    except RequestError as exc:
        if exc.status != 409:
            raise
    return _merge(client, doc_id, lambda current: note.updated(current, content), "updated")


def mark_deleted(client: CouchClient, doc_id: str, at: str) -> Saved:
    return _merge(client, doc_id, lambda current: note.deleted(current, at), "deleted")


def _merge(client: CouchClient, doc_id: str, change: Any, outcome: Saved) -> Saved:
    for _ in range(_TRIES):
        current = client.get_or_none(doc_path(doc_id))
        if not isinstance(current, dict):
            return "unchanged"  # deleted by an admin: not brought back by an edit
        body = change(current)
        if body is None:
            return "unchanged"
        try:
            client.put(doc_path(doc_id), body)
            return outcome
        except RequestError as exc:
            if exc.status != 409:
                raise
    raise RequestError(f"{doc_id} kept changing while it was saved", 409, "conflict")


def newest(client: CouchClient, network: str, host: str, count: int) -> list[dict[str, Any]]:
    """The ``count`` live mentions of this network and host with the highest ids (the most
    recent posts), for reading again."""
    if count <= 0:
        return []
    prefix = note.mention_prefix(network, host)
    answer = client.get(
        "/_all_docs",
        params={
            "startkey": f'"{prefix}\ufff0"',
            "endkey": f'"{prefix}"',
            "descending": "true",
            "include_docs": "true",
            "limit": str(count),
        },
    )
    rows = answer.get("rows") if isinstance(answer, dict) else None
    docs = [r.get("doc") for r in rows or [] if isinstance(r, dict)]
    return [d for d in docs if isinstance(d, dict) and d.get("type") == "mention"]


@dataclass
class Cursor:
    doc_id: str
    value: str | None
    rev: str | None

    @classmethod
    def load(cls, client: CouchClient, network: str, host: str) -> "Cursor":
        return cls.load_id(client, f"_local/mentions-{network}-{host}")

    def advance(self, client: CouchClient, value: str) -> None:
        """Move to ``value`` unless already there or past it (another collector may be)."""
        for _ in range(_TRIES):
            if self.value is not None and not later(value, self.value):
                return
            body: dict[str, Any] = {"min_id": value}
            if self.rev is not None:
                body["_rev"] = self.rev
            try:
                answer = client.put("/" + self.doc_id, body)
            except RequestError as exc:
                if exc.status != 409:
                    raise
                found = Cursor.load_id(client, self.doc_id)
                self.value, self.rev = found.value, found.rev
                continue
            rev = answer.get("rev") if isinstance(answer, dict) else None
            self.value, self.rev = value, rev if isinstance(rev, str) else None
            return

    @classmethod
    def load_id(cls, client: CouchClient, doc_id: str) -> "Cursor":
        found = client.get_or_none("/" + doc_id)
        value = found.get("min_id") if isinstance(found, dict) else None
        rev = found.get("_rev") if isinstance(found, dict) else None
        return cls(
            doc_id, value if isinstance(value, str) else None, rev if isinstance(rev, str) else None
        )
