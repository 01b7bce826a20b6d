"""Small-count suppression for one service's month, and the cells that would give one away.

The published cells are, per channel and for all channels: requests received, resolved, and
resolved within target. A reader can also work out *resolved late* (resolved minus within
target), and any cell from a row's total minus the other channels. A count from 1 to 4 is never
published, nor left where a reader could work it out:

1. every published count from 1 to 4 is suppressed;
2. then, while sums and differences of what is shown still give away a count from 1 to 4 (a
   published one, or a "resolved late" one), one more cell is suppressed: of those whose
   suppression stops that, the smallest non-zero channel first, totals last.

Zeros are shown: a zero names nobody. Only exact working-out is guarded against (not ranges),
which is the usual standard for published tables.
"""

from collections.abc import Sequence
from dataclasses import dataclass

SMALL = 5  # counts from 1 to SMALL - 1 are suppressed
PUBLISHED = ("received", "resolved", "within")
LATE = "late"  # never published, but worked out as resolved - within
ALL = "all"

Cell = tuple[str, str]  # (measure, column)


@dataclass(frozen=True)
class Table:
    """Counts by measure and column (channels, then ``ALL``), and which published cells are
    suppressed."""

    columns: tuple[str, ...]
    values: dict[Cell, int]
    suppressed: frozenset[Cell]

    def shown(self, measure: str, column: str) -> int | None:
        cell = (measure, column)
        return None if cell in self.suppressed else self.values[cell]


def _sensitive(value: int) -> bool:
    return 0 < value < SMALL


def _equations(channels: Sequence[str]) -> list[list[Cell]]:
    """Sets of cells that any one of can be worked out from the others."""
    equations: list[list[Cell]] = []
    for measure in (*PUBLISHED, LATE):
        equations.append([(measure, c) for c in (*channels, ALL)])
    for column in (*channels, ALL):
        equations.append([("resolved", column), ("within", column), (LATE, column)])
    return equations


def _known(shown: set[Cell], equations: list[list[Cell]]) -> set[Cell]:
    known = set(shown)
    changed = True
    while changed:
        changed = False
        for equation in equations:
            unknown = [cell for cell in equation if cell not in known]
            if len(unknown) == 1:
                known.add(unknown[0])
                changed = True
    return known


def suppress(channels: Sequence[str], values: dict[Cell, int]) -> Table:
    """Suppress ``values`` (every published measure per channel and ``ALL``, and ``LATE`` per
    column, or it is worked out here) as the module says."""
    values = dict(values)
    for column in (*channels, ALL):
        values[(LATE, column)] = values[("resolved", column)] - values[("within", column)]
    equations = _equations(channels)
    published = [(m, c) for m in PUBLISHED for c in (*channels, ALL)]
    hidden = {cell for cell in published if _sensitive(values[cell])}
    while True:
        shown = {cell for cell in published if cell not in hidden}
        given_away = [cell for cell in sorted(_known(shown, equations)) if _sensitive(values[cell])]
        if not given_away:
            break
        target = given_away[0]
        candidates = sorted(
            shown, key=lambda cell: (cell[1] == ALL, values[cell] == 0, values[cell])
        )
        for candidate in candidates:
            if target not in _known(shown - {candidate}, equations):
                hidden.add(candidate)
                break
        else:  # no single cell stops it: hide the first and look again
            hidden.add(candidates[0])
    return Table((*channels, ALL), values, frozenset(hidden))
