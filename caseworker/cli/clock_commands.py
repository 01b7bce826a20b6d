"""``caseworker case extend`` and ``case next-stage``: a statutory clock moved on purpose,
through the same services the clocks library offers (the reason kept in the case history)."""

import argparse

from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.display import visible
from caseworker.services import cases, clock_changes


def _due_line(ctx: Context, case: str) -> str:
    with ctx.store().read() as session:
        doc = cases.load_case_doc(session, case)
        return f"{doc['reference']}: due {doc['due_at']}"


def _extend(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        clock_changes.extend_subject_access(session, acting(session, args), args.case, args.reason)
    print(visible(_due_line(ctx, args.case) + " (extended to three months)"))
    return 0


def _next_stage(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        clock_changes.next_complaint_stage(session, acting(session, args), args.case, args.comment)
    print(visible(_due_line(ctx, args.case) + " (next stage)"))
    return 0


def configure_extend(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", help="case id or reference (a subject access request)")
    p.add_argument(
        "--reason", required=True, help="why it needs longer: what the requester is told"
    )
    configure_acting(p)
    p.set_defaults(handler=_extend)


def configure_next_stage(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", help="case id or reference (a complaint)")
    p.add_argument("--comment", help="why (kept in the case history)")
    configure_acting(p)
    p.set_defaults(handler=_next_stage)
