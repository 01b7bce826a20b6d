"""The shape every Caseworker form dialog shares.

Fields are laid out with a label (its mnemonic is the keyboard path), an accessible name and
description, and an error line right under the field. "Save" runs the service on the database
thread; if it fails, the dialog stays open with everything typed still there and the service's
own message beside the field it is about (or at the top when it is about no one field).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ui import theme
from ui.context import UiContext
from ui.dialogs.shared import alive, plain_error

Job = Callable[[Session], Any]


def error_label() -> QLabel:
    label = QLabel()
    label.setAccessibleDescription(
        QCoreApplication.translate("FormDialog", "Why this could not be saved yet.")
    )
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    theme.set_role(label, "role", "error")
    label.hide()
    return label


def text_box(max_lines: int = 6, parent: QWidget | None = None) -> QPlainTextEdit:
    """A multi-line box where Tab moves on (as everywhere else) instead of typing a tab."""
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    line = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(line * 3 + 12)
    box.setMaximumHeight(line * max_lines + 12)
    return box


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class FormDialog(QDialog):
    """Subclasses add fields with ``add_field`` and implement ``job`` (and ``check``)."""

    saved = Signal(object)  # what the service returned

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False
        self.result_value: Any = None
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._rows: dict[str, QWidget] = {}
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.intro.hide()
        self.general_error = error_label()
        self.general_error.setAccessibleName(self.tr("What went wrong"))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setAccessibleDescription(self.tr("Saves and closes this dialog."))
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel (Esc)"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Closes this dialog without saving anything.")
        )
        self.cancel_button.setToolTip(self.tr("Cancel (Esc)"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(
        self, name: str, label: str, widget: QWidget, accessible: str, description: str
    ) -> QWidget:
        """A labelled field (``label`` carries its mnemonic, e.g. "&Channel") with an error line."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(accessible)
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
        error = error_label()
        error.setAccessibleName(self.tr("Problem with %1").replace("%1", accessible))
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.form.addRow(caption, holder)
        self._fields[name] = widget
        self._rows[name] = holder
        self._errors[name] = error
        return widget

    def set_field_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self._rows[name], visible)

    # -- what subclasses provide --------------------------------------------------------------
    def check(self) -> dict[str, str]:
        """Problems found without the database, by field name (empty when all is well)."""
        return {}

    def job(self) -> Job:
        raise NotImplementedError

    def field_for(self, message: str) -> str | None:
        """Which field a service's message is about (None: shown at the top)."""
        return None

    # -- saving -------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        problems = self.check()
        if problems:
            for name, message in problems.items():
                self.show_error(message, name)
            return
        self._set_saving(True)
        self.ctx.worker.write(self.job(), self._saved, self._failed)

    def _saved(self, result: Any) -> None:
        if not alive(self):
            return
        self._set_saving(False)
        self.result_value = result
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not alive(self):
            return
        self._set_saving(False)
        message = plain_error(error)
        self.show_error(message, self.field_for(message))

    def show_error(self, message: str, field: str | None = None) -> None:
        label = self._errors.get(field or "", self.general_error)
        label.setText(message)
        label.show()
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for label in [self.general_error, *self._errors.values()]:
            label.clear()
            label.hide()

    def error_text(self, field: str | None = None) -> str:
        label = self._errors.get(field or "", self.general_error)
        return label.text() if label.isVisible() or label.text() else ""

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("&Save"))

    def reject(self) -> None:
        if not self.saving:  # a save in flight finishes first; its answer closes or reports
            super().reject()
