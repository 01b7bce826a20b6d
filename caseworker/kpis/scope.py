"""Does this store hold the whole council, so that its figures are the council's?

A laptop holds only its person's share (docs/gateway.md, "Who holds what"): an agent's queues,
an officer's round. Only an admin holds everything. So:

- a store that has never replicated with a central service (no checkpoint, no user named for
  it) holds the whole of what it has: a council set up or seeded on this machine;
- a store that syncs holds the whole council only if it syncs as an active admin's staff
  record; any other user, or one it cannot tell (not in the staff list, or two records
  claiming the name), holds a part.
"""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.models import Checkpoint, StaffMember

WHOLE_COUNCIL = "the whole council"


@dataclass(frozen=True)
class Holding:
    whole: bool
    why: str  # for a person: what the store holds and how that is known


def holding(session: Session, synced_as: str | None) -> Holding:
    """What the store holds, given the user it syncs as (None: it names no central service)."""
    replicated = session.scalar(select(func.count()).select_from(Checkpoint)) or 0
    if synced_as is None:
        if replicated:
            return Holding(False, "this store has synced with a central service as someone unknown")
        return Holding(True, "this store has never synced, so it holds all it has")
    roles = list(
        session.scalars(
            select(StaffMember.role).where(
                StaffMember.username == synced_as, StaffMember.active.is_(True)
            )
        )
    )
    if roles == ["admin"]:
        return Holding(True, f"this store syncs as {synced_as}, an admin, who holds everything")
    if not roles:
        who = "who is not an active member of staff here"
    elif len(roles) > 1:
        who = "whose name more than one staff record claims"
    else:
        role = roles[0].replace("_", " ")
        article = "an" if role[:1] in ("a", "e", "i", "o", "u") else "a"
        who = f"{article} {role}, who holds only their own share"
    return Holding(False, f"this store syncs as {synced_as}, {who}")
