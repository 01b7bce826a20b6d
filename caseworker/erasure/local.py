"""Carrying out erasures in a laptop's store, and keeping erased records from coming back.

Every laptop holds every ``erasure`` document (the shared ``erasures`` channel). When one
arrives (or is written here), ``apply`` purges every document of the citizen the store holds
(``caseworker.erasure.scope.belongs``) with all their revisions, projection and search rows,
problems and attachments (``caseworker.store.purge``, forced: even what was typed here and
not yet sent goes), and remembers the citizen and case ids it took (``erased_roots``). For an
anonymisation, a revision the central worker anonymised (``scope.ANONYMISED``) is kept, alone,
without the other branches that held the old data. A document of an erased root that is pulled
later is dropped before it is stored (``admit``): a laptop offline for a month may meet the
erasure before or after the records it names.

An erasure that took roots here (asked for on this laptop, or met before its records) and that
the central worker then refused for a legal hold is forgotten, and the store is marked to fetch
its scope again (``refetch_due``): the pull checkpoint is past the records purged or dropped
here, so without it only their later edits would ever come back. The mark is written in the
same transaction as the forgetting, so a process killed after it still fetches again, and it
is cleared only by a fetch that read the whole scope (``refetch_done``).

Freed pages must not keep the person: after the transaction commits, ``clean`` runs ``VACUUM``
and empties the write-ahead log (the store already runs with ``secure_delete`` and the purge
merges the search index). Like the rest of the store, ``admit`` and ``apply`` take a Session and
never commit.
"""

import json
import logging
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.access.channels import is_id_of
from caseworker.erasure import scope
from caseworker.models import (
    Case,
    DirectoryEntry,
    ErasedRoot,
    Interaction,
    Marker,
    Mention,
    Message,
    Note,
    StoredDocument,
)
from caseworker.store import purge, settings
from caseworker.store.replication import put_replicated_many
from caseworker.store.store import Store
from caseworker.store.writer import Written, chunks

log = logging.getLogger(__name__)

_ROOTS: Table = ErasedRoot.__table__  # type: ignore[assignment]
_CASES: Table = Case.__table__  # type: ignore[assignment]
_MAX_ROUNDS = 4  # cases found by scanning bodies widen the roots; a few rounds settle it
# Set (to a new token) when a refused erasure's roots are forgotten: records of them may be held
# centrally that this store purged or dropped, behind its pull checkpoint.
REFETCH_KEY = "erasure.refetch"


@dataclass(frozen=True)
class Order:
    """What an erasure document asks, read defensively (it came from a peer)."""

    erasure_id: str
    target: str  # a citizen (with their cases and everything of theirs), or one record
    mode: str

    @property
    def of_citizen(self) -> bool:
        return self.target.startswith("citizen:")


@dataclass
class Erased:
    """What ``apply`` (or ``admit``) did: documents purged or dropped, and whether the store
    should be vacuumed once the transaction commits."""

    written: list[Written] = field(default_factory=list)
    dropped: int = 0  # pulled documents of an erased root, never stored

    @property
    def needs_cleaning(self) -> bool:
        return bool(self.written) or self.dropped > 0


def order_of(doc: object) -> Order | None:
    """The erasure a document asks for, or None when it is not a usable erasure document."""
    if not isinstance(doc, Mapping) or doc.get("type") != "erasure" or doc.get("_deleted"):
        return None
    erasure_id, mode = doc.get("_id"), doc.get("mode")
    target = scope.target_of(doc)
    if not is_id_of(erasure_id, "erasure") or target is None:
        return None
    if mode not in vocab.ERASURE_MODES:
        return None
    return Order(erasure_id, target, str(mode))


def erased_roots(session: Session) -> dict[str, tuple[str, str]]:
    """Every root an erasure took here: id -> (erasure id, mode)."""
    rows = session.execute(select(_ROOTS.c.root_id, _ROOTS.c.erasure_id, _ROOTS.c.mode))
    return {root: (erasure, mode) for root, erasure, mode in rows}


def admit(session: Session, docs: list[Any]) -> tuple[list[Any], int]:
    """The pulled documents that may be stored: those of a root an erasure took (known here, or
    named by an erasure in the same batch) are dropped, except a revision anonymised by that
    erasure. A dropped case's id joins the erased roots, so its notes are dropped too."""
    known = erased_roots(session)
    withdrawn = {o.erasure_id for o in _orders(docs, in_force=False)}
    known = {root: taken for root, taken in known.items() if taken[0] not in withdrawn}
    for order in _orders(docs, in_force=True):
        known.setdefault(order.target, (order.erasure_id, order.mode))
    if not known:
        return docs, 0
    kept: list[Any] = []
    dropped = 0
    roots = frozenset(known)
    for doc in docs:
        doc_id = doc.get("_id") if isinstance(doc, dict) else None
        if not isinstance(doc_id, str) or order_of(doc) is not None:
            kept.append(doc)
            continue
        if not scope.belongs(doc_id, doc, roots):
            kept.append(doc)
            continue
        erasure = _erasure_naming(doc_id, doc, known)
        if (
            erasure is not None
            and erasure[1] == "anonymise"
            and scope.is_anonymised(doc, erasure[0])
        ):
            kept.append(doc)
            continue
        dropped += 1
        if erasure is not None and doc.get("type") == "case" and is_id_of(doc_id, "case"):
            _remember(session, [doc_id], erasure[0], erasure[1])
            known[doc_id] = erasure
            roots = frozenset(known)
    return kept, dropped


