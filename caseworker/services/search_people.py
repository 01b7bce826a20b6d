"""Ranking the citizens a search found: by how they match, then open cases, then the latest
contact; described (postcode, phone, email) only when they are shown."""

from typing import Any

from caseworker.services import search_rank as rank
from caseworker.services.search_hits import Execute, SearchHit, marks, rowid_in
from caseworker.vocab import OPEN_STATUSES

# Of the candidates as good as the last one shown, how many are ordered by open cases and
# latest contact (what that costs is read for these only).
TIEBREAK = 40
_OPEN = ",".join(f"'{s}'" for s in sorted(OPEN_STATUSES))

_CANDIDATE_COLUMNS = (
    "SELECT rowid, id, given_name, family_name, preferred_name, date_of_birth, merged_into "
    "FROM citizens"
)
_SURVIVOR_COLUMNS = _CANDIDATE_COLUMNS + " WHERE id IN ({marks})"
MAX_CHAIN = 5  # merges followed from a candidate to the record it is shown as
# A contender's open cases and latest contact (each an index look-up).
_WORK_COLUMNS = (
    "SELECT id, (SELECT count(*) FROM cases k WHERE k.citizen_id = citizens.id "
    f"AND k.status IN ({_OPEN})), "
    "(SELECT max(i.at) FROM interactions i WHERE i.citizen_id = citizens.id) "
    "FROM citizens"
)


def rank_citizens(
    execute: Execute, rowids: list[int], typed: rank.Typed, limit: int
) -> list[SearchHit]:
    """Score the candidates by how they match; among the best (at most ``TIEBREAK``), read open
    cases and latest contact to order them; describe only the ones that can be shown."""
    if not rowids:
        return []
    rows = list(execute(_CANDIDATE_COLUMNS + rowid_in(rowids), ()))
    ids = [row[1] for row in rows]
    identifiers = {} if typed.name_like else _identifiers(execute, ids, _kinds_to_score(typed))
    scored = []
    for rowid, citizen_id, given_name, family_name, preferred_name, born, _merged in rows:
        own = ((k, n, p) for k, n, p, _value in identifiers.get(citizen_id, ()))
        score = rank.citizen_score(typed, given_name, family_name, preferred_name, own)
        scored.append(
            (score, rowid, citizen_id, f"{preferred_name or given_name} {family_name}", born)
        )
    if any(row[6] for row in rows):
        scored = _as_survivors(execute, rows, scored)
    scored.sort(key=lambda s: -s[0])  # stable: exact look-ups, then the index's order
    scored = scored[: _contenders([s[0] for s in scored], limit)]
    work = {
        str(r[0]): (int(r[1]), r[2])
        for r in execute(_WORK_COLUMNS + rowid_in([s[1] for s in scored]), ())
    }
    # Ordered as best_first orders hits; plain tuples until the few shown are made hits.
    scored.sort(key=lambda s: (s[3].lower(), s[2]))
    scored.sort(key=lambda s: work[s[2]][1] or "", reverse=True)
    scored.sort(key=lambda s: (-s[0], not work[s[2]][0]))
    shown = scored[:limit]
    if typed.name_like or _kinds_to_score(typed):  # only some kinds read: read them all
        identifiers = _identifiers(execute, [s[2] for s in shown])
    return [
        SearchHit(
            "citizen",
            citizen_id,
            title,
            _contact_line(identifiers.get(citizen_id, [])),
            score,
            date_of_birth=born,
            last_contact=work[citizen_id][1],
            open_cases=work[citizen_id][0],
        )
        for score, _rowid, citizen_id, title, born in shown
    ]


Scored = tuple[int, int, str, str, Any]


def _as_survivors(execute: Execute, rows: list[Any], scored: list[Scored]) -> list[Scored]:
    """A merged citizen is found as the record it was merged into, once, with the better of
    the two scores (its own phone number finds the survivor)."""
    known = {row[1]: row for row in rows}
    for _ in range(MAX_CHAIN):
        wanted = sorted({r[6] for r in known.values() if r[6] and r[6] not in known})
        if not wanted:
            break
        for row in execute(_SURVIVOR_COLUMNS.format(marks=marks(wanted)), wanted):
            known[row[1]] = row

    def shown_as(citizen_id: str) -> str:
        seen, current = {citizen_id}, citizen_id
        for _ in range(MAX_CHAIN):
            after = known[current][6]
            if not after or after in seen or after not in known:  # a cycle stops where it turns
                break
            seen.add(after)
            current = after
        return current

    best: dict[str, Scored] = {}
    for score, rowid, citizen_id, title, born in scored:
        shown = shown_as(citizen_id)
        if shown != citizen_id:
            row = known[shown]
            rowid, born, title = row[0], row[5], f"{row[4] or row[2]} {row[3]}"
        if shown not in best or best[shown][0] < score:
            best[shown] = (score, rowid, shown, title, born)
    return list(best.values())  # in the order first found: exact look-ups first


def _contenders(scores: list[int], limit: int) -> int:
    """How many of the scores (best first) can still reach the first ``limit``: all above the
    ``limit``-th's score, and of those equal to it at most enough to fill ``TIEBREAK``."""
    if len(scores) <= limit:
        return len(scores)
    cut = scores[limit - 1]
    above = sum(1 for s in scores if s > cut)
    tied = sum(1 for s in scores if s == cut)
    return above + min(tied, max(TIEBREAK - above, limit - above))


def _kinds_to_score(typed: rank.Typed) -> tuple[str, ...]:
    """The kinds of identifier a query can match (none: every kind)."""
    if typed.digits is not None:
        return ("phone",)
    if "@" in typed.text:
        return ("email", "social", "app_account")
    compact = typed.compact
    if compact[:1].isalpha() and any(c.isdigit() for c in compact) and compact.isalnum():
        return ("address",)  # a postcode or the start of one
    return ()


def _identifiers(
    execute: Execute, ids: list[str], kinds: tuple[str, ...] = ()
) -> dict[str, list[tuple[str, str, Any, str]]]:
    found: dict[str, list[tuple[str, str, Any, str]]] = {}
    if ids:
        # "+kind": looked up by citizen, never by the kind index (every phone of the council)
        only = f" AND +kind IN ({marks(kinds)})" if kinds else ""
        sql = (
            "SELECT citizen_id, kind, normalised, postcode, value FROM identifiers "
            f"WHERE citizen_id IN ({marks(ids)}){only} ORDER BY id"
        )
        for citizen_id, kind, normalised, postcode, value in execute(sql, [*ids, *kinds]):
            found.setdefault(citizen_id, []).append((kind, normalised, postcode, value))
    return found


def _contact_line(identifiers: list[tuple[str, str, Any, str]]) -> str:
    """The first postcode, phone and email: how namesakes are told apart at a glance."""
    first: dict[str, str] = {}
    for kind, _normalised, postcode, value in identifiers:
        first.setdefault(kind, (postcode if kind == "address" else value) or "")
    return " · ".join(
        x for x in (first.get("address"), first.get("phone"), first.get("email")) if x
    )
