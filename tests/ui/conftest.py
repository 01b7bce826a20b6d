"""UI test fixtures: a small seeded council per test module, copied fresh for each test, a
database worker and change bus on it, and the appearance applied as the app would.

Qt runs offscreen (tests/conftest.py chooses the platform before anything imports Qt).
"""

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.mentions.inbox import holds_inbox
from caseworker.models import StaffMember
from caseworker.services.context import Actor
from caseworker.store.store import STORE_FILENAME, Store
from ui import gui_gc, i18n
from ui.bus import ChangeBus
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.theme import Theme
from ui.worker import DbWorker

SEED_CITIZENS = 300
WAIT_MS = 10_000
# The offscreen platform cannot pass a window's minimum/maximum size on to a window manager
# (there is none) and says so each time a shown window's size limits change. Nothing else
# is ignored: every other Qt warning still fails the test (qt_log_level_fail in pyproject).
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp: QApplication) -> Iterator[gui_gc.GuiThreadCollector]:
    """As in the app: Python's cycle collector runs on the GUI thread only."""
    collector = gui_gc.install(qapp)
    yield collector
    collector.uninstall()


@pytest.fixture
def welsh(qapp: QApplication) -> Iterator[str]:
    """The window in Welsh for one test (the translations built first on a fresh clone)."""
    if not i18n.qm_path("cy").exists():
        root = Path(__file__).resolve().parents[2]
        subprocess.run([str(root / "scripts" / "build-translations")], check=True)
    yield i18n.install(qapp, "cy")
    i18n.install(qapp, "en")


@pytest.fixture(scope="session")
def theme(qapp: QApplication) -> Theme:
    applied = Theme(qapp, "light")
    applied.apply()
    i18n.install(qapp, "en")
    return applied


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seeded store per test module; tests get their own copy of it."""
    from caseworker.seed import seed_store

    folder = tmp_path_factory.mktemp("seeded")
    store = Store(folder / STORE_FILENAME)
    try:
        seed_store(store, citizens=SEED_CITIZENS)
    finally:
        store.close()
    return folder


@pytest.fixture
def data_dir(seeded_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(seeded_template, folder)
    return folder


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[Store]:
    store = Store(data_dir / STORE_FILENAME)
    yield store
    store.close()


def staff_with_role(store: Store, role: str) -> StaffMember:
    with store.read() as session:
        staff = session.scalars(
            select(StaffMember)
            .where(StaffMember.role == role, StaffMember.active.is_(True))
            .order_by(StaffMember.username)
        ).first()
    assert staff is not None, f"the seeded council has no active {role}"
    return staff


@pytest.fixture
def make_ctx(seeded: Store, theme: Theme) -> Iterator[Callable[[str], UiContext]]:
    """UiContexts signed in as the first active member of staff with a role."""
    workers: list[DbWorker] = []
    bus = ChangeBus()
    worker = DbWorker(seeded, bus)
    workers.append(worker)

    def make(role: str = "agent") -> UiContext:
        staff = staff_with_role(seeded, role)
        with seeded.read() as session:  # as the launcher reads it when they sign in
            holds = holds_inbox(session, staff.id, staff.role)
        return UiContext(Actor(staff.id, staff.role), staff.name, worker, bus, holds)

    yield make
    for w in workers:
        w.stop()


@pytest.fixture
def ctx(make_ctx: Callable[[str], UiContext]) -> UiContext:
    return make_ctx("agent")


@pytest.fixture
def window(qtbot: QtBot, ctx: UiContext, theme: Theme) -> Iterator[MainWindow]:
    win = MainWindow(ctx, theme)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # Until the window system has activated it, a dialog opened later may lose the keyboard
    # to this window's own, still pending, activation.
    qtbot.waitUntil(win.isActiveWindow, timeout=WAIT_MS)
    win.focus_search()
    yield win
    wait_idle(qtbot, ctx.worker)  # no answer may arrive for a window that is gone


def wait_idle(qtbot: QtBot, worker: DbWorker, timeout: int = WAIT_MS) -> None:
    """Until the database worker has no job in flight (results delivered)."""
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=timeout)


@pytest.fixture
def settle(qtbot: QtBot, ctx: UiContext) -> Callable[[], None]:
    """Wait (bounded) until every database job submitted so far has been answered."""
    return lambda: wait_idle(qtbot, ctx.worker)
