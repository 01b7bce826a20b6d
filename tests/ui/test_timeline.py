"""The citizen's timeline read and written with the keyboard alone: the whole of an entry in the
reading pane (who, when with the year, how, which case), attachments previewed and opened
safely, filters with counts, batches for a long record, and the quick composer."""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QLocale, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from caseworker.models import Interaction, Note
from caseworker.seed import busiest_citizen_id
from caseworker.services import cases, citizens, contacts
from caseworker.store import docstore, replication
from caseworker.store.store import Store
from ui.citizen import CitizenView
from ui.citizen.composer import CONTACT
from ui.citizen.models import NOTE_CHANNEL
from ui.citizen.timeline import TimelinePanel
from ui.citizen.timeline_attachments import PREVIEW
from ui.citizen.timeline_model import BATCH, ENTRY_ROLE, when_long, when_text
from ui.context import UiContext

WAIT_MS = 10_000
LONG_NOTE = (
    "Rang on behalf of her mother, who cannot manage the stairs to put the bin out.\n"
    "Promised an assisted collection from next week and a call back on Friday. "
    + "She was clear that the side gate is the only way in. " * 12
    + "END-OF-NOTE"
)


@dataclass(frozen=True)
class Person:
    citizen_id: str
    case_id: str
    reference: str
    note_id: str


def png(width: int = 1200, height: int = 800) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def person(seeded: Store, ctx: UiContext) -> Person:
    """A citizen with one case, a phone call about it and, newest, a long note."""
    with seeded.write() as session:
        code = session.execute(text("SELECT code FROM services ORDER BY code LIMIT 1")).scalar()
        assert isinstance(code, str)
        citizen_id, _ = citizens.create_citizen(session, ctx.actor, "Gwen", "Prydderch")
        case_id, _ = cases.open_case(
            session, ctx.actor, cases.NewCase(code, "Bin not emptied", "phone", citizen_id)
        )
        contacts.record_interaction(
            session,
            ctx.actor,
            channel="phone",
            direction="inbound",
            summary="Rang about the bin",
            citizen_id=citizen_id,
            case_id=case_id,
        )
        note_id, _ = contacts.add_note(
            session, ctx.actor, LONG_NOTE, case_id=case_id, citizen_id=citizen_id
        )
        reference = docstore.require(session, case_id)["reference"]
    return Person(citizen_id, case_id, reference, note_id)


def open_view(qtbot: QtBot, ctx: UiContext, citizen_id: str) -> CitizenView:
    view = CitizenView(ctx, citizen_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def view(
    qtbot: QtBot, ctx: UiContext, person: Person, settle: Callable[[], None]
) -> Iterator[CitizenView]:
    widget = open_view(qtbot, ctx, person.citizen_id)
    yield widget
    settle()


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=WAIT_MS)


def reading(view: CitizenView) -> str:
    return view.timeline.reader.text.toPlainText()


# -- reading ----------------------------------------------------------------------------------
def test_up_and_down_move_and_the_reading_pane_shows_the_whole_entry(
    qtbot: QtBot, view: CitizenView, person: Person
) -> None:
    timeline = view.timeline
    focus(qtbot, timeline.table)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Home)
    shown = reading(view)
    assert "END-OF-NOTE" in shown and "side gate" in shown  # the whole text, not a tooltip
    assert "Internal note" in shown and view.ctx.staff_name in shown
    assert person.reference in shown
    year = str(timeline.current_entry().at.astimezone().year)  # type: ignore[union-attr]
    assert year in shown
    qtbot.keyClick(timeline.table, Qt.Key.Key_Down)
    assert "Rang about the bin" in reading(view) and "END-OF-NOTE" not in reading(view)
    assert "Phone" in reading(view)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Up)
    assert "END-OF-NOTE" in reading(view)
    # A screen reader hears the whole entry as the list moves, not the first words.
    spoken = timeline.table.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole)
    assert "END-OF-NOTE" in spoken and year in spoken


