"""``caseworker problems``: what the store holds but could not use, one line each."""

import argparse
from dataclasses import asdict

from caseworker.cli.app import Context, positive_int
from caseworker.cli.output import print_json, table
from caseworker.store.problems import list_problems


def _problems(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = list_problems(session, limit=args.limit)
    if args.json:
        print_json([asdict(p) for p in found])
    elif not found:
        print("No problems: every record is in use.")
    else:
        table([(p.kind, p.doc_id or "-", p.reason) for p in found])
    return 0


def configure_problems(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--limit", type=positive_int, default=1000, help="list at most this many (default: 1000)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_problems)
