"""How a case can end: each service's own list of outcomes (the council edits it in the
catalogue), or a short general list for a service that has none.

The list comes from the service document, written by an admin but replicated like any other:
a code is kept once (the first label wins), so a careless edit cannot offer one code twice.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.errors import ValidationError
from caseworker.models import Service
from caseworker.store import docstore

ENDS = ("resolved", "closed")  # the statuses that need an outcome


@dataclass(frozen=True)
class Outcome:
    code: str
    en: str
    cy: str

    def label(self, language: str) -> str:
        return self.cy if language == "cy" and self.cy else self.en


GENERAL: tuple[Outcome, ...] = (
    Outcome("resolved", "Resolved", "Wedi'i ddatrys"),
    Outcome("no-action", "No further action", "Dim camau pellach"),
    Outcome("duplicate", "Duplicate of another case", "Dyblyg o achos arall"),
    Outcome("withdrawn", "Withdrawn by the citizen", "Tynnwyd yn ôl gan y dinesydd"),
)


def for_service(session: Session, service_code: str) -> tuple[Outcome, ...]:
    """The outcomes a case of this service may end with: the service's own, else GENERAL."""
    service_id = session.scalar(select(Service.id).where(Service.code == service_code))
    doc = docstore.get(session, service_id) if service_id is not None else None
    listed = doc.get("outcomes") if doc is not None else None
    found: dict[str, Outcome] = {}
    for item in listed if isinstance(listed, list) else ():
        code = item.get("code") if isinstance(item, dict) else None
        if isinstance(code, str) and code.strip() and code not in found:
            found[code] = Outcome(code, str(item.get("en") or code), str(item.get("cy") or ""))
    return tuple(found.values()) or GENERAL


def require(session: Session, service_code: str, code: str | None, target: str) -> Outcome:
    """The outcome named by ``code``, or ValidationError in one line listing the valid codes."""
    choices = for_service(session, service_code)
    for outcome in choices:
        if outcome.code == code:
            return outcome
    valid = ", ".join(o.code for o in choices)
    if code is None:
        raise ValidationError(f"say how the case ended to mark it {target} (outcome: {valid})")
    raise ValidationError(f"{code!r} is not an outcome of this service (valid: {valid})")
