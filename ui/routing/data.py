"""What the Routing page reads, in one job on the database thread."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker import language
from caseworker.models import Queue, Service, StaffMember
from caseworker.routing import members, store
from caseworker.routing.evaluate import Decision


@dataclass(frozen=True)
class Choice:
    id: str
    name: str
    active: bool = True


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str


@dataclass(frozen=True)
class RoutingData:
    rules: tuple[dict[str, Any], ...]
    note: str | None  # why the rules are not used, when they are not
    conflicted: bool
    queues: tuple[Choice, ...]  # every queue, active or not, by name
    services: tuple[Choice, ...]  # active services, by name


def queue_choices(session: Session) -> tuple[Choice, ...]:
    """Every queue, open or not, by name in the reader's language."""
    return tuple(
        sorted(
            (
                Choice(q.id, language.pick(q.name, q.name_cy), q.active)
                for q in session.scalars(select(Queue))
            ),
            key=lambda c: (c.name.casefold(), c.id),
        )
    )


def service_choices(session: Session) -> tuple[Choice, ...]:
    """The active services, by name in the reader's language."""
    return tuple(
        sorted(
            (
                Choice(s.code, language.pick(s.name, s.name_cy))
                for s in session.scalars(select(Service).where(Service.active.is_(True)))
            ),
            key=lambda c: (c.name.casefold(), c.id),
        )
    )


def load(session: Session) -> RoutingData:
    routing = store.load(session)
    queues, services = queue_choices(session), service_choices(session)
    return RoutingData(routing.raw, routing.note, routing.conflicted, queues, services)


def decide(session: Session, service_code: str, postcode: str, channel: str) -> Decision:
    service = store.service_by_code(session, service_code)
    return store.decide_for(session, service, postcode.strip() or None, channel)


@dataclass(frozen=True)
class Members:
    queue_id: str
    members: tuple[Member, ...]
    others: tuple[Member, ...]  # active staff who could be added


def load_members(session: Session, queue_id: str) -> Members:
    inside = members.members(session, queue_id)
    ids = {m.id for m in inside}
    everyone = session.scalars(
        select(StaffMember).where(StaffMember.active.is_(True)).order_by(StaffMember.name)
    )
    return Members(
        queue_id,
        tuple(Member(m.id, m.name, m.role) for m in inside),
        tuple(Member(m.id, m.name, m.role) for m in everyone if m.id not in ids),
    )
