"""Asking before a warning on a citizen's record is ended: it stays on the record as ended, in
the actor's name, and the rules say who may (a refusal goes to the record's banner)."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from caseworker.services import markers
from ui.context import UiContext


def ask_to_end_marker(
    ctx: UiContext,
    marker_id: str,
    said: str,
    parent: QWidget,
    on_done: Callable[[], None],
    on_error: Callable[[Exception], None],
) -> QMessageBox:
    """The question, opened (Keep it is the default and Esc); "End warning" writes it."""
    # In the record view's words (its context in the translations).
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("CitizenView", "End this warning?"),
        QCoreApplication.translate(
            "CitizenView", "End this warning? It stays on the record as ended, with your name."
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    end = box.addButton(
        QCoreApplication.translate("CitizenView", "&End warning"), QMessageBox.ButtonRole.AcceptRole
    )
    keep = box.addButton(
        QCoreApplication.translate("CitizenView", "&Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    end.setAccessibleName(QCoreApplication.translate("CitizenView", "End warning"))
    end.setAccessibleDescription(
        QCoreApplication.translate("CitizenView", "Ends the warning; it stays on the record.")
    )
    keep.setAccessibleName(QCoreApplication.translate("CitizenView", "Keep it"))
    keep.setAccessibleDescription(
        QCoreApplication.translate("CitizenView", "Leaves the warning as it is.")
    )
    box.setInformativeText(said)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    actor = ctx.actor

    def answered() -> None:
        if box.clickedButton() is end:
            ctx.worker.write(
                lambda s: markers.end_marker(s, actor, marker_id),
                lambda _changes: on_done(),
                on_error,
            )

    box.finished.connect(answered)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
