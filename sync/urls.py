"""Central-database addresses: checked and cleaned without importing the HTTP client (the window
reads them at start-up, where every import costs)."""

import ipaddress
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


def is_loopback(host: str) -> bool:
    """This machine itself: ``localhost``, 127.0.0.0/8 or ``::1`` (host without brackets)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def unencrypted(db_url: str) -> bool:
    """Plain ``http://`` to another machine: what the password and records cross unprotected."""
    parts = urlsplit(db_url)
    return parts.scheme == "http" and not is_loopback(parts.hostname or "")


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, without credentials, printable (for messages)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "an unreadable address"
    text = f"{parts.scheme}://{host}{port}" if parts.scheme else host
    text = "".join(c for c in text if c.isprintable())[:100]
    return text or "an unreadable address"
