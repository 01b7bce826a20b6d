"""Words people read for the domain's codes, translated: channels, statuses, priorities, roles,
and the due-time countdown. Shared by every view so "in_progress" reads the same everywhere.
"""

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

from caseworker.display import visible
from caseworker.services.sla import SlaState, sla_state

CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("Vocab", "Phone"),
    "email": QT_TRANSLATE_NOOP("Vocab", "Email"),
    "web_form": QT_TRANSLATE_NOOP("Vocab", "Web form"),
    "app": QT_TRANSLATE_NOOP("Vocab", "Citizen app"),
    "walk_in": QT_TRANSLATE_NOOP("Vocab", "Walk-in"),
    "letter": QT_TRANSLATE_NOOP("Vocab", "Letter"),
    "social": QT_TRANSLATE_NOOP("Vocab", "Social media"),
}
DIRECTIONS = {
    "inbound": QT_TRANSLATE_NOOP("Vocab", "From the citizen"),
    "outbound": QT_TRANSLATE_NOOP("Vocab", "To the citizen"),
}
STATUSES = {
    "new": QT_TRANSLATE_NOOP("Vocab", "New"),
    "triaged": QT_TRANSLATE_NOOP("Vocab", "Triaged"),
    "assigned": QT_TRANSLATE_NOOP("Vocab", "Assigned"),
    "in_progress": QT_TRANSLATE_NOOP("Vocab", "In progress"),
    "awaiting_citizen": QT_TRANSLATE_NOOP("Vocab", "Awaiting citizen"),
    "resolved": QT_TRANSLATE_NOOP("Vocab", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Vocab", "Closed"),
    "reopened": QT_TRANSLATE_NOOP("Vocab", "Reopened"),
}
PRIORITIES = {
    "low": QT_TRANSLATE_NOOP("Vocab", "Low"),
    "normal": QT_TRANSLATE_NOOP("Vocab", "Normal"),
    "high": QT_TRANSLATE_NOOP("Vocab", "High"),
    "urgent": QT_TRANSLATE_NOOP("Vocab", "Urgent"),
}
ROLES = {
    "agent": QT_TRANSLATE_NOOP("Vocab", "Contact-centre agent"),
    "field_officer": QT_TRANSLATE_NOOP("Vocab", "Field officer"),
    "supervisor": QT_TRANSLATE_NOOP("Vocab", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("Vocab", "Administrator"),
}
IDENTIFIER_KINDS = {
    "phone": QT_TRANSLATE_NOOP("Vocab", "Phone"),
    "email": QT_TRANSLATE_NOOP("Vocab", "Email"),
    "address": QT_TRANSLATE_NOOP("Vocab", "Address"),
    "social": QT_TRANSLATE_NOOP("Vocab", "Social media handle"),
    "app_account": QT_TRANSLATE_NOOP("Vocab", "App account"),
}
# Identity resolution's reasons (caseworker.identity: "<field>.<level>"), as a match shows them.
IDENTITY_REASONS = {
    "names.swapped": QT_TRANSLATE_NOOP("Vocab", "given and family names swapped"),
    "given.exact": QT_TRANSLATE_NOOP("Vocab", "same given name"),
    "given.alias": QT_TRANSLATE_NOOP("Vocab", "given name differs (nickname or Welsh form)"),
    "given.fuzzy_high": QT_TRANSLATE_NOOP("Vocab", "given name spelt differently"),
    "given.fuzzy": QT_TRANSLATE_NOOP("Vocab", "given name similar"),
    "given.different": QT_TRANSLATE_NOOP("Vocab", "different given name"),
    "family.exact": QT_TRANSLATE_NOOP("Vocab", "same family name"),
    "family.fuzzy_high": QT_TRANSLATE_NOOP("Vocab", "family name spelt differently"),
    "family.fuzzy": QT_TRANSLATE_NOOP("Vocab", "family name similar"),
    "family.different": QT_TRANSLATE_NOOP("Vocab", "different family name"),
    "dob.exact": QT_TRANSLATE_NOOP("Vocab", "same date of birth"),
    "dob.typo": QT_TRANSLATE_NOOP("Vocab", "date of birth one slip apart"),
    "dob.year": QT_TRANSLATE_NOOP("Vocab", "born the same year"),
    "dob.different": QT_TRANSLATE_NOOP("Vocab", "different date of birth"),
    "home.same": QT_TRANSLATE_NOOP("Vocab", "same address"),
    "home.postcode": QT_TRANSLATE_NOOP("Vocab", "same postcode"),
    "home.sector": QT_TRANSLATE_NOOP("Vocab", "nearby postcode"),
    "home.district": QT_TRANSLATE_NOOP("Vocab", "same postcode district"),
    "home.different": QT_TRANSLATE_NOOP("Vocab", "different postcode"),
    "phone.exact": QT_TRANSLATE_NOOP("Vocab", "same phone number"),
    "phone.different": QT_TRANSLATE_NOOP("Vocab", "different phone number"),
    "email.exact": QT_TRANSLATE_NOOP("Vocab", "same email"),
    "email.different": QT_TRANSLATE_NOOP("Vocab", "different email"),
    "handle.exact": QT_TRANSLATE_NOOP("Vocab", "same social media handle"),
    "handle.different": QT_TRANSLATE_NOOP("Vocab", "different social media handle"),
}
# The usual labels on a phone, email or address ("mobile", "home"), as staff and the seed type
# them; any other label is shown as typed.
IDENTIFIER_LABELS = {
    "home": QT_TRANSLATE_NOOP("Vocab", "home"),
    "mobile": QT_TRANSLATE_NOOP("Vocab", "mobile"),
    "work": QT_TRANSLATE_NOOP("Vocab", "work"),
    "landline": QT_TRANSLATE_NOOP("Vocab", "landline"),
    "personal": QT_TRANSLATE_NOOP("Vocab", "personal"),
    "previous": QT_TRANSLATE_NOOP("Vocab", "previous"),
}
VERIFICATIONS = {
    "unverified": QT_TRANSLATE_NOOP("Vocab", "Not verified"),
    "sms_code": QT_TRANSLATE_NOOP("Vocab", "Code sent by text message"),
    "email_link": QT_TRANSLATE_NOOP("Vocab", "Link sent by email"),
    "call_back": QT_TRANSLATE_NOOP("Vocab", "Called back"),
    "document_seen": QT_TRANSLATE_NOOP("Vocab", "Document seen"),
    "in_person": QT_TRANSLATE_NOOP("Vocab", "Seen in person"),
    "knowledge_check": QT_TRANSLATE_NOOP("Vocab", "Security questions"),
    "app_login": QT_TRANSLATE_NOOP("Vocab", "Signed in to the app"),
    "council_record": QT_TRANSLATE_NOOP("Vocab", "Council record"),
}
LAWFUL_BASES = {
    "consent": QT_TRANSLATE_NOOP("Vocab", "Consent"),
    "contract": QT_TRANSLATE_NOOP("Vocab", "Contract"),
    "legal_obligation": QT_TRANSLATE_NOOP("Vocab", "Legal obligation"),
    "vital_interests": QT_TRANSLATE_NOOP("Vocab", "Vital interests"),
    "public_task": QT_TRANSLATE_NOOP("Vocab", "Public task"),
    "legitimate_interests": QT_TRANSLATE_NOOP("Vocab", "Legitimate interests"),
}
LANGUAGES = {
    "en": QT_TRANSLATE_NOOP("Vocab", "English"),
    "cy": QT_TRANSLATE_NOOP("Vocab", "Welsh"),
}
SLA_STATES = {
    "ok": QT_TRANSLATE_NOOP("Vocab", "On time"),
    "due_soon": QT_TRANSLATE_NOOP("Vocab", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("Vocab", "Overdue"),
    "met": QT_TRANSLATE_NOOP("Vocab", "Service level met"),
    "breached": QT_TRANSLATE_NOOP("Vocab", "Service level missed"),
}
# The case events only the council's central service records (caseworker.escalation).
CENTRAL_EVENTS = {
    "breach_response": QT_TRANSLATE_NOOP("Vocab", "First response overdue"),
    "breach_resolve": QT_TRANSLATE_NOOP("Vocab", "Resolution overdue"),
    "escalated": QT_TRANSLATE_NOOP("Vocab", "Escalated"),
}
ESCALATION_ACTIONS = {
    "notify": QT_TRANSLATE_NOOP("Vocab", "supervisors told: %1"),
    "priority": QT_TRANSLATE_NOOP("Vocab", "priority raised from %1 to %2"),
    "priority_kept": QT_TRANSLATE_NOOP("Vocab", "already %1: priority kept"),
    "queue_id": QT_TRANSLATE_NOOP("Vocab", "moved from %1 to %2"),
    "queue_kept": QT_TRANSLATE_NOOP("Vocab", "not moved: the queue no longer exists"),
}
CENTRAL_SERVICE = QT_TRANSLATE_NOOP("Vocab", "Council's central service")
DOCUMENT_TYPES = {
    "citizen": QT_TRANSLATE_NOOP("Vocab", "Citizen"),
    "service": QT_TRANSLATE_NOOP("Vocab", "Service"),
    "queue": QT_TRANSLATE_NOOP("Vocab", "Queue"),
    "staff": QT_TRANSLATE_NOOP("Vocab", "Member of staff"),
    "case": QT_TRANSLATE_NOOP("Vocab", "Case"),
    "case_event": QT_TRANSLATE_NOOP("Vocab", "Case history entry"),
    "note": QT_TRANSLATE_NOOP("Vocab", "Note"),
    "interaction": QT_TRANSLATE_NOOP("Vocab", "Contact"),
    "mention": QT_TRANSLATE_NOOP("Vocab", "Social-media mention"),
    "audit_event": QT_TRANSLATE_NOOP("Vocab", "Audit entry"),
    "directory": QT_TRANSLATE_NOOP("Vocab", "Directory entry"),
}


def shown(text: str | None, *, lines: bool = False) -> str:
    """Record text (a name, a summary, a note, a handle) as the window shows it: control and
    bidi-override characters from synced data appear as escapes (``\\u202e``) instead of
    reordering or hiding what is read. ``lines``: a multi-line widget, so line ends stay."""
    return visible(text or "", keep_lines=lines)


def _tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def _label(table: Mapping[str, object], code: str | None) -> str:
    if code is None:
        return ""
    source = table.get(code)
    return _tr("Vocab", str(source)) if source else code.replace("_", " ")


def channel(code: str | None) -> str:
    return _label(CHANNELS, code)


def direction(code: str | None) -> str:
    return _label(DIRECTIONS, code)


def status(code: str | None) -> str:
    return _label(STATUSES, code)


def priority(code: str | None) -> str:
    return _label(PRIORITIES, code)


def central_event(code: str | None) -> str:
    return _label(CENTRAL_EVENTS, code)


def central_service() -> str:
    """Who a breach or an escalation is by: the council's central service, not a person."""
    return _tr("Vocab", str(CENTRAL_SERVICE))


def escalation_action(key: str, *values: str) -> str:
    """What an escalation did ("priority raised from Normal to High")."""
    text = _tr("Vocab", str(ESCALATION_ACTIONS[key]))
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", value)
    return text


def document_type(code: str | None) -> str:
    return _label(DOCUMENT_TYPES, code)


def identity_reason(code: str | None) -> str:
    return _label(IDENTITY_REASONS, code)


def role(code: str | None) -> str:
    return _label(ROLES, code)


def identifier_kind(code: str | None) -> str:
    return _label(IDENTIFIER_KINDS, code)


def identifier_label(text: str | None) -> str:
    """An identifier's label ("mobile", "home") in the interface language; others as typed."""
    if not text:
        return ""
    source = IDENTIFIER_LABELS.get(text.strip().lower())
    return _tr("Vocab", str(source)) if source else shown(text)


def verification(code: str | None) -> str:
    return _label(VERIFICATIONS, code)


def lawful_basis(code: str | None) -> str:
    return _label(LAWFUL_BASES, code)


def language(code: str | None) -> str:
    return _label(LANGUAGES, code)


def sla(state: str | None) -> str:
    return _label(SLA_STATES, state)


def duration(span: timedelta) -> str:
    """A short, readable length of time: "2 d 3 h", "3 h 20 min", "12 min"."""
    minutes = int(abs(span).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return (
            QCoreApplication.translate("Duration", "%1 d %2 h")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    if hours:
        return (
            QCoreApplication.translate("Duration", "%1 h %2 min")
            .replace("%1", str(hours))
            .replace("%2", str(mins))
        )
    return QCoreApplication.translate("Duration", "%1 min").replace("%1", str(mins))


def countdown(
    due_at: datetime,
    now: datetime,
    status_code: str,
    *,
    opened_at: datetime | None = None,
    finished_at: datetime | None = None,
) -> tuple[str, SlaState]:
    """What a due time says right now ("due in 3 hours", "2 days overdue", "met") and its
    service-level state, for colouring (ok, due_soon amber, overdue red, met, breached)."""
    state = sla_state(due_at, now, status_code, opened_at=opened_at, finished_at=finished_at)
    if state in ("met", "breached"):
        return sla(state), state
    if state == "overdue":
        return overdue_by(now - due_at), state
    return due_in(due_at - now), state


# Whole units, largest first: a case two days late reads "2 days overdue", not "50 hours".
# Each count has its own singular source string, so no plural rules are needed: Welsh uses
# the singular noun after a numeral ("2 diwrnod").
_OVERDUE = {
    "day": (
        QT_TRANSLATE_NOOP("Duration", "1 day overdue"),
        QT_TRANSLATE_NOOP("Duration", "%1 days overdue"),
    ),
    "hour": (
        QT_TRANSLATE_NOOP("Duration", "1 hour overdue"),
        QT_TRANSLATE_NOOP("Duration", "%1 hours overdue"),
    ),
    "minute": (
        QT_TRANSLATE_NOOP("Duration", "1 min overdue"),
        QT_TRANSLATE_NOOP("Duration", "%1 min overdue"),
    ),
}
_DUE_IN = {
    "day": (
        QT_TRANSLATE_NOOP("Duration", "due in 1 day"),
        QT_TRANSLATE_NOOP("Duration", "due in %1 days"),
    ),
    "hour": (
        QT_TRANSLATE_NOOP("Duration", "due in 1 hour"),
        QT_TRANSLATE_NOOP("Duration", "due in %1 hours"),
    ),
    "minute": (
        QT_TRANSLATE_NOOP("Duration", "due in 1 min"),
        QT_TRANSLATE_NOOP("Duration", "due in %1 min"),
    ),
}


def in_proportion(span: timedelta) -> tuple[int, str]:
    """A length of time as one whole unit in proportion to it: days from a day up, hours from
    an hour up, else minutes (rounded down, so "1 day" means at least 24 hours)."""
    minutes = int(abs(span).total_seconds() // 60)
    if minutes >= 24 * 60:
        return minutes // (24 * 60), "day"
    if minutes >= 60:
        return minutes // 60, "hour"
    return minutes, "minute"


def _counted(table: Mapping[str, tuple[object, object]], span: timedelta) -> str:
    count, unit = in_proportion(span)
    one, many = table[unit]
    if count == 1:
        return _tr("Duration", str(one))
    return _tr("Duration", str(many)).replace("%1", str(count))


def overdue_by(span: timedelta) -> str:
    """How late a case is: "2 days overdue", "5 hours overdue", "20 min overdue"."""
    return _counted(_OVERDUE, span)


def due_in(span: timedelta) -> str:
    """How long a case has left: "due in 3 days", "due in 5 hours", "due in 20 min"."""
    return _counted(_DUE_IN, span)


def ago(moment: datetime, now: datetime) -> str:
    """How long ago something happened, for "last sync 3 min ago"."""
    span = now - moment
    if span < timedelta(minutes=1):
        return QCoreApplication.translate("Duration", "just now")
    return QCoreApplication.translate("Duration", "%1 ago").replace("%1", duration(span))


# One date format per interface language, always with a four-digit year: Qt's short Welsh
# format has a two-digit year, and a record's dates go back decades. Both languages write the
# day first, as in the UK; the time is on the 24-hour clock.
DATE_FORMATS = {"en": "dd/MM/yyyy", "cy": "dd/MM/yyyy"}
TIME_FORMAT = "HH:mm"


def _date_format() -> str:
    welsh = QLocale().language() == QLocale.Language.Welsh
    return DATE_FORMATS["cy" if welsh else "en"]


def _local(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()


def date_text(moment: datetime | date | None) -> str:
    """A day as the window shows it everywhere ("28/11/2025"); a moment in local time."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        day = _local(moment).date()
    else:
        day = QDate(moment.year, moment.month, moment.day)
    return QLocale().toString(day, _date_format())


def date_time_sample() -> str:
    """The widest a moment is shown ("28/12/2025 23:59"), to size a column so the year is
    never cut off."""
    return QLocale().toString(
        QDateTime(QDate(2028, 12, 28), QTime(20, 58)), f"{_date_format()} {TIME_FORMAT}"
    )


def date_time_text(moment: datetime | None) -> str:
    """A moment in local time as the window shows it everywhere ("28/11/2025 14:05")."""
    if moment is None:
        return ""
    return QLocale().toString(_local(moment), f"{_date_format()} {TIME_FORMAT}")


def iso_date_text(value: str | None) -> str:
    """A day stored as ISO text (a date of birth: "1980-05-03") in the one date format; text
    that is not a date is shown as it is (made safe), never dropped."""
    if not value:
        return ""
    try:
        return date_text(date.fromisoformat(value))
    except ValueError:
        return shown(value)
