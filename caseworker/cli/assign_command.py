"""``caseworker assign CASE... --to USER`` or ``--spread USER,USER``: assign many cases at once,
in one transaction, through the same service as the window."""

import argparse

from caseworker.cli.app import Context
from caseworker.cli.arguments import UsageError
from caseworker.cli.edit import acting, configure_acting, staff_member
from caseworker.display import visible
from caseworker.services import assignment


def _assign(args: argparse.Namespace, ctx: Context) -> int:
    if (args.to is None) == (args.spread is None):
        raise UsageError("say whom to: --to USER, or --spread USER,USER")
    with ctx.store().write() as session:
        actor = acting(session, args)
        if args.to is not None:
            to = None if args.to == "nobody" else staff_member(session, args.to).id
            out = assignment.assign_many(session, actor, args.cases, to)
            left: list[str] = []
        else:
            names = [n.strip() for n in args.spread.split(",") if n.strip()]
            staff = [staff_member(session, n).id for n in names]
            out, plan = assignment.spread(session, actor, args.cases, staff)
            left = plan.left
    for case_id, old, new in out.moved:
        print(visible(f"{case_id}: {old or 'nobody'} -> {new or 'nobody'}"))
    for case_id in out.unchanged:
        print(visible(f"{case_id}: already theirs"))
    for case_ref, reason in out.skipped:
        print(visible(f"{case_ref}: skipped: {reason}"))
    for case_id in left:
        print(visible(f"{case_id}: left: every officer chosen is away or at capacity"))
    print(f"{len(out.moved)} assigned, {len(out.unchanged)} unchanged, "
          f"{len(out.skipped) + len(left)} not assigned")  # fmt: skip
    return 0 if not (out.skipped or left) else 1


def configure_assign(p: argparse.ArgumentParser) -> None:
    p.add_argument("cases", nargs="+", metavar="CASE", help="case ids or references")
    p.add_argument("--to", metavar="USER", help="username or staff id; 'nobody' to unassign")
    p.add_argument(
        "--spread",
        metavar="USER,USER",
        help="spread the cases evenly among these officers (loads, caps and leave respected)",
    )
    configure_acting(p)
    p.set_defaults(handler=_assign)
