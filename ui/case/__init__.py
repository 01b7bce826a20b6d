"""The case view (``CaseView``), its item models and the conflict resolution dialog.

``CaseView`` is loaded when first asked for: its small neighbours (``ui.case.widgets``) are
needed at start-up, the view and everything it brings only when a case opens.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.case.view import CaseView

__all__ = ["CaseView"]


def __getattr__(name: str) -> Any:
    if name == "CaseView":
        from ui.case.view import CaseView

        return CaseView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
