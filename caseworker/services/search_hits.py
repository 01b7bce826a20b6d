"""What a search finds (hits), and the small helpers its queries share."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from caseworker.vocab import OPEN_STATUSES

Execute = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]
"""Runs one SQL statement with ``?`` parameters and gives its rows (``connection.execute``)."""


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "citizen", "case" or "directory"
    id: str
    title: str
    detail: str  # a citizen's postcode, phone, email; a case's service; a summary's line
    score: int
    # Only a summary from the citizen directory: the person's full record is not here.
    summary: bool = False
    date_of_birth: str | None = None  # a citizen's, ISO
    last_contact: str | None = None  # a citizen's latest contact, ISO UTC
    open_cases: int = 0  # a citizen's
    status: str | None = None  # a case's status code
    updated_at: str | None = None  # a case's, ISO UTC

    @property
    def open_work(self) -> bool:
        return self.open_cases > 0 if self.kind != "case" else self.status in OPEN_STATUSES

    @property
    def recent(self) -> str:
        return (self.updated_at if self.kind == "case" else self.last_contact) or ""


def rowid_in(rowids: list[int], table: str = "") -> str:
    return f" WHERE {table}rowid IN ({','.join(str(int(r)) for r in rowids)})"


def marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def best_first(hits: list[SearchHit]) -> list[SearchHit]:
    """Best match, then open work (open cases first), then the most recent contact, then A-Z."""
    ordered = sorted(hits, key=lambda h: (h.title.lower(), h.id))
    ordered.sort(key=lambda h: h.recent, reverse=True)  # stable: A-Z kept within a time
    ordered.sort(key=lambda h: (-h.score, not h.open_work))
    return ordered
