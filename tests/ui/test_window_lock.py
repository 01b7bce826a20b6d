"""The window locks after inactivity (issue 12's done-when), at once with Ctrl+Alt+L, and
only the password signed in with unlocks it. Keyboard only; the clock is a fake one moved by
the test, so ten idle minutes take no time."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Citizen
from caseworker.security.lock import set_lock_after_minutes
from caseworker.security.passphrase import passphrase_keys
from caseworker.services.context import Actor
from caseworker.services.security_settings import set_lock_max
from caseworker.store.store import Store
from sync.credentials import CentralAccount
from tests.ui.conftest import staff_with_role
from ui import lock
from ui.central import CentralConnection
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.theme import Theme

WAIT_MS = 10_000
PASSWORD = "correct horse battery"
UNREACHABLE = "https://127.0.0.1:9/council"  # nothing listens: signing in works offline


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(lock, "awake_clock", fake)
    monkeypatch.setattr(lock, "TICK_MS", 10)
    return fake


def _first_citizen(store: Store) -> tuple[str, str]:
    with store.read() as session:
        citizen = session.scalars(select(Citizen).order_by(Citizen.id)).first()
        assert citizen is not None
        return citizen.id, citizen.family_name


def _signed_in_offline(tmp_path: Path, ctx: UiContext) -> CentralConnection:
    """A central connection whose account signed in while the server was out of reach (the
    field officer's case): the password typed then is the one that unlocks."""
    central = CentralConnection(tmp_path, ctx.worker, ctx.bus, "someone", None)
    account = CentralAccount(UNREACHABLE)
    assert account.sign_in("someone", PASSWORD, remember=False) is False
    central.account = account
    return central


@pytest.fixture
def make_window(
    qtbot: QtBot, ctx: UiContext, theme: Theme, clock: FakeClock
) -> Iterator[Callable[[CentralConnection | None], MainWindow]]:
    made: list[MainWindow] = []

    def make(central: CentralConnection | None) -> MainWindow:
        win = MainWindow(ctx, theme, central=central)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        qtbot.waitUntil(win.isActiveWindow, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)  # minutes read
        win.focus_search()
        made.append(win)
        return win

    yield make
    for win in made:
        if win.locker.screen is not None:
            win.locker.unlock()
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)


def _readable_text(top: QWidget) -> list[str]:
    """What the screen or an accessibility tool can read in a window: titles, names and the
    text of every visible widget in it."""
    found = [top.windowTitle(), top.accessibleName()]
    for widget in top.findChildren(QWidget):
        if not widget.isVisible():
            continue
        found.append(widget.accessibleName())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
    return found


def _everything_readable() -> str:
    return "\n".join(
        text
        for top in QApplication.topLevelWidgets()
        if top.isVisible()
        for text in _readable_text(top)
    )


def _locked(win: MainWindow) -> bool:
    return win.locker.screen is not None and win.locker.screen.isVisible()


def test_ten_idle_minutes_lock_the_window_and_nothing_of_the_record_stays_readable(
    qtbot: QtBot,
    seeded: Store,
    make_window: Callable[[CentralConnection | None], MainWindow],
    clock: FakeClock,
) -> None:
    win = make_window(None)
    citizen_id, family_name = _first_citizen(seeded)
    win.open_record(citizen_id)
    qtbot.waitUntil(lambda: family_name in _everything_readable(), timeout=WAIT_MS)

    clock.advance(9.9)
    qtbot.wait(50)
    assert not win.locker.locked
    clock.advance(0.2)
    qtbot.waitUntil(lambda: _locked(win), timeout=WAIT_MS)

    assert family_name not in _everything_readable()
    assert win.windowTitle() == "Caseworker (locked)"
    assert not win.centralWidget().isVisible()
    assert not win.menuBar().isVisible()
    # A title change while locked (a sync renaming a tab) does not show the name again.
    win.tabs.titles_changed.emit()
    assert family_name not in win.windowTitle()


