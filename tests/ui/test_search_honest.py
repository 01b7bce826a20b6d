"""Honest search in the window: how many match of how many shown, namesakes told apart by date
of birth and last contact, statuses in words, all driven from the keyboard."""

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.services.search import SearchHit, find
from caseworker.store.store import Store
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.search.model import DETAIL_ROLE, ID_ROLE, SearchController, SearchResultsModel

WAIT_MS = 10_000


def test_a_broad_search_says_how_many_match_and_how_to_narrow_it(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    with seeded.read() as session:
        expected = find(session, "cf4", 20)
    assert expected.total > 20  # the seeded council has many in these postcode districts
    qtbot.keyClicks(window.omnibox, "cf4")
    qtbot.waitUntil(lambda: window.search.settled, timeout=WAIT_MS)
    message = window.search_page.message.text()
    assert message.startswith(
        f"20 of {expected.total:,} for “cf4”: add a postcode or date of birth"
    )
    shown = [window.search.model.index(r, 0).data(ID_ROLE) for r in range(20)]
    assert shown == [h.id for h in expected.hits]
    # Down twice and Enter opens the third, best-first, as listed.
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Down)
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Down)
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Return)
    third = expected.hits[2].id
    qtbot.waitUntil(lambda: window.tabs.record_view(third) is not None, timeout=WAIT_MS)


def test_a_narrow_search_says_only_how_many(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    with seeded.read() as session:
        hit = find(session, "cf4", 1).hits[0]
        found = find(session, hit.title, 20)
    assert found.total <= 20
    qtbot.keyClicks(window.omnibox, hit.title)
    qtbot.waitUntil(lambda: window.search.settled, timeout=WAIT_MS)
    message = window.search_page.message.text()
    assert message.startswith(f"{found.total} result") and " of " not in message


def test_above_a_thousand_the_total_is_said_as_more_than_a_thousand(ctx: UiContext) -> None:
    controller = SearchController(ctx.worker)
    controller.total = 1001  # what a count stopped at 1,001 means
    assert controller.found_text("smith", 20).startswith(
        "20 of 1,000+ for “smith”: add a postcode or date of birth to narrow it."
    )
    controller.total = 315
    assert controller.found_text("williams", 20).startswith("20 of 315 for “williams”")


def test_namesakes_are_told_apart_and_statuses_read_as_words(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = SearchResultsModel()
    hits = [
        SearchHit(
            "citizen",
            "citizen:a",
            "Angela Williams",
            "CF45 7AX · 07700 900130",
            100,
            date_of_birth="1978-05-06",
            last_contact="2026-11-01T12:00:00.000Z",
            open_cases=2,
        ),
        SearchHit("citizen", "citizen:b", "Angela Williams", "", 100),
        SearchHit("case", "case:c", "ABCD-EFGH-JKMN Bins", "missed-bin", 90, status="in_progress"),
    ]
    model.set_hits(hits)
    qtmodeltester.check(model, force_py=True)
    detail = [model.index(r, 0).data(DETAIL_ROLE) for r in range(3)]
    assert detail == [
        "Born 06/05/1978 · Last contact 01/11/2026 · 2 open cases · CF45 7AX · 07700 900130",
        "",
        "missed-bin · In progress",
    ]
    spoken = model.index(2, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "In progress" in spoken and "in_progress" not in spoken


def test_dates_a_peer_wrote_badly_are_shown_as_written_not_dropped_or_fatal() -> None:
    model = SearchResultsModel()
    model.set_hits(
        [
            SearchHit(
                "citizen",
                "citizen:x",
                "Dai Jones",
                "",
                60,
                date_of_birth="1978-13-45",
                last_contact="yesterday\u202e",
            )
        ]
    )
    detail = model.index(0, 0).data(DETAIL_ROLE)
    assert detail == "Born 1978-13-45 · Last contact yesterday\\u202e"
