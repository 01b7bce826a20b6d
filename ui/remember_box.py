"""The "remember the password in this computer's keyring" box of the sign-in and connection
dialogs. Where the machine has no keyring the box is off and disabled and says why, so a
sign-in never fails over a password that could not be kept (the password is asked each time).
Whether there is a keyring is found off the GUI thread: resolving it takes half a second."""

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QWidget

from sync.credentials import keyring_available
from ui.background import run_off_gui


class RememberBox(QCheckBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Remember it in this computer's keyring"), parent)
        self.setChecked(True)
        self.setAccessibleName(self.tr("Remember the password (Alt+R)"))
        self.setAccessibleDescription(
            self.tr("Keeps the password in the operating system's keyring, never in a file.")
        )
        self.keyring: bool | None = None  # not known yet
        self._asked = False

    def showEvent(self, event: QShowEvent) -> None:
        # Asked when first shown: a sign-in without a central service never shows the box.
        if not self._asked:
            self._asked = True
            run_off_gui(self, keyring_available, self._found, lambda _error: self._found(False))
        super().showEvent(event)

    def _found(self, available: object) -> None:
        self.keyring = bool(available)
        if self.keyring:
            return
        self.setChecked(False)
        self.setEnabled(False)
        self.setText(self.tr("Remember it: not possible, this computer has no keyring"))
        self.setAccessibleDescription(
            self.tr("This computer has no keyring, so the password is asked for each time.")
        )

    def on_change(self, clear: Callable[[], None]) -> None:
        """``clear`` runs when the box is ticked or unticked (an earlier error no longer
        stands)."""
        self.toggled.connect(lambda _checked: clear())
