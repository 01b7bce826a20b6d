"""The single citizen view (``CitizenView``) and its item models."""

from ui.citizen.view import CitizenView

__all__ = ["CitizenView"]
