"""Links from a contact to a citizen: who may make and undo them, judged as the gateway judges
(a forged automatic link from a laptop, someone else's name, a citizen not held, a rewrite),
and the service that makes them, automatically only when nobody else comes near."""

from typing import Any

import pytest

from caseworker.access import rules
from caseworker.access.channels import ROUTES, root_of
from caseworker.access.writes import judge
from caseworker.errors import ValidationError
from caseworker.identity import Address, compare, person
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.services.context import Actor
from caseworker.services.identity_links import (
    confident,
    link_automatically,
    link_contact,
    undo_link,
)
from caseworker.store import docstore
from caseworker.store.store import Store
from tests.unit.access_docs import ADMIN, AGENT, AT, SUPERVISOR, case, create, delete, doc, edit
from tests.unit.access_docs import roots as roots_of
from tests.unit.conftest import AGENT as AGENT_ACTOR

HELD = case("case:1", queue_id="queue:contact", citizen_id="citizen:1")
NOT_HELD = case("case:3", queue_id="queue:planning", citizen_id="citizen:3")
CENTRAL = Actor("staff:admin", "admin")


def link(doc_id: str = "idlink:1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "subject_id": "mention:1",
        "citizen_id": "citizen:1",
        "method": "person",
        "probability": 0.97,
        "weight": 5.1,
        "reasons": ["handle.exact", "given.alias"],
        "by": "staff:agent",
        "at": AT,
    }
    base.update(fields)
    return doc("identity_link", doc_id, **{k: v for k, v in base.items() if v is not None})


def verdict(who: Any, write: Any) -> str | None:
    return judge(who, write, roots_of(who, HELD, NOT_HELD))


def test_a_link_lives_under_its_citizen() -> None:
    assert ROUTES["identity_link"].parents == (("citizen_id", "citizen"),)
    assert root_of("idlink:1", link()) == "citizen:1"


def test_a_laptop_cannot_forge_an_automatic_link_but_the_central_worker_makes_them() -> None:
    automatic = link(method="automatic")
    assert verdict(AGENT, create(automatic)) == rules.LINK_CENTRAL
    assert verdict(SUPERVISOR, create(automatic)) == rules.LINK_CENTRAL
    assert verdict(ADMIN, create(link(method="automatic", by="staff:admin"))) is None


def test_a_person_links_in_their_own_name_to_a_citizen_they_hold() -> None:
    assert verdict(AGENT, create(link())) is None
    assert verdict(AGENT, create(link(by="staff:colleague"))) == rules.LINK_OWN_NAME
    assert verdict(AGENT, create(link(citizen_id="citizen:3"))) == rules.LINK_NOT_HELD
    assert verdict(AGENT, create(link(undone_at=AT, undone_by="staff:agent"))) == rules.LINK_KEPT


@pytest.mark.parametrize(
    "change",
    [{"citizen_id": "citizen:3"}, {"probability": 1.0}, {"reasons": []}, {"by": "staff:x"}],
)
def test_a_link_is_never_rewritten(change: dict[str, Any]) -> None:
    held = frozenset({"citizen:1", "citizen:3"})
    assert judge(AGENT, edit(link(), **change), held) == rules.LINK_KEPT


def test_a_link_is_undone_once_in_ones_own_name_and_never_deleted() -> None:
    assert verdict(AGENT, edit(link(), undone_at=AT, undone_by="staff:agent")) is None
    assert verdict(AGENT, edit(link(), undone_at=AT, undone_by="staff:x")) == rules.LINK_OWN_NAME
    done = link(undone_at=AT, undone_by="staff:agent")
    assert verdict(SUPERVISOR, edit(done, undone_by="staff:supervisor")) == rules.LINK_UNDONE
    assert verdict(AGENT, delete(link())) is not None


def _citizen(store: Store, given: str, family: str, *idents: NewIdentifier) -> str:
    with store.write() as s:
        cid, _ = create_citizen(s, AGENT_ACTOR, given, family, identifiers=idents)
    return cid


def test_an_agent_links_a_contact_and_undoes_it_and_the_record_says_who(store: Store) -> None:
    cid = _citizen(store, "Siân", "Pritchard", NewIdentifier("email", "sian@example.org"))
    contact = person(
        "contact", given_name="Jane", family_name="Pritchard", emails=["sian@example.org"]
    )
    with store.write() as s:
        match = compare(
            contact,
            person(cid, given_name="Siân", family_name="Pritchard", emails=["sian@example.org"]),
        )
        link_id, _ = link_contact(s, AGENT_ACTOR, "interaction:1", match)
        undo_link(s, AGENT_ACTOR, link_id)
        saved = docstore.get(s, link_id)
        assert saved is not None
        assert (saved["citizen_id"], saved["method"], saved["by"]) == (cid, "person", "staff:agent")
        assert "email.exact" in saved["reasons"] and saved["undone_by"] == "staff:agent"
        with pytest.raises(ValidationError):
            undo_link(s, AGENT_ACTOR, link_id)


def test_an_agents_laptop_refuses_an_automatic_link(store: Store) -> None:
    cid = _citizen(store, "Ann", "Jones")
    with store.write() as s, pytest.raises(ValidationError, match="central service"):
        link_contact(
            s, AGENT_ACTOR, "mention:1", compare(person("c"), person(cid)), method="automatic"
        )


def test_a_shared_landline_or_a_namesake_is_never_linked_automatically(store: Store) -> None:
    line = NewIdentifier("phone", "01632 960555")
    home = NewIdentifier("address", "3 Heol y Bont", postcode="CF37 1AB")
    for given in ("Rhys", "Rhys", "Nia"):
        _citizen(store, given, "Evans", line, home)
    contact = person(
        "mention:9",
        given_name="Rhys",
        family_name="Evans",
        phones=["01632960555"],
        addresses=[Address("3 Heol y Bont", "CF37 1AB")],
    )
    with store.write() as s:
        linked, matches, _ = link_automatically(s, CENTRAL, "mention:9", contact)
    assert linked is None and len(matches) == 3
    assert confident([]) is None


def test_one_clear_match_is_linked_automatically_by_the_central_worker(store: Store) -> None:
    cid = _citizen(
        store,
        "Gwilym",
        "Hughes",
        NewIdentifier("social", "@gwil@mastodon.example"),
        NewIdentifier("email", "gwil.hughes@example.org"),
    )
    contact = person(
        "mention:7",
        given_name="Bill",
        family_name="Hughes",
        handles=["https://mastodon.example/@gwil"],
        emails=["Gwil.Hughes@example.org"],
    )
    with store.write() as s:
        linked, matches, _ = link_automatically(s, CENTRAL, "mention:7", contact)
        assert linked is not None and matches[0].right == cid
        saved = docstore.get(s, linked)
    assert saved is not None and saved["method"] == "automatic" and saved["by"] == "staff:admin"
