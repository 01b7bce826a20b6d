"""Records the central service refused, that arrived from it unreadable or foreign, or that
clash with another (two cases sharing a reference), and why: ``caseworker.store.problems``.

They are kept as they are (nothing is thrown away, nothing retried forever): the next edit of a
refused record tries again, and a person can open each case or citizen from here.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from caseworker.documents.types import CASE, CITIZEN
from caseworker.store.problems import Problem, list_problems
from ui import labels
from ui.dialogs.shared import alive, plain_error
from ui.worker import DbWorker

LIMIT = 1000


def sync_problems(session: Session) -> list[Problem]:
    return list_problems(session, LIMIT)


class SyncProblemsDialog(QDialog):
    open_record_requested = Signal(str)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync problems"))
        self.setAccessibleName(self.tr("Sync problems"))
        self.summary = QLabel(self.tr("Looking for records with sync problems…"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.table = QTreeWidget()
        self.table.setAccessibleName(self.tr("Records with sync problems"))
        self.table.setAccessibleDescription(
            self.tr("Press Enter to open a case or a citizen; its next edit is sent again.")
        )
        self.table.setHeaderLabels([self.tr("Record"), self.tr("Kind"), self.tr("Why")])
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)
        self.table.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close (Esc)"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
        worker.read(sync_problems, self._show, self._failed)

    def _show(self, problems: list[Problem]) -> None:
        if not alive(self):
            return
        self.table.clear()
        for problem in problems:
            kind = labels.document_type(problem.doc_type) if problem.doc_type else ""
            # Ids, types and reasons come from peers: controls shown, never obeyed.
            shown = [labels.shown(problem.doc_id) or self.tr("(none)"), labels.shown(kind)]
            item = QTreeWidgetItem([*shown, labels.shown(problem.reason)])
            item.setData(0, Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(2, labels.shown(problem.reason, lines=True))
            self.table.addTopLevelItem(item)
        self.table.resizeColumnToContents(0)
        if problems:
            self.summary.setText(
                self.tr(
                    "%n problem(s) to look at. Records are kept here unchanged: editing one "
                    "sends it again, and changing one of two that clash resolves the clash.",
                    "",
                    len(problems),
                )
            )
            first = self.table.topLevelItem(0)
            if first is not None:
                self.table.setCurrentItem(first)
            self.table.setFocus()
        else:
            self.summary.setText(self.tr("Every record synced: there are no problems."))

    def _failed(self, error: Exception) -> None:
        if alive(self):
            self.summary.setText(plain_error(error))

    def _open(self, item: QTreeWidgetItem) -> None:
        problem = item.data(0, Qt.ItemDataRole.UserRole)
        if (
            isinstance(problem, Problem)
            and problem.doc_id
            and problem.doc_type
            in (
                CASE.name,
                CITIZEN.name,
            )
        ):
            self.open_record_requested.emit(problem.doc_id)
            self.accept()
