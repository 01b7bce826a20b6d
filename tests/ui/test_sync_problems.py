"""The Sync problems dialog lists every problem the store knows of, clashes included."""

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case
from caseworker.store import docstore, replication
from caseworker.store.store import Store
from tests.ui.conftest import WAIT_MS, wait_idle
from ui.case.view import CaseView
from ui.context import UiContext
from ui.dialogs.sync_problems import SyncProblemsDialog
from ui.main_window import MainWindow


def _twin_of_a_case(store: Store) -> tuple[str, str]:
    """A colleague's case that reuses an existing case's reference."""
    with store.write() as s:
        case_id, reference = s.execute(select(Case.id, Case.reference).limit(1)).one()
        twin: dict[str, Any] = {**docstore.require(s, case_id), "_id": "case:twin"}
        twin["_rev"] = "1-" + "a" * 32
        replication.put_replicated_many(s, [twin])
    return case_id, reference


def test_two_cases_sharing_a_reference_are_both_listed_and_open(
    qtbot: QtBot, window: MainWindow, ctx: UiContext, seeded: Store
) -> None:
    case_id, reference = _twin_of_a_case(seeded)
    dialog = window.show_sync_problems()
    assert isinstance(dialog, SyncProblemsDialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 2, timeout=WAIT_MS)
    rows = [dialog.table.topLevelItem(i) for i in range(2)]
    assert sorted(r.text(0) for r in rows if r) == sorted([case_id, "case:twin"])
    for row in rows:
        assert row is not None and row.text(1) == "Case"
        assert f"two cases share reference {reference}" in row.text(2)
    assert "2 problem" in dialog.summary.text()
    dialog.table.setCurrentItem(rows[0])
    opened_id = rows[0].text(0) if rows[0] else ""
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    opened = window.tabs.currentWidget()
    assert isinstance(opened, CaseView) and opened.case_id == opened_id
    wait_idle(qtbot, ctx.worker)


def test_no_problems_says_so(qtbot: QtBot, window: MainWindow, ctx: UiContext) -> None:
    dialog = window.show_sync_problems()
    assert isinstance(dialog, SyncProblemsDialog)
    qtbot.waitUntil(lambda: "no problems" in dialog.summary.text(), timeout=WAIT_MS)
    assert dialog.table.topLevelItemCount() == 0
    dialog.reject()
    wait_idle(qtbot, ctx.worker)


def test_an_open_conflict_is_listed_and_opens_where_it_is_resolved(
    qtbot: QtBot, window: MainWindow, ctx: UiContext, seeded: Store
) -> None:
    with seeded.write() as s:  # two offline edits of one case from the same revision
        case_id = s.execute(select(Case.id).limit(1)).scalar_one()
        base = docstore.require(s, case_id)
        start = int(base["_rev"].split("-")[0]) + 1
        ancestors = [base["_rev"].split("-")[1]]
        edits = [("a" * 32, "Bin missed twice"), ("b" * 32, "Bin missed, bag split")]
        replication.put_replicated_many(
            s,
            [
                {
                    **base,
                    "summary": summary,
                    "_rev": f"{start}-{rev}",
                    "_revisions": {"start": start, "ids": [rev, *ancestors]},
                }
                for rev, summary in edits
            ],
        )
    dialog = window.show_sync_problems()
    assert isinstance(dialog, SyncProblemsDialog)
    qtbot.waitUntil(lambda: dialog.table.topLevelItemCount() == 1, timeout=WAIT_MS)
    row = dialog.table.topLevelItem(0)
    assert row is not None and row.text(0) == case_id
    assert "two versions were saved at the same time" in row.text(2)
    assert "no problems" not in dialog.summary.text()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    opened = window.tabs.currentWidget()
    assert isinstance(opened, CaseView) and opened.case_id == case_id
    wait_idle(qtbot, ctx.worker)
