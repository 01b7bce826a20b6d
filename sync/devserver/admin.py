"""A server admin's view of any CouchDB-protocol server (PouchDB Server, Apache CouchDB):
create and delete databases, change settings. Used by the benchmarks, the tests and
``central dev-server``; the replicator itself goes through ``sync.http.CouchClient``."""

import json
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import requests

from sync.devserver.node import DevServerError

JSON_HEADERS = {"Accept": "application/json", "Content-Type": "application/json"}
TIMEOUT = 30.0


def split_server_url(url: str) -> tuple[str, str | None, str | None]:
    """A server's root URL without credentials or trailing slash, and the user and password
    written into it (percent-decoded), if any."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DevServerError(f"not a server URL: {parts.scheme}://{parts.hostname or ''}...")
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    try:
        port = parts.port
    except ValueError as exc:
        raise DevServerError(f"bad port in the server URL: {exc}") from None
    netloc = f"{host}:{port}" if port else host
    clean = urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))
    user = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return clean, user, password


class ServerAdmin:
    """``url`` is the server's root (``http://127.0.0.1:5984``, no credentials in it)."""

    def __init__(self, url: str, user: str, password: str) -> None:
        self.url = url.rstrip("/")
        self.auth = (user, password)

    def db_url(self, name: str) -> str:
        return f"{self.url}/{quote(name, safe='')}"

    def session(self) -> requests.Session:
        """A ``requests.Session`` with the admin's credentials and JSON headers."""
        session = requests.Session()
        session.auth = self.auth
        session.headers.update(JSON_HEADERS)
        return session

    def _call(self, method: str, url: str, ok: tuple[int, ...], data: str | None = None) -> None:
        try:
            response = requests.request(
                method, url, auth=self.auth, headers=JSON_HEADERS, data=data, timeout=TIMEOUT
            )
        except requests.RequestException as exc:
            raise DevServerError(f"{method} {url} failed: {exc}") from None
        if response.status_code not in ok:
            raise DevServerError(
                f"{method} {url} answered {response.status_code}: {response.text.strip()[:300]}"
            )

    def create_db(self, name: str) -> str:
        """Create database ``name``; returns its URL (no credentials in it)."""
        url = self.db_url(name)
        self._call("PUT", url, (201, 202))
        return url

    def delete_db(self, name: str) -> None:
        """Delete database ``name``; a database that is not there is fine."""
        url = self.db_url(name)
        self._call("DELETE", url, (200, 202, 404))

    def set_config(self, section: str, key: str, value: str) -> None:
        """Change a server setting at run time (PouchDB Server's ``/_config``)."""
        self._call("PUT", self._config_url(section, key), (200,), json.dumps(value))

    def delete_config(self, section: str, key: str) -> None:
        """Put a setting changed with ``set_config`` back to its default."""
        self._call("DELETE", self._config_url(section, key), (200, 404))

    def _config_url(self, section: str, key: str) -> str:
        return f"{self.url}/_config/{quote(section, safe='')}/{quote(key, safe='')}"
