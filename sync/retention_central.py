"""``caseworker central retention review``: the council-wide retention review, read from the
central database by a server admin rather than from what one supervisor's laptop holds.

    caseworker central retention review --server DB_URL --user ADMIN --password-stdin
        [--at TIME] [--ids] [--json]

The same schedule, London calendar, legal holds and "already erased" rule as the laptop's
``caseworker retention review`` (``caseworker.erasure.retention.tally`` decides both). It reads
only what it needs, in pages of ``_all_docs`` by id range (``PAGE`` documents at a time, so
memory holds a page, the holds, the erasures' ids and the ids due): the schedule, the legal
holds (``hold:``), the erasures (``erasure:``), then each class's range (``case:``,
``contact:``, ``mention:``). What it prints names classes, counts, rules and record ids, never a
person's details. Approving a disposal stays a supervisor's act on their laptop
(``caseworker retention approve``), which asks for the erasures the central worker carries out.
"""

import argparse
from datetime import datetime

from caseworker.cli.app import Context
from caseworker.cli.retention_commands import review_options, show_review
from caseworker.documents.types import RETENTION_ID
from caseworker.erasure import retention
from caseworker.timeutil import utcnow
from sync.all_docs import PAGE, documents
from sync.cli import _client, _server_options
from sync.http import CouchClient, doc_path


def configure(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin of the central database")
    review_options(parser)
    parser.set_defaults(handler=run)


def review(client: CouchClient, now: datetime, page: int = PAGE) -> list[retention.Due]:
    """Each class's records due at ``now`` across the whole council."""
    schedule = client.get_or_none(doc_path(RETENTION_ID))
    rules = retention.rules_of(schedule if isinstance(schedule, dict) else None)
    held: set[str] = set()
    for doc in documents(client, "hold:", page):
        held |= retention.held_by(doc)
    taken: set[str] = set()
    for doc in documents(client, "erasure:", page):
        taken |= retention.taken_by(doc)
    records = (
        record
        for rule in rules
        for doc in documents(client, retention.ID_PREFIXES[rule.record_class], page)
        if (record := retention.record_of(doc)) is not None and record[0] == rule.record_class
    )
    return retention.tally(rules, records, held, taken, now)


def run(args: argparse.Namespace, ctx: Context) -> int:
    client = _client(args)
    try:
        found = review(client, args.at or utcnow())
    finally:
        client.close()
    show_review(found, as_json=args.json, with_ids=args.ids)
    return 0
