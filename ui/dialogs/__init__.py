"""Form dialogs of the record views: log a contact, open a case, add an identifier, add a note.

Each is loaded when first asked for: the package's small shared parts (``ui.dialogs.shared``,
``ui.dialogs.base``) are needed at start-up, the forms only when a record opens.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.dialogs.contact import LogContactDialog
    from ui.dialogs.identifier import IdentifierDialog
    from ui.dialogs.note import NoteDialog
    from ui.dialogs.open_case import OpenCaseDialog

__all__ = ["IdentifierDialog", "LogContactDialog", "NoteDialog", "OpenCaseDialog"]
_WHERE = {
    "IdentifierDialog": "ui.dialogs.identifier",
    "LogContactDialog": "ui.dialogs.contact",
    "NoteDialog": "ui.dialogs.note",
    "OpenCaseDialog": "ui.dialogs.open_case",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
