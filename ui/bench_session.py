"""The in-process half of ``bench ui``: one real window, offscreen, driven like a person would."""

import random
import statistics
from pathlib import Path
from time import perf_counter
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtTest import QTest
from sqlalchemy import func, literal_column, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnClause

from caseworker.models import Case, Citizen, Identifier, Interaction, StaffMember
from caseworker.services.context import Actor
from caseworker.store.store import STORE_FILENAME, Store
from caseworker.vocab import OPEN_STATUSES
from ui import gui_gc, i18n
from ui.bench_probe import Heartbeat, PaintWatch, SignalTime, percentile, rss_mb, run_until
from ui.bus import ChangeBus
from ui.context import UiContext
from ui.launch import application
from ui.main_window import MainWindow
from ui.tabs import view_factory
from ui.theme import Theme
from ui.worker import DbWorker
from ui.worklist.pages import QueuesPage
from ui.worklist.query import WorkFilter
from ui.worklist.view import WorkListView

FRAME_MS = 1000 / 60
SAMPLE = 40


def _typed(text: str, start: int = 1) -> list[str]:
    return [text[:n] for n in range(start, len(text) + 1)]


def _queries(session: Session) -> list[list[str]]:
    """As-you-type sequences a contact centre types: names, phone and postcode fragments,
    emails and case references of citizens picked at random (fixed seed)."""
    rng = random.Random(7)
    rowid: ColumnClause[int] = literal_column("citizens.rowid")
    top = int(session.scalar(select(func.max(rowid)).select_from(Citizen)) or 1)
    rowids = [rng.randint(1, top) for _ in range(SAMPLE)]
    citizens = session.scalars(select(Citizen).where(rowid.in_(rowids))).all()
    sequences: list[list[str]] = []
    for i, c in enumerate(citizens):
        idents = {
            x.kind: x
            for x in session.scalars(select(Identifier).where(Identifier.citizen_id == c.id))
        }
        kind = i % 4
        if kind == 0:
            sequences.append(_typed(f"{c.given_name} {c.family_name}".lower()))
        elif kind == 1 and "phone" in idents:
            sequences.append(_typed(idents["phone"].value[-8:], 3))
        elif kind == 2 and "address" in idents and idents["address"].postcode:
            sequences.append(_typed(idents["address"].postcode.lower()))
        elif "email" in idents:
            sequences.append(_typed(idents["email"].value.split("@")[0][:10]))
    references = session.scalars(select(Case.reference).limit(10)).all()
    sequences += [_typed(r, 4) for r in references]
    return sequences


def _busiest_staff(session: Session) -> StaffMember:
    top = session.execute(
        select(Case.assignee_id, func.count())
        .where(Case.assignee_id.is_not(None), Case.status.in_(sorted(OPEN_STATUSES)))
        .group_by(Case.assignee_id)
        .order_by(func.count().desc())
        .limit(1)
    ).first()
    staff = session.get(StaffMember, top[0]) if top else None
    staff = (
        staff or session.scalars(select(StaffMember).where(StaffMember.active.is_(True))).first()
    )
    assert staff is not None, "the store has no staff"
    return staff


def _biggest_queue(session: Session) -> tuple[str, int]:
    row = session.execute(
        select(Case.queue_id, func.count())
        .where(Case.queue_id.is_not(None), Case.status.in_(sorted(OPEN_STATUSES)))
        .group_by(Case.queue_id)
        .order_by(func.count().desc())
        .limit(1)
    ).one()
    return str(row[0]), int(row[1])


def _first_page(view: WorkListView, base: WorkFilter) -> float:
    """ms from asking for a list to its first page painted."""
    loaded = SignalTime(view.model.page_loaded)
    paints = PaintWatch(view.table.viewport())
    started = perf_counter()
    view.show_cases(base)
    painted = paints.wait_after(loaded.wait())
    paints.stop()
    return (painted - started) * 1000


