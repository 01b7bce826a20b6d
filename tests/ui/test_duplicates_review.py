"""Reviewing likely duplicates in the window, by keyboard: from a citizen's record to the
pair side by side, merged (the survivor chosen), undone from the merged record's view, and
"not the same person" recorded so the pair is not offered again."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.dedupe import review
from caseworker.models import Citizen
from caseworker.services import citizens, merges
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.dedupe.list_dialog import DuplicatesDialog
from ui.dedupe.review_dialog import DuplicateReviewDialog
from ui.dedupe.undo_dialog import UndoMergeDialog

WAIT_MS = 10_000


@pytest.fixture
def supervisor(make_ctx: Callable[[str], UiContext]) -> UiContext:
    return make_ctx("supervisor")


def _twins(store: Store, ctx: UiContext) -> tuple[str, str]:
    """One person recorded twice: a nickname, the same mobile, birth date and address."""
    made = []
    for given, email in (("William", "w.tudor@example.org"), ("Bill", "bill.t@example.org")):
        with store.write() as s:
            cid, _ = citizens.create_citizen(
                s,
                ctx.actor,
                given,
                "Tudor-Ellis",
                date_of_birth="1961-03-14",
                identifiers=(
                    citizens.NewIdentifier("phone", "07700 900461"),
                    citizens.NewIdentifier("email", email),
                    citizens.NewIdentifier("address", "3 Heol Fach", postcode="CF37 4AB"),
                ),
            )
        made.append(cid)
    return made[0], made[1]


def _view(qtbot: QtBot, ctx: UiContext, citizen_id: str) -> CitizenView:
    view = CitizenView(ctx, citizen_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    view.activateWindow()
    view.setFocus()
    return view


def _active_dialog(qtbot: QtBot, kind: type) -> object:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=WAIT_MS)
    return QApplication.activeModalWidget()


def test_a_supervisor_merges_from_the_record_and_undoes_it_from_the_merged_record(
    qtbot: QtBot,
    seeded: Store,
    supervisor: UiContext,
    settle: Callable[[], None],
) -> None:
    william, bill = _twins(seeded, supervisor)
    view = _view(qtbot, supervisor, william)
    qtbot.keyClick(
        view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    listing = view.dialog
    assert isinstance(listing, DuplicatesDialog)
    qtbot.waitUntil(lambda: len(listing.model.rows) > 0, timeout=WAIT_MS)
    assert listing.model.rows[0].second_id == bill
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    pair = listing.review
    assert isinstance(pair, DuplicateReviewDialog)
    qtbot.waitUntil(lambda: pair.merge_button.isEnabled(), timeout=WAIT_MS)
    assert pair.pair is not None and pair.pair.score >= 0.9
    qtbot.keyClicks(pair.why, "Same mobile and birth date; Bill is William")
    qtbot.keyClick(pair, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # keep the left
    with qtbot.waitSignal(pair.decided, timeout=WAIT_MS) as decided:
        qtbot.keyClick(pair, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert decided.args == ["merged"]
    settle()
    with seeded.read() as s:
        assert s.get(Citizen, bill).merged_into == william  # type: ignore[union-attr]
    listing.reject()

    merged_view = _view(qtbot, supervisor, bill)  # the merged record shows as the survivor
    assert merged_view.snapshot is not None and merged_view.snapshot.id == william
    qtbot.keyClick(
        merged_view,
        Qt.Key.Key_U,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    undo = merged_view.dialog
    assert isinstance(undo, UndoMergeDialog)
    qtbot.keyClicks(undo.why, "Two people after all")
    with qtbot.waitSignal(undo.saved, timeout=WAIT_MS):
        qtbot.keyClick(undo.why, Qt.Key.Key_Return)  # Save is the default button
    settle()
    with seeded.read() as s:
        assert s.get(Citizen, bill).merged_into is None  # type: ignore[union-attr]
        assert merges.merges_of(s, bill)[0].undo_reason == "Two people after all"


def test_not_the_same_person_is_recorded_and_the_pair_is_not_offered_again(
    qtbot: QtBot,
    seeded: Store,
    supervisor: UiContext,
    settle: Callable[[], None],
    qtmodeltester: ModelTester,
) -> None:
    william, bill = _twins(seeded, supervisor)
    dialog = DuplicatesDialog(
        supervisor, lambda s: review.duplicates_of(s, william), "Possible duplicates"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: len(dialog.model.rows) > 0, timeout=WAIT_MS)
    qtmodeltester.check(dialog.model, force_py=True)
    pair = dialog.open_pair(0)
    assert pair is not None
    qtbot.waitUntil(lambda: pair.distinct_button.isEnabled(), timeout=WAIT_MS)
    qtbot.keyClicks(pair.why, "Father and son")
    with qtbot.waitSignal(pair.decided, timeout=WAIT_MS) as decided:
        qtbot.keyClick(pair, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert decided.args == ["distinct"]
    settle()
    qtbot.waitUntil(lambda: bill not in {c.second_id for c in dialog.model.rows}, timeout=WAIT_MS)
    with seeded.read() as s:
        assert merges.decided_distinct(s, william, bill)


def test_the_refusal_of_a_merge_by_an_agent_is_shown_in_the_pair(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    william, bill = _twins(seeded, ctx)
    pair = DuplicateReviewDialog(ctx, william, bill)
    qtbot.addWidget(pair)
    pair.show()
    qtbot.waitUntil(lambda: pair.merge_button.isEnabled(), timeout=WAIT_MS)
    qtbot.keyClicks(pair.why, "looks the same")
    qtbot.keyClick(pair, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: "supervisor" in pair.error.text(), timeout=WAIT_MS)
    settle()
    with seeded.read() as s:
        assert s.get(Citizen, bill).merged_into is None  # type: ignore[union-attr]
    assert pair.isVisible()  # nothing decided: the pair stays open


def test_the_pair_fits_a_1280_by_720_screen(
    qtbot: QtBot, seeded: Store, supervisor: UiContext, settle: Callable[[], None]
) -> None:
    william, bill = _twins(seeded, supervisor)
    pair = DuplicateReviewDialog(supervisor, william, bill)
    qtbot.addWidget(pair)
    pair.show()
    qtbot.waitUntil(lambda: pair.merge_button.isEnabled(), timeout=WAIT_MS)
    hint = pair.sizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720
    settle()
