"""Every screen ``caseworker gui --screenshot OUT --view NAME`` can show, in one table each for
the window's views and its dialogs: adding one is one line here.

Each entry puts a shown ``MainWindow`` into that state and returns the dialog it opened (or
None for a view of the window itself). The records shown are chosen from the store by a fixed
rule (the most common surname, the citizen with the most cases, the case with the most history),
so that screenshots of the same store are the same and the no-cut-text test sees full views.
"""

from collections.abc import Callable
from dataclasses import dataclass
from time import perf_counter

from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.models import Case, CaseEvent, Citizen
from ui.case.view import CaseView
from ui.citizen import CitizenView
from ui.dialogs.anonymous_contact import AnonymousContactDialog
from ui.dialogs.contact import LogContactDialog
from ui.dialogs.identifier import IdentifierDialog
from ui.dialogs.link_citizen import LinkCitizenDialog
from ui.dialogs.marker import MarkerDialog
from ui.dialogs.new_citizen import NewCitizenDialog
from ui.dialogs.note import NoteDialog
from ui.dialogs.open_case import OpenCaseDialog
from ui.main_window import MainWindow
from ui.mentions.dialogs import DraftReplyDialog
from ui.mentions.page import MentionsPage
from ui.routing.page import RoutingPage
from ui.service_levels.page import ServiceLevelsPage
from ui.signin import SignInDialog
from ui.worklist.assign_dialog import AssignDialog


@dataclass(frozen=True)
class Picks:
    """The records the screens show, chosen from the store (None when it has none)."""

    surname: str | None
    citizen_id: str | None
    case_id: str | None


def pick_records(session: Session) -> Picks:
    """Most common surname (a search with many results); the citizen with the most cases; the
    case with the most history. Ties go to the smallest name or id, so the choice is stable."""
    surname = session.execute(
        select(Citizen.family_name, func.count().label("n"))
        .where(Citizen.merged_into.is_(None))
        .group_by(Citizen.family_name)
        .order_by(func.count().desc(), Citizen.family_name)
        .limit(1)
    ).first()
    citizen = session.execute(
        select(Case.citizen_id, func.count().label("n"))
        .where(Case.citizen_id.is_not(None))
        .group_by(Case.citizen_id)
        .order_by(func.count().desc(), Case.citizen_id)
        .limit(1)
    ).first()
    case = session.execute(
        select(CaseEvent.case_id, func.count().label("n"))
        .group_by(CaseEvent.case_id)
        .order_by(func.count().desc(), CaseEvent.case_id)
        .limit(1)
    ).first()
    return Picks(
        surname[0] if surname else None,
        citizen[0] if citizen else None,
        case[0] if case else None,
    )


Show = Callable[[MainWindow, Picks], QDialog | None]


class NothingToShow(LookupError):
    """The store has no record of the kind a screen shows."""


def _need(value: str | None, what: str) -> str:
    if value is None:
        raise NothingToShow(f"the store has no {what} to show")
    return value


def _page(page: str) -> Show:
    def show(window: MainWindow, _picks: Picks) -> None:
        window.show_page(page)

    return show


def _supervisors_page(page: str) -> Show:
    def show(window: MainWindow, _picks: Picks) -> None:
        if page not in window.pages:
            raise NothingToShow(f"only supervisors and admins see the {page} page")
        window.show_page(page)

    return show


def _routing_rule(window: MainWindow, _picks: Picks) -> QDialog:
    """The first routing rule, open for a change."""
    _supervisors_page("routing")(window, _picks)
    page = window.pages["routing"]
    assert isinstance(page, RoutingPage)
    wait_for = perf_counter() + 20
    while page.model.rowCount() == 0 and perf_counter() < wait_for:
        QApplication.processEvents()
    if page.model.rowCount() == 0:
        raise NothingToShow("the store has no routing rules to show")
    page.table.setCurrentIndex(page.model.index(0, 1))
    page.edit_rule()
    assert isinstance(page.dialog, QDialog)
    return page.dialog


