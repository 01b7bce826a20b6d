"""``caseworker calendar show|close|reopen|nation|hours``: the council's calendar, which every
due time is counted on (supervisors and admins change it). A change says how many of the open
cases on this laptop it moves; ``--recompute`` moves them."""

import argparse
import sys
from datetime import date

from caseworker.cli.app import Context
from caseworker.cli.arguments import UsageError
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json
from caseworker.clocks import bank_holidays, council
from caseworker.display import visible
from caseworker.errors import ValidationError
from caseworker.services import calendar_edits, clock_changes
from caseworker.store import docstore


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {visible(text)}") from None


def _spans(text: str) -> list[tuple[str, str]]:
    try:
        return calendar_edits.spans_from_text(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        held = docstore.get(session, council.CALENDAR_ID)
        problem = calendar_edits.unusable(held) if held is not None else None
        doc = calendar_edits.current(session)
    if problem:
        print(
            visible(f"{problem}; due times use the default until it is changed"),
            file=sys.stderr,
        )
    if args.json:
        print_json({k: v for k, v in doc.items() if not k.startswith("_")})
        return 0
    print(visible(f"nation: {doc['nation']} (its bank holidays are not working days)"))
    for span in doc["hours"]:
        print(visible(f"{span['day']} {span['start']}-{span['end']}"))
    for closure in doc.get("closures") or ():
        print(visible(f"closed {closure['date']} {closure.get('reason') or ''}".rstrip()))
    return 0


def _changed(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        if args.recompute:
            moved, _ = clock_changes.recompute_open(session, acting(session, args))
        else:
            moved = clock_changes.cases_moved(session)
    if args.recompute:
        print(f"calendar changed; due times of {moved:,} open cases here moved")
    else:
        print(
            f"calendar changed; it moves the due times of {moved:,} open cases here "
            "(--recompute moves them)"
        )
    return 0


def _edit(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        if args.action == "close":
            calendar_edits.close_day(session, actor, args.day, args.reason)
        elif args.action == "reopen":
            calendar_edits.reopen_day(session, actor, args.day)
        elif args.action == "nation":
            calendar_edits.set_nation(session, actor, args.nation)
        elif args.action == "hours":
            calendar_edits.set_hours(session, actor, args.weekday, args.spans)
        else:  # pragma: no cover - argparse allows no other
            raise UsageError(f"unknown calendar change {args.action!r}")
    return _changed(args, ctx)


def configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show)


def _changing(p: argparse.ArgumentParser, action: str) -> None:
    p.add_argument(
        "--recompute", action="store_true", help="move the due times of the open cases here"
    )
    configure_acting(p)
    p.set_defaults(handler=_edit, action=action)


def configure_close(p: argparse.ArgumentParser) -> None:
    p.add_argument("day", type=_day, help="YYYY-MM-DD: the council is closed that day")
    p.add_argument("--reason", help="why, in a few words")
    _changing(p, "close")


def configure_reopen(p: argparse.ArgumentParser) -> None:
    p.add_argument("day", type=_day, help="YYYY-MM-DD: a closure day that is not one after all")
    _changing(p, "reopen")


def configure_nation(p: argparse.ArgumentParser) -> None:
    p.add_argument("nation", choices=bank_holidays.DIVISIONS)
    _changing(p, "nation")


def configure_hours(p: argparse.ArgumentParser) -> None:
    p.add_argument("weekday", choices=("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    p.add_argument("spans", type=_spans, help="HH:MM-HH:MM[,HH:MM-HH:MM] or none")
    _changing(p, "hours")
