"""What the gateway asks of each revision while an erasure is in force (``scope.named_in``): is it
an erased record, rooted at one, or does it name one anywhere in its body, however deep, as a
value or as a key? Free text that merely contains an id is not a link; erasure and disposal
records name erased ids by design. And which erasures are in force (``scope.in_force``): all
but one the central job refused because of a legal hold."""

import pytest

from caseworker.erasure import scope

TAKEN = {"citizen:gone": "erasure:1", "case:gone": "erasure:1"}


@pytest.mark.parametrize(
    ("doc_id", "body", "hit"),
    [
        ("citizen:gone", {"type": "citizen"}, "citizen:gone"),
        ("note:1", {"type": "note", "case_id": "case:gone"}, "case:gone"),
        ("note:2", {"type": "note", "citizen_id": "citizen:gone"}, "citizen:gone"),
        ("x:1", {"type": "x", "a": [{"b": {"c": ["citizen:gone"]}}]}, "citizen:gone"),
        ("x:2", {"type": "x", "seen": {"citizen:gone": True}}, "citizen:gone"),
        ("merge:m", {"type": "merge", "survivor_id": "citizen:gone"}, "citizen:gone"),
        ("note:3", {"type": "note", "text": "about citizen:gone's neighbour"}, None),
        ("note:4", {"type": "note", "case_id": "case:other", "n": 3, "ok": True}, None),
        ("erasure:2", {"type": "erasure", "citizen_id": "citizen:gone"}, None),
        ("disposal:1", {"type": "disposal", "erasure_ids": ["case:gone"]}, None),
    ],
)
def test_a_revision_naming_an_erased_record_anywhere_is_found(
    doc_id: str, body: dict[str, object], hit: str | None
) -> None:
    assert scope.named_in(doc_id, body, TAKEN) == hit


def test_the_doc_id_itself_counts_even_for_a_deletion() -> None:
    assert scope.named_in("case:gone", None, TAKEN) == "case:gone"
    assert scope.named_in("case:kept", None, TAKEN) is None


@pytest.mark.parametrize(
    ("doc", "in_force"),
    [
        ({"state": "requested"}, True),
        ({"state": "done"}, True),
        ({"state": "failed", "detail": "the central database cannot purge"}, True),
        ({"state": "failed", "detail": scope.UNDER_HOLD}, False),
    ],
)
def test_only_an_erasure_refused_for_a_legal_hold_is_not_in_force(
    doc: dict[str, str], in_force: bool
) -> None:
    assert scope.in_force(doc) is in_force
