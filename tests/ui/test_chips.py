"""Status and priority as chips: the word always there, on a tinted ground whose colour only
repeats it; in the worklist, a citizen's cases and the case view."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker import vocab
from caseworker.models import Service
from caseworker.services import cases
from caseworker.store.store import Store
from ui import labels
from ui.chips import PRIORITY_TONES, STATUS_TONES, TONE_ROLE, Chip, ChipDelegate
from ui.context import UiContext
from ui.theme import Theme, contrast_ratio, load_palettes
from ui.worklist.model import COLUMNS
from ui.worklist.query import WorkFilter
from ui.worklist.view import WorkListView

WAIT_MS = 10_000


def test_every_status_and_priority_has_a_tone_and_urgent_does_not_look_like_low() -> None:
    assert set(STATUS_TONES) == set(vocab.CASE_STATUSES)
    assert set(PRIORITY_TONES) == set(vocab.PRIORITIES)
    assert PRIORITY_TONES["urgent"] != PRIORITY_TONES["low"]
    assert STATUS_TONES["closed"] != STATUS_TONES["in_progress"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_chips_text_is_4_5_to_1_on_its_ground(scheme: str) -> None:
    palette = load_palettes()[scheme]
    for tone in set(STATUS_TONES.values()) | set(PRIORITY_TONES.values()):
        ratio = contrast_ratio(palette[f"chip_{tone}_text"], palette[f"chip_{tone}"])
        assert ratio >= 4.5, f"{scheme} {tone}: {ratio:.2f}:1"


def test_a_chip_label_says_its_word_and_what_it_is(qtbot: QtBot, theme: Theme) -> None:
    chip = Chip("Priority")
    qtbot.addWidget(chip)
    chip.set_priority("urgent")
    assert chip.text() == labels.priority("urgent") == "Urgent"
    assert chip.accessibleName() == "Priority: Urgent"
    assert chip.property("tone") == "red"
    chip.set_priority("low")
    assert chip.property("tone") == "neutral"
    chip.set_status("something_a_newer_version_sent")  # unknown: its words, a neutral chip
    assert chip.text() == "something a newer version sent"
    assert chip.property("tone") == "neutral"


@pytest.fixture
def worklist(
    qtbot: QtBot, seeded: Store, ctx: UiContext, settle: Callable[[], None]
) -> Iterator[WorkListView]:
    with seeded.write() as session:
        code = session.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        for priority in ("urgent", "low"):
            new = cases.NewCase(code, f"{priority} chip", "phone", priority=priority)
            case_id, _ = cases.open_case(session, ctx.actor, new)
            cases.assign(session, ctx.actor, case_id, ctx.actor.staff_id)
    view = WorkListView(ctx, "My work", "Nothing", page_size=20)
    qtbot.addWidget(view)
    view.resize(1280, 400)
    view.show()
    with qtbot.waitSignal(view.model.page_loaded, timeout=WAIT_MS):
        view.show_cases(WorkFilter(assignee_id=ctx.actor.staff_id))
    qtbot.waitExposed(view)
    yield view
    settle()


def _row_of(view: WorkListView, summary: str) -> int:
    column = COLUMNS.index("summary")
    rows = [view.model.index(r, column).data() for r in range(view.model.rowCount())]
    return rows.index(summary)


def test_the_worklist_paints_priority_as_a_chip_with_its_word(
    qtbot: QtBot, worklist: WorkListView, theme: Theme
) -> None:
    column = COLUMNS.index("priority")
    assert isinstance(worklist.table.itemDelegateForColumn(column), ChipDelegate)
    urgent = worklist.model.index(_row_of(worklist, "urgent chip"), column)
    low = worklist.model.index(_row_of(worklist, "low chip"), column)
    assert urgent.data() == "Urgent" and low.data() == "Low"  # the word, for every reader
    assert urgent.data(TONE_ROLE) == "red" and low.data(TONE_ROLE) == "neutral"
    assert worklist.model.index(0, COLUMNS.index("summary")).data(TONE_ROLE) is None

    worklist.table.clearSelection()
    image = worklist.table.viewport().grab().toImage()
    rect = worklist.table.visualRect(urgent)
    inside = rect.topLeft() + QPoint(8, rect.height() // 2)
    painted = image.pixelColor(inside).name()
    assert painted == theme.palette["chip_red"], "the urgent cell's chip ground"
    # and the chip is wide enough for its word: nothing cut off
    metrics = worklist.table.fontMetrics()
    assert worklist.table.columnWidth(column) > metrics.horizontalAdvance("Urgent") + 24


def test_the_case_views_status_is_a_chip(
    qtbot: QtBot, seeded: Store, ctx: UiContext, theme: Theme, settle: Callable[[], None]
) -> None:
    from ui.case import CaseView

    with seeded.write() as session:
        code = session.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        case_id, _ = cases.open_case(session, ctx.actor, cases.NewCase(code, "Chip", "phone"))
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    status = view.details.status
    assert status.text() == "New" and status.property("tone") == "info"
    assert status.accessibleName() == "Status: New"
    assert status.palette().color(status.backgroundRole()) != QColor(theme.palette["window"])
    assert view.details.service.accessibleName().startswith("Service: ")
    assert view.details.service.property("role") == "value"
    assert view.details.due.accessibleName().startswith("Due: On time: due in")
    # the value in the text colour, its caption muted (they were the other way round)
    form = view.details.layout()
    assert isinstance(form, QFormLayout)
    caption = form.labelForField(view.details.service)
    assert isinstance(caption, QLabel) and caption.property("role") == "field"
    service = view.details.service
    assert caption.palette().color(caption.foregroundRole()) == QColor(theme.palette["muted"])
    assert service.palette().color(service.foregroundRole()) == QColor(theme.palette["text"])
    settle()


def test_a_chip_made_for_its_word_never_cuts_it(qapp: object) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from ui.chips import CHIP_EXTRA, fitted

    for bold in (False, True):
        font = QFont()
        font.setBold(bold)
        metrics = QFontMetrics(font)
        for word in ("New", "Assigned", "Aseiniwyd", "Yn aros am y dinesydd", "Urgent"):
            room = metrics.horizontalAdvance(word) + CHIP_EXTRA - 2 * 4 - 2 * 8
            assert fitted(metrics, word, room) == word
        assert fitted(metrics, "Awaiting citizen", 20).endswith("…")
