"""The banner a record view shows when the central service refused a change to it (or to a note
or contact on it), with the ways out (``caseworker.services.refusals``):

- the record itself: take the server's version, or re-apply what is still allowed;
- a refused note, contact or history entry: keep it here as a draft, or discard it.

The database work runs on the database thread (``ctx.worker``: the change bus then refreshes
every view) and the server's version is fetched off the GUI thread (``run_off_gui``), with the
connection this data folder syncs with (``sync.refusals.client_for``). Whatever fails is said
in the banner, in one line, and nothing changes.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from caseworker.services import refusals
from caseworker.services.refusals import Reapplied, Refusal
from sync import refusals as remote
from ui import labels, theme
from ui.background import run_off_gui
from ui.context import UiContext
from ui.dialogs.shared import alive, failed

DELETION = QT_TRANSLATE_NOOP("RefusalBanner", "the deletion")
# What a refused append-only record is called in the banner's sentence.
KINDS = {
    "note": QT_TRANSLATE_NOOP("RefusalBanner", "note"),
    "interaction": QT_TRANSLATE_NOOP("RefusalBanner", "contact"),
    "case_event": QT_TRANSLATE_NOOP("RefusalBanner", "history entry"),
    "audit_event": QT_TRANSLATE_NOOP("RefusalBanner", "audit record"),
}


def _fetch(ctx: UiContext, doc_id: str, base_rev: str | None) -> tuple[Any, Any]:
    """The server's version and (for re-applying) the one the change was made from; runs off
    the GUI thread."""
    client = remote.client_for(ctx.worker.store.path.parent)
    try:
        sent = remote.fetch(client, doc_id)
        base = None
        if base_rev is not None and isinstance(sent, dict) and sent.get("_rev") != base_rev:
            try:
                base = remote.fetch(client, doc_id, base_rev)
            except remote.FetchFailed:
                base = None
        return sent, base
    finally:
        client.close()


class RefusalBanner(QWidget):
    """Hidden unless ``show_refusals`` is given a refusal; ``finished(message)`` after a way
    out was taken (or failed: the message says why)."""

    finished = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.refusal: Refusal | None = None
        self.setAccessibleName(self.tr("Refused by the central service"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        theme.set_role(self.message, "role", "error")
        self.message.setAccessibleName(self.tr("Why the central service refused the change"))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setProperty("role", "muted")
        self.outcome.setAccessibleName(self.tr("What the last way out did"))
        self.outcome.hide()
        self.take = self._button(
            self.tr("Take the server's version"),
            self.tr(
                "Show what the central service holds: your refused change is set aside and "
                "the next sync agrees with the server."
            ),
            self.take_server,
        )
        self.reapply = self._button(
            self.tr("Re-apply what is still allowed"),
            self.tr(
                "Start from the central service's version and apply again the parts of your "
                "change that you may still make; the rest is dropped and listed."
            ),
            self.reapply_allowed,
        )
        self.keep = self._button(
            self.tr("Keep as a draft"),
            self.tr("Keep it on this laptop, shown as refused; it is not sent again."),
            self.keep_draft,
        )
        self.discard = self._button(
            self.tr("Discard"),
            self.tr("Remove it from this laptop. Nothing is sent to the central service."),
            self.discard_draft,
        )
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        self.hide()

    def _button(self, text: str, description: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def buttons(self) -> list[QPushButton]:
        """In reading order, for the view's Tab chain."""
        return [self.take, self.reapply, self.keep, self.discard]

    # -- what is shown ------------------------------------------------------------------------

    def show_refusals(self, found: list[Refusal]) -> None:
        """The first refusal of the record's (its own first), or hidden when there is none."""
        self.refusal = found[0] if found else None
        refusal = self.refusal
        if refusal is None:
            self.hide()
            return
        reason = labels.shown(refusal.reason)
        if refusal.append_only:
            known = KINDS.get(refusal.doc_type or "")
            kind = _tr(str(known)) if known else labels.shown(refusal.doc_type or "")
            text = (
                self.tr("A %1 on this record was refused by the central service: %2")
                .replace("%1", kind)
                .replace("%2", reason)
            )
            if refusal.kept:
                text += " " + self.tr("(kept here as a draft)")
        else:
            text = self.tr("Refused by the central service: %1").replace("%1", reason)
        if len(found) > 1:
            text += " " + self.tr("(and %1 more)").replace("%1", str(len(found) - 1))
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        for button, wanted in (
            (self.take, not refusal.append_only),
            (self.reapply, not refusal.append_only),
            (self.keep, refusal.append_only and not refusal.kept),
            (self.discard, refusal.append_only),
        ):
            button.setVisible(wanted)
            button.setEnabled(True)
        self.show()

    def _busy(self) -> None:
        for button in self.buttons():
            button.setEnabled(False)

    def _done(self, text: str) -> None:
        if not alive(self):
            return
        for button in self.buttons():
            button.setEnabled(True)
        self.outcome.setText(text)
        self.outcome.setVisible(bool(text))
        self.finished.emit(text)

    def _failed(self, action: str) -> Callable[[Exception], None]:
        def say(error: Exception) -> None:
            self._done(failed(action, error))

        return say

    # -- the ways out -------------------------------------------------------------------------

    def take_server(self) -> None:
        if self.refusal is None or self.refusal.append_only:
            return
        actor, doc_id = self.ctx.actor, self.refusal.doc_id
        action = self.tr("take the server's version")

        def write(sent: tuple[Any, Any]) -> None:
            if not alive(self):
                return
            self.ctx.worker.write(
                lambda s: refusals.take_server(s, actor, doc_id, sent[0]),
                lambda _changes: self._done(self.tr("The central service's version is kept.")),
                self._failed(action),
            )

        self._fetch_then(doc_id, False, write, action)

    def reapply_allowed(self) -> None:
        if self.refusal is None or self.refusal.append_only:
            return
        actor, doc_id = self.ctx.actor, self.refusal.doc_id
        action = self.tr("re-apply the change")

        def job(sent: tuple[Any, Any]) -> Callable[[Session], object]:
            def run(session: Session) -> object:
                done = refusals.reapply(session, actor, doc_id, sent[0], sent[1])
                return done, done.changes  # the ChangeSet last: the bus publishes it

            return run

        def write(sent: tuple[Any, Any]) -> None:
            if not alive(self):
                return
            self.ctx.worker.write(job(sent), self._reapplied, self._failed(action))

        self._fetch_then(doc_id, True, write, action)

    def _reapplied(self, result: tuple[Reapplied, object]) -> None:
        done = result[0]
        parts = [
            self.tr("Re-applied: %1.").replace(
                "%1", ", ".join(field_label(n) for n in done.applied) or self.tr("nothing")
            )
        ]
        for name, why in done.dropped:
            parts.append(
                self.tr("Dropped %1: %2").replace("%1", field_label(name)).replace("%2", why)
            )
        self._done(labels.shown(" ".join(parts)))

    def _fetch_then(
        self, doc_id: str, with_base: bool, then: Callable[[Any], None], action: str
    ) -> None:
        """Read what to fetch (database thread), fetch it (thread pool), then ``then``."""
        self._busy()
        ctx = self.ctx

        def fetched(base_rev: str | None) -> None:
            if not alive(self):
                return
            run_off_gui(self, lambda: _fetch(ctx, doc_id, base_rev), then, self._failed(action))

        def parent(session: Session) -> str | None:
            refusals.require(session, doc_id)
            return refusals.parent_rev(session, doc_id) if with_base else None

        ctx.worker.read(parent, fetched, self._failed(action))

    def keep_draft(self) -> None:
        if self.refusal is None or not self.refusal.append_only:
            return
        doc_id = self.refusal.doc_id
        self._busy()
        self.ctx.worker.write(
            lambda s: refusals.keep(s, doc_id),
            lambda _c: self._done(self.tr("Kept here as a draft; it is not sent again.")),
            self._failed(self.tr("keep it as a draft")),
        )

    def discard_draft(self) -> None:
        if self.refusal is None or not self.refusal.append_only:
            return
        doc_id = self.refusal.doc_id
        self._busy()
        self.ctx.worker.write(
            lambda s: refusals.discard(s, doc_id),
            lambda _c: self._done(self.tr("Removed from this laptop; nothing was sent.")),
            self._failed(self.tr("discard it")),
        )


def field_label(name: str) -> str:
    """A field's name as the conflict dialog shows it (the same words for the same fields)."""
    from ui.case.conflict import field_name

    return field_name(name) if name != "deleted" else _tr(str(DELETION))


def _tr(text: str) -> str:
    return QCoreApplication.translate("RefusalBanner", text)


def load_refusals(session: Session, root: str) -> list[Refusal]:
    """What the banner of the record ``root`` shows (database thread)."""
    return refusals.refused_under(session, root)
