"""The assignment planners: caps, leave, ties, one officer, nobody at all, the round-robin
pointer. Pure functions: no store."""

from caseworker.services.assign_plan import Officer, least_loaded, round_robin

CASES = [f"case:{i}" for i in range(10)]


def test_spreading_among_equally_loaded_officers_splits_the_cases_evenly() -> None:
    plan = least_loaded(CASES[:9], [Officer("a", 3), Officer("b", 3), Officer("c", 3)])
    assert sorted(len(v) for v in plan.by_officer().values()) == [3, 3, 3]
    assert plan.left == []


def test_spreading_evens_out_unequal_loads_before_sharing() -> None:
    plan = least_loaded(CASES[:6], [Officer("busy", 10), Officer("idle", 2)])
    assert plan.by_officer() == {"idle": CASES[:6]}  # idle reaches 8, still under busy's 10


def test_ties_go_to_the_officer_listed_first() -> None:
    plan = least_loaded(CASES[:1], [Officer("b", 1), Officer("a", 1)])
    assert plan.pairs == [("case:0", "b")]


def test_no_officer_is_taken_over_their_cap_and_what_is_left_is_named() -> None:
    plan = least_loaded(CASES[:5], [Officer("a", 23, capacity=25), Officer("b", 0, capacity=1)])
    assert plan.by_officer() == {"b": ["case:0"], "a": ["case:1", "case:2"]}
    assert plan.left == CASES[3:5]


def test_an_officer_already_over_their_cap_gets_nothing() -> None:
    plan = least_loaded(CASES[:2], [Officer("a", 30, capacity=25), Officer("b", 40)])
    assert plan.by_officer() == {"b": CASES[:2]}


def test_when_everyone_is_away_every_case_is_left() -> None:
    officers = [Officer("a", 0, away=True), Officer("b", 0, capacity=9, away=True)]
    for plan in (least_loaded(CASES[:3], officers), round_robin(CASES[:3], officers)):
        assert plan.pairs == [] and plan.left == CASES[:3]


def test_one_officer_takes_everything_up_to_their_cap() -> None:
    assert least_loaded(CASES[:4], [Officer("a", 0)]).by_officer() == {"a": CASES[:4]}
    plan = round_robin(CASES[:4], [Officer("a", 0, capacity=2)])
    assert plan.by_officer() == {"a": CASES[:2]} and plan.left == CASES[2:4]


def test_no_officers_at_all_leaves_every_case() -> None:
    assert least_loaded(CASES[:2], []).left == CASES[:2]
    assert round_robin(CASES[:2], []).left == CASES[:2]


def test_round_robin_carries_on_after_the_pointer_and_skips_the_away_and_full() -> None:
    officers = [
        Officer("staff:c", 0),
        Officer("staff:a", 0),
        Officer("staff:b", 0, away=True),
        Officer("staff:d", 5, capacity=5),
    ]
    plan = round_robin(CASES[:3], officers, after="staff:a")
    assert [s for _, s in plan.pairs] == ["staff:c", "staff:a", "staff:c"]
    assert plan.pointer == "staff:c"
    again = round_robin(CASES[3:4], officers, after=plan.pointer)
    assert again.pairs == [("case:3", "staff:a")]


def test_round_robin_after_an_officer_who_left_starts_with_the_next_one() -> None:
    plan = round_robin(CASES[:2], [Officer("staff:a", 0), Officer("staff:c", 0)], after="staff:b")
    assert [s for _, s in plan.pairs] == ["staff:c", "staff:a"]