def _service_levels(tab: int) -> Show:
    """The Service levels page on one of its tabs (0: escalation rules, 1: the calendar),
    once what it shows has arrived."""

    def show(window: MainWindow, _picks: Picks) -> None:
        _supervisors_page("service_levels")(window, _picks)
        page = window.pages["service_levels"]
        assert isinstance(page, ServiceLevelsPage)
        page.tabs.setCurrentIndex(tab)
        panel = page.tabs.currentWidget()
        wait_for = perf_counter() + 20
        while getattr(panel, "data", None) is None and perf_counter() < wait_for:
            QApplication.processEvents()

    return show


def _escalation_rule(window: MainWindow, _picks: Picks) -> QDialog:
    """The dialog that adds an escalation rule."""
    _service_levels(0)(window, _picks)
    page = window.pages["service_levels"]
    assert isinstance(page, ServiceLevelsPage)
    if page.escalation.data is None:
        raise NothingToShow("the escalation rules did not load")
    page.escalation.add_rule()
    assert isinstance(page.escalation.dialog, QDialog)
    return page.escalation.dialog


def _escalation_edit(window: MainWindow, _picks: Picks) -> QDialog:
    """The first escalation rule, open for a change (read on the database thread first)."""
    _service_levels(0)(window, _picks)
    page = window.pages["service_levels"]
    assert isinstance(page, ServiceLevelsPage)
    panel = page.escalation
    if panel.data is None or panel.model.rowCount() == 0:
        raise NothingToShow("the store has no escalation rules to show")
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    panel.dialog = None
    panel.edit_rule()
    wait_for = perf_counter() + 20
    while panel.dialog is None and perf_counter() < wait_for:
        QApplication.processEvents()
    if panel.dialog is None:
        raise NothingToShow("the escalation rule could not be read")
    return panel.dialog


def _search(window: MainWindow, picks: Picks) -> None:
    window.focus_search()
    window.omnibox.setText(_need(picks.surname, "citizen"))


def _record(kind: str) -> Show:
    def show(window: MainWindow, picks: Picks) -> None:
        record = picks.citizen_id if kind == "citizen" else picks.case_id
        window.open_record(_need(record, kind))

    return show


def _opened(dialog: QDialog) -> QDialog:
    dialog.show()
    return dialog


def _citizen_dialog(make: Callable[[MainWindow, str], QDialog]) -> Show:
    def show(window: MainWindow, picks: Picks) -> QDialog:
        return _opened(make(window, _need(picks.citizen_id, "citizen")))

    return show


def _case_view(window: MainWindow, picks: Picks) -> CaseView:
    """The chosen case's view, once its data has arrived (its dialogs need it)."""
    view = window.open_record(_need(picks.case_id, "case"))
    assert isinstance(view, CaseView)
    deadline = perf_counter() + 20
    while view.snapshot is None and perf_counter() < deadline:
        QApplication.processEvents()
    if view.snapshot is None:
        raise NothingToShow("the case did not load")
    return view


def _marker_review(window: MainWindow, picks: Picks) -> QDialog | None:
    """The review of the chosen citizen's most serious warning marker."""
    view = window.open_record(_need(picks.citizen_id, "citizen"))
    assert isinstance(view, CitizenView)
    deadline = perf_counter() + 20
    while view.snapshot is None and perf_counter() < deadline:
        QApplication.processEvents()
    if view.snapshot is None or not view.snapshot.markers:
        raise NothingToShow("the citizen shown has no warning marker")
    return view.review_marker(view.snapshot.markers[0].id, "")


def _case_dialog(open_it: Callable[[CaseView], QDialog | None]) -> Show:
    def show(window: MainWindow, picks: Picks) -> QDialog | None:
        return open_it(_case_view(window, picks))

    return show


def _mentions(window: MainWindow, _picks: Picks) -> None:
    _mentions_page(window)


