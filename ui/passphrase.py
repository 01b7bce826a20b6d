"""Asking for an encrypted store's passphrase when the OS keyring cannot give its key (a
machine with no Secret Service, or a store made with a passphrase). The dialog says why it is
asking, and what to install so that it need not."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PassphraseDialog(QDialog):
    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open this computer's records"))
        self.setAccessibleName(self.tr("Store passphrase"))
        heading = QLabel(self.tr("This computer's records are encrypted."))
        heading.setProperty("role", "title")
        self.reason = QLabel(reason)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName(self.tr("Why the passphrase is asked for"))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase (Alt+P)"))
        self.field.setAccessibleDescription(
            self.tr("The passphrase the records were encrypted with; Enter opens them.")
        )
        label = QLabel(self.tr("&Passphrase:"))
        label.setBuddy(self.field)
        buttons = QDialogButtonBox()
        open_button = buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        open_button.setAccessibleName(self.tr("Open (Enter)"))
        open_button.setDefault(True)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setAccessibleName(self.tr("Quit (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.reason, label, self.field, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(480)
        self.field.setFocus()


def ask_passphrase(reason: str) -> str | None:
    """The passphrase typed, or None when the person chose to quit."""
    dialog = PassphraseDialog(reason)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.field.text()
    finally:
        dialog.field.clear()
        dialog.deleteLater()
