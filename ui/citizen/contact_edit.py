"""Change and Remove on the citizen's Identifiers tab: correct or take off the identifier the
agent selected. Both need the citizen contact verified, so the assurance gate asks for only
that step first (a call back or a code to something on the record), records it, then goes on;
removing asks before it writes, and says when it leaves no way to reach the citizen."""

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox, QTableView, QTabWidget, QWidget

from caseworker.services import contact_details
from ui.citizen.assurance_gate import with_assurance
from ui.citizen.models import IdentifiersModel
from ui.context import UiContext
from ui.dialogs.change_identifier import ChangeIdentifierDialog, Chosen
from ui.dialogs.shared import alive, failed

ACTION = contact_details.ACTION


class ContactEdit(QObject):
    """The view's ``change_identifier`` and ``remove_identifier``. ``citizen_id`` is asked at
    each use (a spare view is bound later); ``show`` opens a dialog as the view's own."""

    def __init__(
        self,
        ctx: UiContext,
        view: QWidget,
        tabs: QTabWidget,
        table: QTableView,
        citizen_id: Callable[[], str],
        show: Callable[[QDialog], object],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(view)
        self.ctx, self.view, self.tabs, self.table = ctx, view, tabs, table
        self.citizen_id, self.show, self.say = citizen_id, show, say
        self.box: QMessageBox | None = None  # the removal's question, while it is asked

    def selected(self) -> Chosen | None:
        """The identifier selected in the table; with none, the table is shown and focused,
        its first row selected, so the agent can choose and ask again."""
        model = self.table.model()
        index = self.table.currentIndex()
        if isinstance(model, IdentifiersModel) and index.isValid():
            row = model.row_at(index.row())
            owner, _, entry = row.id.rpartition("/")  # as projected: "<citizen>/<entry>"
            if owner != self.citizen_id():
                self.say(self.tr("That identifier is on a record merged into this one."))
                return None
            return Chosen(entry, row.kind, row.value, row.postcode)
        page = self.table.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
        self.table.setFocus()
        if model is not None and model.rowCount() > 0:
            self.table.selectRow(0)
        self.say(self.tr("Choose an identifier in the list first, then ask again."))
        return None

    def change(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        citizen_id = self.citizen_id()

        def proceed() -> None:
            if alive(self.view):
                self.show(ChangeIdentifierDialog(self.ctx, citizen_id, chosen, self.view))

        with_assurance(self.ctx, self.view, citizen_id, ACTION, proceed, self.show, self._failed)

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        model = self.table.model()
        assert isinstance(model, IdentifiersModel)
        others = [r for r in model.rows() if r.id.rpartition("/")[2] != chosen.id]
        last = chosen.kind in contact_details.REACH_KINDS and not any(
            r.kind in contact_details.REACH_KINDS for r in others
        )
        citizen_id = self.citizen_id()
        with_assurance(
            self.ctx, self.view, citizen_id, ACTION,
            lambda: self._ask(citizen_id, chosen, last) if alive(self.view) else None,
            self.show, self._failed,
        )  # fmt: skip

    def _ask(self, citizen_id: str, chosen: Chosen, last: bool) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove this identifier?"),
            self.tr("Remove %1 from the record? It is not kept.").replace("%1", chosen.value),
            QMessageBox.StandardButton.NoButton,
            self.view,
        )
        if last:
            box.setInformativeText(
                self.tr(
                    "It is the last way to reach them: the record will hold no phone, email, "
                    "address or handle."
                )
            )
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        remove.setAccessibleName(self.tr("Remove"))
        remove.setAccessibleDescription(self.tr("Takes the identifier off the record."))
        keep.setAccessibleName(self.tr("Keep it"))
        keep.setAccessibleDescription(self.tr("Leaves the identifier as it is."))
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        actor = self.ctx.actor

        def answered() -> None:
            self.box = None
            if box.clickedButton() is not remove:
                return
            self.ctx.worker.write(
                lambda s: contact_details.remove_identifier(s, actor, citizen_id, chosen.id),
                self._removed,
                self._remove_failed,
            )

        box.finished.connect(answered)
        box.finished.connect(box.deleteLater)
        self.box = box
        box.open()
        return box

    def _removed(self, result: tuple[bool, object]) -> None:
        if alive(self.view) and not result[0]:
            self.say(self.tr("Removed. No way to reach them is left on the record."))

    def _remove_failed(self, error: Exception) -> None:
        if alive(self.view):
            self.say(failed(self.tr("remove the identifier"), error))

    def _failed(self, error: Exception) -> None:
        if alive(self.view):
            self.say(failed(self.tr("check this citizen's record"), error))
