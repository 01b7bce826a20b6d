"""Assurance and consent in the citizen's single view, from the keyboard: sharing with a
partner asks for the identity check first (only the steps that reach it), records it, then
goes on to the share; a share with another partner is refused with the reason; a consent is
recorded and withdrawn, and the Consents tab says so."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from caseworker.services import assurance, audit, citizens
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.dialogs.assurance_check import AssuranceDialog
from ui.dialogs.consent import ConsentDialog, ShareDialog, WithdrawConsentDialog

WAIT_MS = 10_000


@pytest.fixture
def citizen_id(seeded: Store, ctx: UiContext) -> str:
    with seeded.write() as session:
        new, _ = citizens.create_citizen(
            session,
            ctx.actor,
            "Nia",
            "Ben Aur",
            identifiers=(citizens.NewIdentifier("phone", "07700 900123", "call_back"),),
            consents=(
                citizens.NewConsent("Help with heating", "consent", "phone call",
                                    partner="Age Cymru"),
            ),
        )  # fmt: skip
    return new


@pytest.fixture
def view(
    qtbot: QtBot, ctx: UiContext, citizen_id: str, settle: Callable[[], None]
) -> Iterator[CitizenView]:
    widget = CitizenView(ctx, citizen_id)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        widget.show()
    yield widget
    settle()


def keys(qtbot: QtBot, view: CitizenView, letter: str) -> None:
    """Ctrl+Shift+<letter> from within the record (its first quick action has the focus)."""
    button = view.buttons["log_contact"]
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
    button.setFocus()
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyPress(button, getattr(Qt.Key, "Key_" + letter), mods)


def dialog_of(qtbot: QtBot, view: CitizenView, kind: type[QDialog]) -> QDialog:
    qtbot.waitUntil(
        lambda: isinstance(view.dialog, kind) and view.dialog.isVisible(), timeout=WAIT_MS
    )
    assert view.dialog is not None
    return view.dialog


def test_a_share_asks_for_the_identity_check_records_it_then_goes_on_to_the_share(
    qtbot: QtBot, view: CitizenView, seeded: Store, citizen_id: str
) -> None:
    assert view.profile.assurance.text() == "Not verified"  # the phone's claim counts for nothing
    keys(qtbot, view, "H")
    check = dialog_of(qtbot, view, AssuranceDialog)
    assert isinstance(check, AssuranceDialog)
    assert check.intro.text() == (
        "Sharing with a partner needs the citizen identity verified; their record is not "
        "verified. Make one of these checks:"
    )
    offered = [check.method.itemData(i) for i in range(check.method.count())]
    assert offered == ["knowledge_check", "document_seen", "in_person"]  # no call back: too low
    assert QApplication.focusWidget() is check.method
    # Questions: one fact is not enough, two are (Space ticks the focused box, Tab moves on).
    assert check.facts["date_of_birth"].isVisible() and not check.document.isVisible()
    check.facts["date_of_birth"].setFocus()
    qtbot.keyClick(check.facts["date_of_birth"], Qt.Key.Key_Space)
    qtbot.keyClick(check.method, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert check.error_text("facts") == "Ask at least two facts we hold."
    check.facts["postcode"].setFocus()
    qtbot.keyClick(check.facts["postcode"], Qt.Key.Key_Space)
    qtbot.keyClick(check.facts["postcode"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    share = dialog_of(qtbot, view, ShareDialog)  # the task goes on
    with seeded.read() as s:
        found = assurance.assess(s, citizen_id)
    assert (found.level.level, found.level.method) == ("identity_verified", "knowledge_check")
    qtbot.waitUntil(
        lambda: view.profile.assurance.text().startswith(
            "Identity verified: Questions about what we hold, "
        ),
        timeout=WAIT_MS,
    )
    assert isinstance(share, ShareDialog)
    qtbot.keyClicks(share.partner, "Citizens Advice")
    qtbot.keyClick(share.partner, Qt.Key.Key_Tab)
    qtbot.keyClicks(share.what, "Contact details")
    qtbot.keyClick(share.what, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(share.error_text()), timeout=WAIT_MS)
    assert share.error_text() == (
        "the citizen's record holds no basis for sharing with Citizens Advice: only with Age Cymru"
    )
    share.partner.selectAll()
    qtbot.keyClicks(share.partner, "Age Cymru")
    with qtbot.waitSignal(share.saved, timeout=WAIT_MS):
        qtbot.keyClick(share.partner, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with seeded.read() as s:
        trail = [(e.action, e.detail) for e in audit.trail(s, citizen_id)]
    assert ("citizen.shared", "shared with Age Cymru: Contact details") in trail
    assert ("citizen.checked", "knowledge_check") in trail


def test_once_checked_a_share_asks_nothing_more(
    qtbot: QtBot, view: CitizenView, seeded: Store, citizen_id: str, ctx: UiContext
) -> None:
    with seeded.write() as s:
        assurance.record_check(
            s, ctx.actor, citizen_id, assurance.NewCheck("document_seen", detail="passport")
        )
    keys(qtbot, view, "H")
    assert isinstance(dialog_of(qtbot, view, ShareDialog), ShareDialog)


def test_a_consent_is_recorded_and_withdrawn_from_the_keyboard(
    qtbot: QtBot, view: CitizenView
) -> None:
    keys(qtbot, view, "K")
    dialog = dialog_of(qtbot, view, ConsentDialog)
    assert isinstance(dialog, ConsentDialog)
    assert dialog.isVisible() and not dialog.partner.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.purpose, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.purpose, "Updates on my cases")
    qtbot.keyClick(dialog.purpose, Qt.Key.Key_Tab)  # the lawful basis
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # allows: contact by email
    assert dialog.allows.currentData() == "email"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # the partner is hidden
    assert QApplication.focusWidget() is dialog.source
    qtbot.keyClicks(dialog.source, "phone call")
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(dialog.source, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    purposes = [view.profile.consents.index(r, 0).data() for r in range(2)]
    assert "Updates on my cases (by Email)" in purposes
    assert "Help with heating (shared with Age Cymru)" in purposes
    keys(qtbot, view, "W")
    withdraw = dialog_of(qtbot, view, WithdrawConsentDialog)
    assert isinstance(withdraw, WithdrawConsentDialog)
    assert withdraw.consent.count() == 2
    withdraw.consent.setCurrentIndex(withdraw.consent.findText("Updates on my cases (email)"))
    withdraw.activateWindow()  # the offscreen platform hands activation back late
    qtbot.waitUntil(lambda: QApplication.focusWidget() is withdraw.consent, timeout=WAIT_MS)
    qtbot.keyClick(withdraw.consent, Qt.Key.Key_Tab)  # a combo keeps Return: Tab to Withdraw
    assert QApplication.focusWidget() is withdraw.save_button
    assert withdraw.save_button.text() == "&Withdraw"
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(withdraw.save_button, Qt.Key.Key_Space)
    row = next(
        r for r in range(2) if view.profile.consents.index(r, 0).data().startswith("Updates")
    )
    assert view.profile.consents.index(row, 2).data().endswith(", withdrawn")


def test_a_call_back_recorded_from_the_keyboard_verifies_the_contact(
    qtbot: QtBot, view: CitizenView, seeded: Store, citizen_id: str
) -> None:
    keys(qtbot, view, "I")
    check = dialog_of(qtbot, view, AssuranceDialog)
    assert isinstance(check, AssuranceDialog)
    assert check.intro.isHidden()  # asked for its own sake: no task is waiting
    assert check.method.currentData() == "code_sent"  # the least asked of the citizen
    qtbot.keyClick(check.method, Qt.Key.Key_Down)  # the agent rang them back instead
    assert check.method.currentData() == "call_back"
    assert check.phone.currentText() == "07700 900123" and check.phone.isVisible()
    qtbot.keyClick(check.method, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is check.phone
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        qtbot.keyClick(check.phone, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.profile.assurance.text().startswith(
        "Contact verified: Call back on a number on their record, "
    )
    with seeded.read() as s:
        found = assurance.assess(s, citizen_id)
    assert found.level.level == "contact_verified"
    assert list(found.identifiers) and found.identifiers[next(iter(found.identifiers))].method == (
        "call_back"
    )
