"""Display helpers shared by the dialogs and the record views: local times, icons, errors."""

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from shiboken6 import Shiboken

from caseworker.errors import CaseworkerError
from ui import icons, labels


def alive(obj: object) -> bool:
    """Whether a Qt object still exists: a database answer can arrive after its view closed."""
    return bool(Shiboken.isValid(obj))


def local_time(moment: datetime | None) -> str:
    """A UTC moment in the person's local time ("28/11/2025 14:05"): the one format."""
    return labels.date_time_text(moment)


def local_date(moment: datetime | None) -> str:
    return labels.date_text(moment)


def plain_error(error: Exception) -> str:
    """What went wrong, in the service's own words; anything unexpected says so plainly."""
    if isinstance(error, CaseworkerError):
        return str(error)
    return (
        QCoreApplication.translate(
            "Errors", "Something unexpected went wrong (%1: %2). Nothing was saved."
        )
        .replace("%1", type(error).__name__)
        .replace("%2", str(error))
    )


def failed(action: str, error: Exception) -> str:
    """ "Could not <action>: <reason>" for a banner."""
    return (
        QCoreApplication.translate("Errors", "Could not %1: %2")
        .replace("%1", action)
        .replace("%2", plain_error(error))
    )


def named_icon(name: str, colour_role: str | None = None) -> QIcon | None:
    """An icon from resources/icons, or None when this build has none by that name (the text
    beside it always says the same, so nothing depends on the picture)."""
    try:
        return icons.icon(name, colour_role)
    except KeyError:
        return None


def channel_icon(channel: str) -> QIcon | None:
    return named_icon(f"channel-{channel}")