def test_keyboard_input_keeps_the_window_open(
    qtbot: QtBot,
    make_window: Callable[[CentralConnection | None], MainWindow],
    clock: FakeClock,
) -> None:
    win = make_window(None)
    clock.advance(9)
    QApplication.processEvents()
    qtbot.keyClick(win.omnibox, Qt.Key.Key_A)
    clock.advance(9)
    qtbot.wait(50)
    assert not win.locker.locked  # nine minutes since the last key
    clock.advance(1.5)
    qtbot.waitUntil(lambda: _locked(win), timeout=WAIT_MS)


def test_ctrl_alt_l_locks_at_once_and_only_the_signed_in_password_unlocks(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
) -> None:
    win = make_window(_signed_in_offline(tmp_path, ctx))
    qtbot.keyClick(
        win.omnibox,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    qtbot.waitUntil(lambda: _locked(win), timeout=WAIT_MS)
    screen = win.locker.screen
    assert screen is not None
    qtbot.waitUntil(screen.password.hasFocus, timeout=WAIT_MS)

    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Esc is not a way in
    assert _locked(win)
    qtbot.keyClicks(screen.password, "correct horse")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert _locked(win)
    assert screen.message.text() == "That is not your password. Try again."
    assert screen.password.text() == ""  # a wrong guess is not left in the box

    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not win.locker.locked
    assert win.centralWidget().isVisible() and win.menuBar().isVisible()
    assert win.windowTitle() != "Caseworker (locked)"


def test_a_form_open_when_the_window_locks_is_emptied_and_kept_for_after(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
    clock: FakeClock,
) -> None:
    win = make_window(_signed_in_offline(tmp_path, ctx))
    dialog = win.new_citizen("Bethan Prydderch")
    qtbot.waitExposed(dialog)
    assert "Prydderch" in _everything_readable()
    clock.advance(11)
    qtbot.waitUntil(lambda: _locked(win), timeout=WAIT_MS)
    assert "Prydderch" not in _everything_readable()
    assert dialog.isVisible() and dialog.windowTitle() == "Caseworker (locked)"

    screen = win.locker.screen
    assert screen is not None
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not win.locker.locked
    assert "Prydderch" in _everything_readable()  # what was typed is still there
    dialog.reject()


def test_with_no_password_to_check_the_lock_offers_only_signing_out(
    qtbot: QtBot,
    make_window: Callable[[CentralConnection | None], MainWindow],
) -> None:
    win = make_window(None)
    win.locker.lock()
    screen = win.locker.screen
    assert screen is not None
    assert not screen.password.isVisible() and not screen.unlock_button.isVisible()
    assert "sign out, then sign in again" in screen.message.text()
    qtbot.waitUntil(screen.sign_out_button.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(win.sign_out_requested, timeout=WAIT_MS):
        qtbot.keyClick(screen.sign_out_button, Qt.Key.Key_Space)


def test_sign_out_and_forget_this_computer_is_on_the_keyboard_and_says_so(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
) -> None:
    win = make_window(_signed_in_offline(tmp_path, ctx))
    assert not win.forget_on_sign_out
    with qtbot.waitSignal(win.sign_out_requested, timeout=WAIT_MS):
        qtbot.keyClick(
            win.omnibox,
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier,
        )
    assert win.forget_on_sign_out  # the launcher takes the password from the keyring


def test_plain_sign_out_does_not_forget(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
) -> None:
    win = make_window(_signed_in_offline(tmp_path, ctx))
    with qtbot.waitSignal(win.sign_out_requested, timeout=WAIT_MS):
        qtbot.keyClick(
            win.omnibox,
            Qt.Key.Key_Q,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert not win.forget_on_sign_out


def test_guessing_slows_down_after_three_wrong_passwords(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lock, "WAIT_MS", 200)
    win = make_window(_signed_in_offline(tmp_path, ctx))
    win.locker.lock()
    screen = win.locker.screen
    assert screen is not None
    qtbot.waitUntil(screen.password.hasFocus, timeout=WAIT_MS)
    for guess in ("one", "two"):
        qtbot.keyClicks(screen.password, guess)
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert screen.password.isEnabled()
    qtbot.keyClicks(screen.password, "three")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not screen.password.isEnabled() and not screen.unlock_button.isEnabled()
    assert "Wait a moment" in screen.message.text()
    qtbot.keyClicks(screen.password, PASSWORD)  # typed while waiting: goes nowhere
    assert screen.password.text() == ""
    qtbot.waitUntil(screen.password.isEnabled, timeout=WAIT_MS)
    qtbot.waitUntil(screen.password.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(screen.password, PASSWORD)
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not win.locker.locked


def test_the_stores_setting_sets_the_idle_time(
    qtbot: QtBot,
    seeded: Store,
    make_window: Callable[[CentralConnection | None], MainWindow],
    clock: FakeClock,
) -> None:
    with seeded.write() as session:
        set_lock_after_minutes(session, 3)
    win = make_window(None)
    clock.advance(2.9)
    qtbot.wait(50)
    assert not win.locker.locked
    clock.advance(0.2)
    qtbot.waitUntil(lambda: _locked(win), timeout=WAIT_MS)


def test_with_no_central_service_the_stores_passphrase_unlocks(
    qtbot: QtBot,
    tmp_path: Path,
    make_window: Callable[[CentralConnection | None], MainWindow],
) -> None:
    passphrase = "Pont y Pair dan yr eira"
    store = Store.open_dir(tmp_path, passphrase_keys(passphrase), encrypt_new=True)
    try:
        win = make_window(None)
        win.locker.use_check(store.has_key)  # as the launcher does for a passphrase store
        win.locker.lock()
        screen = win.locker.screen
        assert screen is not None
        qtbot.waitUntil(screen.password.hasFocus, timeout=WAIT_MS)
        qtbot.keyClicks(screen.password, "Pont y Pair")
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert win.locker.locked
        qtbot.keyClicks(screen.password, passphrase)
        qtbot.keyClick(screen.password, Qt.Key.Key_Return)
        assert not win.locker.locked
    finally:
        store.close()


def test_no_key_reaches_the_window_behind_the_lock(
    qtbot: QtBot,
    tmp_path: Path,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
) -> None:
    win = make_window(_signed_in_offline(tmp_path, ctx))
    before = set(QApplication.topLevelWidgets())
    win.locker.lock()
    screen = win.locker.screen
    assert screen is not None
    qtbot.waitUntil(screen.password.hasFocus, timeout=WAIT_MS)
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for key, modifiers in (
        (Qt.Key.Key_N, control | shift),  # a new citizen
        (Qt.Key.Key_K, control),  # the search box
        (Qt.Key.Key_1, control),  # a page
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),  # the list of keys
    ):
        qtbot.keyClick(screen.password, key, modifiers)
    # An accessibility tool can invoke a window's actions without any key: they are off.
    for action in win.actions():
        if action is not win.locker.action:
            action.trigger()
    QApplication.processEvents()
    opened = {w for w in QApplication.topLevelWidgets() if w.isVisible()} - before - {screen}
    assert not opened
    assert win.locker.locked and not win.omnibox.hasFocus()


def test_the_councils_longest_idle_time_arriving_while_open_shortens_the_wait(
    qtbot: QtBot,
    seeded: Store,
    ctx: UiContext,
    make_window: Callable[[CentralConnection | None], MainWindow],
    clock: FakeClock,
) -> None:
    with seeded.write() as session:
        set_lock_after_minutes(session, 30)
    win = make_window(None)
    admin = staff_with_role(seeded, "admin")
    with seeded.write() as session:  # as a sync brings it from the admin's laptop
        changes = set_lock_max(session, Actor(admin.id, "admin"), 5)
    ctx.bus.changed.emit(changes)
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)
    clock.advance(4.9)
    qtbot.wait(50)
    assert not win.locker.locked
    clock.advance(0.2)
    qtbot.waitUntil(lambda: _locked(win), timeout=WAIT_MS)
