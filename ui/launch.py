"""What ``ui.app.main`` does once Qt may be imported: set up, sign in, show, run, tidy up."""

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QThread,
    QTimer,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.display import one_line
from caseworker.errors import CaseworkerError, StoreError
from caseworker.mentions.inbox import holds_inbox
from caseworker.models import Citizen
from caseworker.security.policy import machine_policy
from caseworker.services.context import Actor
from caseworker.store.engine import is_encrypted
from caseworker.store.store import STORE_FILENAME, Store
from sync import config
from sync.credentials import CentralAccount, end_session
from ui import gui_gc, i18n
from ui.app import DEMO_CITIZENS, run_event_loop
from ui.bus import ChangeBus
from ui.central import CentralConnection
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.passphrase import ask_passphrase
from ui.signin import SignInDialog, StaffChoice, active_staff
from ui.theme import Theme
from ui.worker import DbWorker

T = TypeVar("T")


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Offscreen there is no window manager to pass size limits to, and Qt says so each time;
    every other message goes to stderr as usual."""
    if OFFSCREEN_NOISE not in message:
        sys.stderr.write(message + "\n")


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        qInstallMessageHandler(_quiet_offscreen)
    app = QApplication([sys.argv[0] if sys.argv else "caseworker"])
    app.setApplicationName("Caseworker")
    app.setOrganizationName("Caseworker")
    app.setDesktopFileName("caseworker")
    gui_gc.install(app)
    return app


def open_store(
    data_dir: Path, ask: Callable[[str], str | None] | None = None, *, encrypt_new: bool = False
) -> Store:
    """The store in the data folder; an encrypted one takes its key from the OS keyring (asked
    only then: resolving the keyring costs half a second of start-up). ``encrypt_new``: a
    store made now is encrypted, its new key kept in the keyring. When the keyring cannot give
    a key (none on this machine, or a store made with a passphrase), ``ask(why)`` is asked for
    the passphrase until it opens (or makes) the store, or gives None."""
    path = data_dir / STORE_FILENAME
    making = encrypt_new and not path.exists()
    if not making and not is_encrypted(path):
        return Store.open_dir(data_dir)
    from caseworker.security.passphrase import passphrase_keys
    from sync.keychain import store_key_provider

    try:
        return Store.open_dir(data_dir, store_key_provider(), encrypt_new=making)
    except StoreError as exc:
        if ask is None:
            raise
        why = str(exc)
    while True:
        passphrase = ask(why)
        if passphrase is None:
            raise CaseworkerError("the encrypted store was not opened (no passphrase given)")
        try:
            return Store.open_dir(data_dir, passphrase_keys(passphrase), encrypt_new=making)
        except StoreError as exc:
            why = str(exc)


class _Seeder(QThread):
    progressed = Signal(int, int)
    failed = Signal(str)

    def __init__(self, store: Store, citizens: int) -> None:
        super().__init__()
        self._store = store
        self._citizens = citizens

    def run(self) -> None:
        try:
            from caseworker.seed import seed_store

            seed_store(
                self._store,
                citizens=self._citizens,
                progress=lambda _stage, done, total: self.progressed.emit(done, total),
            )
        except Exception as exc:  # shown in the dialog in plain words
            self.failed.emit(str(exc))


class _FirstPaint(QObject):
    """Exits the app and reports the moment the window first paints with the omnibox focused."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._window.omnibox.hasFocus():
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(json.dumps({"painted": True}), flush=True)
        QApplication.instance().quit()  # type: ignore[union-attr]


def _show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)


