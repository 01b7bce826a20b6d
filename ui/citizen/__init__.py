"""The single citizen view (``CitizenView``) and its item models.

``CitizenView`` is loaded when first asked for: its small neighbours are needed at start-up,
the view and everything it brings only when a record opens.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.citizen.view import CitizenView

__all__ = ["CitizenView"]


def __getattr__(name: str) -> Any:
    if name == "CitizenView":
        from ui.citizen.view import CitizenView

        return CitizenView
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
