"""New and unknown callers with the keyboard alone: a caller not on file is searched, found to
be new, created (the likely match shown first when the phone is someone's), and has a case
opened; an anonymous contact is logged; a case for no one is opened and linked to its citizen
later."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, CaseEvent, Citizen, Identifier, Interaction
from caseworker.store import docstore
from caseworker.store.store import Store
from ui.dialogs.anonymous_contact import AnonymousContactDialog
from ui.dialogs.link_citizen import LinkCitizenDialog
from ui.dialogs.new_citizen import NewCitizenDialog
from ui.dialogs.open_case import OpenCaseDialog
from ui.main_window import MainWindow

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
NOBODY = "Zebedee Quixote-Pryce"


def _someones_phone(store: Store) -> tuple[str, str, str]:
    """A citizen held here, their name and their phone number as they would read it out."""
    with store.read() as session:
        ident = session.scalars(
            select(Identifier).where(Identifier.kind == "phone").order_by(Identifier.id)
        ).first()
        assert ident is not None
        citizen = session.get(Citizen, ident.citizen_id)
        assert citizen is not None
        return ident.citizen_id, citizen.display_name, ident.value


def _free_phone(store: Store) -> str:
    """A phone number nobody on the seeded council has."""
    with store.read() as session:
        taken = set(session.scalars(select(Identifier.normalised)))
    return next(f"01632 960{n:03d}" for n in range(1000) if f"01632960{n:03d}" not in taken)


def _keys(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)


def _keyboard_in(qtbot: QtBot, window: QWidget) -> None:
    def has_it() -> bool:
        focus = QApplication.focusWidget()
        return (
            QApplication.activeWindow() is window
            and focus is not None
            and (focus is window or window.isAncestorOf(focus))
        )

    if QApplication.activeWindow() is None:
        window.activateWindow()  # what a window manager does when a dialog closes
    qtbot.waitUntil(has_it, timeout=WAIT_MS)


def _dialog(qtbot: QtBot) -> QDialog:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    assert len(shown) == 1, shown
    _keyboard_in(qtbot, shown[0])
    return shown[0]


def _search_finds_nobody(qtbot: QtBot, window: MainWindow, text: str) -> None:
    _key(qtbot, Qt.Key.Key_K, CTRL)
    _keys(qtbot, text)
    qtbot.waitUntil(lambda: window.search.settled, timeout=WAIT_MS)
    assert window.search.model.rowCount() == 0
    assert window.search_page.no_match.isVisible()
    assert window.search_page.new_citizen_button.isVisible()


def _new_tab(qtbot: QtBot, window: MainWindow, before: set[str]) -> str:
    qtbot.waitUntil(lambda: set(window.tabs.open_ids()) - before != set(), timeout=WAIT_MS)
    (record_id,) = set(window.tabs.open_ids()) - before
    view = window.tabs.record_view(record_id)
    assert view is not None and window.tabs.currentWidget() is view
    qtbot.waitUntil(lambda: getattr(view, "snapshot", None) is not None, timeout=WAIT_MS)
    _keyboard_in(qtbot, window)
    return record_id


def test_keyboard_only_a_new_caller_is_searched_created_after_seeing_a_match_and_gets_a_case(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    known_id, known_name, known_phone = _someones_phone(seeded)
    _search_finds_nobody(qtbot, window, NOBODY)

    # Ctrl+Shift+N: the name is filled in from the search; the phone has the focus.
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = _dialog(qtbot)
    assert isinstance(dialog, NewCitizenDialog)
    assert (dialog.given.text(), dialog.family.text()) == ("Zebedee", "Quixote-Pryce")
    assert dialog.phone.hasFocus()
    # The caller gives a number already on file (a partner's phone, say), and the agent saves
    # at once: the likely match is shown instead of saving.
    _keys(qtbot, known_phone)
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.matches.isVisible(), timeout=WAIT_MS)
    assert dialog.isVisible() and not dialog.saving
    shown = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
    assert any(known_name in s and "same phone number" in s for s in shown), shown
    assert dialog.matches.hasFocus()
    assert dialog.save_button.text().replace("&", "") == "Save as new anyway"
    with seeded.read() as session:
        assert session.scalars(select(Citizen).where(Citizen.given_name == "Zebedee")).all() == []

    # Not the same person: Ctrl+Enter again saves a new record, which opens.
    before = set(window.tabs.open_ids())
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    citizen_id = _new_tab(qtbot, window, before)
    assert citizen_id != known_id
    with seeded.read() as session:
        created = session.get(Citizen, citizen_id)
        assert created is not None and created.display_name == NOBODY
        assert [(i.kind, i.normalised) for i in created.identifiers] == [
            ("phone", re.sub(r"\D", "", known_phone))
        ]
        assert [c.lawful_basis for c in created.consents] == ["public_task"]

    # Ctrl+N opens a case for them: Alt+V the service, Alt+M the summary, Ctrl+Enter.
    before = set(window.tabs.open_ids())
    _key(qtbot, Qt.Key.Key_N, CTRL)
    opening = _dialog(qtbot)
    assert isinstance(opening, OpenCaseDialog)
    qtbot.waitUntil(lambda: opening.save_button.isEnabled(), timeout=WAIT_MS)
    _key(qtbot, Qt.Key.Key_V, ALT)
    _keys(qtbot, "Missed")
    _key(qtbot, Qt.Key.Key_M, ALT)
    _keys(qtbot, "Green bin not collected")
    with qtbot.waitSignal(opening.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    case_id = _new_tab(qtbot, window, before)
    with seeded.read() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.citizen_id == citizen_id


def test_enter_on_a_likely_match_opens_that_record_instead(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    known_id, _name, known_phone = _someones_phone(seeded)
    digits = re.sub(r"\D", "", known_phone)
    spoken = f"+44 {digits[1:5]} {digits[5:]}"  # read out another way: the same number
    _search_finds_nobody(qtbot, window, "qqzzxq")
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = _dialog(qtbot)
    assert isinstance(dialog, NewCitizenDialog)
    assert dialog.family.text() == "Qqzzxq" and dialog.given.hasFocus()
    _key(qtbot, Qt.Key.Key_P, ALT)
    _keys(qtbot, spoken)
    qtbot.waitUntil(lambda: dialog.matches.count() > 0, timeout=WAIT_MS)
    _key(qtbot, Qt.Key.Key_A, ALT)  # "Already on file?": to the list
    assert dialog.matches.hasFocus()
    before = set(window.tabs.open_ids())
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected.value
    assert _new_tab(qtbot, window, before) == known_id
    with seeded.read() as session:
        assert session.scalars(select(Citizen).where(Citizen.family_name == "Qqzzxq")).all() == []


def test_a_new_citizen_is_prefilled_from_a_phone_search_and_refuses_what_is_not_data(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    phone = _free_phone(seeded)
    _search_finds_nobody(qtbot, window, phone)
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = _dialog(qtbot)
    assert isinstance(dialog, NewCitizenDialog)
    assert dialog.phone.text() == phone and dialog.given.hasFocus()
    # Nothing but a phone: the name is required, and the dialog says where.
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.error_text("given") and dialog.error_text("family")
    _keys(qtbot, "Ifor")
    _key(qtbot, Qt.Key.Key_F, ALT)
    _keys(qtbot, "Bach")
    _key(qtbot, Qt.Key.Key_B, ALT)
    _keys(qtbot, "31/02/1990")  # no such day
    _key(qtbot, Qt.Key.Key_E, ALT)
    _keys(qtbot, "ifor at example")
    _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.error_text("birth") and dialog.error_text("email")
    assert not dialog.error_text("given")
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_keyboard_only_an_anonymous_caller_is_logged_with_no_citizen_and_no_case(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    _search_finds_nobody(qtbot, window, "qqzzxq")
    _key(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    dialog = _dialog(qtbot)
    assert isinstance(dialog, AnonymousContactDialog)
    assert dialog.subject.hasFocus()
    _keys(qtbot, "Fly-tipping on Mill Lane")
    _key(qtbot, Qt.Key.Key_Tab)
    _keys(qtbot, "A mattress and two fridges by the gate. Would not give a name.")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    assert "Anonymous contact logged" in window.statusBar().currentMessage()
    with seeded.read() as session:
        (logged,) = session.scalars(
            select(Interaction).where(Interaction.summary.like("A mattress and two fridges%"))
        ).all()
        assert (logged.citizen_id, logged.case_id, logged.by) == (
            None,
            None,
            window.ctx.actor.staff_id,
        )
        doc = docstore.get(session, logged.id)
        assert doc is not None and doc["subject"] == "Fly-tipping on Mill Lane"


def test_keyboard_only_a_case_for_no_one_is_opened_and_linked_to_a_citizen_later(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    citizen_id, name, _phone = _someones_phone(seeded)
    before = set(window.tabs.open_ids())
    _key(qtbot, Qt.Key.Key_O, CTRL_SHIFT)  # from anywhere in the window, no search needed
    opening = _dialog(qtbot)
    assert isinstance(opening, OpenCaseDialog) and opening.citizen_id is None
    assert "no one" in opening.intro.text()
    qtbot.waitUntil(lambda: opening.save_button.isEnabled(), timeout=WAIT_MS)
    _key(qtbot, Qt.Key.Key_V, ALT)
    _keys(qtbot, "Missed")
    _key(qtbot, Qt.Key.Key_M, ALT)
    _keys(qtbot, "Fly-tip reported by a passer-by")
    with qtbot.waitSignal(opening.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    case_id = _new_tab(qtbot, window, before)
    view = window.tabs.record_view(case_id)
    button = view.buttons["open_citizen"]  # type: ignore[union-attr]
    assert button.isEnabled() and button.text() == "Link to a citizen… (Ctrl+Shift+C)"

    # Later the passer-by rings back with their name: Ctrl+Shift+C, find them, Ctrl+Enter.
    _key(qtbot, Qt.Key.Key_C, CTRL_SHIFT)
    link = _dialog(qtbot)
    assert isinstance(link, LinkCitizenDialog) and link.find_box.hasFocus()
    _keys(qtbot, name)
    qtbot.waitUntil(lambda: link.chosen() is not None, timeout=WAIT_MS)
    while link.chosen() != citizen_id:
        row = link.people.currentRow()
        _key(qtbot, Qt.Key.Key_Down)
        assert link.people.currentRow() == row + 1, "the citizen was not among those found"
    with qtbot.waitSignal(link.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(
        lambda: view.snapshot is not None and view.snapshot.citizen_id == citizen_id,  # type: ignore[union-attr]
        timeout=WAIT_MS,
    )
    assert button.text().startswith("Citizen: ")
    with seeded.read() as session:
        kinds = session.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)).all()
    assert "citizen_linked" in kinds


def test_a_case_with_a_citizen_offers_no_link_and_the_dialog_needs_a_choice(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    with seeded.read() as session:
        case_id = session.scalars(
            select(Case.id).where(Case.citizen_id.is_not(None)).order_by(Case.id)
        ).first()
    assert case_id is not None
    window.open_record(case_id)
    view = window.tabs.record_view(case_id)
    qtbot.waitUntil(lambda: getattr(view, "snapshot", None) is not None, timeout=WAIT_MS)
    assert view.link_citizen() is None  # type: ignore[union-attr]
    dialog = LinkCitizenDialog(window.ctx, case_id, window)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.error_text("find") and not dialog.saving


def test_a_match_known_only_to_the_directory_opens_as_its_summary(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    from tests.unit.directory_docs import entry, receive

    phone = _free_phone(seeded)
    receive(seeded, entry("d1", "Aled", "Quillfeather", phones=[phone]))
    _search_finds_nobody(qtbot, window, "Al Quilfether")  # misheard: the search finds no one
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = _dialog(qtbot)
    assert isinstance(dialog, NewCitizenDialog)
    _key(qtbot, Qt.Key.Key_P, ALT)
    _keys(qtbot, phone)
    qtbot.waitUntil(lambda: dialog.matches.count() == 1, timeout=WAIT_MS)
    text = dialog.matches.item(0).text()
    assert "Aled Quillfeather" in text and "(directory summary)" in text
    tabs = set(window.tabs.open_ids())
    _key(qtbot, Qt.Key.Key_A, ALT)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        _key(qtbot, Qt.Key.Key_Return)
    panel = window.search_page.summary
    qtbot.waitUntil(panel.isVisible, timeout=WAIT_MS)
    assert set(window.tabs.open_ids()) == tabs  # no record here to open: its summary instead
    with seeded.read() as session:
        held = select(Citizen).where(Citizen.family_name == "Quillfeather")
        assert session.scalars(held).all() == []  # nothing was created or brought here


def test_ctrl_shift_n_is_a_new_citizen_from_a_record_tab_too_and_ctrl_m_starts_a_note(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    from ui.dialogs import NoteDialog

    citizen_id, _name, _phone = _someones_phone(seeded)
    window.open_record(citizen_id)
    view = window.tabs.record_view(citizen_id)
    qtbot.waitUntil(lambda: getattr(view, "snapshot", None) is not None, timeout=WAIT_MS)
    view.buttons["log_contact"].setFocus()  # type: ignore[union-attr]
    _keyboard_in(qtbot, window)
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)  # one action for these keys: nothing ambiguous
    dialog = _dialog(qtbot)
    assert isinstance(dialog, NewCitizenDialog) and dialog.given.text() == ""
    _key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    _keyboard_in(qtbot, window)
    _key(qtbot, Qt.Key.Key_M, CTRL)
    note = _dialog(qtbot)
    assert isinstance(note, NoteDialog)
    _key(qtbot, Qt.Key.Key_Escape)
    shortcuts = dict(window.shortcut_list())
    assert shortcuts["New citizen…"] == "Ctrl+Shift+N"
    assert shortcuts["Log an anonymous contact…"] == "Ctrl+Shift+L"
    assert shortcuts["Open a case for no one…"] == "Ctrl+Shift+O"


def test_a_caller_giving_a_welsh_form_of_their_name_is_shown_as_likely_with_reasons(
    qtbot: QtBot, window: MainWindow, seeded: Store
) -> None:
    with seeded.read() as session:
        known = session.scalars(
            select(Citizen)
            .where(Citizen.given_name.in_(("Dafydd", "Gwilym", "Tomos", "Huw", "Catrin")))
            .where(Citizen.date_of_birth.is_not(None))
            .order_by(Citizen.id)
        ).first()
        assert known is not None
        english = {"Dafydd": "David", "Gwilym": "William", "Tomos": "Thomas", "Huw": "Hugh"}
        other_form = english.get(known.given_name, "Catherine")
        day = f"{known.date_of_birth[8:]}/{known.date_of_birth[5:7]}/{known.date_of_birth[:4]}"
        family = known.family_name
    _search_finds_nobody(qtbot, window, NOBODY)
    _key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    dialog = _dialog(qtbot)
    assert isinstance(dialog, NewCitizenDialog)
    for key, text in ((Qt.Key.Key_G, other_form), (Qt.Key.Key_F, family), (Qt.Key.Key_B, day)):
        _key(qtbot, key, ALT)
        _key(qtbot, Qt.Key.Key_A, CTRL)
        _keys(qtbot, text)
    qtbot.waitUntil(lambda: dialog.matches.count() > 0, timeout=WAIT_MS)
    shown = [dialog.matches.item(i).text() for i in range(dialog.matches.count())]
    mine = [s for s in shown if known.display_name in s]
    assert mine and "likely" in mine[0] and "nickname or Welsh form" in mine[0], shown
