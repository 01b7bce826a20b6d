"""Assign the selected cases: to one officer ("Assign to…") or spread evenly among several.

Officers are listed with their open load, their cap and whether they are on leave; choosing
one who is away or at capacity asks once more ("Assign anyway") before anything is saved. The
work runs on the database thread through ``caseworker.services.assignment``.
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget
from sqlalchemy.orm import Session

from caseworker.services import assignment
from caseworker.services.assignment import Workload
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import alive


class AssignDialog(FormDialog):
    """``result_value`` is an ``assignment.Outcome`` (and, spreading, the plan)."""

    def __init__(
        self,
        ctx: UiContext,
        case_ids: Sequence[str],
        *,
        spread: bool = False,
        queue_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        n = len(case_ids)
        title = (
            self.tr("Spread %n case(s) evenly", "", n)
            if spread
            else self.tr("Assign %n case(s)", "", n)
        )
        super().__init__(ctx, title, parent)
        self.case_ids = list(case_ids)
        self.spread = spread
        self._confirmed = False
        self._loads: dict[str, Workload] = {}
        self.set_intro(
            self.tr(
                "Tick the officers to share the cases among. Loads, caps and leave are respected."
            )
            if spread
            else self.tr("Choose who takes the cases. Their open cases, cap and leave are shown.")
        )
        self.officers = QListWidget()
        self.officers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.officers.setMinimumHeight(self.officers.fontMetrics().lineSpacing() * 8)
        self.add_field(
            "officer",
            self.tr("&Officers:") if spread else self.tr("&Officer:"),
            self.officers,
            self.tr("Officers") if spread else self.tr("Officer"),
            self.tr("Space ticks or unticks an officer.")
            if spread
            else self.tr("Up and Down choose; Ctrl+Enter assigns."),
        )
        self.save_button.setText(self.tr("&Assign"))
        self.officers.currentItemChanged.connect(self._reset_confirm)
        self.officers.itemChanged.connect(self._reset_confirm)
        self.officers.setFocus()
        ctx.worker.read(lambda s: assignment.workloads(s, queue_id), self._show)

    def _show(self, loads: list[Workload]) -> None:
        if not alive(self):
            return
        self._loads = {w.staff_id: w for w in loads}
        for w in loads:
            item = QListWidgetItem(f"{w.name} — {self.describe(w)}")
            item.setData(Qt.ItemDataRole.UserRole, w.staff_id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{w.name}, {self.describe(w)}")
            if self.spread:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.officers.addItem(item)
        if loads:
            self.officers.setCurrentRow(0)
        else:
            self.show_error(self.tr("Nobody in this queue takes cases: add officers to it first."))

    def describe(self, w: Workload) -> str:
        """ "12 open cases", "at capacity 25/25", "on leave until 14 Dec"."""
        parts = [self.tr("%n open case(s)", "", w.load)]
        if w.capacity is not None:
            cap = f"{w.load}/{w.capacity}"
            parts.append(
                self.tr("at capacity %1").replace("%1", cap)
                if w.full
                else self.tr("cap %1").replace("%1", cap)
            )
        if w.away_until is not None:
            until = w.away_until
            day = QLocale().toString(QDate(until.year, until.month, until.day), "d MMM")
            parts.append(self.tr("on leave until %1").replace("%1", day))
        return ", ".join(parts)

    def chosen(self) -> list[str]:
        if self.spread:
            return [
                str(self.officers.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.officers.count())
                if self.officers.item(i).checkState() == Qt.CheckState.Checked
            ]
        item = self.officers.currentItem()
        return [str(item.data(Qt.ItemDataRole.UserRole))] if item is not None else []

    def _reset_confirm(self, *_: Any) -> None:
        if self._confirmed:
            self._confirmed = False
            self.save_button.setText(self.tr("&Assign"))

    def check(self) -> dict[str, str]:
        chosen = self.chosen()
        if not chosen:
            return {"officer": self.tr("Choose at least one officer.")}
        if self.spread or self._confirmed:
            return {}
        w = self._loads[chosen[0]]
        if w.away or w.full:
            self._confirmed = True
            self.save_button.setText(self.tr("Assign &anyway"))
            why = self.describe(w)
            return {"officer": self.tr("%1 is %2. Press Assign anyway to go ahead.")
                    .replace("%1", w.name).replace("%2", why)}  # fmt: skip
        return {}

    def job(self) -> Job:
        actor, case_ids, chosen = self.ctx.actor, list(self.case_ids), self.chosen()
        if self.spread:

            def spread(session: Session) -> Any:
                outcome, plan = assignment.spread(session, actor, case_ids, chosen)
                return outcome, plan, outcome.changes

            return spread

        def assign(session: Session) -> Any:
            outcome = assignment.assign_many(session, actor, case_ids, chosen[0])
            return outcome, outcome.changes

        return assign
