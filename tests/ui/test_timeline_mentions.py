"""A citizen's social-media mentions in the single view: in the timeline with the other
channels, with why each is linked to them, the post's address opened only when the person
chooses it, and the handles they posted from on the profile."""

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from caseworker.documents.codec import new_document
from caseworker.documents.types import IDENTITY_LINK, MENTION
from caseworker.mentions.autolink import AUTO_LINKER, link_id_of
from caseworker.services import citizens
from caseworker.services.citizens import NewIdentifier
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import to_iso
from tests.ui.test_record_reads_indexed import scans, statements
from ui.citizen import CitizenView
from ui.citizen.snapshot import load_citizen
from ui.context import UiContext

WAIT_MS = 10_000
HOST = "mastodon.example"
NOW = datetime.now(UTC).replace(microsecond=0)


def mention(key: str, minutes_ago: int, **more: Any) -> dict[str, Any]:
    fields = {
        "network": "mastodon",
        "remote_id": key,
        "url": f"https://{HOST}/@gwen/{key}",
        "author_handle": f"@gwen_p@{HOST}",
        "author_name": "Gwen Prydderch",
        "content_text": f"Post {key}: the bins were missed again",
        "published_at": to_iso(NOW - timedelta(minutes=minutes_ago)),
        "state": "new",
    }
    return new_document(MENTION, f"mention:mastodon-{HOST}-{key}", {**fields, **more})


def link(doc_id: str, subject: str, citizen_id: str, **more: Any) -> dict[str, Any]:
    fields = {
        "subject_id": subject,
        "citizen_id": citizen_id,
        "method": "automatic",
        "probability": 0.9998,
        "weight": 12.2,
        "reasons": ["handle.exact", "given.exact", "family.exact"],
        "by": AUTO_LINKER,
        "at": to_iso(NOW),
    }
    return new_document(IDENTITY_LINK, doc_id, {**fields, **more})


@pytest.fixture
def gwen(seeded: Store, ctx: UiContext) -> str:
    """Gwen, with a handle on her record, and mentions from the central side: one linked
    automatically, one a person linked (only by an identity link), one whose link was undone,
    and one linked to somebody else."""
    with seeded.write() as session:
        citizen_id, _ = citizens.create_citizen(
            session,
            ctx.actor,
            "Gwen",
            "Prydderch",
            identifiers=(NewIdentifier("social", f"@Gwen_P@{HOST}"),),
        )
        other, _ = citizens.create_citizen(session, ctx.actor, "Someone", "Else")
        auto = mention(
            "auto",
            5,
            state="linked",
            citizen_id=citizen_id,
            triaged_by=AUTO_LINKER,
            triaged_at=to_iso(NOW),
            content_text="<img src='https://evil.example/x.png'> \u202egnp.exe",
        )
        by_person = mention("person", 10, author_handle=f"@gwen.alt@{HOST}")
        undone = mention("undone", 15)
        elsewhere = mention("elsewhere", 20, state="linked", citizen_id=other)
        for doc in (
            auto,
            by_person,
            undone,
            elsewhere,
            link(link_id_of(auto["_id"]), auto["_id"], citizen_id),
            link(
                "idlink:p1",
                by_person["_id"],
                citizen_id,
                method="person",
                by=ctx.actor.staff_id,
                reasons=["given.exact", "family.exact"],
                probability=0.7,
            ),
            link(
                "idlink:u1",
                undone["_id"],
                citizen_id,
                undone_at=to_iso(NOW),
                undone_by=ctx.actor.staff_id,
            ),
        ):
            docstore.put_replicated(session, {**doc, "_rev": "1-" + "a" * 32})
    return citizen_id


