"""The Mentions page, driven with the keyboard on a seeded council: a mention that arrives shows
in the inbox (done when), and becomes a case in its service's queue (done when). Hostile
cases first: markup, scripts and remote images in a post never load or run; bidi overrides
are shown, not obeyed; a post deleted at its source while it is open; a colleague who
triaged it first; an agent of no social-media queue has no Mentions page."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.documents.codec import new_document
from caseworker.documents.types import MENTION
from caseworker.models import Case, Citizen, Identifier
from caseworker.services import mention_triage
from caseworker.services.context import Actor, ChangeSet
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.store.writer import Written
from caseworker.timeutil import to_iso, utcnow
from ui import rail
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.mentions.detail import SafeBrowser
from ui.mentions.dialogs import DraftReplyDialog, LinkMentionDialog, OpenCaseFromMentionDialog
from ui.mentions.page import MentionsPage
from ui.theme import Theme

WAIT_MS = 10_000
COLLEAGUE = Actor("staff:rhys.smith", "agent")
HOSTILE_HTML = (
    '<p>bins <img src="http://evil.example/track.png"> <script>alert(1)</script>'
    '<link rel="stylesheet" href="http://evil.example/s.css">'
    '<a href="javascript:alert(2)">click</a> <a href="https://ok.example/">ok</a></p>'
    "<style>p { background: url(http://evil.example/bg.png) }</style>"
)


def arrive(store: Store, ctx: UiContext, doc_id: str, **fields: Any) -> dict[str, Any]:
    """A mention written as a pull writes it, and told to the window as sync tells it."""
    body: dict[str, Any] = {
        "network": "mastodon",
        "remote_id": doc_id.rsplit("-", 1)[-1],
        "author_handle": "@carys@mastodon.example",
        "author_name": "Carys",
        "content_text": "@council the bins on our street were missed again",
        "published_at": to_iso(utcnow()),
        "state": "new",
        "url": "https://mastodon.example/@carys/1",
    }
    body.update(fields)
    doc = new_document(MENTION, doc_id, {k: v for k, v in body.items() if v is not None})
    with store.write() as s:
        written = docstore.put(s, doc)
        stored = docstore.get(s, doc_id)
    changes = ChangeSet()
    changes.add(written)
    ctx.bus.changed.emit(changes)
    assert stored is not None
    return stored


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, theme: Theme) -> MentionsPage:
    assert ctx.holds_mentions  # the seed's first agent works Contact Centre Triage
    shown = MentionsPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1280, 720)
    shown.show()
    qtbot.waitUntil(lambda: shown.detail.detail is not None, timeout=WAIT_MS)
    return shown


def chosen(qtbot: QtBot, page: MentionsPage, mention_id: str) -> None:
    qtbot.waitUntil(lambda: page.model.row_of(mention_id) >= 0, timeout=WAIT_MS)
    page.select_mention(mention_id)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.doc["_id"] == mention_id,
        timeout=WAIT_MS,
    )


def test_markup_scripts_and_remote_images_never_load_or_run(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    arrive(seeded, ctx, "mention:mastodon-m.example-1", content_html=HOSTILE_HTML)
    chosen(qtbot, page, "mention:mastodon-m.example-1")
    body = page.detail.body
    html = body.toHtml()
    assert "<img" not in html and "evil.example" not in html and "alert" not in html
    assert "javascript:" not in html
    assert not [url for url in body.asked if url.startswith("http")]
    # Markup that was never cleaned: the browser asks, and gets nothing.
    raw = SafeBrowser()
    qtbot.addWidget(raw)
    raw.setHtml('<p>x<img src="http://evil.example/raw.png"></p>')
    raw.show()
    raw.grab()  # laid out and painted
    assert "http://evil.example/raw.png" in raw.asked
    image = QTextDocument.ResourceType.ImageResource
    assert raw.loadResource(image, QUrl("http://evil.example/raw.png")) is None


def test_a_bidi_override_is_shown_not_obeyed(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    arrive(
        seeded,
        ctx,
        "mention:mastodon-m.example-2",
        author_name="\u202egninraw\u202c Carys",
        content_text="@council \u202eevil\u202c bins",
    )
    chosen(qtbot, page, "mention:mastodon-m.example-2")
    row = page.model.row_of("mention:mastodon-m.example-2")
    cells = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
    assert any("\\u202e" in str(c) for c in cells)
    assert not any("\u202e" in str(c) for c in cells)
    assert "\u202e" not in page.detail.author.text()


def test_a_mention_that_arrives_shows_in_the_inbox_first(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext, qtmodeltester: ModelTester
) -> None:
    """Done when: it shows in the inbox."""
    before = page.model.total
    arrive(seeded, ctx, "mention:mastodon-m.example-3")
    qtbot.waitUntil(lambda: page.model.row_of("mention:mastodon-m.example-3") == 0, timeout=WAIT_MS)
    assert page.model.index(0, 2).data() == "the bins on our street were missed again"
    assert page.model.index(0, 3).data() == "New"
    qtbot.waitUntil(lambda: page.model.total == before + 1, timeout=WAIT_MS)
    qtmodeltester.check(page.model, force_py=True)


def test_deleted_at_its_source_while_open_says_so_and_loses_its_words(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    attachment = {"kind": "image", "url": "https://files.m.example/1.jpg", "description": "Bin"}
    doc = arrive(seeded, ctx, "mention:mastodon-m.example-4", attachments=[attachment])
    chosen(qtbot, page, doc["_id"])
    assert not page.detail.deleted.isVisibleTo(page)
    assert page.detail.attachments.count() == 1  # a link, not an image: nothing fetched
    assert "https://files.m.example/1.jpg" in page.detail.attachments.item(0).text()
    gone = {**doc, "content_text": "", "deleted_at": to_iso(utcnow())}
    gone.pop("content_html", None)
    gone.pop("attachments", None)
    with seeded.write() as s:
        written = docstore.put(s, gone)
    changes = ChangeSet()
    changes.add(written)
    ctx.bus.changed.emit(changes)
    qtbot.waitUntil(lambda: page.detail.deleted.isVisibleTo(page), timeout=WAIT_MS)
    assert page.detail.body.toPlainText() == ""
    assert page.detail.attachments.count() == 0
    row = page.model.row_of(doc["_id"])
    qtbot.waitUntil(
        lambda: page.model.index(row, 2).data() == "(deleted at its source)", timeout=WAIT_MS
    )


def test_a_key_pressed_while_the_mention_is_read_acts_once_it_is_read(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    doc = arrive(seeded, ctx, "mention:mastodon-m.example-9")
    chosen(qtbot, page, doc["_id"])
    changes = ChangeSet()  # a sync touched it: the page reads it again
    changes.add(Written(doc["_id"], "mention", doc["_rev"], False, True, False))
    ctx.bus.changed.emit(changes)
    assert page.busy
    page.table.setFocus()
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as said:
        QTest.keyClick(page.table, Qt.Key.Key_D)
    assert said.args[0] == "Dismissed as not actionable."
    with seeded.read() as s:
        now = docstore.get(s, doc["_id"])
    assert now is not None and now["state"] == "dismissed"


def test_a_key_pressed_for_one_mention_is_not_carried_to_the_next(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    first = arrive(seeded, ctx, "mention:mastodon-m.example-10")
    second = arrive(seeded, ctx, "mention:mastodon-m.example-11")
    chosen(qtbot, page, first["_id"])
    changes = ChangeSet()
    changes.add(Written(first["_id"], "mention", first["_rev"], False, True, False))
    ctx.bus.changed.emit(changes)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_D)  # waits for the first to be read...
    chosen(qtbot, page, second["_id"])  # ...but the second is chosen before it is
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    with seeded.read() as s:
        states = [docstore.get(s, d["_id"])["state"] for d in (first, second)]  # type: ignore[index]
    assert states == ["new", "new"]


def test_a_colleague_who_triaged_first_is_kept_and_the_page_says_so(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    doc = arrive(seeded, ctx, "mention:mastodon-m.example-5")
    chosen(qtbot, page, doc["_id"])
    with seeded.write() as s:  # on another laptop; arrived here, not yet told to the page
        mention_triage.dismiss(s, COLLEAGUE, doc["_id"])
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as said:
        QTest.keyClick(page.table, Qt.Key.Key_D)
    assert "Rhys Smith changed this mention meanwhile: it is now dismissed" in said.args[0]
    assert page.message.isVisibleTo(page)
    with seeded.read() as s:
        now = docstore.get(s, doc["_id"])
    assert now is not None and now["triaged_by"] == COLLEAGUE.staff_id
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.doc["state"] == "dismissed",
        timeout=WAIT_MS,
    )


def test_an_agent_of_no_social_media_queue_has_no_mentions_page(
    qtbot: QtBot, make_ctx: Callable[[str], UiContext], theme: Theme, seeded: Store
) -> None:
    ctx = make_ctx("agent")
    revenues = UiContext(
        Actor("staff:tomos.mitchell", "agent"), "Tomos Mitchell", ctx.worker, ctx.bus
    )
    window = MainWindow(revenues, theme)
    qtbot.addWidget(window)
    assert "mentions" not in window.rail.buttons and "mentions" not in window.pages
    social = MainWindow(ctx, theme)
    qtbot.addWidget(social)
    assert "mentions" in social.rail.buttons
    assert social.rail.buttons["mentions"].text() == "Mentions  (Ctrl+6)"
    assert rail.pages_for("field_officer", mentions=False) == ("my_work", "queues", "search")
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=WAIT_MS)


def test_one_key_opens_a_case_in_the_suggested_services_queue(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    """Done when: it becomes a case in the right queue (by the keyboard alone)."""
    with seeded.read() as s:
        handle, citizen = s.execute(
            select(Identifier.value, Citizen)
            .join(Citizen, Citizen.id == Identifier.citizen_id)
            .where(Identifier.kind == "social")
        ).first()  # type: ignore[misc]
        name = f"{citizen.given_name} {citizen.family_name}"
    doc = arrive(
        seeded,
        ctx,
        "mention:mastodon-m.example-6",
        author_handle=handle,
        author_name=name,
        content_text="@council huge pothole on the road by the chapel",
    )
    chosen(qtbot, page, doc["_id"])
    shown = page.detail.detail
    assert shown is not None and shown.citizen is not None and shown.service is not None
    assert shown.citizen.match.right == citizen.id
    assert shown.service.code == "pothole"
    assert "same social handle" in page.detail.citizen.text()
    assert "pothole" in page.detail.service.text()
    page.table.setFocus()
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS):
        QTest.keyClick(page.table, Qt.Key.Key_L)  # link to the suggested citizen
    QTest.keyClick(page.table, Qt.Key.Key_O)  # at once: it waits for the link's answer
    assert page.findChild(OpenCaseFromMentionDialog) is None
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.doc["state"] == "linked",
        timeout=WAIT_MS,
    )
    QTest.keyClick(page.table, Qt.Key.Key_O)
    dialog = page.findChild(OpenCaseFromMentionDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.service_box.currentData() == "pothole", timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        QTest.keyClick(dialog.service_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.error_text()
    case_id = saved.args[0][0]
    with seeded.read() as s:
        case = s.get(Case, case_id)
        now = docstore.get(s, doc["_id"])
    assert case is not None and now is not None
    assert (case.queue_id, case.channel, case.citizen_id) == (
        "queue:highways",
        "social",
        citizen.id,
    )
    assert (now["state"], now["case_id"], now["citizen_id"]) == ("case_opened", case_id, citizen.id)


def test_a_reply_is_drafted_on_the_mentions_case_by_the_keyboard(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    doc = arrive(seeded, ctx, "mention:mastodon-m.example-7")
    chosen(qtbot, page, doc["_id"])
    assert not page.buttons["reply"].isEnabled()  # no case yet: nowhere to keep a reply
    QTest.keyClick(page.table, Qt.Key.Key_R)
    assert page.findChild(DraftReplyDialog) is None
    with seeded.write() as s:
        _case, changes = mention_triage.open_case(s, ctx.actor, doc["_id"], "missed-bin")
        stored = docstore.get(s, doc["_id"])
    assert stored is not None
    ctx.bus.changed.emit(changes)  # as the worker or a pull tells the window
    # With its case opened it has left the New ones: it is listed under Case opened.
    page.state_box.setCurrentIndex(page.state_box.findData("case_opened"))
    chosen(qtbot, page, doc["_id"])
    qtbot.waitUntil(lambda: page.buttons["reply"].isEnabled() and not page.busy, timeout=WAIT_MS)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.findChild(DraftReplyDialog)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)  # its keys are the window's
    assert dialog.focusWidget() is dialog.text  # the reply is where typing goes
    QTest.keyClicks(dialog.text, "Sorry, a crew is on its way.")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    reply_id = saved.args[0][0]
    with seeded.read() as s:
        reply = docstore.get(s, reply_id)
    assert reply is not None
    assert reply["case_id"] == stored["case_id"] and reply["mention_id"] == doc["_id"]
    assert reply["text"] == "@carys@mastodon.example Sorry, a crew is on its way."


def test_another_citizen_is_found_and_linked_by_the_keyboard(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    doc = arrive(seeded, ctx, "mention:mastodon-m.example-8", author_name="A stranger")
    chosen(qtbot, page, doc["_id"])
    assert not page.buttons["link"].isEnabled()  # nobody suggested: nothing to take
    with seeded.read() as s:
        citizen = s.scalars(
            select(Citizen).where(Citizen.merged_into.is_(None)).order_by(Citizen.id)
        ).first()
        assert citizen is not None
        citizen_id, family = citizen.id, citizen.family_name
    QTest.keyClick(page.table, Qt.Key.Key_C)
    dialog = page.findChild(LinkMentionDialog)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.results_shown, timeout=WAIT_MS):
        QTest.keyClicks(dialog.find_box, family)
    while dialog.chosen() != citizen_id:
        before = dialog.people.currentRow()
        QTest.keyClick(dialog.find_box, Qt.Key.Key_Down)
        assert dialog.people.currentRow() != before, "the citizen was not among those found"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        QTest.keyClick(dialog.find_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with seeded.read() as s:
        now = docstore.get(s, doc["_id"])
    assert now is not None and (now["state"], now["citizen_id"]) == ("linked", citizen_id)


def test_a_dismissed_mention_leaves_the_new_ones_and_the_next_is_chosen(
    qtbot: QtBot, page: MentionsPage, seeded: Store, ctx: UiContext
) -> None:
    later = arrive(seeded, ctx, "mention:mastodon-m.example-9", published_at="2030-01-02T10:00:00Z")
    earlier = arrive(
        seeded, ctx, "mention:mastodon-m.example-10", published_at="2030-01-02T09:00:00Z"
    )
    qtbot.waitUntil(lambda: page.model.row_of(earlier["_id"]) == 1, timeout=WAIT_MS)
    chosen(qtbot, page, later["_id"])
    with qtbot.waitSignal(page.acted, timeout=WAIT_MS) as said:
        QTest.keyClick(page.table, Qt.Key.Key_D)
    assert said.args[0] == "Dismissed as not actionable."
    qtbot.waitUntil(lambda: page.model.row_of(later["_id"]) == -1, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: page.detail.detail is not None and page.detail.detail.doc["_id"] == earlier["_id"],
        timeout=WAIT_MS,
    )
