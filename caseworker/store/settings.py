"""The store's own small facts (``store_settings``): read and written by key, in the caller's
transaction. What the sync remembers here is shared by every process that opens the store, so
the window learns of a sync run from the command line."""

from datetime import datetime

from sqlalchemy import Table, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from caseworker.models import StoreSetting

_SETTINGS: Table = StoreSetting.__table__  # type: ignore[assignment]
LAST_SYNC_KEY = "sync.last_completed"  # when a sync last reached the server both ways (UTC)


def read(session: Session, key: str) -> str | None:
    value: str | None = session.scalar(select(_SETTINGS.c.value).where(_SETTINGS.c.key == key))
    return value


def write(session: Session, key: str, value: str) -> None:
    stmt = insert(_SETTINGS).values(key=key, value=value)
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def delete(session: Session, key: str, *, value: str | None = None) -> None:
    """Forget ``key`` (only while it holds ``value``, when given)."""
    stmt = _SETTINGS.delete().where(_SETTINGS.c.key == key)
    if value is not None:
        stmt = stmt.where(_SETTINGS.c.value == value)
    session.execute(stmt)


def record_sync(session: Session, when: datetime) -> None:
    """A sync, from the window or the command line, reached the server both ways at ``when``;
    an earlier time never replaces a later one."""
    before = last_sync(session)
    if before is None or when > before:
        write(session, LAST_SYNC_KEY, when.isoformat())


def last_sync(session: Session) -> datetime | None:
    value = read(session, LAST_SYNC_KEY)
    try:
        when = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None  # a value another build wrote that this one cannot read: as never
    return when if when is not None and when.tzinfo is not None else None
