"""One change signal for the whole window: local edits and remote changes from sync alike."""

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    # A caseworker.services.context.ChangeSet: which documents were written.
    changed = Signal(object)
    # An exception from a job that had no error handler of its own.
    failed = Signal(object)
