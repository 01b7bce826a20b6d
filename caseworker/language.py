"""The language the person reads records in ("en" or "cy"), for names the council keeps in both:
a service or queue shows its Welsh name (``name_cy``) to a Welsh reader, its English name
when it has no Welsh one yet.

The window sets it when it installs a translation (ui/i18n.py); the CLI and anything else
read English unless told otherwise. Queries take the name as a SQL expression, so sorting by
a name sorts in the reader's language.
"""

from typing import Any

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement

from caseworker import vocab
from caseworker.models import Queue, Service

_current = "en"


def set_language(code: str) -> None:
    global _current
    if code not in vocab.LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(vocab.LANGUAGES)}, not {code!r}")
    _current = code


def current() -> str:
    return _current


def _shown(english: Any, welsh: Any, label: str = "name") -> ColumnElement[str]:
    if _current == "cy":
        # An empty Welsh name counts as none: the English one is better than a blank.
        chosen: ColumnElement[str] = func.coalesce(func.nullif(welsh, ""), english)
        return chosen.label(label)
    return english.label(label)  # type: ignore[no-any-return]


def service_name() -> ColumnElement[str]:
    """A service's name in the reader's language, as a column labelled ``name``."""
    return _shown(Service.name, Service.name_cy)


def service_group() -> ColumnElement[str]:
    """A service's group ("Waste and recycling") in the reader's language, labelled ``group``."""
    return _shown(Service.group, Service.group_cy, "group")


def queue_name() -> ColumnElement[str]:
    """A queue's name in the reader's language, as a column labelled ``name``."""
    return _shown(Queue.name, Queue.name_cy)


def pick(english: str, welsh: str | None) -> str:
    """One of a record's two names, for code that already holds both."""
    return welsh if _current == "cy" and welsh else english
