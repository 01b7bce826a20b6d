"""Keeping ``citizens.merged_into`` in line with the merge documents.

A merge is its own document: neither citizen's document is rewritten, so an edit made offline
on either never conflicts with it. The projection's ``merged_into`` comes from the merged
citizen's merge (``merges``, in force or not), whichever of the two arrives first; a citizen
never merged keeps what its own document says (records written before merges existed).
"""

from collections.abc import Iterable

from sqlalchemy.orm import Session

_CHUNK = 500  # ids per statement: well under SQLite's parameter limit

_FROM_MERGE = (
    "UPDATE citizens SET merged_into = (SELECT m.survivor_id FROM merges m "
    "WHERE m.merged_id = citizens.id AND m.state = 'merged' AND m.survivor_id != citizens.id) "
    "WHERE id IN ({marks})"
)
_MERGED_AT_SOME_TIME = "SELECT merged_id FROM merges WHERE merged_id IN ({marks})"


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def refresh(session: Session, merged: set[str], citizens: set[str]) -> None:
    """``merged``: citizens whose merge document was written or removed; ``citizens``:
    citizens whose own document was projected again (only those ever merged are touched)."""
    cursor = session.connection().connection.cursor()
    try:
        ids = sorted(citizens - merged)
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            cursor.execute(_MERGED_AT_SOME_TIME.format(marks=marks), chunk)
            merged.update(row[0] for row in cursor.fetchall())
        for chunk in _chunks(sorted(merged)):
            cursor.execute(_FROM_MERGE.format(marks=",".join("?" * len(chunk))), chunk)
    finally:
        cursor.close()
