"""``caseworker publish-kpis --out DIR [--from YYYY-MM] [--to YYYY-MM] [--partial]``.

Publishes each service's monthly performance as open data (caseworker/kpis, docs/open-data.md).
Refuses on a store that holds only part of the council, unless ``--partial`` is given, and then
every file says it covers only the cases held on this laptop.

Which user the data folder syncs as is the sync package's to know (``central.json``), and this
package never imports it: ``main.py`` passes it in through ``setup(parser, synced_as)``.
"""

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from caseworker.cli.app import Context, UsageError
from caseworker.errors import CaseworkerError
from caseworker.kpis import publication, scope
from caseworker.kpis.months import Month, month_of, months_between, parse_month
from caseworker.timeutil import utcnow

SyncedAs = Callable[[Path], str | None]  # the user a data folder syncs as (None: none)
MOST_MONTHS = 120


def _month(text: str) -> Month:
    try:
        return parse_month(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _no_sync(data_dir: Path) -> str | None:
    return None


def setup(parser: argparse.ArgumentParser, synced_as: SyncedAs = _no_sync) -> None:
    parser.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="the folder to publish into"
    )
    parser.add_argument(
        "--from",
        dest="first",
        type=_month,
        metavar="YYYY-MM",
        help="first month, YYYY-MM (default: 11 before --to)",
    )
    parser.add_argument(
        "--to",
        dest="last",
        type=_month,
        metavar="YYYY-MM",
        help="last month, YYYY-MM (default: last month)",
    )
    parser.add_argument(
        "--partial",
        action="store_true",
        help="publish from a store that holds only part of the council, saying so in every file",
    )

    def handler(args: argparse.Namespace, ctx: Context) -> int:
        return _publish(args, ctx, synced_as)

    parser.set_defaults(handler=handler)


def configure(parser: argparse.ArgumentParser) -> None:
    """The command without the sync package (a store that never synced is whole)."""
    setup(parser)


def months_asked(first: Month | None, last: Month | None) -> tuple[Month, Month]:
    this_month = month_of(utcnow())
    if last is None:
        last = months_between(Month(this_month.year - 1, this_month.month), this_month)[-2]
    if first is None:
        first = months_between(Month(last.year - 1, last.month), last)[1]
    if first > last:
        raise UsageError(f"--from {first} is after --to {last}")
    if len(months_between(first, last)) > MOST_MONTHS:
        raise UsageError(f"at most {MOST_MONTHS} months at once")
    return first, last


def _publish(args: argparse.Namespace, ctx: Context, synced_as: SyncedAs) -> int:
    first, last = months_asked(args.first, args.last)
    store = ctx.store()
    with store.read() as session:
        held = scope.holding(session, synced_as(ctx.data_dir))
        if not held.whole and not args.partial:
            raise CaseworkerError(
                f"{held.why}: its figures would not be the council's. Publish from an admin's "
                "store, or give --partial to publish what this laptop holds, saying so"
            )
        coverage = "whole" if held.whole else "partial"
        published = publication.gather(session, first, last, coverage=coverage, made=utcnow())
    contents = publication.files(published)
    publication.write(args.out, contents)
    if published.uncatalogued_cases:
        print(
            f"left out {published.uncatalogued_cases:,} cases whose service is not in the "
            "catalogue",
            file=sys.stderr,
        )
    if published.skipped_cases:
        print(
            f"left out {published.skipped_cases:,} cases with an unreadable time", file=sys.stderr
        )
    if not held.whole:
        print(f"published only the cases held on this laptop ({held.why})", file=sys.stderr)
    print(
        f"published {len(published.services):,} services, {first} to {last} "
        f"({len(contents):,} files) in {args.out}"
    )
    return 0
