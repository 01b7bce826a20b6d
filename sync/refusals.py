"""The ways out of a refused change, with the server's version fetched from the central service.

``take_server`` and ``reapply`` fetch the document's current winner (``GET /{db}/{id}`` with
``revs=true``, so a winner this laptop has not seen can be merged in whole), and for
``reapply`` also the revision the refused change was made from, and hand them to
``caseworker.services.refusals``, which checks whatever came back before anything is written.
Offline, or refused by the server, each says so in one line and changes nothing here.

``client_for`` is the connection a data folder syncs with (``central.json`` and the password
in the OS keyring), for the command line and the window.
"""

import argparse
import os
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context
from caseworker.display import visible
from caseworker.services import refusals
from caseworker.services.context import Actor, ChangeSet
from caseworker.store.store import Store
from sync import config
from sync.credentials import remembered_password
from sync.errors import AuthError, ForbiddenError, NetworkError, RequestError, SyncError
from sync.http import CouchClient, doc_path


class FetchFailed(SyncError):
    """The server's version could not be fetched: nothing was changed here."""


def client_for(data_dir: Path) -> CouchClient:
    """A client for the central service this data folder syncs with, as its remembered user."""
    central = config.load(data_dir)
    if central is None:
        raise AuthError("this laptop does not sync with a central service yet")
    password = remembered_password(central.server, central.user)
    if password is None:
        raise AuthError(f"sign in to the central service as {central.user} first")
    return CouchClient(central.server, central.user, password, allow_http=central.allow_http)


def fetch(
    client: CouchClient, doc_id: str, rev: str | None = None, *, gone_if_forbidden: bool = False
) -> Any:
    """The server's current version of the document (or revision ``rev``) as it sent it,
    unchecked; None when the server holds no such document (404) or, with
    ``gone_if_forbidden``, no longer lets this user read it (403: it left their scope)."""
    params = {"revs": "true"}
    if rev is not None:
        params["rev"] = rev
    try:
        return client.get(doc_path(doc_id), params=params)
    except RequestError as exc:
        if exc.status == 404 or (exc.status == 403 and gone_if_forbidden):
            return None
        raise FetchFailed(_could_not(doc_id, exc)) from exc
    except NetworkError as exc:
        raise FetchFailed(f"offline: {_could_not(doc_id, exc)}") from exc
    except ForbiddenError as exc:
        if gone_if_forbidden:
            return None
        raise FetchFailed(_not_yours(doc_id)) from exc


def _not_yours(doc_id: str) -> str:
    return (
        f"{visible(doc_id)} is no longer in your work: the central service does not show it to "
        "you; take the server's version to let it go"
    )


def _could_not(doc_id: str, exc: Exception) -> str:
    return f"could not fetch the central service's version of {visible(doc_id)} ({exc})"


def take_server(store: Store, client: CouchClient, actor: Actor, doc_id: str) -> ChangeSet:
    """Fetch the server's version and make it this laptop's again. A record that left this
    user's scope (the server no longer shows it) leaves the laptop, with what hangs off it."""
    with store.read() as session:
        refusals.require(session, doc_id)  # nothing to fetch for what was never refused
    sent = fetch(client, doc_id, gone_if_forbidden=True)
    with store.write() as session:
        return refusals.take_server(session, actor, doc_id, sent)


def reapply(store: Store, client: CouchClient, actor: Actor, doc_id: str) -> refusals.Reapplied:
    """Fetch the server's version (and the one the refused change was made from), and
    re-apply what is still allowed."""
    with store.read() as session:
        refusals.require(session, doc_id)
        parent = refusals.parent_rev(session, doc_id)
    sent = fetch(client, doc_id)
    base = None
    if parent is not None and isinstance(sent, dict) and sent.get("_rev") != parent:
        try:
            base = fetch(client, doc_id, parent)
        except FetchFailed:
            base = None  # compacted away, say: the change is judged against the server's
    with store.write() as session:
        return refusals.reapply(session, actor, doc_id, sent, base)


# -- caseworker refused take-server / reapply ---------------------------------------------------


def configure_take_server(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.set_defaults(handler=_take_server)


def configure_reapply(parser: argparse.ArgumentParser) -> None:
    _common(parser)
    parser.set_defaults(handler=_reapply)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the refused record's id (see caseworker refused)")
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="who is acting (default: $CASEWORKER_USER, else the user this data folder syncs as)",
    )


def _actor(ctx: Context, args: argparse.Namespace) -> Actor:
    """Who acts: ``--as``, else $CASEWORKER_USER, else the user this data folder syncs as
    (the rules are judged for the person the server will judge)."""
    from caseworker.cli.edit import acting

    if not args.as_user and not os.environ.get("CASEWORKER_USER"):
        central = config.load(ctx.data_dir)
        args.as_user = central.user if central is not None else None
    with ctx.store().read() as session:
        return acting(session, args)


def _take_server(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    client = client_for(ctx.data_dir)
    try:
        actor = _actor(ctx, args)
        take_server(store, client, actor, args.id)
    finally:
        client.close()
    print(f"{visible(args.id)}: the central service's version is kept; the next sync sends it")
    return 0


def _reapply(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    client = client_for(ctx.data_dir)
    try:
        actor = _actor(ctx, args)
        done = reapply(store, client, actor, args.id)
    finally:
        client.close()
    applied = ", ".join(done.applied) or "nothing"
    print(f"{visible(args.id)}: re-applied {applied}; the next sync sends it")
    for name, why in done.dropped:
        print(f"dropped {name}: {visible(why)}")
    return 0