def test_the_list_line_carries_the_four_digit_year(view: CitizenView) -> None:
    first = view.timeline.filtered.index(0, 0)
    entry = first.data(ENTRY_ROLE)
    assert str(entry.at.astimezone().year) in first.data().split("\n")[0]


def test_dates_keep_their_four_digit_year_in_welsh_too() -> None:
    before = QLocale()
    moment = datetime(2025, 10, 20, 13, 5, tzinfo=UTC)
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom))
        assert "2025" in when_text(moment) and "/10/2025" in when_text(moment)
        assert "2025" in when_long(moment) and "Hydref" in when_long(moment)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert "/10/2025" in when_text(moment) and "October 2025" in when_long(moment)
    finally:
        QLocale.setDefault(before)


def test_control_characters_and_markup_from_another_member_are_shown_not_obeyed(
    qtbot: QtBot, ctx: UiContext, seeded: Store, person: Person, settle: Callable[[], None]
) -> None:
    with seeded.write() as session:
        contacts.add_note(
            session,
            ctx.actor,
            "Refund \u202egnp.exe\u202c due <img src='http://evil.example/x.png'><b>now</b>",
            citizen_id=person.citizen_id,
        )
    view = open_view(qtbot, ctx, person.citizen_id)
    focus(qtbot, view.timeline.table)
    qtbot.keyClick(view.timeline.table, Qt.Key.Key_Home)
    assert "\u202e" not in reading(view) and "gnp.exe" in reading(view)
    # Markup in synced text is text, never an image fetched or a style applied.
    assert "<img src='http://evil.example/x.png'><b>now</b>" in reading(view)
    settle()


# -- filters and batches ------------------------------------------------------------------------
def test_filters_show_their_counts_and_are_chosen_by_keyboard(
    qtbot: QtBot, view: CitizenView, person: Person
) -> None:
    timeline = view.timeline
    channels = [timeline.channel_filter.itemText(i) for i in range(timeline.channel_filter.count())]
    assert channels[0] == "All channels (2)"
    assert "Phone (1)" in channels and "Internal notes (1)" in channels and "Email (0)" in channels
    cases_shown = [timeline.case_filter.itemText(i) for i in range(timeline.case_filter.count())]
    assert cases_shown[:2] == ["All cases (2)", "Not about a case (0)"]
    assert any(t.startswith(person.reference) and t.endswith("(2)") for t in cases_shown)
    focus(qtbot, timeline.channel_filter)
    timeline.channel_filter.setCurrentIndex(0)
    while timeline.channel_filter.currentData() != NOTE_CHANNEL:
        qtbot.keyClick(timeline.channel_filter, Qt.Key.Key_Down)
    assert timeline.filtered.rowCount() == 1
    assert "1 of 2 shown" in timeline.count.text()
    assert "END-OF-NOTE" in reading(view)  # the pane follows what is still shown
    composer = timeline.composer
    assert composer is not None and composer.case.currentData() is None
    focus(qtbot, timeline.case_filter)
    while timeline.case_filter.currentData() != person.case_id:
        qtbot.keyClick(timeline.case_filter, Qt.Key.Key_Down)
    assert composer.case.currentData() == person.case_id  # what is written next is about it


