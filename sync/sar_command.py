"""``caseworker central sar export``: the complete subject access export, read from the
central database directly by a server admin, with the access log of who opened the record.

    caseworker central sar export CITIZEN_ID --server DB_URL --user ADMIN --password-stdin
        --out DIR

The same selection (``caseworker.sar.collect``), redaction and files as the laptop's export;
here the whole database is read, so nothing is left to complete. Every document is read in
pages of ``_all_docs`` (a reference to the person may be in any kind of record, including kinds
this version does not know): a first pass finds the records merged into theirs and their cases,
a second takes what is theirs and the names of everyone else (for redaction). On a council of a
million records this takes minutes, well inside the statutory month.
"""

import argparse
import base64
from collections.abc import Iterator, Set
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context
from caseworker.display import visible
from caseworker.errors import CaseworkerError
from caseworker.sar import write
from caseworker.sar.collect import Subject
from caseworker.sar.collect import select as select_documents
from caseworker.sar.export import CENTRAL, Completeness, assemble
from caseworker.sar.files import Attached, attached
from caseworker.sar.redact import full_names
from caseworker.timeutil import to_iso, utcnow
from sync.access_log_command import VIEW_WAIT, Listing, citizen_id, entries
from sync.all_docs import documents
from sync.cli import _client, _server_options
from sync.http import CouchClient, doc_path


def configure(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin of the central database")
    parser.add_argument("citizen", type=citizen_id, help="the citizen's id (citizen:KEY or KEY)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write it in")
    parser.set_defaults(handler=run)


def attachment_contents(client: CouchClient, atts: list[Attached]) -> dict[str, bytes]:
    """The content of the attached files, by digest (one read per document holding any)."""
    found: dict[str, bytes] = {}
    for doc_id in sorted({a.doc_id for a in atts}):
        doc = client.get(doc_path(doc_id), params={"attachments": "true"}, timeout=VIEW_WAIT)
        held = doc.get("_attachments") if isinstance(doc, dict) else None
        for att in held.values() if isinstance(held, dict) else ():
            data = att.get("data") if isinstance(att, dict) else None
            if isinstance(data, str) and isinstance(att.get("digest"), str):
                try:
                    found[att["digest"]] = base64.b64decode(data, validate=True)
                except ValueError:
                    continue  # not base64: listed as not held rather than written wrong
    return found


class Names:
    """``redact.Others`` over the names read from the whole database."""

    def __init__(self, names: Set[str]) -> None:
        self.known = names

    def names(self, candidates: Set[str]) -> set[str]:
        return set(candidates) & self.known


def run(args: argparse.Namespace, ctx: Context) -> int:
    client = _client(args)
    try:
        client.deadline = max(client.deadline, VIEW_WAIT)
        client.sign_in()
        listing = Listing(client)
        listing.check_log()
        known, _cases = listing.citizen(args.citizen)
        if not known:
            raise CaseworkerError(f"no citizen {visible(args.citizen)} in {listing.db}")
        subject = Subject(args.citizen)
        while subject.learn(documents(client)):
            pass
        names: set[str] = set()
        staff: dict[str, str] = {}

        def reading() -> Iterator[dict[str, Any]]:
            for doc in documents(client):
                kind = doc.get("type")
                if kind in ("citizen", "directory") and doc["_id"] not in subject.records:
                    if doc.get("citizen_id") not in subject.records:
                        names.update(full_names(doc))
                elif kind == "staff" and isinstance(doc.get("name"), str):
                    staff[doc["_id"]] = doc["name"]
                yield doc

        collected = select_documents(subject, reading())
        log = entries(listing, sorted(subject.ids), None)
        contents = attachment_contents(client, attached(collected.documents))
    finally:
        client.close()
    export = assemble(
        collected,
        Names(names),
        staff=staff,
        made_at=to_iso(utcnow()),
        made_by=str(args.user),
        made_on=CENTRAL,
        completeness=Completeness(True, f"read from {listing.db} as a server admin", True),
        access_log=[e.as_json() for e in log],
        read_files=lambda _atts: contents,
    )
    for path in write.write(args.out, export):
        print(visible(str(path)))
    return 0
