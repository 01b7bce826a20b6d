"""``caseworker retention show|set|review|approve`` and ``caseworker hold add|end``: the
council's retention schedule, what is due, approving a disposal, and legal holds.

``review`` and ``approve`` read what this store holds; what is printed names classes, counts,
rules and ids, never a person's details.
"""

import argparse
from datetime import datetime

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.erasure import local as erasure_local
from caseworker.erasure import retention
from caseworker.services import retention as service
from caseworker.timeutil import utcnow


def when(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date and time: {visible(text)}") from None
    if moment.tzinfo is None:
        raise argparse.ArgumentTypeError("give the time with its zone, e.g. 2027-01-01T09:00Z")
    return moment


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        rules = retention.schedule(session)
    if args.json:
        print_json([r.__dict__ for r in rules])
        return 0
    table([(r.record_class, f"{r.months} months", r.action) for r in rules])
    return 0


def _set(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        service.set_rule(
            session, acting(session, args), args.record_class, args.months, args.action
        )
    print(f"{args.record_class}: {args.action} after {args.months} months")
    return 0


def _review(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = retention.due(session, args.at or utcnow())
    show_review(found, as_json=args.json, with_ids=args.ids)
    return 0


def show_review(found: list[retention.Due], *, as_json: bool, with_ids: bool) -> None:
    """A review as ``retention review`` prints it (classes, counts, rules; ids if asked)."""
    rows = [
        {
            "record_class": d.rule.record_class,
            "months": d.rule.months,
            "action": d.rule.action,
            "due": len(d.ids),
            "held": d.held,
            "ids": d.ids if with_ids else None,
        }
        for d in found
    ]
    if as_json:
        print_json(rows)
        return
    table(
        [
            (
                d.rule.record_class,
                f"{len(d.ids)} due",
                f"{d.held} held",
                f"{d.rule.action} after {d.rule.months} months",
            )
            for d in found
        ]
    )
    if with_ids:
        for d in found:
            for record_id in d.ids:
                print(visible(f"{d.rule.record_class}\t{record_id}"))


def _approve(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    with store.write() as session:
        done, _ = service.approve(session, acting(session, args), args.record_class, args.at)
    if done.disposal_id is None:
        print(f"nothing due in {args.record_class} ({done.held} held)")
        return 0
    erasure_local.clean(store)
    print(done.disposal_id)
    print(f"{done.count} {args.record_class} records to dispose of, {done.held} held back")
    return 0


def _hold_add(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        hold_id, _ = service.place_hold(
            session,
            acting(session, args),
            reason=args.reason,
            case_id=args.case,
            citizen_id=args.citizen,
        )
    print(hold_id)
    return 0


def _hold_end(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        service.end_hold(session, acting(session, args), args.hold)
    print(visible(f"{args.hold}: ended"))
    return 0


def configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show)


def configure_set(p: argparse.ArgumentParser) -> None:
    p.add_argument("record_class", choices=vocab.RECORD_CLASSES)
    p.add_argument("--months", required=True, type=int, help="months after its start point")
    p.add_argument("--action", required=True, choices=vocab.ERASURE_MODES)
    configure_acting(p)
    p.set_defaults(handler=_set)


def configure_review(p: argparse.ArgumentParser) -> None:
    review_options(p)
    p.set_defaults(handler=_review)


def review_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--at", type=when, help="as of this time (default: now)")
    p.add_argument("--ids", action="store_true", help="list the ids of the records due")
    p.add_argument("--json", action="store_true", help="print JSON")


def configure_approve(p: argparse.ArgumentParser) -> None:
    p.add_argument("record_class", choices=vocab.RECORD_CLASSES)
    p.add_argument("--at", type=when, help="as of this time (default: now)")
    configure_acting(p)
    p.set_defaults(handler=_approve)


def configure_hold_add(p: argparse.ArgumentParser) -> None:
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--case", help="case id")
    which.add_argument("--citizen", help="citizen id")
    p.add_argument("--reason", required=True, help="why it is held (a claim, an appeal...)")
    configure_acting(p)
    p.set_defaults(handler=_hold_add)


def configure_hold_end(p: argparse.ArgumentParser) -> None:
    p.add_argument("hold", help="legal hold id")
    configure_acting(p)
    p.set_defaults(handler=_hold_end)