def _erasure_naming(
    doc_id: str, doc: Mapping[str, Any], known: dict[str, tuple[str, str]]
) -> tuple[str, str] | None:
    if doc_id in known:
        return known[doc_id]
    for root, erasure in known.items():
        if scope.belongs(doc_id, doc, frozenset({root})):
            return erasure
    return None


def apply(session: Session, docs: Iterable[object]) -> Erased:
    """Carry out each erasure among ``docs`` in this store (idempotent: an erasure applied
    before finds nothing more, unless something of the citizen arrived since)."""
    result = Erased()
    docs = list(docs)
    for order in _orders(docs, in_force=False):
        # Refused centrally (a legal hold this laptop may not hold): nothing was erased, so
        # nothing goes here, and records it took here (asked for on this laptop) are no
        # longer refused when they are pulled again.
        _forget(session, order.erasure_id)
    for order in _orders(docs, in_force=True):
        result.written += _apply_one(session, order)
    return result


def _orders(docs: list[object], *, in_force: bool) -> list[Order]:
    found = (
        (order, scope.in_force(doc))
        for doc in docs
        if (order := order_of(doc)) is not None and isinstance(doc, Mapping)
    )
    return list(dict.fromkeys(o for o, forced in found if forced is in_force))


def _apply_one(session: Session, order: Order) -> list[Written]:
    session.flush()
    if not _held_here(session, order):
        # Nothing of theirs here (a laptop's first sync meets years of erasures): no scan of
        # every stored body, only the root remembered, so nothing of theirs is stored later.
        _remember(session, [order.target], order.erasure_id, order.mode)
        return []
    roots = {order.target}
    roots.update(r for r, (e, _m) in erased_roots(session).items() if e == order.erasure_id)
    found: dict[str, tuple[str, bool]] = {}  # id -> (winner body, has other leaves)
    belonging: dict[str, str] = {}
    for _ in range(_MAX_ROUNDS):
        if order.of_citizen:
            roots.update(_held_cases(session, order.target))
        found = _candidates(session, roots)
        belonging = {
            doc_id: body
            for doc_id, (body, _leaves) in found.items()
            if scope.belongs(doc_id, _parsed(body), frozenset(roots))
            or _leaf_belongs(session, doc_id, roots)
        }
        cases = scope.cases_of(((i, _parsed(b)) for i, b in belonging.items()), order.target)
        if cases <= roots:
            break
        roots.update(cases)
    if any(scope.live_hold(_parsed(body)) for body in belonging.values()):
        log.info("erasure %s: under legal hold here, nothing purged", order.erasure_id)
        return []
    _remember(session, sorted(roots), order.erasure_id, order.mode)
    drop: list[str] = []
    rewrite: list[dict[str, Any]] = []
    for doc_id, body in belonging.items():
        parsed = _parsed(body)
        if order.mode == "anonymise" and scope.is_anonymised(parsed, order.erasure_id):
            assert parsed is not None
            if not found[doc_id][1]:
                continue  # the anonymised revision alone: nothing old left here
            rewrite.append(_alone(parsed))
        drop.append(doc_id)
    if not drop:
        return []
    done = purge.purge(session, drop, pushed=0, force=True)
    written = list(done.written)
    if rewrite:
        written += put_replicated_many(session, rewrite)
    log.info("erasure %s: %d records purged here", order.erasure_id, len(done.written))
    return written


def _alone(body: dict[str, Any]) -> dict[str, Any]:
    """An anonymised revision as a replicated revision with no history: written back after its
    document was purged, so no branch or ancestor that held the old data stays."""
    rev = str(body.get("_rev", ""))
    pos, _, digest = rev.partition("-")
    return {**body, "_revisions": {"start": int(pos) if pos.isdigit() else 1, "ids": [digest]}}


