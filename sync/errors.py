"""What can go wrong talking to the central service, each with a one-line, plain message.

Every error is a ``CaseworkerError`` (so the CLI prints it as one line) and says whether trying
again later can help (``retry``): a refused password cannot, a server that is down can.
"""

from caseworker.errors import CaseworkerError


class SyncError(CaseworkerError):
    """Base of every replication failure."""

    retry = True

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


class AuthError(SyncError):
    """401: the name or password was refused, or the session is not accepted: needs sign-in."""

    retry = False


class ForbiddenError(SyncError):
    """403: the server refuses this user this request (not per document)."""

    retry = False


class TooLargeError(SyncError):
    """413: the request body is over the server's limit; a smaller batch may fit."""


class ServerError(SyncError):
    """5xx: the server failed; try again later."""


class NetworkError(SyncError):
    """The server could not be reached, or did not answer in time."""


class MalformedResponse(SyncError):
    """The server answered something that is not the JSON the protocol promises."""


class ReplyTooLarge(MalformedResponse):
    """A reply over the size cap (compressed or inflated): never read whole."""


class NoProgress(MalformedResponse):
    """The change feed keeps answering changes without moving on (a loop, not a sync)."""


class RedirectRefused(SyncError):
    """The server redirected a request: not followed, so credentials and records stay with
    the server the person chose."""

    retry = False


class InsecureConnection(SyncError):
    """Plain ``http://`` to another machine, without ``--allow-http``."""

    retry = False


class RequestError(SyncError):
    """Another 4xx (e.g. 404: no such database): retrying the same request will not help."""

    retry = False

    def __init__(self, message: str, status: int, reason: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason  # the server's own words, if it gave any


class NoKeyring(SyncError):
    """This machine has no OS keyring: credentials cannot be remembered here."""

    retry = False


class Stopped(SyncError):
    """The replication was asked to stop (the window closed, the person pressed cancel)."""

    retry = False
