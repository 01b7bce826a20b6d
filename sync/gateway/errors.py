"""Answers the gateway gives in CouchDB's shape: ``{"error": ..., "reason": ...}``."""

from typing import Any


class HTTPError(Exception):
    """An answer to the client (raise it anywhere under a route; the app sends it)."""

    def __init__(self, status: int, error: str, reason: str) -> None:
        super().__init__(f"{status} {error}: {reason}")
        self.status = status
        self.error = error
        self.reason = reason

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "reason": self.reason}


def unauthorized(reason: str = "You are not authorized to access this db.") -> HTTPError:
    return HTTPError(401, "unauthorized", reason)


def forbidden(reason: str) -> HTTPError:
    return HTTPError(403, "forbidden", reason)


def not_found(reason: str = "missing") -> HTTPError:
    return HTTPError(404, "not_found", reason)


def bad_request(reason: str) -> HTTPError:
    return HTTPError(400, "bad_request", reason)
