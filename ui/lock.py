"""The window locks after a few idle minutes, or at once with Ctrl+Alt+L.

Idle means no key, mouse, wheel or touch input anywhere in the application (an app-wide event
filter notes the time of each). Time is read from a clock that keeps counting while the laptop
sleeps (Linux's boot-time clock), so a lid closed on a train for an hour locks on opening.

Locked, every window of the application is emptied, not painted over: the widgets inside are
hidden (so neither the screen nor accessibility tools can read them) and the titles say only
"Caseworker (locked)". The lock screen is an application-modal window on top, so no shortcut
reaches the window behind. Sync and the database thread carry on. Unlocking needs the
password the person signed in with (``CentralAccount.check_password``); with no password
known (a store without a central service) the only way on is to sign out and in again.
"""

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from caseworker.security.lock import DEFAULT_MINUTES

LOCK_KEYS = "Ctrl+Alt+L"  # Ctrl+L is "Log a contact" in a record; Ctrl+Alt+L locks on desktops
TICK_MS = 5_000  # how often idleness is checked: a lock may come up to this much late
FREE_TRIES = 3  # wrong passwords before each further try waits
WAIT_MS = 2_000  # the first wait, doubled after each further wrong password
LONGEST_WAIT_MS = 60_000
PasswordCheck = Callable[[str], bool]
Clock = Callable[[], float]

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


def awake_clock() -> float:
    """Seconds on a clock that counts time asleep too (monotonic where there is none)."""
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boot) if boot is not None else time.monotonic()


