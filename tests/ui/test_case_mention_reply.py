"""A public reply to a mention, drafted on this laptop, shows in its case's history with where
it is on its way to Mastodon, and what the central poster records later shows there too."""

from collections.abc import Callable

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from caseworker.documents.codec import new_document
from caseworker.documents.types import MENTION
from caseworker.services import cases, mention_replies
from caseworker.services.context import ChangeSet
from caseworker.store import docstore
from caseworker.store.store import Store
from ui.case import CaseView
from ui.context import UiContext

WAIT_MS = 10_000
AT = "2026-12-01T10:00:00Z"


def test_a_drafted_reply_and_its_posting_later_show_in_the_case_history(
    qtbot: QtBot,
    seeded: Store,
    ctx: UiContext,
    settle: Callable[[], None],
    qtmodeltester: ModelTester,
) -> None:
    with seeded.write() as s:
        new = cases.NewCase("missed-bin", "Green bin missed (Mastodon)", "social")
        case_id, _ = cases.open_case(s, ctx.actor, new)
        mention = {
            "network": "mastodon",
            "remote_id": "109876543210",
            "author_handle": "@carys@mastodon.example",
            "content_text": "@council my bin was missed",
            "published_at": AT,
            "state": "case_opened",
            "case_id": case_id,
        }
        docstore.put(s, new_document(MENTION, "mention:ui1", mention))
        reply_id, _ = mention_replies.draft_reply(s, ctx.actor, "mention:ui1", "On its way")
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    history = view.activity.history
    shown = [history.index(r, 2).data() for r in range(history.rowCount())]
    waiting = "Public reply on Mastodon: waiting to be posted — “@carys@mastodon.example On its"
    waiting += " way”"
    assert waiting in shown
    qtmodeltester.check(history, force_py=True)
    with seeded.write() as s:  # as a pull writes the central poster's revision
        doc = docstore.get(s, reply_id)
        assert doc is not None
        posted = {**doc, "state": "posted", "status_id": "1", "status_url": "https://m.example/1"}
        written = docstore.put(s, {**posted, "posted_at": AT})
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        changes = ChangeSet()
        changes.add(written)
        ctx.bus.changed.emit(changes)
    shown = [history.index(r, 2).data() for r in range(history.rowCount())]
    assert any(line.startswith("Public reply on Mastodon: posted — ") for line in shown)
    settle()
