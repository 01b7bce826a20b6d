"""New and unknown callers, from anywhere in the window: a new citizen (opened once saved,
or the likely match the agent chose instead), an anonymous contact, a case for no one (opened
once saved, to be linked to a citizen later from the case)."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from caseworker.services.callers import LikelyMatch
from ui.dialogs.anonymous_contact import AnonymousContactDialog
from ui.dialogs.new_citizen import NewCitizenDialog
from ui.dialogs.open_case import OpenCaseDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SAID_FOR_MS = 8000


def _shown(dialog: QDialog) -> QDialog:
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def new_citizen(window: "MainWindow", typed: str) -> QDialog:
    dialog = NewCitizenDialog(window.ctx, typed, window)
    dialog.saved.connect(lambda result: window.open_record(result[0]))

    def open_match(match: LikelyMatch) -> None:
        if match.held:
            window.open_record(match.citizen_id)
        elif match.directory_id is not None:  # only a summary here: shown on the search page
            window.show_page("search")
            window.search_page.show_directory_summary(match.directory_id)

    dialog.open_match_requested.connect(open_match)
    return _shown(dialog)


def anonymous_contact(window: "MainWindow") -> QDialog:
    dialog = AnonymousContactDialog(window.ctx, window)
    dialog.saved.connect(
        lambda _result: window.status.showMessage(
            QCoreApplication.translate("Callers", "Anonymous contact logged."), SAID_FOR_MS
        )
    )
    return _shown(dialog)


def case_for_no_one(window: "MainWindow") -> QDialog:
    dialog = OpenCaseDialog(window.ctx, None, window)
    dialog.saved.connect(lambda result: window.open_record(result[0]))
    return _shown(dialog)