def test_linked_mentions_join_the_timeline_with_how_they_were_linked(
    seeded: Store, gwen: str, ctx: UiContext
) -> None:
    with seeded.read() as session, statements(session) as seen:
        snap = load_citizen(session, gwen)
        assert scans(session, seen) == []  # mentions and links read by index
    social = [e for e in snap.timeline if e.channel == "social"]
    assert [e.id.rsplit("-", 1)[-1] for e in social] == ["auto", "person"]
    auto, person = social
    assert (auto.kind, auto.direction, auto.by_name) == ("contact", "inbound", f"@gwen_p@{HOST}")
    assert auto.mention is not None and person.mention is not None
    assert auto.mention.linked_how == "automatic"
    assert auto.mention.reasons == ("handle.exact", "given.exact", "family.exact")
    assert (person.mention.linked_how, person.mention.linked_by_name) == (
        "person",
        ctx.staff_name,
    )
    assert snap.last_contact is not None and snap.last_contact.id == auto.id
    # The handle on the record (however typed) once, then the one she also posted from.
    assert snap.social_handles == (f"@gwen_p@{HOST}", f"@gwen.alt@{HOST}")


class Catcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def opened() -> Iterator[list[str]]:
    """What would be handed to the browser (nothing really opens in a test)."""
    catcher = Catcher()
    QDesktopServices.setUrlHandler("https", catcher, "catch")
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("https")


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=WAIT_MS)


def test_the_reading_pane_says_why_a_mention_is_here_and_opens_the_post_only_when_asked(
    qtbot: QtBot,
    ctx: UiContext,
    gwen: str,
    opened: list[str],
    settle: Callable[[], None],
) -> None:
    view = CitizenView(ctx, gwen)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    qtbot.waitExposed(view)
    timeline = view.timeline
    focus(qtbot, timeline.table)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Home)
    shown = timeline.reader.text.toPlainText()
    assert "Social media, From the citizen" in shown
    assert f"Gwen Prydderch (@gwen_p@{HOST})" in shown
    assert "Linked to a citizen" in shown
    assert (
        "Automatically, 100.0% sure: same social media handle; same given name; same family name"
        in shown
    )
    # The post's words are text: no image fetched, no direction override obeyed.
    assert "<img src='https://evil.example/x.png'>" in shown and "\u202e" not in shown
    assert f"https://{HOST}/@gwen/auto" in shown
    assert opened == []  # showing it opened nothing
    # The person chooses to open the post: Tab to the link in the pane, Enter.
    focus(qtbot, timeline.reader.text)
    qtbot.keyClick(timeline.reader.text, Qt.Key.Key_Tab)
    qtbot.keyClick(timeline.reader.text, Qt.Key.Key_Return)
    assert opened == [f"https://{HOST}/@gwen/auto"]
    # The next entry: a person's link, with who linked it.
    focus(qtbot, timeline.table)
    qtbot.keyClick(timeline.table, Qt.Key.Key_Down)
    shown = timeline.reader.text.toPlainText()
    assert f"By {ctx.staff_name}: same given name; same family name" in shown
    handles = view.profile.handles
    assert not handles.isHidden()
    assert handles.text() == f"Social media: @gwen_p@{HOST}, @gwen.alt@{HOST}"
    settle()


def test_a_post_address_that_is_not_http_is_shown_as_text_never_as_a_link(
    seeded: Store, ctx: UiContext
) -> None:
    from ui.citizen.timeline_mention import safe_address

    assert safe_address("javascript:alert(1)") is None
    assert safe_address("file:///etc/passwd") is None
    assert safe_address("https://") is None
    assert safe_address(f"https://{HOST}/@x/1") == f"https://{HOST}/@x/1"


def test_a_mention_the_worker_claimed_before_its_link_arrived_still_says_automatically() -> None:
    from ui.citizen.snapshot_mentions import MentionDetail
    from ui.citizen.timeline_mention import why_linked

    claimed = MentionDetail(
        id="mention:x",
        at=NOW,
        author_handle=f"@a@{HOST}",
        author_name=None,
        text="",
        url=None,
        state="linked",
        deleted=False,
        case_id=None,
        linked_how=None,
        linked_by=AUTO_LINKER,
        probability=None,
        reasons=(),
        linked_by_name=AUTO_LINKER,
    )
    assert why_linked(claimed) == "Automatically"
    by_hand = MentionDetail(**{**claimed.__dict__, "linked_by": "staff:a", "linked_by_name": "Ann"})
    assert why_linked(by_hand) == "By Ann"
