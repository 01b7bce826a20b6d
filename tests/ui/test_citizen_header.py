"""The citizen header: a known caller, found and read with the keyboard alone, shows their
Welsh preference and warning markers first; what is ended or someone else's does not show."""

from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from caseworker.services import citizens, markers
from caseworker.services.context import Actor
from caseworker.store.store import Store
from caseworker.timeutil import utcnow
from ui.citizen import CitizenView
from ui.citizen.header import age_on
from ui.context import UiContext
from ui.dialogs.marker_review import MarkerReviewDialog
from ui.main_window import MainWindow
from ui.marker_card import MarkerCard

WAIT_MS = 10_000
T = TypeVar("T")
PHONE = "07700 900913"  # Ofcom's range for drama: no real subscriber


def _caller(store: Store, actor: Actor) -> tuple[str, str]:
    """Eleri, who prefers Welsh, with two live markers, one ended, and a neighbour's marker."""
    today = utcnow().date()
    with store.write() as s:
        eleri, _ = citizens.create_citizen(
            s,
            actor,
            "Eleri",
            "Rhydderch-Quennell",
            language="cy",
            date_of_birth="1950-03-04",
            identifiers=(
                citizens.NewIdentifier("phone", PHONE, "sms_code", label="mobile"),
                citizens.NewIdentifier(
                    "address", "7 Lôn y Felin, Treorci", "council_record", postcode="CF42 6AB"
                ),
            ),
        )
        neighbour, _ = citizens.create_citizen(s, actor, "Idris", "Quennell-Neighbour")
        markers.add_marker(
            s,
            actor,
            eleri,
            kind="vulnerability",
            reason="Lives alone, memory loss",
            review_on=today + timedelta(days=40),
        )
        markers.add_marker(
            s,
            actor,
            eleri,
            kind="officer_safety",
            reason="Visit in pairs",
            review_on=today + timedelta(days=10),
        )
        gone, _ = markers.add_marker(
            s, actor, eleri, kind="accessibility", reason="Broken arm", review_on=today
        )
        markers.end_marker(s, actor, gone)
        markers.add_marker(
            s, actor, neighbour, kind="safeguarding", reason="Not Eleri's", review_on=today
        )
    return eleri, neighbour


def _names_by_tab(qtbot: QtBot, start: QWidget, presses: int) -> list[str]:
    names = []
    for _ in range(presses):
        focused = QApplication.focusWidget() or start
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        names.append(now.accessibleName() if now is not None else "")
    return names


def test_a_known_callers_header_reads_their_welsh_preference_and_markers_by_keyboard(
    qtbot: QtBot, window: MainWindow, seeded: Store, ctx: UiContext
) -> None:
    eleri, _ = _caller(seeded, ctx.actor)
    qtbot.keyClicks(window.omnibox, PHONE)
    qtbot.waitUntil(
        lambda: window.search.settled and window.search.model.rowCount() > 0, timeout=WAIT_MS
    )
    qtbot.keyClick(window.omnibox, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.record_view(eleri) is not None, timeout=WAIT_MS)
    view = window.tabs.record_view(eleri)
    assert isinstance(view, CitizenView)
    qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)

    spoken = _names_by_tab(qtbot, view, 40)
    welsh = spoken.index("Prefers Welsh: offer a Welsh speaker")
    # Straight after the language offer, the markers, most serious first, each read in full.
    safety, vulnerable = spoken[welsh + 1], spoken[welsh + 2]
    assert safety.startswith("Officer safety: Visit in pairs. At 7 Lôn y Felin, Treorci. Set by")
    assert ctx.staff_name in safety and "review by" in safety
    assert vulnerable.startswith("Vulnerability: Lives alone, memory loss. Set by")
    assert not any("Broken arm" in s or "Not Eleri's" in s for s in spoken)

    header = view.header
    assert header.name.text() == "Eleri Rhydderch-Quennell"
    assert header.language.property("role") == "badge"  # plain to see, not small grey text
    assert f"age {age_on('1950-03-04', utcnow().astimezone().date())}" in header.facts.text()
    assert header.identifiers.text().startswith(
        "Verified: Phone 07700 900913 (Code sent by text message) · Address 7 Lôn y Felin"
    )
    assert [card.kind for card in header.markers] == ["officer_safety", "vulnerability"]
    for card in header.markers:
        assert card.icon.pixmap() is not None and not card.icon.pixmap().isNull()
        assert card.property("marker") in ("red", "amber")


