"""Which queue a new case goes to, and by which rule: postcode levels matched exactly, first
match wins, a rule naming an unusable queue passed over, the service default last."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker.routing.areas import postcode_keys, prefix_key
from caseworker.routing.evaluate import SERVICE_DEFAULT, compile_rules, decide

QUEUES = frozenset({"queue:street", "queue:contact", "queue:waste"})


def route(rules: list[dict[str, Any]], **case: Any) -> tuple[str | None, str]:
    got = decide(
        compile_rules(rules),
        service_code=case.get("service", "fly-tipping"),
        default_queue_id="queue:default",
        postcode=case.get("postcode"),
        channel=case.get("channel", "phone"),
        usable_queues=case.get("usable", QUEUES),
    )
    return got.queue_id, got.by


def rule(name: str, queue: str = "queue:street", **criteria: list[str]) -> dict[str, Any]:
    return {"id": name, "name": name, "queue_id": queue, **criteria}


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("cf10", "CF10"),
        (" Cf ", "CF"),
        ("sa1   4", "SA1 4"),
        ("SA1\t4", "SA1 4"),
        ("w1a", "W1A"),
        ("EC1A 1", "EC1A 1"),
        ("", None),
        ("   ", None),
        ("CF10 1AA", None),
        ("1CF", None),
        ("CFX10", None),
        ("ÇF", None),
    ],
)
def test_an_area_is_an_area_a_district_or_a_sector_in_one_canonical_form(
    typed: str, canonical: str | None
) -> None:
    assert prefix_key(typed) == canonical


def test_a_postcode_lies_in_its_area_district_and_sector() -> None:
    assert postcode_keys("cf10 1aa") == {"CF", "CF10", "CF10 1"}
    assert postcode_keys("CF101AA") == {"CF", "CF10", "CF10 1"}
    assert postcode_keys("cf10") == {"CF", "CF10"}  # an outward code alone: no sector
    assert postcode_keys("not a postcode") == frozenset()
    assert postcode_keys(None) == frozenset()


def test_areas_match_at_their_level_never_as_text() -> None:
    rules = [rule("CF1", areas=["CF1"]), rule("B", queue="queue:waste", areas=["B"])]
    assert route(rules, postcode="CF10 1AA") == ("queue:default", SERVICE_DEFAULT)
    assert route(rules, postcode="CF1 1AA") == ("queue:street", "CF1")
    assert route(rules, postcode="BA1 1AA") == ("queue:default", SERVICE_DEFAULT)
    assert route(rules, postcode="B1 1AA") == ("queue:waste", "B")


def test_a_sector_rule_takes_only_that_sector() -> None:
    rules = [rule("SA1 4", areas=["sa1 4"])]
    assert route(rules, postcode="SA1 4XY")[1] == "SA1 4"
    assert route(rules, postcode="SA1 5XY")[1] == SERVICE_DEFAULT
    assert route(rules, postcode="SA14 4XY")[1] == SERVICE_DEFAULT
    assert route(rules, postcode="SA1")[1] == SERVICE_DEFAULT  # no sector known: no match


def test_the_first_matching_rule_wins_and_every_criterion_must_fit() -> None:
    rules = [
        rule(
            "fly-tipping in CF37 by app",
            service_codes=["fly-tipping"],
            areas=["CF37"],
            channels=["app"],
        ),
        rule("social", queue="queue:contact", channels=["social"]),
        rule("fly-tipping anywhere", queue="queue:waste", service_codes=["fly-tipping"]),
    ]
    assert route(rules, postcode="CF37 1AB", channel="app")[1] == "fly-tipping in CF37 by app"
    assert route(rules, postcode="CF37 1AB", channel="social")[1] == "social"
    assert route(rules, postcode="CF38 1AB", channel="app")[1] == "fly-tipping anywhere"
    assert route(rules, service="pothole", channel="phone")[1] == SERVICE_DEFAULT


def test_a_rule_naming_a_missing_or_closed_queue_is_passed_over_and_said() -> None:
    rules = [
        rule("gone", queue="queue:closed", channels=["phone"]),
        rule("next", channels=["phone"]),
    ]
    got = decide(
        compile_rules(rules),
        service_code="x",
        default_queue_id="queue:default",
        postcode=None,
        channel="phone",
        usable_queues=QUEUES,
    )
    assert (got.queue_id, got.by, got.passed_over) == ("queue:street", "next", ("gone",))


def test_an_entry_that_can_match_nothing_never_widens_a_rule_to_everything() -> None:
    # An admin (not held to the write rules) or a newer build may write such a rule.
    rules = [rule("empty area", areas=[""]), rule("odd channel", channels=["fax"])]
    assert route(rules, postcode="CF10 1AA", channel="phone")[1] == SERVICE_DEFAULT


def test_no_rules_and_no_default_leave_the_case_in_no_queue() -> None:
    got = decide(
        (),
        service_code="x",
        default_queue_id=None,
        postcode=None,
        channel="phone",
        usable_queues=QUEUES,
    )
    assert (got.queue_id, got.rule_id, got.by) == (None, None, SERVICE_DEFAULT)


def test_ten_thousand_rules_route_by_the_last_one_that_matches_and_no_other() -> None:
    # How fast is `caseworker bench routing`'s to say; here, that every rule is tried in order.
    rules = compile_rules(
        [
            rule(f"r{n}", service_codes=[f"s{n}"], areas=["CF10"], channels=["app"])
            for n in range(10_000)
        ]
    )
    got = decide(
        rules,
        service_code="s9999",
        default_queue_id=None,
        postcode="CF10 1AA",
        channel="app",
        usable_queues=QUEUES,
    )
    assert (got.by, got.rule_id) == ("r9999", "r9999")


_SERVICES = ("fly-tipping", "pothole", "missed-bin")
_AREAS = ("CF", "CF10", "CF1", "CF10 1", "SA1 4", "SA")
_POSTCODES = ("CF10 1AA", "CF1 1AA", "SA1 4XY", "SA14 4XY", "CF10", None)
_CHANNELS = ("phone", "social", "app")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(_SERVICES), max_size=2),
            st.lists(st.sampled_from(_AREAS), max_size=3),
            st.lists(st.sampled_from(_CHANNELS), max_size=2),
            st.sampled_from(("queue:street", "queue:closed")),
        ),
        max_size=12,
    ),
    st.sampled_from(_SERVICES),
    st.sampled_from(_POSTCODES),
    st.sampled_from(_CHANNELS),
)
def test_the_indexed_rules_decide_exactly_as_trying_every_rule_in_order(
    made: list[tuple[list[str], list[str], list[str], str]],
    service: str,
    postcode: str | None,
    channel: str,
) -> None:
    raw = [
        {
            "id": f"r{n}",
            "name": f"r{n}",
            "queue_id": q,
            "service_codes": s,
            "areas": a,
            "channels": c,
        }
        for n, (s, a, c, q) in enumerate(made)
    ]
    indexed = compile_rules(raw)
    case = {
        "service_code": service,
        "default_queue_id": "queue:default",
        "postcode": postcode,
        "channel": channel,
        "usable_queues": QUEUES,
    }
    assert decide(indexed, **case) == decide(tuple(indexed), **case)
