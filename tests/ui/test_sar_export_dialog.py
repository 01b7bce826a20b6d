"""The citizen view's subject access export: a supervisor reaches it from the keyboard, it runs
on the database thread and says where it wrote; an agent has no such button or key."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.seed import busiest_citizen_id
from caseworker.services import assurance
from caseworker.services.assurance import NewCheck
from caseworker.store.store import Store
from ui import i18n
from ui.citizen import CitizenView
from ui.context import UiContext
from ui.dialogs.assurance_check import AssuranceDialog
from ui.dialogs.sar_export import SarExportDialog
from ui.main_window import MainWindow
from ui.theme import Theme

WAIT_MS = 10_000


def _view(qtbot: QtBot, ctx: UiContext, citizen_id: str) -> CitizenView:
    view = CitizenView(ctx, citizen_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    return view


def test_a_supervisor_exports_from_the_keyboard_and_is_told_where_it_went(
    qtbot: QtBot,
    seeded: Store,
    make_ctx: Callable[[str], UiContext],
    tmp_path: Path,
    settle: Callable[[], None],
) -> None:
    ctx = make_ctx("supervisor")
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    with seeded.write() as session:  # the request came with a copy of their passport
        assurance.record_check(
            session, ctx.actor, citizen_id, NewCheck("document_seen", None, "passport")
        )
    view = _view(qtbot, ctx, citizen_id)
    button = view.buttons["export_subject_access"]
    assert button.text() == "Subject access export (Ctrl+Shift+E)"
    button.setFocus()
    qtbot.keyClick(
        button, Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    qtbot.waitUntil(lambda: isinstance(view.dialog, SarExportDialog), timeout=WAIT_MS)
    dialog = view.dialog  # straight on: the check is on the record
    assert isinstance(dialog, SarExportDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder, timeout=WAIT_MS)
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "sar"))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.folder, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # it stays to say where the export went
    assert str(tmp_path / "sar") in dialog.intro.text()
    assert "completed centrally" in dialog.intro.text()
    assert len(dialog.written) == 3 and all(p.exists() for p in dialog.written)
    assert not dialog.save_button.isVisible()
    settle()


def test_the_export_asks_first_for_proof_of_who_asked(
    qtbot: QtBot, seeded: Store, make_ctx: Callable[[str], UiContext], settle: Callable[[], None]
) -> None:
    ctx = make_ctx("supervisor")
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    view = _view(qtbot, ctx, citizen_id)
    button = view.buttons["export_subject_access"]
    button.setFocus()
    qtbot.keyClick(
        button, Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    qtbot.waitUntil(lambda: isinstance(view.dialog, AssuranceDialog), timeout=WAIT_MS)
    check = view.dialog
    assert isinstance(check, AssuranceDialog)
    assert check.intro.text().startswith(
        "A subject access export needs the citizen identity verified"
    )
    offered = [check.method.itemData(i) for i in range(check.method.count())]
    assert offered == ["knowledge_check", "document_seen", "in_person"]
    check.method.setCurrentIndex(offered.index("in_person"))
    with qtbot.waitSignal(check.saved, timeout=WAIT_MS):
        qtbot.keyClick(check.method, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(view.dialog, SarExportDialog), timeout=WAIT_MS)
    settle()


def test_an_agent_has_no_export_button_and_the_key_does_nothing(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    view = _view(qtbot, ctx, citizen_id)
    assert "export_subject_access" not in view.buttons
    view.buttons["log_contact"].setFocus()
    qtbot.keyClick(
        view.buttons["log_contact"], Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    assert view.dialog is None
    settle()


@pytest.fixture(params=["en", "cy"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    yield i18n.install(qapp, request.param)
    i18n.install(qapp, "en")


def test_a_supervisors_quick_actions_fit_at_1280_in_english_and_welsh(
    qtbot: QtBot,
    seeded: Store,
    make_ctx: Callable[[str], UiContext],
    theme: Theme,
    language: str,
    settle: Callable[[], None],
) -> None:
    window = MainWindow(make_ctx("supervisor"), theme)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    view = window.tabs.open_record(citizen_id)
    assert isinstance(view, CitizenView)
    qtbot.waitUntil(lambda: view.snapshot is not None, timeout=WAIT_MS)
    qtbot.wait(50)
    assert window.width() == 1280
    for button in view.buttons.values():
        assert button.width() >= button.sizeHint().width(), button.text()
    settle()


def test_a_folder_that_cannot_be_written_is_said_in_the_dialog_which_stays_open(
    qtbot: QtBot,
    seeded: Store,
    make_ctx: Callable[[str], UiContext],
    tmp_path: Path,
    settle: Callable[[], None],
) -> None:
    ctx = make_ctx("supervisor")
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    with seeded.write() as session:
        assurance.record_check(session, ctx.actor, citizen_id, NewCheck("in_person"))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = SarExportDialog(ctx, citizen_id, folder=blocker)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder, timeout=WAIT_MS)
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(dialog.error_text()), timeout=WAIT_MS)
    assert "is a file, not a folder" in dialog.error_text()
    assert dialog.isVisible() and dialog.save_button.isVisible() and not dialog.written
    settle()


def test_f1_lists_the_export_key_for_a_supervisor_only(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], theme: Theme
) -> None:
    listed = {}
    for role in ("supervisor", "agent"):
        window = MainWindow(make_ctx(role), theme)
        qtbot.addWidget(window)
        listed[role] = dict(dict(window.record_shortcuts())["In a citizen's record"])
    assert listed["supervisor"]["Subject access export"] == "Ctrl+Shift+E"
    assert "Subject access export" not in listed["agent"]
