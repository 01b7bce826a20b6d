"""Two citizens side by side, field by field, with the score and its reasons: Merge (the
supervisor picks which record remains), Not the same person (recorded and synced, so the pair
is not offered again), or Skip. Opened from the Duplicates list or a citizen's record."""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.dedupe import review
from caseworker.services import merges
from ui import labels
from ui.context import UiContext
from ui.dedupe.reasons import reasons_text
from ui.dialogs.base import error_label
from ui.dialogs.shared import alive, plain_error


def _cell(text: str, name: str) -> QLabel:
    label = QLabel(labels.shown(text))
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class DuplicateReviewDialog(QDialog):
    """``decided`` says what was done: "merged", "distinct" or "skipped"."""

    decided = Signal(str)

    def __init__(
        self, ctx: UiContext, first_id: str, second_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ids = (first_id, second_id)
        self.pair: review.Pair | None = None
        self.busy = False
        self.done_with = False  # decided: closing says nothing more
        self.setWindowTitle(self.tr("Are these the same person?"))
        self.setAccessibleName(self.tr("Are these the same person?"))
        self.setMinimumWidth(640)

        self.summary = QLabel(self.tr("Reading both records…"))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Score and reasons"))
        self.error = error_label()
        self.error.setAccessibleName(self.tr("What went wrong"))
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        holder = QWidget()
        holder.setLayout(self.grid)
        # Labels only (never a table) in the scrolling pane: many identifiers stay reachable.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.keep_left = QRadioButton(self.tr("Keep the &left record"))
        self.keep_right = QRadioButton(self.tr("Keep the ri&ght record"))
        for keep, side in ((self.keep_left, "left"), (self.keep_right, "right")):
            keep.setAccessibleName(
                self.tr("Keep the left record")
                if side == "left"
                else self.tr("Keep the right record")
            )
            keep.setAccessibleDescription(
                self.tr("The record that remains; the other is merged into it.")
            )
        self.keep_left.setChecked(True)
        self.why = QLineEdit()
        self.why.setAccessibleName(self.tr("Why"))
        self.why.setAccessibleDescription(
            self.tr("Why they are, or are not, the same person: kept with the decision.")
        )
        why_label = QLabel(self.tr("&Why:"))
        why_label.setBuddy(self.why)

        self.buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("&Merge"))
        self.distinct_button = QPushButton(self.tr("&Not the same person"))
        self.skip_button = QPushButton(self.tr("S&kip"))
        for button, name, description in (
            (
                self.merge_button,
                self.tr("Merge"),
                self.tr("Merge the other record into the one kept."),
            ),
            (
                self.distinct_button,
                self.tr("Not the same person"),
                self.tr("Records that they are different people: not offered again."),
            ),
            (self.skip_button, self.tr("Skip"), self.tr("Decide later: nothing is recorded.")),
        ):
            button.setAccessibleName(name)
            button.setAccessibleDescription(description)
            button.setToolTip(description)
        self.buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.distinct_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(self.merge)
        self.distinct_button.clicked.connect(self.not_same)
        self.skip_button.clicked.connect(self.skip)
        self.merge_button.setEnabled(False)
        self.distinct_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.keep_left)
        layout.addWidget(self.keep_right)
        layout.addWidget(why_label)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.keep_left, self.keep_right)
        QWidget.setTabOrder(self.keep_right, self.why)
        QWidget.setTabOrder(self.why, self.merge_button)
        QWidget.setTabOrder(self.merge_button, self.distinct_button)
        QWidget.setTabOrder(self.distinct_button, self.skip_button)
        self.why.setFocus()
        a, b = self.ids
        ctx.worker.read(lambda s: review.pair(s, a, b), self._arrived, self._failed)

    # -- showing ------------------------------------------------------------------------------
    def _arrived(self, pair: review.Pair) -> None:
        if not alive(self):
            return
        self.pair = pair
        self.summary.setText(
            self.tr("%1 likely the same person: %2")
            .replace("%1", f"{pair.score:.0%}")
            .replace("%2", reasons_text(pair.reasons))
        )
        left, right = pair.left, pair.right
        rows: list[tuple[str, str, str]] = [
            (
                self.tr("Name"),
                f"{left.given_name} {left.family_name}",
                f"{right.given_name} {right.family_name}",
            ),
            (self.tr("Known as"), left.preferred_name or "", right.preferred_name or ""),
            (self.tr("Date of birth"), left.date_of_birth or "", right.date_of_birth or ""),
            (self.tr("Language"), labels.language(left.language), labels.language(right.language)),
        ]
        for kind in sorted({*left.identifiers, *right.identifiers}):
            rows.append(
                (
                    labels.identifier_kind(kind),
                    "\n".join(left.identifiers.get(kind, ())),
                    "\n".join(right.identifiers.get(kind, ())),
                )
            )
        rows.append((self.tr("Cases"), str(left.cases), str(right.cases)))
        rows.append((self.tr("Contacts"), str(left.contacts), str(right.contacts)))
        self.grid.addWidget(QLabel(self.tr("Left record")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Right record")), 0, 2)
        for n, (field, a, b) in enumerate(rows, start=1):
            caption = QLabel(field)
            caption.setProperty("role", "muted")
            self.grid.addWidget(caption, n, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(_cell(a, self.tr("Left: %1").replace("%1", field)), n, 1)
            self.grid.addWidget(_cell(b, self.tr("Right: %1").replace("%1", field)), n, 2)
        # The record with more history is offered as the one to keep.
        if (right.cases + right.contacts) > (left.cases + left.contacts):
            self.keep_right.setChecked(True)
        self.merge_button.setEnabled(True)
        self.distinct_button.setEnabled(True)

    def _failed(self, error: Exception) -> None:
        if alive(self):
            self._say(plain_error(error))

    def _say(self, message: str) -> None:
        self.busy = False
        self.error.setText(message)
        self.error.show()

    # -- deciding -----------------------------------------------------------------------------
    def merge(self) -> None:
        if self.busy or self.pair is None:
            return
        survivor, other = self.ids if self.keep_left.isChecked() else self.ids[::-1]
        actor, why = self.ctx.actor, self.why.text()
        self._write(lambda s: merges.merge(s, actor, survivor, other, why), "merged")

    def not_same(self) -> None:
        if self.busy or self.pair is None:
            return
        (a, b), actor, why = self.ids, self.ctx.actor, self.why.text()
        self._write(lambda s: merges.not_same_person(s, actor, a, b, why), "distinct")

    def skip(self) -> None:
        self.reject()

    def reject(self) -> None:
        """Skip (Esc too): nothing is recorded; a decision being saved finishes first."""
        if self.busy:
            return
        if not self.done_with:
            self.done_with = True
            self.decided.emit("skipped")
        super().reject()

    def _write(self, job: Any, outcome: str) -> None:
        self.busy = True
        self.error.hide()

        def done(_result: Any) -> None:
            if alive(self):
                self.busy = False
                self.done_with = True
                self.decided.emit(outcome)
                self.accept()

        self.ctx.worker.write(job, done, self._failed)
