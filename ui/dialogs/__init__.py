"""Form dialogs of the record views: log a contact, open a case, add an identifier, add a note."""

from ui.dialogs.contact import LogContactDialog
from ui.dialogs.identifier import IdentifierDialog
from ui.dialogs.note import NoteDialog
from ui.dialogs.open_case import OpenCaseDialog

__all__ = ["IdentifierDialog", "LogContactDialog", "NoteDialog", "OpenCaseDialog"]
