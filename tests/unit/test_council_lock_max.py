"""The council's longest idle time before a window locks: an admin sets it once
(``security:council``, in the catalogue every laptop holds); no laptop's own setting exceeds it,
setting one above it is refused, a council value that cannot be used caps the time at the
default (never "no limit"), and nobody but an admin may write it, on the laptop or at the
gateway (the one rules module)."""

from pathlib import Path
from typing import Any

import pytest

import main
from caseworker.access import rules
from caseworker.access.channels import CATALOGUE, roots_of, shared_roots
from caseworker.access.local import require
from caseworker.documents.codec import new_document
from caseworker.documents.types import SECURITY, SECURITY_ID, STAFF
from caseworker.errors import ValidationError
from caseworker.security.lock import (
    DEFAULT_MINUTES,
    council_max_minutes,
    lock_after_minutes,
    set_lock_after_minutes,
)
from caseworker.services.context import Actor
from caseworker.services.security_settings import set_lock_max
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import AGENT, OFFICER, SUPERVISOR, council_dir

ADMIN = Actor("staff:admin", "admin")
ADMIN_DOC = new_document(
    STAFF,
    "staff:admin",
    {"name": "Ada", "username": "admin", "role": "admin", "queue_ids": [], "active": True},
)


@pytest.fixture
def with_admin(council: Store) -> Store:
    with council.write() as session:
        docstore.put(session, ADMIN_DOC)
    return council


def put_raw(store: Store, body: dict[str, Any]) -> None:
    """A council document as another build (or a careless admin's tool) wrote it, pulled."""
    with store.write() as session:
        doc = {"_id": SECURITY_ID, "_rev": "1-c0ffee", "type": "security", "schema": 1, **body}
        docstore.put_replicated(session, doc)


def test_no_laptop_waits_longer_than_the_council_allows(with_admin: Store) -> None:
    with with_admin.write() as session:
        set_lock_after_minutes(session, 30)
        set_lock_max(session, ADMIN, 5)
    with with_admin.read() as session:
        assert council_max_minutes(session) == 5
        assert lock_after_minutes(session) == 5  # the laptop's 30 counts as the council's 5
    with with_admin.write() as session, pytest.raises(ValueError, match="at most 5 idle minutes"):
        set_lock_after_minutes(session, 6)
    with with_admin.write() as session:
        set_lock_after_minutes(session, 2)  # shorter is always allowed
    with with_admin.read() as session:
        assert lock_after_minutes(session) == 2


@pytest.mark.parametrize("minutes", [0, -1, 61, 10_000])
def test_the_council_value_is_refused_out_of_range(with_admin: Store, minutes: int) -> None:
    with with_admin.write() as session, pytest.raises(ValidationError, match="1 to 60"):
        set_lock_max(session, ADMIN, minutes)
    with with_admin.read() as session:
        assert council_max_minutes(session) is None


@pytest.mark.parametrize("written", [0, 9999, -3, "ten", "5", True, None, 5.5, [5]])
def test_a_council_value_that_cannot_be_used_caps_at_the_default_never_no_limit(
    with_admin: Store, written: object
) -> None:
    put_raw(with_admin, {"lock_max_minutes": written, "updated_at": "2026-01-01T00:00:00Z"})
    with with_admin.write() as session:
        set_lock_after_minutes(session, DEFAULT_MINUTES)
    with with_admin.read() as session:
        assert council_max_minutes(session) == DEFAULT_MINUTES
        assert lock_after_minutes(session) == DEFAULT_MINUTES
    with with_admin.write() as session, pytest.raises(ValueError, match="at most 10"):
        set_lock_after_minutes(session, 45)


@pytest.mark.parametrize("actor", [AGENT, OFFICER, SUPERVISOR], ids=lambda a: a.role)
def test_only_an_admin_sets_it(with_admin: Store, actor: Actor) -> None:
    with with_admin.write() as session, pytest.raises(ValidationError) as refused:
        set_lock_max(session, actor, 5)
    assert str(refused.value) == rules.SECURITY_SETTINGS
    with with_admin.write() as session:
        set_lock_max(session, ADMIN, 15)
        current = docstore.get(session, SECURITY_ID)
        assert current is not None
        # A colleague cannot loosen (or tighten) it either, nor delete it.
        looser = {**current, "lock_max_minutes": 60}
        person = actor.person_in(session)
        with pytest.raises(ValidationError, match="security settings"):
            require(person, SECURITY_ID, looser, current)
        with pytest.raises(ValidationError):
            require(person, SECURITY_ID, {**current, "_deleted": True}, current)


def test_every_laptop_holds_it_through_the_catalogue() -> None:
    doc = new_document(
        SECURITY,
        SECURITY_ID,
        {"lock_max_minutes": 5, "updated_at": "2026-01-01T00:00:00Z", "updated_by": "staff:admin"},
    )
    assert roots_of(SECURITY_ID, doc) == (CATALOGUE,)
    for actor in (AGENT, OFFICER, SUPERVISOR):
        assert CATALOGUE in shared_roots(actor.person)


def test_the_command_line_sets_the_councils_longest_and_keeps_to_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = council_dir(tmp_path / "data", ADMIN_DOC)
    run = ["--data-dir", str(data), "lock-after"]
    assert main.run([*run, "--council-max", "5", "--as", "agent"]) == 1
    assert rules.SECURITY_SETTINGS in capsys.readouterr().err
    assert main.run([*run, "--council-max", "5", "--as", "admin"]) == 0
    assert capsys.readouterr().out == (
        "the window locks after 5 idle minutes (the council allows at most 5)\n"
    )
    assert main.run([*run, "20"]) == 2
    assert "the council allows at most 5 idle minutes before the window locks, not 20" in (
        capsys.readouterr().err
    )
    assert main.run([*run, "3"]) == 0
    assert capsys.readouterr().out == (
        "the window locks after 3 idle minutes (the council allows at most 5)\n"
    )
    store = Store(data / STORE_FILENAME)
    try:
        with store.read() as session:
            doc = docstore.get(session, SECURITY_ID)
            assert doc is not None and doc["updated_by"] == "staff:admin"
    finally:
        store.close()
