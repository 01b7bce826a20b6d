"""What the matcher knows of one person: names, birth date and canonical identifiers.

A ``PersonRecord`` holds canonical forms only (see normalise.py), so comparing two is cheap.
Build one from raw values with ``person(...)``, from a citizen document with
``from_document``, or read citizens from the store with ``load_people``.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.identity import normalise
from caseworker.models import Citizen, Identifier


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: str
    given_name: str = ""  # folded (normalise.fold_name)
    family_name: str = ""
    preferred_name: str = ""
    date_of_birth: str | None = None
    postcodes: frozenset[str] = frozenset()
    uprns: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()  # first lines, folded
    phones: frozenset[str] = frozenset()  # E.164
    emails: frozenset[str] = frozenset()
    handles: frozenset[str] = frozenset()  # @user@host


def present(values: Iterable[str | None]) -> frozenset[str]:
    """The values given, without the empty ones (a set of a person's keys)."""
    return frozenset(v for v in values if v)


@dataclass(frozen=True)
class Address:
    line: str | None = None
    postcode: str | None = None
    uprn: str | None = None


def person(
    id: str,
    *,
    given_name: str | None = None,
    family_name: str | None = None,
    preferred_name: str | None = None,
    date_of_birth: str | None = None,
    addresses: Sequence[Address] = (),
    phones: Sequence[str] = (),
    emails: Sequence[str] = (),
    handles: Sequence[str] = (),
) -> PersonRecord:
    """A record from raw values as typed: each is normalised, and what cannot be read is left
    out (it is missing, not different)."""
    return PersonRecord(
        id=id,
        given_name=normalise.fold_name(given_name),
        family_name=normalise.fold_name(family_name),
        preferred_name=normalise.fold_name(preferred_name),
        date_of_birth=normalise.date_of_birth(date_of_birth),
        postcodes=present(normalise.postcode(a.postcode) for a in addresses),
        uprns=present(normalise.uprn(a.uprn) for a in addresses),
        addresses=present(normalise.address_line(a.line) for a in addresses),
        phones=present(map(normalise.phone, phones)),
        emails=present(map(normalise.email, emails)),
        handles=present(map(normalise.handle, handles)),
    )


def _from_identifiers(
    citizen: Mapping[str, Any], identifiers: Iterable[Mapping[str, Any]]
) -> PersonRecord:
    by_kind: dict[str, list[str]] = {"phone": [], "email": [], "social": []}
    addresses = []
    for ident in identifiers:
        kind, value = ident.get("kind"), ident.get("value") or ""
        if kind == "address":
            addresses.append(Address(value, ident.get("postcode"), ident.get("uprn")))
        elif kind in by_kind:
            by_kind[kind].append(value)
    return person(
        citizen["id"],
        given_name=citizen.get("given_name"),
        family_name=citizen.get("family_name"),
        preferred_name=citizen.get("preferred_name"),
        date_of_birth=citizen.get("date_of_birth"),
        addresses=addresses,
        phones=by_kind["phone"],
        emails=by_kind["email"],
        handles=by_kind["social"],
    )


def from_document(doc: Mapping[str, Any]) -> PersonRecord:
    """The record of a citizen document (its ``identifiers`` list as the codec holds it)."""
    return _from_identifiers({**doc, "id": doc["_id"]}, doc.get("identifiers") or ())


def load_people(
    session: Session, ids: Iterable[str], *, merged: bool = True
) -> dict[str, PersonRecord]:
    """Citizens by id, read from the store's tables in two queries per 500 ids; ids that are
    not there (and with ``merged=False``, citizens merged into another) are left out."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, PersonRecord] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        query = select(
            Citizen.id,
            Citizen.given_name,
            Citizen.family_name,
            Citizen.preferred_name,
            Citizen.date_of_birth,
        ).where(Citizen.id.in_(chunk))
        if not merged:
            query = query.where(Citizen.merged_into.is_(None))
        rows = session.execute(query).mappings()
        citizens = {r["id"]: r for r in rows}
        idents: dict[str, list[Mapping[str, Any]]] = {cid: [] for cid in citizens}
        if not citizens:
            continue
        for r in session.execute(
            select(
                Identifier.citizen_id,
                Identifier.kind,
                Identifier.value,
                Identifier.postcode,
                Identifier.uprn,
            ).where(Identifier.citizen_id.in_(list(citizens)))
        ).mappings():
            idents[r["citizen_id"]].append(dict(r))
        for cid in chunk:
            if cid in citizens:
                out[cid] = _from_identifiers(dict(citizens[cid]), idents[cid])
    return out
