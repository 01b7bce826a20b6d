"""Who else the store knows by name: the citizens it holds and the directory of everyone (an
agent's laptop holds the directory; the central database holds both)."""

from collections.abc import Set

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.models import Citizen, DirectoryEntry
from caseworker.sar.redact import full_names

_CHUNK = 500


class StoreOthers:
    """``redact.Others`` over a laptop's store: looked up by family name (indexed), so a
    store of a million citizens answers a few thousand candidates quickly."""

    def __init__(self, session: Session, records: frozenset[str]) -> None:
        self.session = session
        self.records = records

    def names(self, candidates: Set[str]) -> set[str]:
        families = {c.split(" ", 1)[1] for c in candidates if " " in c}
        # A family name may itself hold spaces ("ap Rhys"): every tail of the words.
        families |= {" ".join(c.split(" ")[n:]) for c in candidates for n in range(2, 4)}
        families.discard("")
        wanted = sorted(families)
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for table, key in ((Citizen, Citizen.id), (DirectoryEntry, DirectoryEntry.citizen_id)):
                rows = self.session.execute(
                    select(key, table.given_name, table.preferred_name, table.family_name).where(
                        table.family_name.in_(chunk)
                    )
                )
                for citizen_id, given, preferred, family in rows:
                    if citizen_id in self.records:
                        continue
                    doc = {"given_name": given, "preferred_name": preferred, "family_name": family}
                    found |= full_names(doc) & candidates
        return found
