"""A subject access export of the citizen on screen, for supervisors: where to write it, then
where it was written and whether the centre must complete it. Runs on the database thread."""

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy.orm import Session

from caseworker.sar import laptop, write
from caseworker.services.context import ChangeSet
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import alive

DEFAULT_FOLDER = Path.home() / "Caseworker subject access"


class SarExportDialog(FormDialog):
    def __init__(
        self,
        ctx: UiContext,
        citizen_id: str,
        parent: QWidget | None = None,
        folder: Path = DEFAULT_FOLDER,
    ) -> None:
        super().__init__(ctx, self.tr("Subject access export"), parent)
        self.citizen_id = citizen_id
        intro = self.tr("Everything held about this person, other people's details removed.")
        self.set_intro(intro + " " + self.tr("A JSON file and a report in English and Welsh."))
        self.folder = QLineEdit(str(folder))
        self.add_field(
            "folder",
            self.tr("&Folder:"),
            self.folder,
            self.tr("Folder"),
            self.tr("The folder the export is written in (made if missing)."),
        )
        self.save_button.setText(self.tr("&Export"))
        self.save_button.setAccessibleName(self.tr("Export (Ctrl+Enter)"))
        self.save_button.setAccessibleDescription(self.tr("Writes the export to the folder."))
        self.save_button.setToolTip(self.tr("Export (Ctrl+Enter)"))
        self.written: list[Path] = []
        self.folder.setFocus()

    def submit(self) -> None:
        if not self.written:  # once written, Ctrl+Enter does not write it again
            super().submit()

    def check(self) -> dict[str, str]:
        if not self.folder.text().strip():
            return {"folder": self.tr("Say which folder to write the export in.")}
        return {}

    def job(self) -> Job:
        actor, citizen_id = self.ctx.actor, self.citizen_id
        out = Path(self.folder.text().strip()).expanduser()

        def run(session: Session) -> tuple[list[Path], bool, ChangeSet]:
            synced = laptop.signed_in_as(session, actor)
            export = laptop.laptop_export(session, actor, citizen_id, synced)
            paths = write.write(out, export)
            changes = laptop.record_export(session, actor, export)
            return paths, export.completeness.whole_store, changes

        return run

    def _saved(self, result: Any) -> None:
        """Stay open and say where it was written (and what the centre completes)."""
        if not alive(self):
            return
        paths, whole, _changes = result
        self._set_saving(False)
        self.written = list(paths)
        said = self.tr("Written to %1.").replace("%1", str(paths[0].parent))
        said += " " + self.tr(
            "The access log and records this laptop does not hold are completed centrally."
        )
        if not whole:
            said += " " + self.tr(
                "This laptop holds only part of the record: the export lists what may be missing."
            )
        self.set_intro(said)
        self.intro.setAccessibleName(self.tr("Where the export was written"))
        self.save_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.tr("Close (Esc)"))
        self.cancel_button.setFocus()
        self.saved.emit(result)