class ActivityWatch(QObject):
    """Says ``idle`` once no input has come for ``seconds``; checked every ``tick_ms``."""

    idle = Signal()

    def __init__(
        self,
        seconds: float,
        parent: QObject,
        *,
        clock: Clock = awake_clock,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._clock = clock
        self.last_input = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def start(self) -> None:
        self.last_input = self._clock()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here (thousands as a record view is built);
        # a person's input comes from the window system, so the rest are passed over first.
        if event.spontaneous() and event.type() in _INPUT:
            self.last_input = self._clock()
        return False

    def _check(self) -> None:
        if self._clock() - self.last_input >= self.seconds:
            self._timer.stop()
            self.idle.emit()


class LockScreen(QDialog):
    """What a locked window shows: who is signed in, a password box, Unlock and Sign out."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, staff_name: str, check: PasswordCheck | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._check = check
        self.wrong = 0  # wrong passwords so far
        self.setWindowTitle(self.tr("Caseworker (locked)"))
        self.setAccessibleName(self.tr("Caseworker is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        heading = QLabel(self.tr("Caseworker is locked"))
        heading.setProperty("role", "title")
        who = QLabel(self.tr("Signed in as %1.").replace("%1", staff_name))
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password (Alt+P)"))
        self.password.setAccessibleDescription(
            self.tr(
                "The password you signed in with (with no central service, the records' "
                "passphrase); Enter unlocks."
            )
        )
        password_label = QLabel(self.tr("&Password:"))
        password_label.setBuddy(self.password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Lock message"))
        buttons = QDialogButtonBox()
        self.unlock_button = buttons.addButton(
            self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setAccessibleName(self.tr("Unlock (Enter)"))
        self.unlock_button.setDefault(True)
        self.sign_out_button = buttons.addButton(
            self.tr("Sign &out"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.sign_out_button.setAccessibleName(self.tr("Sign out (Alt+O)"))
        self.sign_out_button.setAccessibleDescription(
            self.tr("Ends your session; unsaved typing in open forms is lost.")
        )
        self.unlock_button.clicked.connect(self._try_unlock)
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (heading, who, password_label, self.password, self.message, buttons):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.password.setMinimumWidth(320)
        if check is None:
            for hidden in (password_label, self.password, self.unlock_button):
                hidden.hide()
            self.message.setText(
                self.tr(
                    "No password is kept for this computer's Caseworker (it has no central "
                    "service), so it cannot check who you are: sign out, then sign in again."
                )
            )

    def _try_unlock(self) -> None:
        typed = self.password.text()
        self.password.clear()  # the typed password leaves the box whatever the answer
        if self._check is not None and typed and self._check(typed):
            self.message.clear()
            self.unlocked.emit()
            return
        self.wrong += 1
        if self.wrong < FREE_TRIES:
            self.message.setText(self.tr("That is not your password. Try again."))
            self.password.setFocus()
            return
        # Guessing gets slower and slower: 2 s, 4 s, 8 s... up to a minute a try.
        wait = min(WAIT_MS * 2 ** (self.wrong - FREE_TRIES), LONGEST_WAIT_MS)
        self.message.setText(self.tr("That is not your password. Wait a moment, then try again."))
        self.password.setEnabled(False)
        self.unlock_button.setEnabled(False)
        QTimer.singleShot(wait, self, self._may_try_again)

    def _may_try_again(self) -> None:
        self.password.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.unlock_button.setDefault(True)  # Qt took it away while the button was disabled
        self.password.setFocus()

    def reject(self) -> None:
        """Esc does not unlock."""

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()  # nor does closing the lock screen: only a password or signing out


class WindowLock(QObject):
    """Locks ``window`` (and every other window of the app) when idle or asked."""

    locked_changed = Signal(bool)
    sign_out_requested = Signal()

    def __init__(
        self,
        window: QWidget,
        staff_name: str,
        check: PasswordCheck | None,
        *,
        clock: Clock | None = None,
        tick_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._staff_name = staff_name
        self._check = check
        self.screen: LockScreen | None = None
        self.watch = ActivityWatch(
            DEFAULT_MINUTES * 60,
            self,
            clock=clock or awake_clock,
            tick_ms=TICK_MS if tick_ms is None else tick_ms,
        )
        self.watch.idle.connect(self.lock)
        self._hidden: list[QWidget] = []
        self._titles: list[tuple[QWidget, str]] = []
        self._disabled: list[QAction] = []
        self.action = QAction(self.tr("&Lock now"), window)
        self.action.setShortcut(QKeySequence(LOCK_KEYS))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.lock)
        window.addAction(self.action)
        self._recheck = QTimer(self)  # a window that appears while locked is emptied too
        self._recheck.setInterval(250)
        self._recheck.timeout.connect(self._conceal)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def use_check(self, check: PasswordCheck | None) -> None:
        """What unlocks from the next lock on (e.g. a store's passphrase, with no central
        service to have given a password)."""
        self._check = check

    def set_minutes(self, minutes: int) -> None:
        self.watch.seconds = minutes * 60

    def start(self) -> None:
        self.watch.start()

    def lock(self) -> None:
        if self.locked:
            return
        self.watch.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        QToolTip.hideText()
        for action in self.window.actions():
            if action is not self.action and action.isEnabled():
                action.setEnabled(False)
                self._disabled.append(action)
        self.screen = LockScreen(self._staff_name, self._check, self.window)
        self.screen.unlocked.connect(self.unlock)
        self.screen.sign_out_requested.connect(self.sign_out_requested)
        self._conceal()
        self._recheck.start()
        self.screen.setGeometry(self.window.geometry())
        self.screen.show()
        self.screen.activateWindow()
        (self.screen.password if self._check else self.screen.sign_out_button).setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if self.screen is None:
            return
        self._recheck.stop()
        screen, self.screen = self.screen, None
        screen.hide()
        screen.deleteLater()
        for widget in self._hidden:
            if isValid(widget):
                widget.show()
        for top, title in self._titles:
            if isValid(top):
                top.setWindowTitle(title)
        for action in self._disabled:
            if isValid(action):
                action.setEnabled(True)
        self._hidden, self._titles, self._disabled = [], [], []
        self.locked_changed.emit(False)
        self.window.activateWindow()
        self.watch.start()

    def _conceal(self) -> None:
        """Hide what every visible window holds and make its title neutral."""
        screen = self.screen
        neutral = self.tr("Caseworker (locked)")
        for top in QApplication.topLevelWidgets():
            if top is screen or not top.isVisible():
                continue
            if top.windowTitle() != neutral:
                self._titles.append((top, top.windowTitle()))
                top.setWindowTitle(neutral)
            for child in top.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                if child is not screen and not child.isWindow() and child.isVisible():
                    child.hide()
                    self._hidden.append(child)
