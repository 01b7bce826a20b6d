"""Changing commands, through the same services as the window: ``case update``, ``note add``."""

import argparse
import os

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.cli.app import Context
from caseworker.cli.arguments import UsageError, checked_text
from caseworker.display import visible
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Case, StaffMember
from caseworker.services import cases, contacts
from caseworker.services.context import Actor, ChangeSet


def staff_member(session: Session, name: str) -> StaffMember:
    """A member of staff by username or staff id."""
    by_id = session.get(StaffMember, name)
    if by_id is not None and by_id.active:
        return by_id
    # Usernames are not unique in the store (two laptops can each create one offline), so an
    # ambiguous name is refused rather than acted on as whichever row comes first.
    matches = list(
        session.scalars(
            select(StaffMember).where(StaffMember.username == name, StaffMember.active.is_(True))
        )
    )
    if not matches:
        raise NotFoundError(f"no active member of staff {name!r}")
    if len(matches) > 1:
        ids = ", ".join(sorted(m.id for m in matches))
        raise ValidationError(
            f"{len(matches)} staff records share the username {name!r} ({ids}); "
            "use a staff id, and see caseworker problems"
        )
    return matches[0]


def acting(session: Session, args: argparse.Namespace) -> Actor:
    from_env = checked_text(os.environ.get("CASEWORKER_USER", ""), "CASEWORKER_USER")
    member = staff_member(session, args.as_user or from_env or "admin")
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
            changes.merge(
                cases.transition(session, actor, args.case, args.status, args.comment, args.outcome)
            )
        case = cases.get_case(session, args.case)
    _print_case(case)
    return 0


def _print_case(case: Case) -> None:
    shown = f"{case.reference}: {case.status}, {case.priority}, assignee {case.assignee_id or '-'}"
    if case.outcome:
        shown += f", outcome {case.outcome}"
    print(visible(shown))  # synced fields: controls shown, never obeyed


def _case_end(args: argparse.Namespace, ctx: Context) -> int:
    """``case resolve``, ``case close`` and ``case reopen``: one status change, with its
    outcome and comment."""
    with ctx.store().write() as session:
        actor = acting(session, args)
        outcome = getattr(args, "outcome", None)
        cases.transition(session, actor, args.case, args.target, args.comment, outcome)
        case = cases.get_case(session, args.case)
    _print_case(case)
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
    p.add_argument("--outcome", metavar="CODE", help=_OUTCOME_HELP)
    configure_acting(p)
    p.set_defaults(handler=_case_update)


_OUTCOME_HELP = "how the case ended: a code from its service's outcomes (an error lists them)"


def _configure_end(p: argparse.ArgumentParser, target: str) -> None:
    p.add_argument("case", help="case id or reference")
    if target != "reopened":
        p.add_argument("--outcome", metavar="CODE", help=_OUTCOME_HELP)
    p.add_argument("--comment", required=target == "reopened", help="why (kept in the history)")
    configure_acting(p)
    p.set_defaults(handler=_case_end, target=target)


def configure_resolve(p: argparse.ArgumentParser) -> None:
    _configure_end(p, "resolved")


def configure_close(p: argparse.ArgumentParser) -> None:
    _configure_end(p, "closed")


def configure_reopen(p: argparse.ArgumentParser) -> None:
    _configure_end(p, "reopened")


def configure_note_add(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", help="case id or reference")
    p.add_argument("text")
    configure_acting(p)
    p.set_defaults(handler=_note_add)


def configure_acting(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--as",
        dest="as_user",
        metavar="USERNAME",
        help="who is acting (default: $CASEWORKER_USER, else admin)",
    )
