"""New and unknown callers: read what an agent typed into the search as a phone number, an
email, a postcode or a name, and find the people already on file the caller may well be.

Likely matches are first exact: the same phone number or email (normalised), or the same
name and date of birth. A citizen whose full record is on this laptop is found in the
citizens' tables; anyone else in the council's directory (which an agent holds whole) through
the directory's search index, each candidate then checked exactly against its entry. Then
identity resolution (``caseworker.identity``) adds the held citizens it finds likely from
everything typed (a nickname or Welsh form, a typo, a new surname, a move), each with its
probability and reasons, and gives the exact matches theirs.
"""

import re
from dataclasses import dataclass, replace

import phonenumbers
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from caseworker.identity import Address, person
from caseworker.identity.matcher import find_matches
from caseworker.models import Citizen, DirectoryEntry, Identifier
from caseworker.store import docstore, normalise

UK = "GB"
_PHONE_CHARS = re.compile(r"^[0-9+()\-. ]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DIRECTORY_CANDIDATES = 50  # index hits checked exactly per identifier
MATCH_LIMIT = 20
# Identity matches at least this likely are offered (the agent decides, so a lower bar than
# the automatic link's); at most this many.
SUGGEST_FROM = 0.5
SUGGESTIONS = 5
# Held citizens are found in their own tables: their directory entries are skipped here.
_DIRECTORY_MATCH = text(
    "SELECT d.id FROM directory_search JOIN directory_entries d "
    "ON d.rowid = directory_search.rowid WHERE directory_search MATCH :phrase "
    "AND NOT EXISTS (SELECT 1 FROM citizens c WHERE c.id = d.citizen_id) LIMIT :limit"
)


@dataclass(frozen=True)
class Typed:
    """What a search's text most likely was, to fill in a new citizen's record."""

    given_name: str = ""
    family_name: str = ""
    phone: str = ""
    email: str = ""
    postcode: str = ""


def uk_phone(text: str) -> str | None:
    """The UK number ``text`` can be (as "07700 900123"), or None: a UK number of 10 or 11
    digits from 0, as the council records them (``identifiers.clean``)."""
    if not _PHONE_CHARS.match(text.strip()):
        return None
    try:
        number = phonenumbers.parse(text, UK)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 44 or not phonenumbers.is_possible_number(number):
        return None
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    digits = normalise.phone_digits(national)
    if not (digits.startswith("0") and len(digits) in (10, 11)):
        return None
    return national


def email_address(text: str) -> str | None:
    """``text`` as an email address (in lower case, as the council records them), or None."""
    text = text.strip()
    return text.lower() if _EMAIL.match(text) else None


def read_typed(text: str) -> Typed:
    """A phone number, an email, a UK postcode, else a name ("Angharad ap Rhys": the last word
    the family name; a name typed all in lower case gets capitals)."""
    text = " ".join(text.split())
    if not text:
        return Typed()
    if _PHONE_CHARS.match(text) and sum(c.isdigit() for c in text) >= 6:
        return Typed(phone=uk_phone(text) or text)  # a partial number is kept to be finished
    if _EMAIL.match(text):
        return Typed(email=text.lower())
    code = normalise.postcode(text)
    if code is not None:
        return Typed(postcode=code)
    if text.islower():
        text = text.title()
    *given, family = text.split(" ")
    return Typed(given_name=" ".join(given), family_name=family)


@dataclass(frozen=True)
class LikelyMatch:
    citizen_id: str
    name: str
    reason: str  # "phone", "email" or "name_and_birth"
    detail: str  # what tells them apart: a postcode, a phone, an email
    held: bool  # the full record is on this laptop; else only its directory entry is
    directory_id: str | None = None
    date_of_birth: str | None = None  # ISO, when the record holds one
    probability: float | None = None  # from identity resolution, when it scored the pair
    reasons: tuple[
        str, ...
    ] = ()  # its reason codes ("phone.exact", "given.alias"), strongest first


def likely_matches(
    session: Session,
    *,
    phone: str = "",
    email: str = "",
    given_name: str = "",
    family_name: str = "",
    date_of_birth: str | None = None,
    postcode: str = "",
) -> list[LikelyMatch]:
    """People already on file the caller may be, each once, strongest reason first."""
    found: dict[str, LikelyMatch] = {}
    wanted = [
        ("phone", normalise.phone_digits(phone)) if phone.strip() else None,
        ("email", normalise.identifier("email", email)) if email.strip() else None,
    ]
    for kind, value in (w for w in wanted if w is not None and w[1]):
        for citizen in _held_with(session, kind, value):
            found.setdefault(citizen.id, _held(citizen, kind))
        for entry in _directory_with(session, kind, value):
            found.setdefault(entry.citizen_id, _listed(entry, kind))
    given, family = given_name.strip(), family_name.strip()
    if given and family and date_of_birth:
        for citizen in session.scalars(
            select(Citizen)
            .where(
                func.lower(Citizen.given_name) == given.lower(),
                Citizen.family_name == family,  # NOCASE
                Citizen.date_of_birth == date_of_birth,
            )
            .limit(MATCH_LIMIT)
        ):
            found.setdefault(citizen.id, _held(citizen, "name_and_birth"))
    contact = person(
        "",
        given_name=given,
        family_name=family,
        date_of_birth=date_of_birth,
        addresses=[Address(None, postcode)] if postcode else (),
        phones=[phone] if phone.strip() else (),
        emails=[email] if email.strip() else (),
    )
    for match in find_matches(session, contact, limit=SUGGESTIONS).matches:
        if match.probability < SUGGEST_FROM:
            continue
        codes = tuple(r.code for r in match.reasons)
        if match.swapped_names:
            codes = ("names.swapped", *codes)
        known = found.get(match.right)
        if known is None:
            row = session.get(Citizen, match.right)
            if row is None:
                continue
            known = _held(row, "identity")
        found[match.right] = replace(known, probability=match.probability, reasons=codes)
    return list(found.values())[:MATCH_LIMIT]


def _held_with(session: Session, kind: str, value: str) -> list[Citizen]:
    return list(
        session.scalars(
            select(Citizen)
            .join(Identifier)
            .where(Identifier.kind == kind, Identifier.normalised == value)
            .distinct()
            .limit(MATCH_LIMIT)
        )
    )


def _directory_with(session: Session, kind: str, value: str) -> list[DirectoryEntry]:
    """Entries of citizens not held here whose phones or emails include ``value`` exactly."""
    if len(value) < 3:  # the trigram index finds nothing shorter
        return []
    phrase = '"' + value.replace('"', '""') + '"'
    ids = session.execute(_DIRECTORY_MATCH, {"phrase": phrase, "limit": DIRECTORY_CANDIDATES})
    entries = []
    for (entry_id,) in list(ids):
        body = docstore.get(session, entry_id)
        listed = body.get(kind + "s") if body is not None else None
        if isinstance(listed, list) and any(
            isinstance(v, str) and normalise.identifier(kind, v) == value for v in listed
        ):
            entry = session.get(DirectoryEntry, entry_id)
            if entry is not None:
                entries.append(entry)
    return entries


def _held(citizen: Citizen, reason: str) -> LikelyMatch:
    parts = [normalise.postcode(i.postcode or "") or "" for i in citizen.identifiers]
    postcode = next((p for p in parts if p), "")
    return LikelyMatch(
        citizen.id,
        citizen.display_name,
        reason,
        postcode,
        held=True,
        date_of_birth=citizen.date_of_birth,
    )


def _listed(entry: DirectoryEntry, reason: str) -> LikelyMatch:
    return LikelyMatch(
        entry.citizen_id,
        entry.display_name,
        reason,
        entry.line,
        held=False,
        directory_id=entry.id,
    )
