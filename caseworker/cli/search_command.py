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
from caseworker.services.search import SearchHit, SearchResults, find_with

DEFAULT_LIMIT = 20


def total_text(results: SearchResults) -> str:
    """How many match in all: exact up to the bound (1,000), then "1,000+"."""
    return f"{results.bound:,}+" if results.capped else f"{results.total:,}"


def _facts(hit: SearchHit) -> str:
    """What tells namesakes apart (born, last contact, open cases), or a case's status."""
    if hit.kind == "case":
        return (hit.status or "").replace("_", " ")
    if hit.kind != "citizen":
        return ""
    facts = []
    if hit.date_of_birth:
        facts.append(f"born {hit.date_of_birth}")
    if hit.last_contact:
        facts.append(f"last contact {hit.last_contact[:10]}")
    if hit.open_cases:
        facts.append(f"{hit.open_cases} open case" + ("s" if hit.open_cases > 1 else ""))
    return ", ".join(facts)


def _search(args: argparse.Namespace, ctx: Context) -> int:
    with quick_read.reading(ctx) as execute:
        results = find_with(execute, args.query, limit=args.limit)
    hits = results.hits
    if args.json:
        print_json([asdict(h) for h in hits])
    elif not hits:
        print(f"Nobody and no case matches {visible(args.query)!r}.")
    else:
        table([(h.kind, h.id, h.title, _facts(h), h.detail) for h in hits])
        if any(h.summary for h in hits):
            print(
                "caseworker: directory: a summary from the citizen directory; "
                "the person's full record is not on this laptop",
                file=sys.stderr,
            )
    if results.more:
        print(
            f"caseworker: showing {len(hits):,} of {total_text(results)}: add a postcode or "
            "date of birth to narrow it, or use --limit",
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
