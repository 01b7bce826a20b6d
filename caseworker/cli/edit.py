"""Changing commands, through the same services as the window: ``case update``, ``note add``."""

import argparse
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.cli.app import Context, UsageError
from caseworker.errors import NotFoundError
from caseworker.models import StaffMember
from caseworker.services import cases, contacts
from caseworker.services.context import Actor, ChangeSet


def staff_member(session: Session, name: str) -> StaffMember:
    """A member of staff by username or staff id."""
    member = session.scalar(
        select(StaffMember).where((StaffMember.username == name) | (StaffMember.id == name))
    )
    if member is None or not member.active:
        raise NotFoundError(f"no active member of staff {name!r}")
    return member


def acting(session: Session, args: argparse.Namespace) -> Actor:
    member = staff_member(session, args.as_user or os.environ.get("CASEWORKER_USER") or "admin")
    return Actor(member.id, member.role)


def _case_update(args: argparse.Namespace, ctx: Context) -> int:
    if args.status is None and args.assignee is None and args.priority is None:
        raise UsageError("say what to change: --status, --assignee and/or --priority")
    changes = ChangeSet()
    with ctx.store().write() as session:
        actor = acting(session, args)
        if args.assignee is not None:
            assignee = (
                None if args.assignee == "nobody" else staff_member(session, args.assignee).id
            )
            changes.merge(cases.assign(session, actor, args.case, assignee))
        if args.priority is not None:
            changes.merge(cases.set_priority(session, actor, args.case, args.priority))
        if args.status is not None:
            changes.merge(cases.transition(session, actor, args.case, args.status, args.comment))
        case = cases.get_case(session, args.case)
    print(f"{case.reference}: {case.status}, {case.priority}, assignee {case.assignee_id or '-'}")
    return 0


def _note_add(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        note_id, _ = contacts.add_note(session, actor, args.text, case_id=args.case)
    print(note_id)
    return 0


def configure_update(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", help="case id or reference")
    p.add_argument("--status", help="the next status (see `show case`: allowed next)")
    p.add_argument("--assignee", help="username or staff id; 'nobody' to unassign")
    p.add_argument("--priority", help="low, normal, high or urgent")
    p.add_argument("--comment", help="why (kept in the case history)")
    _acting_option(p)
    p.set_defaults(handler=_case_update)


def configure_note_add(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", help="case id or reference")
    p.add_argument("text")
    _acting_option(p)
    p.set_defaults(handler=_note_add)


def _acting_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="who is acting (default: $CASEWORKER_USER, else admin)",
    )
