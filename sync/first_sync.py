"""Before a first sync that would bring a great many documents, say so (and, in the window, ask).

    size = first_sync.check(store, client)     # None: nothing to say
    if size is not None:
        print(first_sync.message(size))        # "first sync: about 23,400 documents to bring ..."

A first sync is one with no pull checkpoint yet for this store and that server. The figure is the
server's ``doc_count`` (``GET /{db}``): through the gateway, the documents of the caller's own
scope; from a plain CouchDB, the whole database, which is also what a first sync brings. It is
the server's word, so it is shown as "about", and a count that is not a whole number >= 0 is no
count at all: nothing is said and the sync goes on. Nothing here ever stops a sync by itself.

The threshold is a setting of the store (``set_threshold``; 10,000 by default, as the Community
Health Toolkit warns). Someone who said "go on" for a server is not asked again for it.
"""

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from caseworker.errors import CaseworkerError
from caseworker.models import StoreSetting
from caseworker.store import docstore
from caseworker.store.store import Store
from sync.checkpoint import STORE_ID_KEY, replication_id
from sync.http import CouchClient

DEFAULT_THRESHOLD = 10_000
THRESHOLD_KEY = "sync.first_sync.warn_above"
_CONFIRMED_KEY = "sync.first_sync.confirmed."  # + a hash of the server's URL (keys are short)
MAX_SHOWN = 10**12  # a server claiming more is shown as "more than" this: a lie stays readable


@dataclass(frozen=True)
class FirstSyncSize:
    documents: int  # as the server says: "about"
    threshold: int

    @property
    def about(self) -> str:
        """The figure rounded to three significant digits, e.g. "23,400"."""
        if self.documents >= MAX_SHOWN:
            return f"more than {MAX_SHOWN:,}"
        digits = len(str(self.documents))
        return f"{round(self.documents, -max(0, digits - 3)):,}"


def threshold(session: Session) -> int:
    row = session.get(StoreSetting, THRESHOLD_KEY)
    value = row.value if row is not None else ""
    return int(value) if value.isdigit() else DEFAULT_THRESHOLD


def set_threshold(session: Session, value: int) -> None:
    """Say so before a first sync that brings more than ``value`` documents from now on."""
    if value < 0:
        raise CaseworkerError("the number of documents to warn above cannot be negative")
    row = session.get(StoreSetting, THRESHOLD_KEY)
    if row is None:
        session.add(StoreSetting(key=THRESHOLD_KEY, value=str(value)))
    else:
        row.value = str(value)
    session.flush()


def _confirmed_key(db_url: str) -> str:
    digest = hashlib.sha256(db_url.rstrip("/").encode()).hexdigest()[:32]
    return _CONFIRMED_KEY + digest


def confirm(session: Session, db_url: str) -> None:
    """Remember that the person said "go on" for this server."""
    key = _confirmed_key(db_url)
    if session.get(StoreSetting, key) is None:
        session.add(StoreSetting(key=key, value="1"))
        session.flush()


def needs_asking(session: Session, db_url: str) -> int | None:
    """The threshold to hold the server's count against, or None when there is nothing to ask:
    a sync with this server has begun already, or someone said go on for it."""
    if session.get(StoreSetting, _confirmed_key(db_url)) is not None:
        return None
    store_id = session.get(StoreSetting, STORE_ID_KEY)
    if store_id is not None:
        pull_id = replication_id(store_id.value, db_url, "pull")
        if docstore.get_checkpoint(session, f"_local/{pull_id}") is not None:
            return None
    return threshold(session)


def documents(info: Any) -> int | None:
    """``doc_count`` of a ``GET /{db}`` answer, if it is a whole number >= 0."""
    count = info.get("doc_count") if isinstance(info, dict) else None
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        return None
    return count


def size_on_server(client: CouchClient, warn_above: int) -> FirstSyncSize | None:
    """The server's count, when it is above ``warn_above``. A server that cannot be asked or
    answers nonsense says nothing: the sync itself then meets (and reports) what is wrong."""
    try:
        count = documents(client.get())
    except (CaseworkerError, ValueError, RecursionError, OSError):
        return None
    if count is None or count <= warn_above:
        return None
    return FirstSyncSize(count, warn_above)


def check(store: Store, client: CouchClient) -> FirstSyncSize | None:
    """What to say before syncing ``store`` with ``client``'s database, if anything."""
    with store.read() as session:
        warn_above = needs_asking(session, client.db_url)
    if warn_above is None:
        return None
    return size_on_server(client, warn_above)


def message(size: FirstSyncSize) -> str:
    return (
        f"first sync: about {size.about} documents to bring (more than {size.threshold:,}); "
        "this can take a while"
    )
