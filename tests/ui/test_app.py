"""The whole start: QApplication, appearance, store, sign-in, window, the qasync event loop, and
a clean exit when the window closes."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from caseworker.models import StaffMember
from caseworker.store.store import Store
from sync import central, config, credentials
from sync.http import CouchClient
from tests.support.couch_server import CouchServer
from tests.support.memory_keyring import MemoryKeyring, installed
from ui import app, i18n
from ui.main_window import MainWindow
from ui.theme import Theme


@pytest.fixture
def restore_appearance(qapp: QApplication, theme: Theme) -> Iterator[None]:
    """main() applies the system's appearance and language; put the tests' back afterwards."""
    yield
    theme.apply()
    i18n.install(qapp, "en")


def _close_the_window_once_shown(qapp: QApplication, seen: list[MainWindow]) -> None:
    def check() -> None:
        shown = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if shown:
            seen.append(shown[0])
            shown[0].close()
        else:
            QTimer.singleShot(10, check)

    QTimer.singleShot(0, check)


def test_main_runs_the_window_on_qasync_until_it_closes(
    qapp: QApplication, data_dir: Path, seeded: Store, restore_appearance: None
) -> None:
    with seeded.read() as session:
        username = session.scalars(
            select(StaffMember.username).where(StaffMember.role == "supervisor")
        ).first()
    assert username is not None
    seeded.close()
    seen: list[MainWindow] = []
    _close_the_window_once_shown(qapp, seen)
    code = app.main(["--data-dir", str(data_dir), "--as", username, "--lang", "en"])
    assert code == 0
    assert len(seen) == 1
    assert seen[0].ctx.actor.role == "supervisor"
    assert "queues" in seen[0].rail.buttons
    # The loop was stopped cleanly: Qt still runs timers for the rest of the suite.
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qapp.processEvents()
    assert fired


def test_options_make_sense_before_anything_starts(data_dir: Path) -> None:
    assert app.parse_size("1400x900") == (1400, 900)
    with pytest.raises(app.CaseworkerError):
        app.parse_size("huge")
    assert app.main(["--data-dir", str(data_dir), "--size", "10x10"]) == 2


def test_signed_in_with_as_the_window_syncs_with_the_remembered_password(
    qapp: QApplication,
    data_dir: Path,
    seeded: Store,
    restore_appearance: None,
    couch_server: CouchServer,
    couch_db: str,
) -> None:
    """A data folder with a central service: ``--as`` signs in with the keyring's password and
    the window reaches "up to date" by itself."""
    with seeded.read() as session:
        officer = session.scalars(
            select(StaffMember).where(StaffMember.role == "field_officer")
        ).first()
        assert officer is not None
        username, staff_id = officer.username, officer.id
    seeded.close()
    admin = CouchClient(couch_db, *couch_server.admin_auth)
    central.add_user(admin, username, "van-pw", "field_officer", staff_id)
    admin.close()
    config.save(data_dir, config.CentralConfig(couch_db, username))
    states: list[str] = []

    def close_when_up_to_date() -> None:
        shown = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        state = shown[0].central.state if shown and shown[0].central else None
        if state is not None and (not states or states[-1] != state.kind):
            states.append(state.kind)
        if state is not None and state.kind in ("up_to_date", "error", "needs_sign_in"):
            shown[0].close()
        else:
            QTimer.singleShot(20, close_when_up_to_date)

    with installed(MemoryKeyring()):
        credentials.remember_password(couch_db, username, "van-pw")
        QTimer.singleShot(0, close_when_up_to_date)
        code = app.main(["--data-dir", str(data_dir), "--as", username, "--lang", "en"])
    assert code == 0
    assert states[-1] == "up_to_date", states


def test_as_a_username_two_staff_records_share_is_refused_not_guessed(
    qapp: QApplication, tmp_path: Path, restore_appearance: None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from caseworker.store import replication

    store = Store(tmp_path / "caseworker.db")
    with store.write() as session:  # two laptops each made an "alex" offline
        replication.put_replicated_many(
            session,
            [
                {"_id": f"staff:{n}", "_rev": f"1-{n * 32}", "type": "staff", "schema": 1,
                 "name": "Alex", "username": "alex", "role": "supervisor", "queue_ids": [],
                 "active": True}
                for n in ("a", "b")
            ],
        )  # fmt: skip
    store.close()
    code = app.main(["--data-dir", str(tmp_path), "--as", "alex", "--lang", "en"])
    assert code != 0
    assert "2 staff records share the username 'alex'" in capsys.readouterr().err
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