@pytest.fixture
def citizen_view(qtbot: QtBot, ctx: UiContext, seeded: Store) -> CitizenView:
    eleri, _ = _caller(seeded, ctx.actor)
    view = CitizenView(ctx, eleri)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    return view


def test_a_marker_set_or_ended_elsewhere_shows_at_once(
    qtbot: QtBot, citizen_view: CitizenView, ctx: UiContext
) -> None:
    citizen_id = citizen_view.citizen_id
    with qtbot.waitSignal(citizen_view.loaded, timeout=WAIT_MS):
        ctx.worker.write(
            lambda s: markers.add_marker(
                s,
                ctx.actor,
                citizen_id,
                kind="safeguarding",
                reason="Duty social worker first",
                review_on=utcnow().date(),
            )[1]
        )
    kinds = [card.kind for card in citizen_view.header.markers]
    assert kinds == ["safeguarding", "officer_safety", "vulnerability"]
    assert (
        citizen_view.header.markers[0]
        .accessibleName()
        .startswith("Safeguarding: Duty social worker first.")
    )


def test_a_hostile_reason_is_shown_with_visible_escapes(
    qtbot: QtBot, citizen_view: CitizenView, ctx: UiContext
) -> None:
    citizen_id = citizen_view.citizen_id
    with qtbot.waitSignal(citizen_view.loaded, timeout=WAIT_MS):
        ctx.worker.write(
            lambda s: markers.add_marker(
                s,
                ctx.actor,
                citizen_id,
                kind="accessibility",
                reason="Deaf \u202etxet esu",
                review_on=utcnow().date(),
            )[1]
        )
    (card,) = [c for c in citizen_view.header.markers if c.kind == "accessibility"]
    assert "\u202e" not in card.headline.text() and "\\u202e" in card.headline.text()
    assert "\u202e" not in card.accessibleName()


def test_the_age_counts_whole_years_and_ignores_nonsense() -> None:
    from datetime import date

    assert age_on("1950-03-04", date(2026, 3, 3)) == 75
    assert age_on("1950-03-04", date(2026, 3, 4)) == 76
    assert age_on("2030-01-01", date(2026, 3, 4)) is None
    assert age_on("not a date", date(2026, 3, 4)) is None
    assert age_on(None, date(2026, 3, 4)) is None


def test_a_warning_is_set_from_the_keyboard_and_heads_the_record(
    qtbot: QtBot, citizen_view: CitizenView
) -> None:
    from PySide6.QtWidgets import QDialog

    from ui.dialogs.marker import MarkerDialog

    view = citizen_view
    view.buttons["log_contact"].setFocus()
    qtbot.keyClick(
        view.buttons["log_contact"],
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = view.dialog
    assert isinstance(dialog, MarkerDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.kind, timeout=WAIT_MS)
    assert dialog.kind.currentData() == "safeguarding"
    assert not dialog.address.isVisible()  # only officer safety has an address
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentData() == "officer_safety" and dialog.address.isVisible()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason
    # Saving with no reason is refused beside the field, and nothing is written.
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and "Say why" in dialog.error_text("reason")
    qtbot.keyClicks(dialog.reason, "Dog loose in the garden")
    with (
        qtbot.waitSignal(dialog.finished, timeout=WAIT_MS) as finished,
        qtbot.waitSignal(view.loaded, timeout=WAIT_MS),
    ):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    first = view.header.markers[0]
    assert first.accessibleName().startswith(
        "Officer safety: Dog loose in the garden. At 7 Lôn y Felin, Treorci."
    )


def _focus_marker(qtbot: QtBot, view: CitizenView, kind: str) -> MarkerCard:
    (card,) = [c for c in view.header.markers if c.kind == kind]
    _active(qtbot, view.window())  # back from a dialog: the view has the keyboard again
    view.header.language.setFocus()
    for _ in range(10):
        if QApplication.focusWidget() is card:
            break
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card
    return card


def _answer_end(qtbot: QtBot, box: Any) -> None:
    """Tab from the default (keep) to "End warning", then Space: the keyboard's way."""
    from PySide6.QtWidgets import QPushButton

    (end,) = [b for b in box.findChildren(QPushButton) if b.text() == "&End warning"]
    for _ in range(4):
        if box.focusWidget() is end:
            break
        qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Tab)
    assert box.focusWidget() is end
    qtbot.keyClick(end, Qt.Key.Key_Space)