def _keystrokes(window: MainWindow, sequences: list[list[str]]) -> dict[str, Any]:
    rows_ms, painted_ms, gaps_ms, search_ms = [], [], [], []
    slowest: list[tuple[float, str]] = []
    watch = PaintWatch(window.search_page)
    for sequence in sequences:
        window.omnibox.clear()
        run_until(lambda: window.search.settled)
        for text in sequence:
            ready = SignalTime(window.search.results_ready, lambda q, _n, t=text: q == t.strip())
            started = perf_counter()
            if window.omnibox.text() == text[:-1]:
                QTest.keyClick(window.omnibox, text[-1])  # type: ignore[call-overload]
            else:
                window.omnibox.setText(text)
            rows_at = ready.wait()
            painted = watch.wait_after(rows_at, 2)
            rows_ms.append((rows_at - started) * 1000)
            painted_ms.append((painted - started) * 1000)
            gaps_ms.append((painted - rows_at) * 1000)
            search_ms.append(window.search.last_search_ms)
            slowest.append((window.search.last_search_ms, text))
    watch.stop()
    return {
        "keystrokes": len(rows_ms),
        "rows_ms_p50": percentile(rows_ms, 0.5),
        "rows_ms_p95": percentile(rows_ms, 0.95),
        "search_ms_p95": percentile(search_ms, 0.95),
        "painted_ms_p95": percentile(painted_ms, 0.95),
        "next_frame_share": sum(g <= FRAME_MS for g in gaps_ms) / max(1, len(gaps_ms)),
        "slowest_searches": [
            {"query": q, "ms": round(ms, 1)} for ms, q in sorted(slowest, reverse=True)[:5]
        ],
    }


def _citizen_view(window: MainWindow, citizen_id: str, runs: int = 5) -> dict[str, Any]:
    with window.ctx.worker.store.read() as session:
        interactions = session.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(Interaction.citizen_id == citizen_id)
        )
        cases = session.scalar(
            select(func.count()).select_from(Case).where(Case.citizen_id == citizen_id)
        )
    figures: dict[str, Any] = {"interactions": interactions, "cases": cases, "runs": runs}
    if view_factory("citizen") is None:
        from caseworker.services.citizens import get_citizen
        from caseworker.services.contacts import timeline

        started = perf_counter()
        with window.ctx.worker.store.read() as session:
            get_citizen(session, citizen_id)
            timeline(session, citizen_id, 500)
            session.scalars(select(Case).where(Case.citizen_id == citizen_id)).all()
        figures["data_ms"] = (perf_counter() - started) * 1000
        figures["painted_ms"] = None
        return figures

    def open_once() -> tuple[float, float, float]:
        started = perf_counter()
        view = window.open_record(citizen_id)
        loaded = SignalTime(view.loaded)  # type: ignore[attr-defined]
        watch = PaintWatch(view)
        painted_at = watch.wait_after(loaded.wait())
        watch.stop()
        figures = (
            (painted_at - started) * 1000,
            float(getattr(view, "data_ms", float("nan"))),
            float(getattr(view, "populate_ms", float("nan"))),
        )
        window.tabs.close_current()
        run_until(lambda: window.ctx.worker.pending == 0)
        return figures

    data, painted, populate = [], [], []
    for _ in range(runs + 1):
        # An agent reads a record for longer than the window takes to build the next view
        # ahead (ui/tabs.py): each open finds one ready, as it would on a call.
        run_until(lambda: window.tabs.spare("citizen") is not None, 5)
        one = open_once()
        painted.append(one[0])
        data.append(one[1])
        populate.append(one[2])
    # And one opened straight after another, before a view could be built ahead.
    figures["unprepared_painted_ms"] = (
        open_once()[0] if window.tabs.spare("citizen") is None else None
    )
    figures["first_painted_ms"] = painted[0]
    figures["data_ms"] = statistics.median(data[1:])
    figures["painted_ms"] = statistics.median(painted[1:])
    figures["populate_ms"] = statistics.median(populate[1:])
    return figures


