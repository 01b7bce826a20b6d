"""The case view says when the central service refused a change to the case (or a note on it),
in the server's words shown safely, and offers the ways out by mouse and keyboard: take the
server's version, re-apply what is still allowed, keep a refused note as a draft or discard it.
Fetching the server's version runs off the GUI thread; without a server, one line says so."""

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Case, Service
from caseworker.services import cases, contacts
from caseworker.store import docstore
from caseworker.store.replication import record_refusals
from caseworker.store.store import Store
from ui.case import CaseView, refusal
from ui.context import UiContext

WAIT_MS = 10_000
REASON = "refused by the central service: only a supervisor can move a case\u202e\x1b[2J"


@pytest.fixture
def refused_case(seeded: Store, ctx: UiContext) -> tuple[str, dict[str, Any]]:
    """A case as the server holds it, then an edit here the server refused."""
    with seeded.write() as s:
        service = s.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert service is not None
        case_id, _ = cases.open_case(s, ctx.actor, cases.NewCase(service, "Bins out", "phone"))
        server = docstore.require(s, case_id)
        queue = "queue:elsewhere"
        docstore.put(s, {**server, "priority": "urgent", "queue_id": queue})
        record_refusals(s, {case_id: REASON})
    return case_id, server


def _open(qtbot: QtBot, ctx: UiContext, case_id: str) -> CaseView:
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    qtbot.waitUntil(view.refusal.isVisible, timeout=WAIT_MS)
    return view


def _finish(qtbot: QtBot, view: CaseView, click: Callable[[], None]) -> str:
    with qtbot.waitSignal(view.refusal.finished, timeout=WAIT_MS) as said:
        click()
    return str(said.args[0])


def test_a_refused_case_shows_the_reason_safely_and_both_ways_out(
    qtbot: QtBot,
    ctx: UiContext,
    refused_case: tuple[str, dict[str, Any]],
    settle: Callable[[], None],
) -> None:
    view = _open(qtbot, ctx, refused_case[0])
    banner = view.refusal
    text = banner.message.text()
    assert text.startswith("Refused by the central service: only a supervisor")
    assert "\u202e" not in text and "\x1b" not in text  # shown as escapes, never obeyed
    assert banner.take.isVisible() and banner.reapply.isVisible()
    assert not banner.keep.isVisible() and not banner.discard.isVisible()
    for button in (banner.take, banner.reapply):
        assert button.accessibleName() and button.accessibleDescription()
    # The keyboard path: Tab reaches both, in reading order.
    banner.take.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(banner.take.hasFocus, timeout=WAIT_MS)
    qtbot.keyClick(banner.take, Qt.Key.Key_Tab)
    assert banner.reapply.hasFocus()
    settle()


def test_without_a_central_service_a_way_out_fails_in_one_line_and_changes_nothing(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    refused_case: tuple[str, dict[str, Any]],
    settle: Callable[[], None],
) -> None:
    case_id, _server = refused_case
    view = _open(qtbot, ctx, case_id)
    said = _finish(qtbot, view, view.refusal.take.click)
    assert said.startswith("Could not take the server's version:") and "\n" not in said
    assert "central service" in said
    settle()
    assert view.refusal.isVisible()
    with seeded.read() as s:
        assert docstore.require(s, case_id)["priority"] == "urgent"


def test_taking_the_servers_version_from_the_banner(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    refused_case: tuple[str, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    case_id, server = refused_case
    monkeypatch.setattr(refusal, "_fetch", lambda _ctx, _id, _base: (server, None))
    view = _open(qtbot, ctx, case_id)
    assert _finish(qtbot, view, view.refusal.take.click) == "The central service's version is kept."
    qtbot.waitUntil(lambda: not view.refusal.isVisible(), timeout=WAIT_MS)
    settle()
    with seeded.read() as s:
        now = docstore.require(s, case_id)
    assert (now["priority"], now["queue_id"]) == (server["priority"], server["queue_id"])


def test_reapplying_from_the_banner_says_what_was_kept_and_dropped(
    qtbot: QtBot,
    ctx: UiContext,
    seeded: Store,
    refused_case: tuple[str, dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    case_id, server = refused_case
    monkeypatch.setattr(refusal, "_fetch", lambda _ctx, _id, _base: (server, None))
    view = _open(qtbot, ctx, case_id)
    view.refusal.reapply.setFocus()
    said = _finish(qtbot, view, lambda: qtbot.keyClick(view.refusal.reapply, Qt.Key.Key_Space))
    assert said.startswith("Re-applied: Priority.")
    assert "Dropped Queue: only a supervisor can move a case to another queue" in said
    settle()
    assert not view.refusal.isVisible()
    assert view.refusal.outcome.text() == said
    with seeded.read() as s:
        now = docstore.require(s, case_id)
    assert (now["priority"], now["queue_id"]) == ("urgent", server["queue_id"])


def test_a_refused_note_is_kept_as_a_draft_or_discarded(
    qtbot: QtBot, ctx: UiContext, seeded: Store, settle: Callable[[], None]
) -> None:
    with seeded.write() as s:
        case_id = s.scalars(select(Case.id)).first()
        assert case_id is not None
        note_id, _ = contacts.add_note(s, ctx.actor, "rang twice", case_id=case_id)
        record_refusals(s, {note_id: "refused by the central service: not yours"})
    view = _open(qtbot, ctx, case_id)
    banner = view.refusal
    assert "note" in banner.message.text() and "not yours" in banner.message.text()
    assert banner.keep.isVisible() and banner.discard.isVisible()
    assert not banner.take.isVisible()
    _finish(qtbot, view, banner.keep.click)
    qtbot.waitUntil(lambda: "draft" in banner.message.text(), timeout=WAIT_MS)
    assert not banner.keep.isVisible() and banner.discard.isVisible()
    _finish(qtbot, view, banner.discard.click)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WAIT_MS)
    settle()
    with seeded.read() as s:
        assert docstore.get(s, note_id) is None
