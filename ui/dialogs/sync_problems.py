"""Records the central service refused, or that arrived from it unreadable, and why.

They are kept as they are (nothing is thrown away, nothing retried forever): the next edit of a
refused record tries again, and a person can open each one from here.
"""

from dataclasses import dataclass

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
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.documents.types import CASE, CITIZEN
from caseworker.models import StoredDocument
from ui import labels
from ui.dialogs.shared import alive, plain_error
from ui.worker import DbWorker

LIMIT = 1000


@dataclass(frozen=True)
class SyncProblem:
    doc_id: str
    doc_type: str | None
    reason: str


def sync_problems(session: Session) -> list[SyncProblem]:
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.type, StoredDocument.problem)
        .where(StoredDocument.problem.is_not(None))
        .order_by(StoredDocument.seq.desc())
        .limit(LIMIT)
    )
    return [SyncProblem(doc_id, doc_type, problem or "") for doc_id, doc_type, problem in rows]


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

    def _show(self, problems: list[SyncProblem]) -> None:
        if not alive(self):
            return
        self.table.clear()
        for problem in problems:
            kind = labels.document_type(problem.doc_type) if problem.doc_type else ""
            item = QTreeWidgetItem([problem.doc_id, kind, problem.reason])
            item.setData(0, Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(2, problem.reason)
            self.table.addTopLevelItem(item)
        self.table.resizeColumnToContents(0)
        if problems:
            self.summary.setText(
                self.tr(
                    "%n record(s) could not be synced. They are kept here unchanged; editing one "
                    "sends it again.",
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
        if isinstance(problem, SyncProblem) and problem.doc_type in (CASE.name, CITIZEN.name):
            self.open_record_requested.emit(problem.doc_id)
            self.accept()
