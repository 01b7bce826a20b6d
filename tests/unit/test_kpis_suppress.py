"""Small-count suppression: no count from 1 to 4 is published, nor left where sums and
differences of what is published give it away, checked against an independent linear-algebra
test of what a reader can work out."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker.kpis.suppress import ALL, LATE, PUBLISHED, Cell, suppress

CHANNELS = ("phone", "email", "letter", "walk_in")


def _values(counts: list[tuple[int, int, int]]) -> dict[Cell, int]:
    values: dict[Cell, int] = {}
    for channel, (received, resolved, late) in zip(CHANNELS, counts, strict=True):
        values[("received", channel)] = received
        values[("resolved", channel)] = resolved
        values[("within", channel)] = resolved - late
    for measure in PUBLISHED:
        values[(measure, ALL)] = sum(values[(measure, c)] for c in CHANNELS)
    return values


def _workable(shown: dict[Cell, int], all_cells: list[Cell]) -> set[Cell]:
    """Every cell whose value follows from the shown ones by any linear combination of the
    table's sums (rank test by exact Gaussian elimination, not the module's own method)."""
    unknown = [cell for cell in all_cells if cell not in shown]
    index = {cell: i for i, cell in enumerate(unknown)}
    rows: list[list[Fraction]] = []
    equations: list[list[tuple[Cell, int]]] = []
    for measure in (*PUBLISHED, LATE):
        equations.append([((measure, c), 1) for c in CHANNELS] + [((measure, ALL), -1)])
    for column in (*CHANNELS, ALL):
        equations.append(
            [(("resolved", column), 1), (("within", column), -1), ((LATE, column), -1)]
        )
    for equation in equations:
        row = [Fraction(0)] * len(unknown)
        for cell, sign in equation:
            if cell in index:
                row[index[cell]] += sign
        rows.append(row)
    # Reduced row echelon form: a cell is determined iff some row is nonzero only there.
    pivot_row = 0
    for col in range(len(unknown)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [x / lead for x in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivot_row += 1
    determined = {
        unknown[next(i for i, x in enumerate(row) if x != 0)]
        for row in rows
        if sum(1 for x in row if x != 0) == 1
    }
    return set(shown) | determined


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12), st.integers(0, 12)).map(
            lambda t: (t[0], t[1], min(t[1], t[2]))
        ),
        min_size=len(CHANNELS),
        max_size=len(CHANNELS),
    )
)
def test_no_count_from_1_to_4_is_published_or_can_be_worked_out(
    counts: list[tuple[int, int, int]],
) -> None:
    values = _values(counts)
    table = suppress(CHANNELS, values)
    shown = {
        (m, c): v
        for (m, c), v in values.items()
        if m in PUBLISHED and table.shown(m, c) is not None
    }
    all_cells = [(m, c) for m in (*PUBLISHED, LATE) for c in (*CHANNELS, ALL)]
    for cell in _workable(shown, all_cells):
        assert not 0 < table.values[cell] < 5, (cell, table.values[cell], table.suppressed)


def test_a_lone_small_channel_takes_another_with_it_so_the_total_cannot_give_it_away() -> None:
    values = _values([(40, 0, 0), (30, 0, 0), (3, 0, 0), (20, 0, 0)])
    table = suppress(CHANNELS, values)
    assert table.shown("received", "letter") is None
    assert table.shown("received", "walk_in") is None  # the next smallest goes too
    assert table.shown("received", ALL) == 93  # the total can stay: two unknowns, one sum
    assert table.shown("received", "phone") == 40


def test_within_target_is_hidden_when_resolved_minus_it_would_show_a_few_late_cases() -> None:
    # Phone: 20 resolved, 18 within target: the 2 late ones would be 20 - 18.
    values = _values([(30, 20, 2), (30, 20, 0), (30, 20, 0), (30, 20, 0)])
    table = suppress(CHANNELS, values)
    assert table.shown("resolved", "phone") == 20
    assert table.shown("within", "phone") is None
    # And the all-channels totals (80 within of 80... minus the others) must not rebuild it.
    worked = _workable(
        {
            cell: v
            for cell, v in values.items()
            if cell[0] in PUBLISHED and table.shown(*cell) is not None
        },
        [(m, c) for m in (*PUBLISHED, LATE) for c in (*CHANNELS, ALL)],
    )
    assert (LATE, "phone") not in worked


def test_big_counts_and_zeros_are_all_shown() -> None:
    values = _values([(500, 400, 10), (0, 0, 0), (60, 50, 5), (7, 6, 0)])
    table = suppress(CHANNELS, values)
    assert table.suppressed == frozenset()