def _end_question(qtbot: QtBot, view: CitizenView, card: MarkerCard) -> Any:
    """Enter on the marker opens its review; Alt+E there asks whether to end it."""
    from PySide6.QtWidgets import QMessageBox

    qtbot.keyClick(card, Qt.Key.Key_Return)
    review = _active(qtbot, _visible(view, MarkerReviewDialog))
    qtbot.keyClick(review.focusWidget() or review, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in view.findChildren(QMessageBox)))
    return next(b for b in view.findChildren(QMessageBox) if b.isVisible())


def _active(qtbot: QtBot, dialog: T) -> T:
    """The dialog once it has the keyboard (offscreen, a window is activated by asking)."""
    assert isinstance(dialog, QWidget)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog  # type: ignore[return-value]


def _visible(view: CitizenView, kind: type[T]) -> T:
    """The dialog of this kind the view shows (opened on the next turn of the event loop)."""
    for _ in range(100):
        shown = [d for d in view.findChildren(kind) if d.isVisible()]  # type: ignore[attr-defined]
        if shown:
            return shown[0]
        QApplication.processEvents()
    raise AssertionError(f"no {kind.__name__} shown")


def test_a_warning_is_ended_from_the_keyboard_after_a_question_whose_default_keeps_it(
    qtbot: QtBot, citizen_view: CitizenView
) -> None:
    view = citizen_view
    card = _focus_marker(qtbot, view, "vulnerability")
    assert card.accessibleDescription() == "Warning marker. Enter reviews or ends it."
    box = _end_question(qtbot, view, card)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: keep it
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    assert "vulnerability" in [c.kind for c in view.header.markers]

    card = _focus_marker(qtbot, view, "vulnerability")
    box = _end_question(qtbot, view, card)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        _answer_end(qtbot, box)
    assert [c.kind for c in view.header.markers] == ["officer_safety"]


def test_a_warning_still_needed_is_reworded_and_given_a_new_review_date_by_keyboard(
    qtbot: QtBot, citizen_view: CitizenView, seeded: Store
) -> None:
    view = citizen_view
    card = _focus_marker(qtbot, view, "vulnerability")
    qtbot.keyClick(card, Qt.Key.Key_Return)
    review = _active(qtbot, _visible(view, MarkerReviewDialog))
    assert review.reason.hasFocus() and "Still needed?" in review.intro.text()
    review.reason.selectAll()
    qtbot.keyClicks(review.reason, "Hard of hearing: face them and speak clearly")
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(review.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (card,) = [c for c in view.header.markers if c.kind == "vulnerability"]
    assert "Hard of hearing: face them and speak clearly" in card.accessibleName()
    with seeded.read() as s:
        (marker,) = [m for m in markers.of_citizen(s, view.citizen_id) if m.kind == "vulnerability"]
        assert marker.reason == "Hard of hearing: face them and speak clearly"
        assert date.fromisoformat(str(marker.review_on)) > utcnow().date()


def test_ending_a_colleagues_warning_is_refused_in_plain_words(
    qtbot: QtBot, make_ctx: Any, seeded: Store
) -> None:

    setter, other = make_ctx("supervisor"), make_ctx("agent")
    eleri, _ = _caller(seeded, setter.actor)
    view = CitizenView(other, eleri)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    card = _focus_marker(qtbot, view, "officer_safety")
    box = _end_question(qtbot, view, card)
    _answer_end(qtbot, box)
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=WAIT_MS)
    assert "only whoever set this marker, or a supervisor" in view.banner.text()
    assert "officer_safety" in [c.kind for c in view.header.markers]
    qtbot.waitUntil(lambda: other.worker.pending == 0, timeout=WAIT_MS)