class Launcher:
    def __init__(self, args: argparse.Namespace, size: tuple[int, int]) -> None:
        self.args = args
        self.size = size
        self.app = application()
        self.store: Store | None = None
        self.worker: DbWorker | None = None
        self._connected: CentralAccount | None = None  # an empty store connected at sign-in
        self._encrypt_new = False
        self._by_passphrase = False  # the store was opened with a passphrase typed here

    def run(self) -> int:
        args = self.args
        theme = Theme(self.app, args.theme)
        theme.apply()
        i18n.install(self.app, args.lang)
        # A demo council's made-up citizens need no encryption; a store for real work does.
        self._encrypt_new = not args.demo and machine_policy().encrypt_new_stores
        self.store = open_store(
            Path(args.data_dir), self._ask_passphrase, encrypt_new=self._encrypt_new
        )
        bus = ChangeBus()
        self.worker = DbWorker(self.store, bus)
        if args.demo:
            self._seed_if_empty()
        data_dir = Path(args.data_dir)
        # A screenshot or a start-up measurement shows the window and exits: no sync.
        offline_only = args.screenshot is not None or args.measure_startup
        automatic = bool(args.as_user or offline_only)
        while True:
            configured = config.load(data_dir)
            account = (
                CentralAccount(configured.server, allow_http=configured.allow_http)
                if configured and not offline_only
                else None
            )
            staff = self._sign_in(automatic, account)
            if staff is None:
                return 0
            if self._connected is not None:  # an empty store, connected from the sign-in
                account, self._connected = self._connected, None
                configured = config.load(data_dir)
            holds = self._read(partial(holds_inbox, staff_id=staff.id, role=staff.role))
            ctx = UiContext(Actor(staff.id, staff.role), staff.name, self.worker, bus, holds)
            central = CentralConnection(data_dir, self.worker, bus, staff.username, configured)
            window = MainWindow(ctx, theme, central=central)
            if configured is None and self._by_passphrase and self.store is not None:
                window.locker.use_check(self.store.has_key)  # no central password to ask
            if account is not None and account.user == staff.username:
                central.start(account)  # signed in (or offline with a password) in the dialog
            elif account is not None:  # signed in with --as: the keyring's password, if any
                central.sign_in(account.server, None, False, lambda _checked: None, lambda _e: None)
            automatic = False  # after signing out, whoever comes next chooses in the dialog
            if args.screenshot is not None:
                from ui import screenshot  # every screen's code: not for a normal start

                return screenshot.capture(
                    window, Path(args.screenshot), self.size, args.open, args.view
                )
            window.resize(*self.size)
            if args.measure_startup:
                _FirstPaint(window)
            window.show()
            window.focus_search()
            gui_gc.install(self.app).freeze_start_up()
            if args.open and not args.measure_startup:
                self._open_at_start(window, args.open)
                args.open = None  # once: not again after signing out
            if args.view and not args.measure_startup:
                from ui import screenshot

                screenshot.show_screen(window, args.view)
                args.view = None
            if args.measure_startup:
                self.app.exec()
                return 0
            again = self._run_window(window)
            central.stop()
            forget = window.forget_on_sign_out
            end_session(central.account, forget_computer=forget)
            if account is not None and account is not central.account:
                end_session(account, forget_computer=forget)
            account = central.account = None
            if not again:
                return 0
            # Whoever signs in next opens the store afresh: its key is read from the keyring
            # again, not kept in this process between people.
            self._reopen_store(data_dir, bus)

    def _open_at_start(self, window: MainWindow, spec: str) -> None:
        """``gui --open RECORD``: open it once found; if it is not there, say so and carry on."""
        assert self.worker is not None

        def failed(error: Exception) -> None:
            print(f"caseworker gui: {one_line(str(error))}", file=sys.stderr)

        def found(record_id: str) -> None:
            window.open_record(record_id)

        from ui import screenshot

        self.worker.read(lambda s: screenshot.resolve_record(s, spec), found, failed)

    def _ask_passphrase(self, why: str) -> str | None:
        self._by_passphrase = True
        return ask_passphrase(why)

    def _reopen_store(self, data_dir: Path, bus: ChangeBus) -> None:
        self.shutdown()
        if self.store is not None:
            self.store.close_and_forget_key()
        self.store = self.worker = None
        self._by_passphrase = False
        self.store = open_store(data_dir, self._ask_passphrase, encrypt_new=self._encrypt_new)
        self.worker = DbWorker(self.store, bus)

    def _run_window(self, window: MainWindow) -> bool:
        """Run until the window closes; True when it closed to sign someone else in."""
        closed = asyncio.Event()
        signed_out: list[bool] = []
        window.sign_out_requested.connect(lambda: signed_out.append(True))
        window.closed.connect(closed.set)
        run_event_loop(self.app, closed)
        window.deleteLater()
        return bool(signed_out)

    def _read(self, fn: Callable[[Session], T]) -> T:
        """Wait for one worker read (start-up only, before any window is shown)."""
        assert self.worker is not None
        result: list[T] = []
        errors: list[Exception] = []
        loop = QEventLoop()

        def done(value: T) -> None:
            result.append(value)
            loop.quit()

        def failed(error: Exception) -> None:
            errors.append(error)
            loop.quit()

        self.worker.read(fn, done, failed)
        if not result and not errors:
            loop.exec()
        if errors:
            raise CaseworkerError(str(errors[0]))
        return result[0]

    def _sign_in(self, automatic: bool, account: CentralAccount | None) -> StaffChoice | None:
        assert self.worker is not None
        args = self.args
        if automatic:
            staff = self._read(active_staff)
            if not staff:
                raise CaseworkerError("this store has no active staff: seed it first (--demo)")
            if args.as_user:
                match = [s for s in staff if s.username == args.as_user]
                if not match:
                    raise CaseworkerError(f"no active member of staff called {args.as_user!r}")
                if len(match) > 1:  # usernames can clash across laptops: never guess
                    raise CaseworkerError(
                        f"{len(match)} staff records share the username {args.as_user!r}: "
                        "choose in the sign-in list"
                    )
                return match[0]
            # A screen only some roles see (a supervisor's board) is shown as one of them.
            view = getattr(args, "view", None)
            role = "agent"
            if view:
                from ui.screen_views import ROLE_FOR  # every screen's code: only for --view

                role = ROLE_FOR.get(view, "agent")
            fitting = [s for s in staff if s.role == role]
            return (fitting or staff)[0]
        dialog = SignInDialog(self.worker, account, connect=self._first_connect)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.password.clear()  # the account keeps what it needs; the box keeps nothing
        dialog.deleteLater()
        if not accepted:
            return None
        self._connected = dialog.connected
        chosen: StaffChoice | None = dialog.chosen
        return chosen

    def _first_connect(self, parent: QWidget) -> CentralAccount | None:
        from ui.first_connect import FirstConnectDialog  # the replicator: only when needed

        assert self.store is not None
        dialog = FirstConnectDialog(self.store, Path(self.args.data_dir), parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.password.clear()  # (the dialog itself lives on with the sign-in, as before)
        return dialog.account if accepted else None

    def _seed_if_empty(self) -> None:
        count = self._read(lambda s: s.scalar(select(func.count()).select_from(Citizen)))
        if count:
            return
        assert self.store is not None
        progress = QProgressDialog(
            QApplication.translate(
                "Launcher",
                "Setting up a demo council with %1 citizens. This happens once and takes a "
                "minute or so…",
            ).replace("%1", f"{DEMO_CITIZENS:,}"),
            "",
            0,
            0,
        )
        progress.setCancelButton(None)
        progress.setWindowTitle(QApplication.translate("Launcher", "Caseworker"))
        progress.setAccessibleName(QApplication.translate("Launcher", "Seeding progress"))
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        seeder = _Seeder(self.store, DEMO_CITIZENS)
        seeder.progressed.connect(lambda done, total: _show_progress(progress, done, total))
        errors: list[str] = []
        seeder.failed.connect(errors.append)
        seeder.finished.connect(progress.accept)
        seeder.start()
        if not self.args.screenshot:
            progress.exec()
        seeder.wait()
        progress.close()
        if errors:
            raise CaseworkerError(f"the demo council could not be seeded: {errors[0]}")

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.stop()
        if self.store is not None:
            self.store.close()
