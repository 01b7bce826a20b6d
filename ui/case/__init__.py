"""The case view (``CaseView``), its item models and the conflict resolution dialog."""

from ui.case.view import CaseView

__all__ = ["CaseView"]
