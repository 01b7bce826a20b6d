"""Who is acting, and the record of what a service call changed (for the change bus)."""

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from caseworker.access import local
from caseworker.access.people import Person
from caseworker.store.docstore import Written


@dataclass(frozen=True)
class Actor:
    staff_id: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.person.is_supervisor

    @property
    def person(self) -> Person:
        """As the access rules see the actor, without their queues and patch (which decide
        only what a laptop holds, and it holds what it has)."""
        return Person(self.staff_id, self.role, self.staff_id)

    def person_in(self, session: Session) -> Person:
        """As the access rules see the actor, with their queues and patch from the local staff
        document."""
        return local.person_of(session, self.staff_id, self.role)


@dataclass
class ChangeSet:
    """Documents written by one service call, so each view can decide what to refresh."""

    written: list[Written] = field(default_factory=list)

    def add(self, written: Written) -> Written:
        self.written.append(written)
        return written

    def merge(self, other: "ChangeSet") -> None:
        self.written.extend(other.written)

    def ids_of(self, doc_type: str) -> set[str]:
        return {w.doc_id for w in self.written if w.doc_type == doc_type}

    @property
    def conflicted(self) -> list[str]:
        return [w.doc_id for w in self.written if w.conflicted]