def _stall_session(
    window: MainWindow, sequences: list[list[str]], citizen_ids: list[str]
) -> dict[str, Any]:
    """Type fast (a key every 20 ms, never waiting for answers) and open records meanwhile,
    with a 5 ms heartbeat timer measuring how long the event loop is ever kept waiting."""
    plan = [("type", text) for seq in sequences[:30] for text in seq]
    plan += [("open", c) for c in citizen_ids]
    beat = Heartbeat(5)
    beat.start()
    step = iter(plan)
    finished: list[bool] = []
    done_at: list[tuple[float, str]] = []

    def next_step() -> None:
        item = next(step, None)
        if item is None:
            finished.append(True)
            return
        kind, value = item
        done_at.append((perf_counter(), kind))
        if kind == "type":
            window.omnibox.setText(value)
        else:
            window.open_record(value)
        QTimer.singleShot(20, next_step)

    QTimer.singleShot(0, next_step)
    run_until(lambda: bool(finished), 120)
    run_until(lambda: window.ctx.worker.pending == 0, 30)
    beat.stop()
    opens = sum(1 for kind, _ in plan if kind == "open")
    end = beat.longest_stall_end() or 0.0
    during = [kind for at, kind in done_at if at <= end]
    return {
        "longest_stall_during": during[-1] if during else "start",
        "longest_stall_ms": beat.longest_stall_ms,
        "stall_keystrokes": len(plan) - opens,
        "stall_opens": opens,
    }


def measure_window(data_dir: Path) -> dict[str, Any]:
    app = application()
    theme = Theme(app, "light")
    theme.apply()
    i18n.install(app, "en")
    store = Store(data_dir / STORE_FILENAME)
    bus = ChangeBus()
    worker = DbWorker(store, bus)
    try:
        with store.read() as session:
            staff = _busiest_staff(session)
            queue_id, queue_total = _biggest_queue(session)
            sequences = _queries(session)
            from caseworker.seed import busiest_citizen_id

            busiest = busiest_citizen_id(session)
            others = list(session.scalars(select(Citizen.id).limit(5)))
            # The choosing above reads much of the store: its pages are the bench's, not the
            # window's, so they leave this connection's cache before memory is measured.
            session.execute(sql("PRAGMA shrink_memory"))
        ctx = UiContext(Actor(staff.id, staff.role), staff.name, worker, bus)
        window = MainWindow(ctx, theme)
        window.resize(1400, 900)
        window.show()
        window.focus_search()
        gui_gc.install(app).freeze_start_up()  # as the app does once its window is shown
        run_until(lambda: worker.pending == 0)
        my_work = window.pages["my_work"]
        assert isinstance(my_work, WorkListView)
        lists: dict[str, Any] = {
            "my_work_ms": _first_page(my_work, WorkFilter(assignee_id=staff.id))
        }
        lists["my_work_total"] = my_work.model.total
        window.show_page("queues")
        queues = window.pages["queues"]
        assert isinstance(queues, QueuesPage)
        run_until(lambda: worker.pending == 0)
        lists["queue_ms"] = _first_page(queues.list, WorkFilter(queue_id=queue_id))
        lists["queue_total"] = queue_total
        page_ms = []
        for _ in range(20):
            if not queues.list.model.canFetchMore(QModelIndex()):
                break
            loaded = SignalTime(queues.list.model.page_loaded)
            started = perf_counter()
            queues.list.model.fetchMore(QModelIndex())
            page_ms.append((loaded.wait() - started) * 1000)
        lists["page_ms_p95"] = percentile(page_ms, 0.95)
        figures: dict[str, Any] = {"lists": lists}
        figures["keystroke"] = _keystrokes(window, sequences)
        figures["citizen_view"] = _citizen_view(window, busiest)
        figures.update(_stall_session(window, sequences, [busiest, *others]))
        figures["rss_mb"] = rss_mb()
        window.close()
        return figures
    finally:
        worker.stop()
        store.close()
