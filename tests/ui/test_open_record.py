"""``gui --open`` names a record the way ``show`` does: a citizen id, a case id, or a case
reference typed any way a person would (with or without ``case:``, any case, any dashes)."""

import pytest
from sqlalchemy import select

from caseworker.errors import CaseworkerError, NotFoundError
from caseworker.models import Case, Citizen
from caseworker.store.store import Store
from ui.screenshot import resolve_record


def test_open_takes_ids_and_references_as_show_does(seeded: Store) -> None:
    with seeded.read() as s:
        case_id, reference = s.execute(select(Case.id, Case.reference).limit(1)).one()
        citizen_id = s.scalars(select(Citizen.id).limit(1)).one()
        typed = reference.lower().replace("-", " ")
        for spec in (reference, f"case:{reference}", typed, f"  {reference} ", case_id):
            assert resolve_record(s, spec) == case_id, spec
        assert resolve_record(s, citizen_id) == citizen_id


def test_open_refuses_what_it_cannot_find_in_one_safe_line(seeded: Store) -> None:
    with seeded.read() as s:
        for spec, error in (
            ("citizen:nobody", NotFoundError),
            ("case:nobody", NotFoundError),
            ("ZZZZ-ZZZZ-ZZZZ", CaseworkerError),
            ("\u202eevil", CaseworkerError),
        ):
            with pytest.raises(error) as raised:
                resolve_record(s, spec)
            message = str(raised.value)
            assert "\n" not in message and "\u202e" not in message, message
