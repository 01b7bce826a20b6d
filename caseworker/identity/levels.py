"""Comparison levels: how alike two records are on each field, as Fellegi-Sunter counts it.

Each function returns the level's code and the two values it saw (for the reasons shown to
staff). ``missing`` means one side does not know: it is evidence of nothing (weight 0).
"""

from collections.abc import Callable

from rapidfuzz.distance import JaroWinkler, Levenshtein

from caseworker.identity import names, normalise
from caseworker.identity.records import PersonRecord

Level = tuple[str, str, str]  # level code, value on the left, value on the right
MISSING: Level = ("missing", "", "")

# Jaro-Winkler similarity cut-offs (as Splink's default name comparisons use).
FUZZY_HIGH = 0.92
FUZZY = 0.8

FIELDS: dict[str, tuple[str, ...]] = {
    "given": ("exact", "alias", "fuzzy_high", "fuzzy", "different"),
    "family": ("exact", "fuzzy_high", "fuzzy", "different"),
    "dob": ("exact", "typo", "year", "different"),
    "postcode": ("exact", "sector", "district", "different"),
    "address": ("uprn", "line", "different"),
    "phone": ("exact", "different"),
    "email": ("exact", "different"),
    "handle": ("exact", "different"),
}

_GIVEN_RANK = {level: n for n, level in enumerate(FIELDS["given"])}


def _name(a: str, b: str, aliases: bool) -> str:
    if a == b:
        return "exact"
    if aliases and names.are_aliases(a, b):
        return "alias"
    similarity = JaroWinkler.normalized_similarity(a, b)
    if similarity >= FUZZY_HIGH:
        return "fuzzy_high"
    if similarity >= FUZZY:
        return "fuzzy"
    return "different"


def given(a: PersonRecord, b: PersonRecord) -> Level:
    """The closest pair among each side's given and preferred names."""
    left = [n for n in (a.given_name, a.preferred_name) if n]
    right = [n for n in (b.given_name, b.preferred_name) if n]
    if not left or not right:
        return MISSING
    best = min(
        ((_name(x, y, True), x, y) for x in left for y in right),
        key=lambda level: _GIVEN_RANK[level[0]],
    )
    return best


def family(a: PersonRecord, b: PersonRecord) -> Level:
    if not a.family_name or not b.family_name:
        return MISSING
    return _name(a.family_name, b.family_name, False), a.family_name, b.family_name


def swapped(a: PersonRecord, b: PersonRecord) -> tuple[Level, Level]:
    """Given and family compared crosswise (a form filled in the wrong way round)."""
    crossed = PersonRecord(b.id, given_name=b.family_name, family_name=b.given_name)
    return given(a, crossed), family(a, crossed)


def dob(a: PersonRecord, b: PersonRecord) -> Level:
    x, y = a.date_of_birth, b.date_of_birth
    if not x or not y:
        return MISSING
    if x == y:
        return "exact", x, y
    # One mistyped digit, or day and month the wrong way round (a US-style form).
    if Levenshtein.distance(x, y) == 1 or (x[:4] == y[:4] and x[5:7] == y[8:] and x[8:] == y[5:7]):
        return "typo", x, y
    if x[:4] == y[:4]:
        return "year", x, y
    return "different", x, y


def postcode(a: PersonRecord, b: PersonRecord) -> Level:
    if not a.postcodes or not b.postcodes:
        return MISSING
    shared = a.postcodes & b.postcodes
    if shared:
        code = min(shared)
        return "exact", code, code
    x, y = min(a.postcodes), min(b.postcodes)
    for level, part in (("sector", normalise.sector), ("district", normalise.district)):
        for p in sorted(a.postcodes):
            for q in sorted(b.postcodes):
                if part(p) == part(q):
                    return level, p, q
    return "different", x, y


def address(a: PersonRecord, b: PersonRecord) -> Level:
    if a.uprns & b.uprns:
        uprn = min(a.uprns & b.uprns)
        return "uprn", uprn, uprn
    if a.addresses & b.addresses:
        line = min(a.addresses & b.addresses)
        return "line", line, line
    if (a.uprns or a.addresses) and (b.uprns or b.addresses):
        return "different", min(a.addresses, default=""), min(b.addresses, default="")
    return MISSING


def _identifier(attr: str) -> Callable[[PersonRecord, PersonRecord], Level]:
    def compare(a: PersonRecord, b: PersonRecord) -> Level:
        x: frozenset[str] = getattr(a, attr)
        y: frozenset[str] = getattr(b, attr)
        if not x or not y:
            return MISSING
        shared = x & y
        if shared:
            value = min(shared)
            return "exact", value, value
        return "different", min(x), min(y)

    return compare


COMPARE: dict[str, Callable[[PersonRecord, PersonRecord], Level]] = {
    "given": given,
    "family": family,
    "dob": dob,
    "postcode": postcode,
    "address": address,
    "phone": _identifier("phones"),
    "email": _identifier("emails"),
    "handle": _identifier("handles"),
}


def compare_levels(a: PersonRecord, b: PersonRecord) -> dict[str, Level]:
    """Every field's level for one pair (names as written; see match.compare for swaps)."""
    return {name: fn(a, b) for name, fn in COMPARE.items()}
