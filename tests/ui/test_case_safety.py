"""Officer-safety markers show on every case at their address (however the address is
written), not on cases elsewhere, nor once ended; other kinds of marker stay on the citizen."""

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from caseworker.models import Service
from caseworker.services import cases, citizens, markers
from caseworker.services.context import Actor
from caseworker.store.store import Store
from caseworker.timeutil import utcnow
from ui.case import CaseView
from ui.context import UiContext

WAIT_MS = 10_000


def _open(store: Store, actor: Actor, citizen_id: str | None, address: str, postcode: str) -> str:
    with store.write() as s:
        code = s.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        new = cases.NewCase(
            code,
            "Fly-tipping by the gate",
            "phone",
            citizen_id=citizen_id,
            location_address=address,
            location_postcode=postcode,
        )
        return cases.open_case(s, actor, new)[0]


def _view(qtbot: QtBot, ctx: UiContext, case_id: str) -> CaseView:
    view = CaseView(ctx, case_id)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.show()
    return view


def test_a_case_at_a_marked_address_warns_whoever_opens_it(
    qtbot: QtBot, ctx: UiContext, seeded: Store, settle: Callable[[], None]
) -> None:
    actor = ctx.actor
    soon = utcnow().date() + timedelta(days=30)
    with seeded.write() as s:
        resident, _ = citizens.create_citizen(
            s,
            actor,
            "Dai",
            "Prosser",
            identifiers=(
                citizens.NewIdentifier(
                    "address", "12, Heol-y-Castell, Caerdydd", postcode="cf101bj"
                ),
            ),
        )
        passer_by, _ = citizens.create_citizen(s, actor, "Nia", "Passer")
        markers.add_marker(
            s, actor, resident, kind="officer_safety", reason="Visit in pairs", review_on=soon
        )
        markers.add_marker(
            s, actor, resident, kind="vulnerability", reason="Hard of hearing", review_on=soon
        )
    # Someone else's case at the same place, written differently; and one next door.
    here = _open(seeded, actor, passer_by, "12 Heol y Castell", "CF10 1BJ")
    next_door = _open(seeded, actor, passer_by, "14 Heol y Castell", "CF10 1BJ")

    view = _view(qtbot, ctx, here)
    qtbot.waitUntil(lambda: view.safety.isVisible(), timeout=WAIT_MS)
    assert [c.kind for c in view.safety.cards] == ["officer_safety"]  # not the vulnerability
    spoken = view.safety.accessibleName()
    assert spoken.startswith("Officer safety at this address Officer safety: Visit in pairs.")
    assert view.safety.property("marker") == "red" and view.safety.cards[0].icon.pixmap()
    # Reached by Tab straight after the citizen button.
    view.buttons["open_citizen"].setFocus()
    qtbot.keyClick(view.buttons["open_citizen"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.safety

    elsewhere = _view(qtbot, ctx, next_door)
    settle()
    assert not elsewhere.safety.isVisible() and elsewhere.safety.cards == []

    # Ended on another screen: the warning goes from the open case at once.
    with seeded.read() as s:
        (safety,) = [m for m in markers.of_citizen(s, resident) if m.kind == "officer_safety"]
    with qtbot.waitSignal(ctx.bus.changed, timeout=WAIT_MS):
        ctx.worker.write(lambda s: markers.end_marker(s, actor, safety.id))
    qtbot.waitUntil(lambda: not view.safety.isVisible(), timeout=WAIT_MS)
    settle()


def test_a_case_with_no_location_shows_no_banner(
    qtbot: QtBot, ctx: UiContext, seeded: Store, settle: Callable[[], None]
) -> None:
    with seeded.write() as s:
        code = s.scalars(select(Service.code).where(Service.active.is_(True))).first()
        assert code is not None
        case_id, _ = cases.open_case(s, ctx.actor, cases.NewCase(code, "A question", "email"))
    view = _view(qtbot, ctx, case_id)
    settle()
    assert view.safety.isHidden() and view.safety.shown == ()
