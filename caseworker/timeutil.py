"""UTC timestamps as documents carry them: ISO 8601 with milliseconds and a 'Z'."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

# The councils are in the UK: their days, weeks and months are London's.
LONDON = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every stored time must be timezone-aware UTC")
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def from_iso(text: str) -> datetime:
    """Parse an ISO 8601 timestamp; a missing zone is refused rather than guessed."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"timestamp without a time zone: {text!r}")
    return moment.astimezone(UTC)
