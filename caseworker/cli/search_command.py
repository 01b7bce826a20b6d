"""``caseworker search``: the command typed most, so it starts quickly (no SQLAlchemy unless
the store needs the full open; see ``quick_read``)."""

import argparse
import sys
from dataclasses import asdict

from caseworker.cli import quick_read
from caseworker.cli.app import Context
from caseworker.cli.arguments import result_limit
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.services.search import search_with

DEFAULT_LIMIT = 20


def _search(args: argparse.Namespace, ctx: Context) -> int:
    with quick_read.reading(ctx) as execute:
        hits = search_with(execute, args.query, limit=args.limit + 1)  # one more: were there?
    more = len(hits) > args.limit
    hits = hits[: args.limit]
    if args.json:
        print_json([asdict(h) for h in hits])
    elif not hits:
        print(f"Nobody and no case matches {visible(args.query)!r}.")
    else:
        table([(h.kind, h.id, h.title, h.detail) for h in hits])
        if any(h.summary for h in hits):
            print(
                "caseworker: directory: a summary from the citizen directory; "
                "the person's full record is not on this laptop",
                file=sys.stderr,
            )
    if more:
        print(
            f"caseworker: showing the first {args.limit}; narrow the search or use --limit",
            file=sys.stderr,
        )
    return 0


def configure_search(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", help="a name, phone fragment, email, postcode, reference or handle")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--limit",
        type=result_limit,
        default=DEFAULT_LIMIT,
        help=f"at most this many results (default {DEFAULT_LIMIT})",
    )
    p.set_defaults(handler=_search)
