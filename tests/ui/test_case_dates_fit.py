"""The case view's history, notes and contacts show when each happened with its year, and the
column is wide enough that the year is never cut off, in English and in Welsh."""

import re
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from caseworker.services import cases, contacts
from caseworker.store.store import Store
from ui import i18n
from ui.case import CaseView
from ui.context import UiContext

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 10_000


@pytest.fixture(params=["en", "cy"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    if request.param == "cy" and not i18n.qm_path("cy").exists():
        subprocess.run([str(ROOT / "scripts" / "build-translations")], check=True)
    yield i18n.install(qapp, request.param)
    i18n.install(qapp, "en")


def test_every_when_column_shows_the_whole_date_and_time(
    qtbot: QtBot, language: str, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> None:
    with seeded.write() as session:
        case_id, _ = cases.open_case(
            session, ctx.actor, cases.NewCase("missed-bin", "Dates", "phone")
        )
        contacts.add_note(session, ctx.actor, "A note", case_id=case_id)
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    activity = view.activity
    for table in (activity.history_table, activity.notes_table):
        model = table.model()
        assert model.rowCount() > 0
        text = str(model.index(0, 0).data())
        assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", text), text
        needed = table.fontMetrics().horizontalAdvance(text) + 12  # the cell's padding
        assert table.columnWidth(0) >= needed, f"{text!r} is cut off in {language}"
    settle()