def _mentions_page(window: MainWindow) -> MentionsPage:
    """The mentions inbox, with the newest new mention chosen (its detail shown)."""
    if "mentions" not in window.pages:
        raise NothingToShow("only those who hold the mentions channel see the inbox")
    window.show_page("mentions")
    page = window.pages["mentions"]
    assert isinstance(page, MentionsPage)
    deadline = perf_counter() + 20
    while page.detail.detail is None and perf_counter() < deadline:
        QApplication.processEvents()
    if page.detail.detail is None:
        raise NothingToShow("the store has no new mentions")
    return page


def _mention_action(action: str) -> Show:
    def show(window: MainWindow, _picks: Picks) -> QDialog | None:
        return _mentions_page(window).act(action)

    return show


def _mention_reply(window: MainWindow, _picks: Picks) -> QDialog:
    shown = _mentions_page(window).detail.detail
    assert shown is not None
    handle = str(shown.doc.get("author_handle") or "")
    return _opened(DraftReplyDialog(window.ctx, str(shown.doc["_id"]), handle, window))


# The window's own views: screenshots in both languages at every size.
VIEWS: dict[str, Show] = {
    "start": lambda window, _picks: window.show_page(window.page_names[0]),
    "search": _search,
    "citizen": _record("citizen"),
    "case": _record("case"),
    "my-work": _page("my_work"),
    "queue": _page("queues"),
    "board": _supervisors_page("board"),
    "routing": _supervisors_page("routing"),
    "mentions": _mentions,
    "escalation": _service_levels(0),
    "calendar": _service_levels(1),
}
# Screens only some roles see, and the role to show them as (the rest: any role).
ROLE_FOR: dict[str, str] = {
    "board": "supervisor",
    "routing": "supervisor",
    "routing-rule": "supervisor",
    "escalation": "supervisor",
    "calendar": "supervisor",
    "escalation-rule": "supervisor",
    "escalation-edit": "supervisor",
    "assign": "supervisor",
    "spread": "supervisor",
}


# Dialogs: screenshots in both languages at one size, drawn over the window.
def _lock(window: MainWindow, _picks: Picks) -> QDialog | None:
    window.locker.lock()
    return window.locker.screen


DIALOGS: dict[str, Show] = {
    "new-contact": _citizen_dialog(lambda w, c: LogContactDialog(w.ctx, citizen_id=c, parent=w)),
    "note": _citizen_dialog(lambda w, c: NoteDialog(w.ctx, citizen_id=c, parent=w)),
    "open-case": _citizen_dialog(lambda w, c: OpenCaseDialog(w.ctx, c, w)),
    "identifier": _citizen_dialog(lambda w, c: IdentifierDialog(w.ctx, c, w)),
    "sync-problems": lambda window, _picks: window.show_sync_problems(),
    "central": lambda window, _picks: window.connect_central(),
    "sign-in": lambda window, _picks: _opened(SignInDialog(window.ctx.worker, None, window)),
    "new-citizen": lambda w, picks: _opened(NewCitizenDialog(w.ctx, picks.surname or "", w)),
    "anonymous-contact": lambda window, _picks: _opened(AnonymousContactDialog(window.ctx, window)),
    "marker": _citizen_dialog(lambda w, c: MarkerDialog(w.ctx, c, w)),
    "marker-review": _marker_review,
    "close-case": _case_dialog(lambda view: view.change_status("closed")),
    "reply": _case_dialog(lambda view: view.reply()),
    "link-citizen": lambda w, picks: _opened(
        LinkCitizenDialog(w.ctx, _need(picks.case_id, "case"), w)
    ),
    "assign": lambda w, picks: _opened(
        AssignDialog(w.ctx, [_need(picks.case_id, "case")] * 12, parent=w)
    ),
    "spread": lambda w, picks: _opened(
        AssignDialog(w.ctx, [_need(picks.case_id, "case")] * 12, spread=True, parent=w)
    ),
    "routing-rule": _routing_rule,
    "escalation-rule": _escalation_rule,
    "escalation-edit": _escalation_edit,
    "lock": _lock,
    "mention-case": _mention_action("case"),
    "mention-link": _mention_action("choose"),
    "mention-reply": _mention_reply,
}

SCREENS: dict[str, Show] = {**VIEWS, **DIALOGS}
