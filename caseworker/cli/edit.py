"""Changing commands, through the same services as the window: ``case update``, ``note add``."""

import argparse
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.cli.app import Command, Context
from caseworker.errors import NotFoundError, ValidationError
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
        raise ValidationError("say what to change: --status, --assignee and/or --priority")
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
        print(
            f"{case.reference}: {case.status}, {case.priority}, assignee {case.assignee_id or '-'}"
        )
    return 0


def _note_add(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        note_id, _ = contacts.add_note(session, actor, args.text, case_id=args.case)
    print(note_id)
    return 0


def _configure_case(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    update = sub.add_parser("update", help="change a case's status, assignee or priority")
    update.add_argument("case", help="case id or reference")
    update.add_argument("--status")
    update.add_argument("--assignee", help="username or staff id; 'nobody' to unassign")
    update.add_argument("--priority")
    update.add_argument("--comment")
    update.add_argument("--as", dest="as_user", metavar="USERNAME")
    update.set_defaults(handler=_case_update)


def _configure_note(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="add a note to a case")
    add.add_argument("case", help="case id or reference")
    add.add_argument("text")
    add.add_argument("--as", dest="as_user", metavar="USERNAME")
    add.set_defaults(handler=_note_add)


def _unreachable(args: argparse.Namespace, ctx: Context) -> int:
    raise ValidationError("choose an action")


COMMANDS = (
    Command("case", "work a case", _configure_case, _unreachable),
    Command("note", "notes on cases", _configure_note, _unreachable),
)
