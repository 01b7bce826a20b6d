"""As-you-type search on the GUI thread under a budget: rows at once when it is quick, from the
worker when it is not, never an older keystroke's rows over a newer one's, and never a GUI kept
waiting by a store someone else is writing or holding."""

import threading
from collections.abc import Callable, Iterator
from time import perf_counter

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Citizen
from caseworker.services import citizens
from caseworker.services.search import search
from caseworker.store.store import Store
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.search.model import ID_ROLE, RESULT_LIMIT, SearchController
from ui.search.quick import GuiReader

WAIT_MS = 10_000
GENEROUS_MS = 2_000.0  # a budget no test machine runs out of: the quick path is what is tested


def _shown(controller: SearchController) -> list[str]:
    model = controller.model
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def _expected(store: Store, query: str) -> list[str]:
    with store.read() as session:
        return [h.id for h in search(session, query, RESULT_LIMIT)]


def _a_family_name(store: Store) -> str:
    with store.read() as session:
        name = session.scalars(select(Citizen.family_name).order_by(Citizen.id)).first()
    assert name is not None and len(name) >= 4
    return name.lower()


@pytest.fixture
def quick(seeded: Store) -> GuiReader:
    reader = GuiReader(seeded, budget_ms=GENEROUS_MS)
    reader.open().join(WAIT_MS / 1000)
    assert reader.ready
    return reader


@pytest.fixture
def controller(
    ctx: UiContext, quick: GuiReader, settle: Callable[[], None]
) -> Iterator[SearchController]:
    kept = SearchController(ctx.worker, bus=ctx.bus, quick=quick)
    yield kept
    settle()


def _over_budget(quick: GuiReader) -> None:
    # No time at all, and the clock looked at on every SQLite step: the first step trips it.
    quick.budget_ms, quick.check_every = 0.0, 1


def _within_budget(quick: GuiReader) -> None:
    quick.budget_ms, quick.check_every = GENEROUS_MS, 2000


def test_a_quick_search_shows_its_rows_before_the_keystroke_returns(
    qtbot: QtBot, window: MainWindow, ctx: UiContext, seeded: Store
) -> None:
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)
    assert window.search.quick is not None
    window.search.quick.budget_ms = GENEROUS_MS
    qtbot.waitUntil(lambda: window.search.quick is not None and window.search.quick.ready)
    name = _a_family_name(seeded)
    qtbot.keyClicks(window.omnibox, name)
    # No event loop has run since the last key: the rows came on the GUI thread, no job queued.
    assert ctx.worker.pending == 0
    assert window.search.settled
    assert _shown(window.search) == _expected(seeded, name)
    assert _shown(window.search)  # the seeded name finds someone
    assert window.search_page.results.isVisible()


def test_a_search_over_its_budget_still_shows_its_rows_from_the_worker(
    qtbot: QtBot, controller: SearchController, quick: GuiReader, ctx: UiContext, seeded: Store
) -> None:
    _over_budget(quick)
    name = _a_family_name(seeded)
    controller.search(name)
    assert not controller.settled  # handed on, not answered here
    assert ctx.worker.pending == 1
    assert quick.handed_on == 1 and quick.answered == 0
    qtbot.waitUntil(lambda: controller.settled, timeout=WAIT_MS)
    assert _shown(controller) == _expected(seeded, name)
    assert _shown(controller)
    # The interrupted search left the connection fit for the next one, answered here.
    _within_budget(quick)
    controller.search(name[:-1])
    assert controller.settled and quick.answered == 1
    assert _shown(controller) == _expected(seeded, name[:-1])


def test_a_search_before_the_quick_connection_is_open_goes_to_the_worker(
    qtbot: QtBot, ctx: UiContext, seeded: Store, settle: Callable[[], None]
) -> None:
    # Opening it derives an encrypted store's key (a quarter of a second): never on the GUI
    # thread, and never waited for.
    quick = GuiReader(seeded, budget_ms=GENEROUS_MS)
    controller = SearchController(ctx.worker, quick=quick)
    name = _a_family_name(seeded)
    controller.search(name)
    assert not controller.settled and ctx.worker.pending == 1 and quick.handed_on == 1
    qtbot.waitUntil(lambda: controller.settled, timeout=WAIT_MS)
    assert _shown(controller) == _expected(seeded, name)
    opening = quick.open()  # started by that first search, on a thread of its own
    assert opening.ident != threading.get_ident()
    opening.join(WAIT_MS / 1000)
    controller.search(name[:-1])
    assert controller.settled and quick.answered == 1
    settle()


def test_an_older_keystrokes_late_answer_never_replaces_a_newer_ones(
    qtbot: QtBot, controller: SearchController, quick: GuiReader, ctx: UiContext, seeded: Store
) -> None:
    name = _a_family_name(seeded)
    answered: list[str] = []
    controller.results_ready.connect(lambda query, _n: answered.append(query))
    _over_budget(quick)
    controller.search(name[:3])  # to the worker
    controller.search(name[:4])  # waits behind it
    _within_budget(quick)
    controller.search(name)  # answered here, while the worker still has the first
    assert answered == [name]
    assert ctx.worker.pending == 1
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)
    qtbot.wait(50)  # room for any late answer to (wrongly) land
    assert answered == [name]
    assert controller.answered == name
    assert _shown(controller) == _expected(seeded, name)


def test_typing_while_a_sync_writes_the_store_is_answered_at_once_without_error(
    controller: SearchController, quick: GuiReader, ctx: UiContext, seeded: Store
) -> None:
    failures: list[str] = []
    controller.failed.connect(failures.append)
    with seeded.read() as session:
        citizen_id = session.scalars(select(Citizen.id).order_by(Citizen.id)).first()
    assert citizen_id is not None
    email = citizens.NewIdentifier("email", "quicktyper77@example.org")
    # A writer mid-transaction (as a sync's batch is): it holds the write lock meanwhile.
    with seeded.write() as session:
        citizens.add_identifier(session, ctx.actor, citizen_id, email)
        session.flush()
        started = perf_counter()
        for size in range(4, len("quicktyper77") + 1):
            controller.search("quicktyper77"[:size])
            assert controller.settled  # each keystroke answered here, none waited
        elapsed = perf_counter() - started
    assert elapsed < 1.0
    assert quick.handed_on == 0
    assert _shown(controller) == []  # not committed when it was typed: not found
    assert failures == []
    controller.search("quicktyper77")  # committed now
    assert _shown(controller) == [citizen_id]


def test_a_search_the_store_cannot_run_is_said_to_have_failed_not_swallowed(
    qtbot: QtBot, controller: SearchController, quick: GuiReader, seeded: Store
) -> None:
    with seeded.write() as session:  # a damaged store: its search index is gone
        session.connection().exec_driver_sql("DROP TABLE citizen_search")
    failures: list[str] = []
    controller.failed.connect(failures.append)
    controller.search("jones")
    assert quick.handed_on == 1  # not answered here: the worker tries, and says what failed
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert "citizen_search" in failures[0]
    assert controller.settled and _shown(controller) == []
