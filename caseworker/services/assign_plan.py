"""Who gets which case: pure planners, shared by the window ("spread evenly"), the CLI and the
central worker's auto-assignment. No database, no clock: given cases and officers, a plan.

An officer can take a case when they are not away and below their cap (no cap: always). Each
planner hands out cases in the order given and never takes an officer over their cap; cases
nobody can take are left over, named, never forced on someone.
"""

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Officer:
    """One officer as a planner sees them: their open load, cap and whether they are away."""

    staff_id: str
    load: int
    capacity: int | None = None  # None: no cap
    away: bool = False

    @property
    def room(self) -> int | None:
        """How many more cases they can take (None: no limit); 0 when away."""
        if self.away:
            return 0
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.load)


@dataclass
class Plan:
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (case id, staff id), in order
    left: list[str] = field(default_factory=list)  # cases nobody could take
    pointer: str | None = None  # round robin: the last officer given a case

    def by_officer(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for case_id, staff_id in self.pairs:
            out.setdefault(staff_id, []).append(case_id)
        return out


def least_loaded(case_ids: Sequence[str], officers: Sequence[Officer]) -> Plan:
    """Each case to whoever has the fewest open cases at that moment (the plan's own cases
    counted); ties go to the officer listed first. Spreading a selection "evenly" is this:
    with equal loads it splits the selection evenly, otherwise it evens the loads out."""
    plan = Plan()
    heap = [(o.load, i, o) for i, o in enumerate(officers) if o.room != 0]
    heapq.heapify(heap)
    taken = dict.fromkeys((o.staff_id for o in officers), 0)
    for case_id in case_ids:
        if not heap:
            plan.left.append(case_id)
            continue
        load, i, officer = heapq.heappop(heap)
        plan.pairs.append((case_id, officer.staff_id))
        taken[officer.staff_id] += 1
        room = officer.room
        if room is None or taken[officer.staff_id] < room:
            heapq.heappush(heap, (load + 1, i, officer))
    return plan


def round_robin(
    case_ids: Sequence[str], officers: Sequence[Officer], after: str | None = None
) -> Plan:
    """Cases in turn to the officers in order of staff id, starting after ``after`` (the last
    one given a case, kept by the caller between runs; unknown or None: from the first),
    skipping anyone away or at their cap."""
    ordered = sorted(officers, key=lambda o: o.staff_id)
    plan = Plan(pointer=after)
    room = {o.staff_id: o.room for o in ordered}
    start = 0
    if after is not None:
        # The next officer after the pointer, even when the pointer's officer has left.
        start = next((i for i, o in enumerate(ordered) if o.staff_id > after), 0)
    turn = start
    for case_id in case_ids:
        chosen: str | None = None
        for step in range(len(ordered)):
            candidate = ordered[(turn + step) % len(ordered)].staff_id
            left = room[candidate]
            if left is None or left > 0:
                chosen = candidate
                turn = (turn + step + 1) % len(ordered)
                break
        if chosen is None:
            plan.left.append(case_id)
            continue
        left = room[chosen]
        if left is not None:
            room[chosen] = left - 1
        plan.pairs.append((case_id, chosen))
        plan.pointer = chosen
    return plan
