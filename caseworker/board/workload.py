"""Live workload per queue and per officer: open cases, due before the end of today and not
yet breached ("at risk today"), and open past their due time ("breached").

Counted from the ``(queue_id|assignee_id, status, due_at)`` indexes the work lists already
use: the distinct queues (or officers) are found by skipping through the index, and each
figure is a range count in it, so no case row is read (about 30 ms for 450,000 open cases).
"""

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from caseworker.board.filters import OPEN, CaseFilter
from caseworker.timeutil import to_iso

_OPEN_SQL = "(" + ", ".join(f"'{status}'" for status in OPEN) + ")"  # constants, not input


@dataclass(frozen=True)
class Workload:
    key: str  # a queue or staff id; "" for none
    label: str
    open: int
    at_risk: int
    breached: int
    open_filter: CaseFilter
    at_risk_filter: CaseFilter
    breached_filter: CaseFilter


def _sql(column: str) -> str:
    def counts(match: str) -> str:
        base = f"SELECT count(*) FROM cases WHERE {match} AND status IN {_OPEN_SQL}"
        return (
            f"({base}), ({base} AND due_at < :now), ({base} AND due_at >= :now AND due_at < :eod)"
        )

    return (
        "WITH RECURSIVE k(v) AS ("
        f" SELECT (SELECT min({column}) FROM cases)"
        f" UNION ALL SELECT (SELECT min({column}) FROM cases WHERE {column} > k.v)"
        "  FROM k WHERE k.v IS NOT NULL)"
        f" SELECT v, {counts(f'{column} = k.v')} FROM k WHERE v IS NOT NULL"
        f" UNION ALL SELECT NULL, {counts(f'{column} IS NULL')}"
    )


_QUERIES = {column: text(_sql(column)) for column in ("queue_id", "assignee_id")}


def workload(
    session: Session,
    column: str,
    now: datetime,
    eod: datetime,
    labels: dict[str, str],
    none_label: str,
) -> list[Workload]:
    """Per value of ``column`` ("queue_id" or "assignee_id"), with open cases, busiest first;
    NULL and "" count together as none."""
    totals: dict[str, list[int]] = {}
    params = {"now": to_iso(now), "eod": to_iso(eod)}
    for key, n_open, breached, at_risk in session.execute(_QUERIES[column], params):
        sums = totals.setdefault(key or "", [0, 0, 0])
        sums[0] += n_open
        sums[1] += at_risk
        sums[2] += breached
    rows = []
    for key, (n_open, at_risk, breached) in totals.items():
        if not n_open:
            continue
        if column == "queue_id":
            base = CaseFilter(open_only=True, queue_id=key)
        else:
            base = CaseFilter(open_only=True, assignee_id=key)
        rows.append(
            Workload(
                key=key,
                label=labels.get(key, key) if key else none_label,
                open=n_open,
                at_risk=at_risk,
                breached=breached,
                open_filter=base,
                at_risk_filter=replace(base, due_from=now, due_before=eod),
                breached_filter=replace(base, due_before=now),
            )
        )
    return sorted(rows, key=lambda w: (-w.open, w.label))
