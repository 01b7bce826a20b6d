"""Central-database addresses: checked and cleaned without importing the HTTP client (the window
reads them at start-up, where every import costs)."""

from urllib.parse import urlsplit, urlunsplit

from sync.errors import SyncError


def split_db_url(db_url: str) -> tuple[str, str | None, str | None]:
    """The database URL without credentials (and without a trailing slash), and any user and
    password written into it."""
    parts = urlsplit(db_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"not a database URL: {parts.scheme}://{parts.hostname or ''}...")
    host = parts.hostname
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    clean = urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))
    if not parts.path.strip("/"):
        raise SyncError(f"{clean} names no database (expected e.g. {clean}/caseworker)")
    return clean, parts.username, parts.password