def _parsed(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _held_here(session: Session, order: Order) -> bool:
    """Whether the store may hold anything of the erasure's target, by indexed look-ups: the
    record itself, a root it took before, or, for a citizen, a row naming them in a table."""
    ids = [order.target]
    if session.scalar(select(StoredDocument.id).where(StoredDocument.id.in_(ids))) is not None:
        return True
    taken = select(_ROOTS.c.root_id).where(_ROOTS.c.erasure_id == order.erasure_id).limit(2)
    if len(session.scalars(taken).all()) > 1:
        return True
    if not order.of_citizen:
        return False
    for model in (Case, Note, Interaction, Marker, Mention, Message, DirectoryEntry):
        column = model.__table__.c.citizen_id
        if session.scalar(select(column).where(column == order.target).limit(1)) is not None:
            return True
    return False


def _held_cases(session: Session, citizen: str) -> set[str]:
    return set(session.scalars(select(_CASES.c.id).where(_CASES.c.citizen_id == citizen)))


def _candidates(session: Session, roots: set[str]) -> dict[str, tuple[str, bool]]:
    """Documents whose id is a root or whose winner or another leaf names one: a scan of the
    stored text (an erasure is rare; a laptop holds its scope, not the council)."""
    found: dict[str, tuple[str, bool]] = {}
    cursor = session.connection().connection.cursor()
    try:
        for chunk in _slices(sorted(roots), 100):
            needles = [json.dumps(r) for r in chunk]
            test = " OR ".join(["instr(body, ?) > 0"] * len(needles))
            marks = ",".join("?" * len(chunk))
            leaf_ids = [
                row[0]
                for row in cursor.execute(
                    f"SELECT DISTINCT doc_id FROM leaf_bodies WHERE {test}", needles
                ).fetchall()
            ]
            rows = cursor.execute(
                f"SELECT id, body FROM documents WHERE id IN ({marks}) OR {test}",
                [*chunk, *needles],
            ).fetchall()
            more = [i for i in leaf_ids if i not in {r[0] for r in rows}]
            for part in chunks(more):
                rows += cursor.execute(
                    f"SELECT id, body FROM documents WHERE id IN ({','.join('?' * len(part))})",
                    part,
                ).fetchall()
            for doc_id, body in rows:
                found[doc_id] = (body, False)
        for part in chunks(list(found)):
            marks = ",".join("?" * len(part))
            for (doc_id,) in cursor.execute(
                f"SELECT DISTINCT doc_id FROM leaf_bodies WHERE doc_id IN ({marks})", part
            ).fetchall():
                found[doc_id] = (found[doc_id][0], True)
    finally:
        cursor.close()
    return found


def _slices(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _leaf_belongs(session: Session, doc_id: str, roots: set[str]) -> bool:
    """Whether a non-winning leaf of the document belongs (a conflict branch may name the
    citizen when the winner does not)."""
    cursor = session.connection().connection.cursor()
    try:
        bodies = cursor.execute(
            "SELECT body FROM leaf_bodies WHERE doc_id = ?", (doc_id,)
        ).fetchall()
    finally:
        cursor.close()
    return any(scope.belongs(doc_id, _parsed(b), frozenset(roots)) for (b,) in bodies)


def _remember(session: Session, roots: Iterable[str], erasure_id: str, mode: str) -> None:
    rows = [{"root_id": r, "erasure_id": erasure_id, "mode": mode} for r in roots]
    if rows:
        stmt = insert(_ROOTS).values(rows).on_conflict_do_nothing(index_elements=["root_id"])
        session.execute(stmt)


def _forget(session: Session, erasure_id: str) -> None:
    taken = _ROOTS.c.erasure_id == erasure_id
    if session.scalar(select(_ROOTS.c.root_id).where(taken).limit(1)) is None:
        return  # it took nothing here (most laptops): nothing to fetch again
    session.execute(_ROOTS.delete().where(taken))
    # A new token each time: a fetch already under way when this one is set does not clear it
    # (it may have read past these records before they were let in).
    settings.write(session, REFETCH_KEY, uuid.uuid4().hex)
    log.info("erasure %s is not in force: its records will be fetched again", erasure_id)


def refetch_due(session: Session) -> str | None:
    """The token of a fetch of the whole scope this store owes (see the module's docstring),
    or None."""
    return settings.read(session, REFETCH_KEY)


def refetch_done(session: Session, token: str) -> None:
    """A fetch of the whole scope that began when ``token`` was due has read to the end."""
    settings.delete(session, REFETCH_KEY, value=token)


def clean(store: Store) -> None:
    """After an erasure has committed: rebuild the file so no free page keeps what was purged,
    then empty the write-ahead log. A reader holding the store open can make either wait or
    fail: then it is logged, and the next erasure or purge finishes the job."""
    with store.writer_engine.connect() as conn:
        raw: Any = conn.connection.driver_connection
        try:
            raw.execute("VACUUM")
        except Exception as exc:  # busy: the pages are zeroed anyway (secure_delete)
            log.info("the store could not be vacuumed after an erasure: %s", type(exc).__name__)
    purge.scrub(store)
