"""``caseworker staff availability USER [--capacity N|none] [--away-until DATE|none]``: an
officer's cap and leave, as supervisors set them (the access rules decide who may)."""

import argparse
from datetime import date

from caseworker.cli.app import Context
from caseworker.cli.arguments import UsageError
from caseworker.cli.edit import acting, configure_acting, staff_member
from caseworker.display import visible
from caseworker.services import assignment


def _capacity(text: str) -> int | None:
    if text == "none":
        return None
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"a cap is a whole number or 'none', not {text!r}")
    return int(text)


def _day(text: str) -> date | None:
    if text == "none":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date is YYYY-MM-DD or 'none', not {text!r}") from None


def _availability(args: argparse.Namespace, ctx: Context) -> int:
    if args.capacity is assignment.KEEP and args.away_until is assignment.KEEP:
        raise UsageError("say what to change: --capacity and/or --away-until")
    with ctx.store().write() as session:
        actor = acting(session, args)
        member = staff_member(session, args.user)
        assignment.set_availability(
            session, actor, member.id, capacity=args.capacity, away_until=args.away_until
        )
        shown = next(w for w in assignment.workloads(session) if w.staff_id == member.id)
    cap = "no cap" if shown.capacity is None else f"cap {shown.capacity}"
    away = f", on leave until {shown.away_until}" if shown.away_until else ""
    print(visible(f"{shown.name}: {shown.load} open, {cap}{away}"))
    return 0


def configure_availability(p: argparse.ArgumentParser) -> None:
    p.add_argument("user", help="username or staff id")
    p.add_argument("--capacity", type=_capacity, default=assignment.KEEP, help="N, or 'none'")
    p.add_argument(
        "--away-until", type=_day, default=assignment.KEEP, help="last day of leave, or 'none'"
    )
    configure_acting(p)
    p.set_defaults(handler=_availability)
