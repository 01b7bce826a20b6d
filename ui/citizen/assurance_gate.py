"""Ask for the assurance step a task needs, and only then: the citizen's level is read on the
database thread; when it is enough the task goes straight on, otherwise the check dialog
offers the steps that reach it and the task goes on once one is recorded."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy.orm import Session

from caseworker.access import assurance
from caseworker.services.consents import citizen_doc
from caseworker.timeutil import utcnow
from ui.context import UiContext
from ui.dialogs.assurance_check import AssuranceDialog
from ui.dialogs.shared import alive

# (refusal, level held, phones, email addresses and phones a code can go to)
Read = tuple[str | None, str, list[tuple[str, str]], list[tuple[str, str]]]


def _read(citizen_id: str, action: str | None) -> Callable[[Session], Read]:
    def read(session: Session) -> Read:
        doc, now = citizen_doc(session, citizen_id), utcnow()
        refusal = assurance.refusal(action, doc, now) if action else "asked"
        idents = doc.get("identifiers") or ()
        phones = [(str(i["id"]), str(i["value"])) for i in idents if i.get("kind") == "phone"]
        contacts = [
            (str(i["id"]), str(i["value"])) for i in idents if i.get("kind") in ("email", "phone")
        ]
        return refusal, assurance.level_of(doc, now), phones, contacts

    return read


def with_assurance(
    ctx: UiContext,
    parent: QWidget,
    citizen_id: str,
    action: str | None,
    proceed: Callable[[], object],
    show: Callable[[QDialog], object],
    on_error: Callable[[Exception], None],
) -> None:
    """Run ``proceed`` once the citizen's level is enough for ``action`` (None: always ask,
    to record a check for its own sake). ``show`` opens the check dialog when one is needed."""

    def arrived(result: Read) -> None:
        if not alive(parent):
            return
        refusal, held, phones, contacts = result
        if refusal is None:
            proceed()
            return
        dialog = AssuranceDialog(ctx, citizen_id, phones, action, held, parent, contacts=contacts)
        dialog.saved.connect(lambda _result: proceed())
        show(dialog)

    ctx.worker.read(_read(citizen_id, action), arrived, on_error)