def test_a_long_record_is_handed_over_in_batches_and_filters_reach_past_the_first(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    qtmodeltester: ModelTester,
    settle: Callable[[], None],
) -> None:
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    view = open_view(qtbot, ctx, citizen_id)
    timeline = view.timeline
    total = timeline.model.total()
    assert total >= 500
    assert timeline.model.rowCount() == BATCH  # a screenful many times over, not 500
    # Qt's own testers stay attached while batches arrive (a nested fetch once counted one
    # twice); pytest-qt's Python ones check the result at the end.
    qtmodeltester.check(timeline.model)
    qtmodeltester.check(timeline.filtered)
    focus(qtbot, timeline.table)
    for _ in range(total // BATCH + 2):  # End scrolls to the foot, which fetches more
        qtbot.keyClick(timeline.table, Qt.Key.Key_End)
        qtbot.wait(10)
    assert timeline.model.rowCount() == total
    # The oldest entry is readable too.
    assert timeline.current_entry() == timeline.model.row_at(total - 1)
    qtmodeltester.check(timeline.model, force_py=True)
    qtmodeltester.check(timeline.filtered, force_py=True)
    settle()


def test_a_filter_finds_entries_beyond_the_first_batch(
    qtbot: QtBot, ctx: UiContext, seeded: Store, settle: Callable[[], None]
) -> None:
    with seeded.read() as session:
        citizen_id = busiest_citizen_id(session)
    view = open_view(qtbot, ctx, citizen_id)
    timeline = view.timeline
    entries = timeline.model.rows()
    oldest_channel = entries[-1].channel or NOTE_CHANNEL
    expected = sum(1 for e in entries if (e.channel or NOTE_CHANNEL) == oldest_channel)
    timeline.set_channel(oldest_channel)
    assert timeline.filtered.rowCount() == expected
    assert timeline.count.text().startswith(f"{expected} of {len(entries)} shown")
    settle()


# -- the composer -------------------------------------------------------------------------------
def test_ctrl_enter_saves_a_note_and_it_appears_at_once(
    qtbot: QtBot, view: CitizenView, seeded: Store, person: Person
) -> None:
    composer = view.timeline.composer
    assert composer is not None
    focus(qtbot, composer.text)
    qtbot.keyClicks(composer.text, "Asked us to ring after four")
    with qtbot.waitSignal(composer.saved, timeout=WAIT_MS):
        qtbot.keyClick(composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    first = view.timeline.model.row_at(0)
    assert (first.kind, first.summary) == ("note", "Asked us to ring after four")
    assert "Asked us to ring after four" in reading(view)
    assert composer.text.toPlainText() == ""
    assert QApplication.focusWidget() is composer.text  # ready for the next one
    qtbot.waitSignal(view.loaded, timeout=WAIT_MS)  # the refresh keeps it in its place
    qtbot.waitUntil(lambda: composer.ctx.worker.pending == 0, timeout=WAIT_MS)
    assert view.timeline.model.row_at(0).summary == "Asked us to ring after four"
    with seeded.read() as session:
        saved = session.scalars(select(Note).where(Note.citizen_id == person.citizen_id)).all()
    assert sum(n.text == "Asked us to ring after four" for n in saved) == 1


def test_a_contact_on_a_channel_about_a_case_by_keyboard(
    qtbot: QtBot, view: CitizenView, seeded: Store, person: Person
) -> None:
    composer = view.timeline.composer
    assert composer is not None
    assert not composer.channel.isEnabled()  # a note has no channel
    focus(qtbot, composer.kind)
    qtbot.keyClick(composer.kind, Qt.Key.Key_Down)
    assert composer.kind.currentData() == CONTACT and composer.channel.isEnabled()
    focus(qtbot, composer.channel)
    while composer.channel.currentData() != "email":
        qtbot.keyClick(composer.channel, Qt.Key.Key_Down)
    focus(qtbot, composer.case)
    qtbot.keyClick(composer.case, Qt.Key.Key_Down)
    assert composer.case.currentData() == person.case_id
    focus(qtbot, composer.text)
    qtbot.keyClicks(composer.text, "Emailed the collection date")
    with qtbot.waitSignal(composer.saved, timeout=WAIT_MS):
        qtbot.keyClick(composer.text, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    first = view.timeline.model.row_at(0)
    assert (first.channel, first.case_reference) == ("email", person.reference)
    qtbot.waitUntil(lambda: composer.ctx.worker.pending == 0, timeout=WAIT_MS)
    with seeded.read() as session:
        row = session.scalars(
            select(Interaction).where(Interaction.summary == "Emailed the collection date")
        ).one()
    assert (row.channel, row.case_id) == ("email", person.case_id)
    assert row.citizen_id == person.citizen_id


def test_ctrl_enter_twice_saves_one_entry(
    qtbot: QtBot, view: CitizenView, seeded: Store, person: Person
) -> None:
    composer = view.timeline.composer
    assert composer is not None
    focus(qtbot, composer.text)
    qtbot.keyClicks(composer.text, "Only once")
    with qtbot.waitSignal(composer.saved, timeout=WAIT_MS):
        qtbot.keyClick(composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: composer.ctx.worker.pending == 0, timeout=WAIT_MS)
    with seeded.read() as session:
        found = session.scalars(select(Note).where(Note.text == "Only once")).all()
    assert len(found) == 1


def test_nothing_is_saved_from_an_empty_composer(
    qtbot: QtBot, view: CitizenView, seeded: Store
) -> None:
    composer = view.timeline.composer
    assert composer is not None
    with seeded.read() as session:
        before = len(session.scalars(select(Note.id)).all())
    focus(qtbot, composer.text)
    qtbot.keyClicks(composer.text, "   ")
    qtbot.keyClick(composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert composer.error.isVisible() and composer.error.text()
    assert not composer.saving
    qtbot.waitUntil(lambda: composer.ctx.worker.pending == 0, timeout=WAIT_MS)
    with seeded.read() as session:
        assert len(session.scalars(select(Note.id)).all()) == before


def test_a_failed_save_keeps_everything_typed(
    qtbot: QtBot, ctx: UiContext, settle: Callable[[], None]
) -> None:
    """The citizen left this laptop (purged) while the agent was typing: the save fails, and
    the text, the choices and the reason stay."""
    panel = TimelinePanel(ctx=ctx, citizen_id="cit-gone-from-this-laptop")
    qtbot.addWidget(panel)
    panel.show()
    composer = panel.composer
    assert composer is not None
    focus(qtbot, composer.kind)
    qtbot.keyClick(composer.kind, Qt.Key.Key_Down)
    focus(qtbot, composer.text)
    qtbot.keyClicks(composer.text, "A long account of the call")
    qtbot.keyClick(composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(composer.error.isVisible, timeout=WAIT_MS)
    assert composer.text.toPlainText() == "A long account of the call"
    assert composer.kind.currentData() == CONTACT
    assert "cit-gone-from-this-laptop" in composer.error.text()
    assert composer.save_button.isEnabled() and not composer.text.isReadOnly()
    assert panel.model.total() == 0
    settle()


def test_a_record_opened_on_demand_has_no_composer_and_no_attachment_reader() -> None:
    panel = TimelinePanel()
    assert panel.composer is None
    assert panel.reader.attachments.worker is None


# -- attachments --------------------------------------------------------------------------------
@pytest.fixture
def opened_urls() -> Iterator[list[str]]:
    """What would have been handed to the desktop to open (nothing really opens in a test)."""

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot(QUrl)
        def catch(self, url: QUrl) -> None:
            self.urls.append(url.toLocalFile())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


def attach(store: Store, doc_id: str, files: list[tuple[str, str, bytes]]) -> None:
    with store.write() as session:
        doc = docstore.require(session, doc_id)
        for name, kind, data in files:
            doc = replication.attach(session, doc, name, kind, data)
        docstore.put(session, doc)


def show_note(qtbot: QtBot, view: CitizenView) -> None:
    """Select the long note (the newest entry) with the keyboard."""
    focus(qtbot, view.timeline.table)
    qtbot.keyClick(view.timeline.table, Qt.Key.Key_End)
    qtbot.keyClick(view.timeline.table, Qt.Key.Key_Home)


def test_a_photo_is_previewed_small_and_other_files_listed_with_their_size(
    qtbot: QtBot, ctx: UiContext, seeded: Store, person: Person, settle: Callable[[], None]
) -> None:
    attach(
        seeded,
        person.note_id,
        [("bin.png", "image/png", png()), ("letter.pdf", "application/pdf", b"%PDF-1.4 " * 300)],
    )
    view = open_view(qtbot, ctx, person.citizen_id)
    shown = view.timeline.filtered
    # The list says which entries have attachments, in words a screen reader hears too.
    qtbot.waitUntil(lambda: "with attachments" in shown.index(0, 0).data(), timeout=WAIT_MS)
    assert "with attachments" in shown.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "with attachments" not in shown.index(1, 0).data()
    show_note(qtbot, view)
    pane = view.timeline.reader.attachments
    qtbot.waitUntil(lambda: pane.files.count() == 2, timeout=WAIT_MS)
    assert pane.isVisible()
    names = [pane.files.item(i).text() for i in range(2)]
    assert names[0].startswith("bin.png — image/png")
    assert names[1].startswith("letter.pdf — application/pdf") and "2.6 kB" in names[1]
    qtbot.waitUntil(lambda: not pane.preview.pixmap().isNull(), timeout=WAIT_MS)
    shown = pane.preview.pixmap().size()
    assert shown.width() <= PREVIEW.width() and shown.height() <= PREVIEW.height()
    assert shown.width() == PREVIEW.height() * 1200 // 800  # scaled, not cropped
    focus(qtbot, pane.files)
    qtbot.keyClick(pane.files, Qt.Key.Key_Down)
    assert "not a picture" in pane.preview.text()
    settle()


def test_enter_opens_a_copy_named_safely_and_a_copy_can_be_saved(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    person: Person,
    opened_urls: list[str],
    tmp_path: Path,
    settle: Callable[[], None],
) -> None:
    photo = png(40, 30)
    attach(seeded, person.note_id, [("../../../.bashrc/evil.png", "image/png", photo)])
    view = open_view(qtbot, ctx, person.citizen_id)
    show_note(qtbot, view)
    pane = view.timeline.reader.attachments
    qtbot.waitUntil(lambda: pane.files.count() == 1, timeout=WAIT_MS)
    focus(qtbot, pane.files)
    with qtbot.waitSignal(pane.opened, timeout=WAIT_MS):
        qtbot.keyClick(pane.files, Qt.Key.Key_Return)
    assert len(opened_urls) == 1
    opened = Path(opened_urls[0])
    assert opened.name == "evil.png" and ".bashrc" not in str(opened.parent)
    assert opened.read_bytes() == photo
    target = tmp_path / "kept.png"
    with qtbot.waitSignal(pane.saved, timeout=WAIT_MS):
        pane.save_to(target)
    assert target.read_bytes() == photo
    settle()


def test_a_program_is_never_opened_only_saved(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    person: Person,
    opened_urls: list[str],
    settle: Callable[[], None],
) -> None:
    attach(seeded, person.note_id, [("invoice.pdf.exe", "application/x-msdownload", b"MZ" * 50)])
    view = open_view(qtbot, ctx, person.citizen_id)
    show_note(qtbot, view)
    pane = view.timeline.reader.attachments
    qtbot.waitUntil(lambda: pane.files.count() == 1, timeout=WAIT_MS)
    assert not pane.open_button.isEnabled() and pane.save_button.isEnabled()
    focus(qtbot, pane.files)
    qtbot.keyClick(pane.files, Qt.Key.Key_Return)
    settle()
    assert opened_urls == []
    assert "save a copy" in pane.status.text()


def test_a_damaged_picture_and_a_malformed_or_missing_attachment_are_said_plainly(
    qtbot: QtBot, ctx: UiContext, seeded: Store, person: Person, settle: Callable[[], None]
) -> None:
    attach(seeded, person.note_id, [("a.jpg", "image/jpeg", b"not a jpeg at all")])
    # What another member's device might have sent: a stub whose content never arrived, with a
    # length that is not a number, and one that is not an object at all.
    with seeded.write() as session:
        body = json.loads(
            session.execute(
                text("SELECT body FROM documents WHERE id = :id"), {"id": person.note_id}
            ).scalar_one()
        )
        stub = {"content_type": "image/png", "digest": "md5-x", "length": "9"}
        body["_attachments"]["b.png"] = stub
        body["_attachments"]["c"] = "nonsense"
        session.execute(
            text("UPDATE documents SET body = :b WHERE id = :id"),
            {"b": json.dumps(body), "id": person.note_id},
        )
    view = open_view(qtbot, ctx, person.citizen_id)
    show_note(qtbot, view)
    pane = view.timeline.reader.attachments
    qtbot.waitUntil(lambda: pane.files.count() == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "damaged" in pane.preview.text(), timeout=WAIT_MS)
    assert not pane.open_button.isEnabled()
    focus(qtbot, pane.files)
    qtbot.keyClick(pane.files, Qt.Key.Key_Down)
    assert "not on this laptop" in pane.files.currentItem().text()
    assert "size not known" in pane.files.currentItem().text()
    assert not pane.save_button.isEnabled()
    assert "not reached this laptop" in pane.preview.text()
    qtbot.keyClick(pane.files, Qt.Key.Key_Down)
    assert pane.files.currentItem().text().startswith("c — application/octet-stream")
    settle()


def test_moving_on_quickly_never_shows_a_picture_under_the_wrong_entry(
    qtbot: QtBot, ctx: UiContext, seeded: Store, person: Person, settle: Callable[[], None]
) -> None:
    attach(seeded, person.note_id, [("bin.png", "image/png", png(3000, 2000))])
    view = open_view(qtbot, ctx, person.citizen_id)
    show_note(qtbot, view)
    qtbot.keyClick(view.timeline.table, Qt.Key.Key_Down)  # before any answer came back
    settle()
    pane = view.timeline.reader.attachments
    assert pane.files.count() == 0 and pane.preview.pixmap().isNull()
    assert not pane.isVisible()
    settle()


# -- the keyboard path --------------------------------------------------------------------------
def test_tab_goes_from_the_filters_to_the_list_the_pane_and_the_composer(
    qtbot: QtBot, view: CitizenView
) -> None:
    timeline = view.timeline
    composer = timeline.composer
    assert composer is not None
    focus(qtbot, timeline.channel_filter)
    visited = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    qtbot.keyClick(composer.kind, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is timeline.table  # back to the list in one key
    # The attachment pane is hidden for an entry without attachments: Tab passes it by.
    assert visited == [
        timeline.case_filter,
        timeline.table,
        timeline.reader.text,
        composer.text,
        composer.kind,
    ]


def test_the_timeline_fits_beside_the_profile_at_1280_by_720(
    qtbot: QtBot, ctx: UiContext, seeded: Store, person: Person, settle: Callable[[], None]
) -> None:
    """Long case summaries and the composer's choices must not widen the timeline past what a
    1280 px window leaves it beside the profile (they end in "…" in a closed combo)."""
    with seeded.write() as session:
        code = session.execute(text("SELECT code FROM services ORDER BY code LIMIT 1")).scalar()
        assert isinstance(code, str)
        summary = "Overflowing communal bins behind the flats, reported again by neighbours " * 3
        cases.open_case(
            session, ctx.actor, cases.NewCase(code, summary, "phone", person.citizen_id)
        )
    view = open_view(qtbot, ctx, person.citizen_id)
    assert view.timeline.minimumSizeHint().width() <= 600
    # Nor ask the splitter for the profile's share (it hands out space by size hints).
    assert view.timeline.sizeHint().width() <= 900
    assert view.timeline.minimumSizeHint().height() <= 450
    composer = view.timeline.composer
    assert composer is not None
    assert composer.text.isVisible() and composer.save_button.isVisible()
    assert view.timeline.reader.text.height() >= view.fontMetrics().lineSpacing() * 4
    settle()


def test_closing_the_record_while_a_save_is_in_flight_loses_nothing_and_breaks_nothing(
    qtbot: QtBot, ctx: UiContext, seeded: Store, person: Person, settle: Callable[[], None]
) -> None:
    # Not registered with qtbot: the test deletes it, as closing its tab does, and qtbot would
    # close a widget already gone whenever its Python wrapper outlives it.
    view = CitizenView(ctx, person.citizen_id)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    qtbot.waitExposed(view)
    composer = view.timeline.composer
    assert composer is not None
    focus(qtbot, composer.text)
    qtbot.keyClicks(composer.text, "Saved as the tab closed")
    qtbot.keyClick(composer.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    view.close()
    view.deleteLater()
    settle()  # the answer arrives for widgets that are gone: nothing may raise
    with seeded.read() as session:
        assert session.scalars(select(Note).where(Note.text == "Saved as the tab closed")).one()
