"""Every problem the store knows of, for a person to resolve: one query, shown by the window's
Sync problems and by ``caseworker problems``.

- a document whose winner could not be projected (malformed, unknown type, an id that does not
  fit its type, too large or too deep, an attachment that did not verify), or that the central
  service refused: ``documents.problem``;
- two live documents that share what people use to tell them apart (a case reference, a staff
  username, a service code). The tables allow it, so a peer's document never fails the store;
  the clash is found here, whenever asked, so it clears as soon as one of them changes;
- a document in conflict: two versions written at once, both kept until someone chooses;
- replicated revisions that could not even be identified, counted.
"""

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.models import (
    Case,
    LeafBody,
    Service,
    StaffMember,
    StoredDocument,
    StoreSetting,
)
from caseworker.store.replication import SKIPPED_KEY

Kind = Literal["record", "duplicate", "conflict", "skipped"]
CONFLICT = "two versions were saved at the same time: open it to choose what to keep"
LIMIT = 1000


@dataclass(frozen=True)
class Problem:
    kind: Kind
    doc_id: str | None  # None for problems of no one document
    doc_type: str | None
    reason: str


# What must single out one live document of a type: its column, and how people name it.
_UNIQUE_BY: tuple[tuple[str, Any, str, str], ...] = (
    ("case", Case.reference, "cases", "reference"),
    ("staff", StaffMember.username, "staff records", "username"),
    ("service", Service.code, "services", "code"),
)


def list_problems(session: Session, limit: int = LIMIT) -> list[Problem]:
    """Duplicates first (they stop people finding the right record), then conflicts, then
    documents' own problems, newest first, then the count of skipped revisions."""
    found = duplicates(session, limit)
    found += conflicts(session, max(0, limit - len(found)))
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.type, StoredDocument.problem)
        .where(StoredDocument.problem.is_not(None))
        .order_by(StoredDocument.seq.desc())
        .limit(max(0, limit - len(found)))
    )
    found += [Problem("record", doc_id, kind, reason or "") for doc_id, kind, reason in rows]
    skipped = session.scalar(select(StoreSetting.value).where(StoreSetting.key == SKIPPED_KEY))
    if skipped and skipped.isdigit() and int(skipped) and len(found) < limit:
        found.append(
            Problem(
                "skipped",
                None,
                None,
                f"{int(skipped):,} replicated revisions had no usable id or revision "
                "and were skipped",
            )
        )
    return found


def conflicts(session: Session, limit: int = LIMIT) -> list[Problem]:
    """One problem per live document whose winner has a rival version. Read from the bodies
    kept beside the winners (few rows), not by scanning every document."""
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.type)
        .join(LeafBody, LeafBody.doc_id == StoredDocument.id)
        .where(StoredDocument.conflicted, StoredDocument.deleted.is_(False))
        .group_by(StoredDocument.id)
        .order_by(StoredDocument.seq.desc())
        .limit(limit)
    )
    return [Problem("conflict", doc_id, kind, CONFLICT) for doc_id, kind in rows]


def duplicates(session: Session, limit: int = LIMIT) -> list[Problem]:
    """One problem per document that shares its reference, username or code with another."""
    found: list[Problem] = []
    for doc_type, column, plural, label in _UNIQUE_BY:
        table = column.table
        clashing = select(column).group_by(column).having(func.count() > 1).limit(limit).subquery()
        rows = session.execute(
            select(column, table.c.id)
            .where(column.in_(select(clashing.c[column.name])))
            .order_by(column, table.c.id)
        ).all()
        groups: dict[str, list[str]] = {}
        for value, doc_id in rows:
            groups.setdefault(value, []).append(doc_id)
        for value, ids in groups.items():
            count = "two" if len(ids) == 2 else str(len(ids))
            reason = f"{count} {plural} share {label} {value}: {' and '.join(ids)}"
            found += [Problem("duplicate", doc_id, doc_type, reason) for doc_id in ids]
    return found[:limit]
