"""Errors the domain reports to people: each carries a one-line, plain-words message."""


class CaseworkerError(Exception):
    """Base of every error that is shown to a person rather than as a traceback."""


class NotFoundError(CaseworkerError):
    """A record asked for by id or reference does not exist."""


class ValidationError(CaseworkerError):
    """Input (from a form, the CLI or a remote document) does not make sense."""


class TransitionError(ValidationError):
    """A case status change that the workflow does not allow."""


class StoreError(CaseworkerError):
    """The local store cannot be opened or used (wrong key, newer schema, not a store)."""


class NoKeyStoreError(StoreError):
    """There is no OS keyring on this machine to keep (or give) a store's key."""


class ConflictError(CaseworkerError):
    """An update was based on a revision that is no longer the current one."""
