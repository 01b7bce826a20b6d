"""Identity resolution: is this contact one of our citizens, how likely, and why.

Public interface (kept stable: the duplicate finder and the mentions worker use it):

- ``PersonRecord`` — what is compared (canonical forms); build one with
  ``person(id, given_name=..., family_name=..., date_of_birth=..., addresses=[Address(line,
  postcode, uprn)], phones=[...], emails=[...], handles=[...])`` from raw values,
  ``from_document(citizen_doc)``, or ``load_people(session, ids) -> dict[id, PersonRecord]``.
- ``compare(a, b, model=None, holders=None, population=0) -> Match`` — a Fellegi-Sunter score:
  ``Match.probability`` (0..1), ``Match.weight`` (bits), ``Match.reasons: list[Reason]``
  (each ``Reason.code`` is ``"<field>.<level>"``, e.g. ``"phone.exact"``, ``"given.alias"``,
  ``"dob.different"``, with ``left``/``right`` values and its ``weight``; strongest first)
  and ``Match.swapped_names``. Fields and levels are ``levels.FIELDS``.
- ``english(reason)`` / ``describe(match)`` — English words for the command line.
- ``default_model()`` — the shipped weights (caseworker/data/identity_model.json), relearnt by
  ``caseworker identity train``.

This package is pure domain: no Qt, no HTTP.
"""

from caseworker.identity.explain import describe, english
from caseworker.identity.levels import FIELDS
from caseworker.identity.match import Match, Reason, compare
from caseworker.identity.model import Model, default_model
from caseworker.identity.records import Address, PersonRecord, from_document, load_people, person

__all__ = [
    "FIELDS",
    "Address",
    "Match",
    "Model",
    "PersonRecord",
    "Reason",
    "compare",
    "default_model",
    "describe",
    "english",
    "from_document",
    "load_people",
    "person",
]
