"""How well a record matches what was typed: pure functions, so the order is specified by tests.

Match quality comes first: exact beats prefix beats contains; a full name beats a surname alone;
an exact phone, email, postcode or reference beats a fragment of one. Within the same quality,
people with an open case (or open cases) come first, then the most recently contacted.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

EXACT = 100
PREFIX = 90  # the start of a full name, phone number, email, postcode or reference
SURNAME = 80  # one word typed: exactly someone's family name
GIVEN = 75  # one word typed: exactly someone's given or preferred name
WORD_PREFIX = 70  # every word typed starts one of the person's names
CONTAINS = 60  # inside a name, phone number, email, postcode or reference
OTHER = 40  # found by the index through something else (an email's name part, a handle)
CASE_OTHER = 30  # a case found by something other than its reference or postcode

_PHONEISH = re.compile(r"^[+\d][\d\s()-]*$")
# A date of birth typed with the rest: 03/05/1980, 3-5-1980, 3.5.1980 or 1980-05-03.
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# A date still being typed ("03/0", "03/05/19"): not searched for as text. A whole one that
# is no date ("31/02/1978") is, so it finds nobody rather than being ignored.
_PARTIAL_DATE = re.compile(r"^\d{1,4}[/.-][\d/.-]*$")
_COMPLETE_DATE = re.compile(r"^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{1,2}-\d{1,2})$")


@dataclass(frozen=True)
class Typed:
    """What a person typed, read once: the words, and what they look like."""

    text: str  # lower case, without a date of birth
    words: list[str] = field(default_factory=list)
    digits: str | None = None  # a phone number's national digits
    born: str | None = None  # an ISO date of birth typed with the rest

    @property
    def compact(self) -> str:
        """Without spaces: how a postcode or reference is compared ("cf10 1ab" -> "cf101ab")."""
        return self.text.replace(" ", "").replace("-", "")

    @cached_property
    def name_like(self) -> bool:
        """Only letters, spaces, hyphens and apostrophes: a name, not an identifier."""
        return bool(self.text) and all(c.isalpha() or c in " -'’" for c in self.text)

    @cached_property
    def halves(self) -> "tuple[Typed, Typed] | None":
        """A name typed with something else ("williams cf45"): the name, and the rest."""
        names = [w for w in self.words if _is_name(w)]
        if self.digits is not None or not names or len(names) == len(self.words):
            return None
        rest = read_typed(" ".join(w for w in self.words if not _is_name(w)))
        return Typed(" ".join(names), names), rest


def birth_date(word: str) -> str | None:
    """An ISO date from a date typed day first (UK) or year first; None if it is not one."""
    if match := _DAY_FIRST.match(word):
        day, month, year = (int(g) for g in match.groups())
    elif match := _YEAR_FIRST.match(word):
        year, month, day = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def read_typed(query: str) -> Typed:
    q = query.strip().lower()
    if _PHONEISH.match(q) and sum(c.isdigit() for c in q) >= 3 and birth_date(q) is None:
        digits = re.sub(r"\D", "", q.replace("(0)", ""))
        if q.startswith("+44"):
            digits = "0" + digits[2:]  # the index holds national numbers
        return Typed(q, [digits], digits=digits)
    born = None
    words: list[str] = []
    for word in q.split():
        if (when := birth_date(word)) is not None:
            born = when
        elif not _PARTIAL_DATE.match(word) or _COMPLETE_DATE.match(word) or not words:
            words.append(word)
    return Typed(" ".join(words), words, born=born)


def _is_name(word: str) -> bool:
    return all(c.isalpha() or c in "-'’" for c in word)


def citizen_score(
    typed: Typed,
    given: str,
    family: str,
    preferred: str | None,
    identifiers: Iterable[tuple[str, str, str | None]],
) -> int:
    """The best of the name's and the identifiers' scores. A name typed with a postcode or
    phone ("williams cf45") scores both halves, and scores well only when both match well."""
    if typed.halves is not None:
        names, rest = typed.halves
        by_name = name_score(names, given, family, preferred)
        by_identifier = max((identifier_score(rest, *i) for i in identifiers), default=0)
        return (by_name + by_identifier) // 2 if by_name and by_identifier else OTHER
    best = name_score(typed, given, family, preferred)
    for kind, normalised, postcode in identifiers:
        best = max(best, identifier_score(typed, kind, normalised, postcode))
    return best or OTHER


def _graded(value: str, typed: str) -> int:
    if not typed or not value:
        return 0
    if value == typed:
        return EXACT
    if value.startswith(typed):
        return PREFIX
    return CONTAINS if typed in value else 0


def name_score(typed: Typed, given: str, family: str, preferred: str | None) -> int:
    """How well the words typed match a person's name (0: not by the name)."""
    words = typed.words
    if not words or not typed.name_like:
        return 0
    given, family = given.lower(), family.lower()
    firsts = [given, preferred.lower()] if preferred else [given]
    text = typed.text
    if len(words) == 1:  # one word: a surname above a given name, whole above a start
        if family == text:
            return SURNAME
        if text in firsts:
            return GIVEN
        if family.startswith(text) or any(f.startswith(text) for f in firsts):
            return WORD_PREFIX
    else:
        fulls = [f"{first} {family}" for first in firsts]
        if text in fulls:
            return EXACT
        if any(full.startswith(text) for full in fulls):
            return PREFIX
    names = " ".join([*firsts, family]).replace("-", " ").split()
    if all(any(n.startswith(w) for n in names) for w in words):
        return WORD_PREFIX
    whole = " ".join([*firsts, family])
    return CONTAINS if all(w in whole for w in words) else 0


def identifier_score(typed: Typed, kind: str, normalised: str, postcode: str | None) -> int:
    """How well the text typed matches one of a person's identifiers (0: not at all)."""
    if typed.digits is not None:
        if kind != "phone":
            return 0
        national = typed.digits if typed.digits.startswith("0") else "0" + typed.digits
        return max(_graded(normalised, typed.digits), _graded(normalised, national))
    if kind == "address":
        return _graded((postcode or "").replace(" ", "").lower(), typed.compact)
    if typed.name_like:
        return 0  # a name typed: an email or handle holding it is not an identifier match
    return _graded(normalised, typed.text)


def case_score(typed: Typed, reference: str, postcode: str | None) -> int:
    """A case found by the index: by its reference, its location's postcode, or else."""
    compact = typed.compact
    by_reference = _graded(reference.lower().replace("-", ""), compact)
    by_postcode = _graded((postcode or "").replace(" ", "").lower(), compact)
    return max(by_reference, by_postcode) or CASE_OTHER


def name_variants(word: str) -> list[str]:
    """How a given name is likely stored, to look it up exactly by the name index."""
    return list(dict.fromkeys((word, word.capitalize(), word.title(), word.upper())))
