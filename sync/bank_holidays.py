"""Refresh the UK bank holidays from GOV.UK (``caseworker bank-holidays refresh|show``).

GOV.UK publishes them at ``GOVUK_URL`` in the shape the bundled file has. A reply is read under
a deadline and a size cap, never through a redirect, and checked strictly
(``caseworker.clocks.bank_holidays.parse``) before it is kept in the store, where it wins over
the bundled file for every division and year it lists.
"""

import argparse
import sys
import time
from urllib.parse import urlsplit

import requests

from caseworker.cli.app import Context
from caseworker.cli.output import print_json, table
from caseworker.clocks import bank_holidays as bh
from caseworker.clocks import council
from sync import transport
from sync.errors import MalformedResponse, NetworkError, RedirectRefused, ServerError, SyncError
from sync.urls import is_loopback, origin_of

GOVUK_URL = "https://www.gov.uk/bank-holidays.json"
MAX_BYTES = 1_000_000  # GOV.UK's file is about 20 kB
DEADLINE = 30.0  # seconds for the whole exchange


def fetch(
    url: str = GOVUK_URL, *, deadline: float = DEADLINE, cap: int = MAX_BYTES
) -> bh.Divisions:
    """GOV.UK's bank holidays, checked; a ``SyncError`` in one line when they cannot be had."""
    parts = urlsplit(url)
    if parts.scheme != "https" and not (
        parts.scheme == "http" and is_loopback(parts.hostname or "")
    ):
        raise SyncError(f"bank holidays are fetched over https only, not from {origin_of(url)}")
    http = transport.new_session(True)
    what = "the bank holidays"
    try:
        reply = transport.exchange(
            http,
            "GET",
            url,
            params=None,
            data=None,
            headers={},
            deadline=time.monotonic() + deadline,
            read_timeout=min(deadline, transport.READ_TIMEOUT),
            what=what,
            cap=cap,
        )
    except transport.Expired as exc:
        raise NetworkError(f"{origin_of(url)} did not send {what} within {deadline:g} s") from exc
    except requests.RequestException as exc:
        raise NetworkError(f"{origin_of(url)} could not be reached for {what}") from exc
    finally:
        http.close()
    if 300 <= reply.status < 400:
        raise RedirectRefused(f"{origin_of(url)} redirected the request for {what}; not followed")
    if reply.status != 200:
        raise ServerError(f"{origin_of(url)} answered {reply.status} {reply.reason} for {what}")
    try:
        return bh.loads(reply.content)
    except bh.BankHolidayError as exc:
        raise MalformedResponse(f"{origin_of(url)} sent {what} in another shape: {exc}") from exc


def refresh(ctx: Context, url: str = GOVUK_URL) -> bh.Divisions:
    """Fetch and keep them in the store (nothing is kept when anything is wrong)."""
    divisions = fetch(url)
    with ctx.store().write() as session:
        council.save_refreshed(session, divisions)
    return divisions


def _refresh(args: argparse.Namespace, ctx: Context) -> int:
    divisions = refresh(ctx, args.url)
    years = bh.years_covered(divisions)
    span = f"{years[0]}-{years[1]}" if years else "no years"
    print(f"Bank holidays refreshed from {origin_of(args.url)} ({span}); kept in the store.")
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        divisions = council.holidays(session)
        refreshed = council.refreshed(session)
        calendar = council.load(session)
    if calendar.problem:  # the clocks run on the default calendar meanwhile: say so
        print(f"caseworker: {calendar.problem}", file=sys.stderr)
    found: list[tuple[str, ...]] = [
        (h.day.isoformat(), h.title, h.notes)
        for h in divisions[args.division]
        if args.year is None or h.day.year == args.year
    ]
    if args.json:
        print_json([{"date": d, "title": t, "notes": n} for d, t, n in found])
        return 0
    source = "bundled, with GOV.UK's refreshed copy" if refreshed else "bundled with Caseworker"
    print(f"Bank holidays in {args.division} ({source}); the council's nation: {calendar.nation}")
    if found:
        table(found)
    else:
        print("none")
    return 0


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    refresh_parser = sub.add_parser("refresh", help="fetch them from GOV.UK and keep them")
    refresh_parser.add_argument("--url", default=GOVUK_URL, help="where GOV.UK publishes them")
    refresh_parser.set_defaults(handler=_refresh)
    show = sub.add_parser("show", help="the bank holidays the clocks use")
    show.add_argument("--division", choices=bh.DIVISIONS, default=bh.ENGLAND_AND_WALES)
    show.add_argument("--year", type=int, default=None, help="only this year")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=_show)
