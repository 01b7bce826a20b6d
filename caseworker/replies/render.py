"""Filling a reply template's ``((placeholders))`` from a case and its citizen: pure functions.

The same ``((name))`` syntax as GOV.UK Notify's own templates, so councils write what they
know. A template may name only the placeholders in ``PLACEHOLDERS`` (``check_template``); a
value can never bring in another placeholder or markup: it is put in once, in one pass, as a
single line, with the characters that open markup, links or placeholders made harmless.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from caseworker.errors import ValidationError

# name -> what it is, for whoever writes templates (and the refusal that names an unknown one)
PLACEHOLDERS: dict[str, str] = {
    "reference": "the case reference, e.g. 2EVQ-W146-S0DJ",
    "citizen_name": "the citizen's name (their preferred name if they gave one)",
    "service": "the service the case is about",
    "due_date": "the date the case is due to be resolved",
    "officer_name": "the name of the member of staff writing the reply",
}
_PLACEHOLDER = re.compile(r"\(\(([^()]*)\)\)")
_VALUE_MAX = 200  # characters of one value: a name or a service, never a letter
_MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
    "cy": (
        "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
        "Medi", "Hydref", "Tachwedd", "Rhagfyr",
    ),
}  # fmt: skip
# Markup and link brackets in a value become look-alikes that open nothing.
_HARMLESS = str.maketrans({"<": "‹", ">": "›", "[": "⁅", "]": "⁆", "(": "❨", ")": "❩"})


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    missing: tuple[str, ...]  # placeholders the case has no value for (left as they were)

    @property
    def complete(self) -> bool:
        return not self.missing


def placeholders_in(text: str) -> list[str]:
    """The placeholder names in ``text``, in order, once each."""
    return list(dict.fromkeys(m.group(1).strip() for m in _PLACEHOLDER.finditer(text)))


def template_problem(fields: Mapping[str, object]) -> str | None:
    """Why a reply template (its subject_* and body_* fields) cannot be used, or None: an
    unknown placeholder, or brackets that look like a placeholder but are not one."""
    for name in ("subject_en", "subject_cy", "body_en", "body_cy"):
        text = fields.get(name)
        if not isinstance(text, str) or not text.strip():
            return f"the template's {name} is empty"
        unknown = [p for p in placeholders_in(text) if p not in PLACEHOLDERS]
        if unknown:
            known = ", ".join(f"(({p}))" for p in PLACEHOLDERS)
            return f"unknown placeholder (({unknown[0][:40]})) in {name}: use one of {known}"
        rest = _PLACEHOLDER.sub("", text)
        if "((" in rest or "))" in rest:
            return f"unmatched (( or )) in {name}"
    return None


def check_template(fields: Mapping[str, object]) -> None:
    problem = template_problem(fields)
    if problem is not None:
        raise ValidationError(problem)


def safe_value(value: str) -> str:
    """One line of plain text: control and format characters (bidi overrides among them)
    dropped, runs of white space made one space, markup brackets made harmless, cut short."""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in value
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    )
    return " ".join(kept.split()).translate(_HARMLESS)[:_VALUE_MAX]


def long_date(day: date, language: str) -> str:
    """ "5 December 2026" / "5 Rhagfyr 2026": a date read by a citizen, with its year."""
    months = _MONTHS.get(language, _MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def fill(text: str, values: Mapping[str, str | None]) -> tuple[str, list[str]]:
    """``text`` with each known placeholder replaced by its value in one pass (a value is never
    read again for placeholders); the names that had no value, which stay as they were."""
    missing: list[str] = []

    def put(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        value = values.get(name)
        if value is None or not value.strip():
            if name not in missing:
                missing.append(name)
            return match.group(0)
        return safe_value(value)

    return _PLACEHOLDER.sub(put, text), missing


def render(
    template: Mapping[str, object], language: str, values: Mapping[str, str | None]
) -> Rendered:
    """The subject and body of ``template`` in ``language`` ("en" or "cy"), filled from
    ``values``. Raises ValidationError for a template ``template_problem`` refuses."""
    check_template(template)
    if language not in _MONTHS:
        raise ValidationError(f"no reply templates in language {language!r:.20}")
    subject, missing = fill(str(template[f"subject_{language}"]), values)
    body, more = fill(str(template[f"body_{language}"]), values)
    return Rendered(subject, body, tuple(dict.fromkeys(missing + more)))
