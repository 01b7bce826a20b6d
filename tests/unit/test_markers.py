"""Warning markers through the service and the CLI: set, listed, matched to an address, ended
(never deleted), and refused when a careless or hostile caller gets them wrong."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

import main
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import Marker
from caseworker.services import citizens, markers
from caseworker.services.citizens import NewIdentifier
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from caseworker.timeutil import utcnow
from tests.support.council import AGENT, OFFICER, SUPERVISOR, council_docs

SOON = utcnow().date() + timedelta(days=30)


def _citizen(store: Store, address: str | None = "12, Heol-y-Bont, Pontypridd") -> str:
    idents = (NewIdentifier("address", address, postcode="cf37 4ab"),) if address else ()
    with store.write() as s:
        citizen_id, _ = citizens.create_citizen(
            s, AGENT, "Siân", "O'Neill", language="cy", identifiers=idents
        )
    return citizen_id


def test_a_marker_is_set_in_the_actors_name_and_listed_most_serious_first(council: Store) -> None:
    cid = _citizen(council)
    with council.write() as s:
        markers.add_marker(
            s, AGENT, cid, kind="accessibility", reason="Deaf: use text relay", review_on=SOON
        )
        markers.add_marker(
            s, AGENT, cid, kind="vulnerability", reason="  Recently\nbereaved ", review_on=SOON
        )
    with council.read() as s:
        found = markers.of_citizen(s, cid)
    assert [(m.kind, m.reason, m.set_by) for m in found] == [
        ("vulnerability", "Recently bereaved", "staff:agent"),
        ("accessibility", "Deaf: use text relay", "staff:agent"),
    ]
    assert found[0].review_on == SOON.isoformat() and found[0].address is None


def test_an_officer_safety_marker_takes_the_citizens_address_by_default(council: Store) -> None:
    cid = _citizen(council)
    with council.write() as s:
        mid, _ = markers.add_marker(
            s, AGENT, cid, kind="officer_safety", reason="Visit in pairs", review_on=SOON
        )
    with council.read() as s:
        m = s.get(Marker, mid)
        assert m is not None
        assert (m.address, m.postcode) == ("12, Heol-y-Bont, Pontypridd", "CF37 4AB")
        # The same place written another way, and only that place.
        assert [x.id for x in markers.at_address(s, "12 heol y bont", "cf374ab")] == [mid]
        assert markers.at_address(s, "14 Heol y Bont", "CF37 4AB") == []
        assert markers.at_address(s, "12 Heol y Bont", "CF37 4AD") == []
        assert markers.at_address(s, "12 Heol y Bont", "not a postcode") == []
        assert markers.at_address(s, None, "CF37 4AB") == []


def test_an_officer_safety_marker_needs_an_address_when_the_citizen_has_none(
    council: Store,
) -> None:
    cid = _citizen(council, address=None)
    with council.write() as s, pytest.raises(ValidationError, match="needs an address"):
        markers.add_marker(s, AGENT, cid, kind="officer_safety", reason="Dog", review_on=SOON)
    with council.write() as s, pytest.raises(ValidationError, match="postcode"):
        markers.add_marker(
            s, AGENT, cid, kind="officer_safety", reason="Dog", review_on=SOON, address="1 Stryd"
        )
    with council.write() as s, pytest.raises(ValidationError, match="not a UK postcode"):
        markers.add_marker(
            s,
            AGENT,
            cid,
            kind="officer_safety",
            reason="Dog",
            review_on=SOON,
            address="1 Stryd",
            postcode="nowhere",
        )


@pytest.mark.parametrize(
    ("kind", "reason", "review", "message"),
    [
        ("gossip", "x", SOON, "kind"),
        ("vulnerability", "   ", SOON, "say why"),
        ("vulnerability", "x", utcnow().date() - timedelta(days=1), "past"),
    ],
)
def test_a_careless_marker_is_refused_and_nothing_is_written(
    council: Store, kind: str, reason: str, review: object, message: str
) -> None:
    cid = _citizen(council)
    with council.write() as s, pytest.raises(ValidationError, match=message):
        markers.add_marker(s, AGENT, cid, kind=kind, reason=reason, review_on=review)  # type: ignore[arg-type]
    with council.read() as s:
        assert s.scalars(select(Marker)).all() == []


def test_a_marker_on_no_such_citizen_is_refused(council: Store) -> None:
    with council.write() as s, pytest.raises(NotFoundError):
        markers.add_marker(
            s, AGENT, "citizen:nobody", kind="vulnerability", reason="x", review_on=SOON
        )


def test_a_marker_is_ended_by_its_setter_or_a_supervisor_and_stays_on_record(
    council: Store,
) -> None:
    cid = _citizen(council)
    with council.write() as s:
        mid, _ = markers.add_marker(
            s, AGENT, cid, kind="safeguarding", reason="Child protection plan", review_on=SOON
        )
    with council.write() as s, pytest.raises(ValidationError, match="only whoever set"):
        markers.end_marker(s, OFFICER, mid)
    with council.write() as s:
        markers.end_marker(s, SUPERVISOR, mid)
    with council.write() as s, pytest.raises(ValidationError, match="already ended"):
        markers.end_marker(s, AGENT, mid)
    with council.read() as s:
        assert markers.of_citizen(s, cid) == []
        (ended,) = markers.of_citizen(s, cid, ended=True)
        assert ended.ended_by == "staff:supervisor" and ended.ended_at is not None
        doc = docstore.get(s, mid)
        assert doc is not None and doc["set_by"] == "staff:agent"


def test_a_review_rewords_a_marker_and_sets_its_next_review_leaving_who_set_it(
    council: Store,
) -> None:
    cid = _citizen(council)
    later = SOON + timedelta(days=60)
    with council.write() as s:
        mid, _ = markers.add_marker(
            s, AGENT, cid, kind="vulnerability", reason="Recently bereaved", review_on=SOON
        )
    with council.write() as s:
        markers.review_marker(s, SUPERVISOR, mid, reason=" Bereaved;\ncall back ", review_on=later)
    with council.read() as s:
        (m,) = markers.of_citizen(s, cid)
        assert (m.reason, m.review_on, m.set_by) == (
            "Bereaved; call back",
            later.isoformat(),
            "staff:agent",
        )
    # The same review again writes nothing: no new revision for every laptop to pull.
    with council.write() as s:
        assert not markers.review_marker(
            s, AGENT, mid, reason="Bereaved; call back", review_on=later
        ).written


@pytest.mark.parametrize(
    ("who", "reason", "days", "refused"),
    [
        ("officer", "Still bereaved", 30, "only whoever set"),  # not theirs, not a supervisor
        ("agent", "   ", 30, "say why"),
        ("agent", "Still bereaved", -1, "in the past"),
    ],
)
def test_a_review_is_refused_to_others_without_a_reason_or_into_the_past(
    council: Store, who: str, reason: str, days: int, refused: str
) -> None:
    cid = _citizen(council)
    with council.write() as s:
        mid, _ = markers.add_marker(
            s, AGENT, cid, kind="vulnerability", reason="Recently bereaved", review_on=SOON
        )
    actor = {"officer": OFFICER, "agent": AGENT}[who]
    when = utcnow().date() + timedelta(days=days)
    with council.write() as s, pytest.raises(ValidationError, match=refused):
        markers.review_marker(s, actor, mid, reason=reason, review_on=when)
    with council.read() as s:
        (m,) = markers.of_citizen(s, cid)
        assert (m.reason, m.review_on) == ("Recently bereaved", SOON.isoformat())


def test_an_ended_marker_cannot_be_reviewed_back_to_life(council: Store) -> None:
    cid = _citizen(council)
    with council.write() as s:
        mid, _ = markers.add_marker(
            s, AGENT, cid, kind="safeguarding", reason="Child protection plan", review_on=SOON
        )
        markers.end_marker(s, AGENT, mid)
    with council.write() as s, pytest.raises(ValidationError, match="has ended"):
        markers.review_marker(s, AGENT, mid, reason="Child protection plan", review_on=SOON)
    with council.write() as s, pytest.raises(NotFoundError):
        markers.review_marker(s, AGENT, "marker:nope", reason="x", review_on=SOON)


def test_the_cli_adds_lists_reviews_and_ends_markers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(tmp_path / STORE_FILENAME)
    with store.write() as s:
        for doc in council_docs():
            docstore.put(s, doc)
    cid = _citizen(store)
    store.close()
    base = ["--data-dir", str(tmp_path)]
    add = [*base, "marker", "add", cid, "--kind", "officer_safety", "--reason", "Visit in pairs"]
    assert main.run([*add, "--review", SOON.isoformat(), "--as", "agent"]) == 0
    mid = capsys.readouterr().out.strip()
    assert mid.startswith("marker:")
    assert main.run([*base, "marker", "list", cid, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["kind"], listed["postcode"], listed["set_by"]) == (
        "officer_safety",
        "CF37 4AB",
        "staff:agent",
    )
    assert main.run([*base, "show", "citizen", cid, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [(m["kind"], m["reason"]) for m in shown["markers"]] == [
        ("officer_safety", "Visit in pairs")
    ]
    later = (SOON + timedelta(days=7)).isoformat()
    assert main.run([*base, "marker", "review", mid, "--review", later, "--as", "agent"]) == 0
    assert capsys.readouterr().out.strip() == f"{mid}: next review {later}"
    assert main.run([*base, "marker", "list", cid, "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["reason"], listed["review_on"]) == ("Visit in pairs", later)
    assert main.run([*base, "marker", "end", mid, "--as", "agent"]) == 0
    capsys.readouterr()
    assert main.run([*base, "marker", "list", cid]) == 0
    assert capsys.readouterr().out.strip() == "no live markers"
    assert main.run([*base, "marker", "list", cid, "--ended"]) == 0
    assert "ended" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("12, Heol-y-Bont, Pontypridd", "12 heol y bont", True),
        ("Tŷ Gwyn, Lôn Isaf", "TY GWYN", True),
        ("Flat 3, 12 High Street", "Flat 3", True),
        ("12a, High Street", "12A High Street, Town", True),
        ("12 High Street", "14 High Street", False),
        ("Flat 3, 12 High Street", "Flat 4, 12 High Street", False),
    ],
)
def test_an_address_first_line_matches_however_it_is_written(a: str, b: str, same: bool) -> None:
    from caseworker.store.normalise import first_line

    assert (first_line(a) == first_line(b)) is same
