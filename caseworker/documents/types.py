"""Every document type that Caseworker stores and replicates, with its schema.

``schema`` in a document is the version of its type's shape; a reader refuses versions newer
than it knows rather than guess at them.
"""

from dataclasses import dataclass

from caseworker import vocab
from caseworker.documents.schema import Field, Schema, enum, s, when
from caseworker.replies import public


@dataclass(frozen=True)
class DocType:
    name: str
    id_prefix: str
    schema_version: int
    schema: Schema
    append_only: bool = False  # history records: never edited once written, so never conflict


_IDENTIFIER = Schema(
    (
        s("id", True, 64),
        enum("kind", vocab.IDENTIFIER_KINDS, True),
        s("value", True, 500),
        s("label", max_length=100),
        s("postcode", max_length=10),
        s("uprn", max_length=12),
        enum("verified_by", vocab.VERIFICATION_METHODS, True),
        when("verified_at"),
        when("added_at", True),
    )
)
_CONSENT = Schema(
    (
        s("id", True, 64),
        s("purpose", True, 200),
        enum("lawful_basis", vocab.LAWFUL_BASES, True),
        s("channel", max_length=20),
        s("source", True, 200),
        when("valid_from", True),
        when("valid_to"),
        # Optional (older readers keep them untouched): no new version. A consent to share with
        # a partner names it; who recorded it and when (a laptop cannot sign for someone else);
        # a withdrawal says when and by whom (a consent is withdrawn, never deleted).
        s("partner", max_length=200),
        s("recorded_by", max_length=64),
        when("recorded_at"),
        when("withdrawn_at"),
        s("withdrawn_by", max_length=64),
    )
)
# An assurance check made with the citizen (caseworker.access.assurance): how, on which of
# their identifiers (a code sent to it, a call back to it), which document was seen or which
# facts were asked (never the answers, never a copy or a number), by whom, when.
_CHECK = Schema(
    (
        s("id", True, 64),
        enum("method", vocab.CHECK_METHODS, True),
        s("identifier_id", max_length=64),
        s("detail", max_length=200),
        s("by", True, 64),
        when("at", True),
    )
)
_LOCATION = Schema(
    (
        s("address", max_length=500),
        s("postcode", max_length=10),
        s("uprn", max_length=12),
        Field("lat", "float"),
        Field("lon", "float"),
    )
)

CITIZEN = DocType(
    "citizen",
    "citizen",
    1,
    Schema(
        (
            s("given_name", True, 100),
            s("family_name", True, 100),
            s("preferred_name", max_length=100),
            Field("date_of_birth", "date"),
            enum("language", vocab.LANGUAGES, True),
            Field("identifiers", "objects", True, item=_IDENTIFIER),
            Field("consents", "objects", True, item=_CONSENT),
            Field("checks", "objects", item=_CHECK),  # optional: no new version
            s("merged_into", max_length=64),
            when("created_at", True),
            when("updated_at", True),
        )
    ),
)
# A Welsh label may be missing from a council's edit: the English one is shown instead.
_OUTCOME = Schema((s("code", True, 40), s("en", True, 200), s("cy", max_length=200)))
# A complaint stage of a service whose clock is ``complaint``: its working days (caseworker.clocks).
_STAGE = Schema(
    (
        s("code", True, 40),
        s("name", True, 200),
        s("name_cy", max_length=200),
        Field("working_days", "int", True),
    )
)
SERVICE = DocType(
    "service",
    "service",
    # ``outcomes``, ``clock`` and ``stages`` (optional; older readers keep them untouched): no
    # new version. A reader that does not know a ``clock`` uses the standard one.
    1,
    Schema(
        (
            s("code", True, 40),
            s("name", True, 200),
            s("name_cy", max_length=200),  # the Welsh name, shown when the interface is Welsh
            s("group", True, 100),
            s("group_cy", max_length=100),
            Field("keywords", "strings", True),
            Field("resolve_hours", "int", True),
            Field("response_hours", "int", True),
            s("default_queue_id", max_length=64),
            Field("active", "bool", True),
            Field("outcomes", "objects", item=_OUTCOME),
            s("clock", max_length=40),
            Field("stages", "objects", item=_STAGE),
        )
    ),
)
QUEUE = DocType(
    "queue",
    "queue",
    1,
    Schema(
        (
            s("name", True, 100),
            s("name_cy", max_length=100),  # the Welsh name
            s("description", max_length=500),
            Field("active", "bool", True),
            # How the central worker hands out this queue's unassigned open cases (optional;
            # missing means "off"): no new version, as ``outcomes`` on SERVICE.
            enum("auto_assign", vocab.AUTO_ASSIGN_MODES),
            # The contact channels whose work it takes (optional, no new version): its members
            # hold the social-media mentions when it names "social" (access.people).
            Field("channels", "strings"),
        )
    ),
)
STAFF = DocType(
    "staff",
    "staff",
    1,
    Schema(
        (
            s("name", True, 200),
            s("username", True, 100),
            s("email", max_length=200),
            enum("role", vocab.ROLES, True),
            s("team", max_length=100),
            Field("queue_ids", "strings", True),
            Field("active", "bool", True),
            Field("patch", "strings"),  # postcode districts whose open work a field officer holds
            # Assignment (optional, no new version): the most open cases they take (missing or
            # null: no cap), and the last day of their leave (a date, inclusive).
            Field("capacity", "int"),
            Field("away_until", "date"),
        )
    ),
)
CASE = DocType(
    "case",
    "case",
    1,  # ``outcome`` (optional; older readers keep it untouched): no new version
    Schema(
        (
            s("reference", True, 14),
            s("citizen_id", max_length=64),
            s("service_code", True, 40),
            s("summary", True, 300),
            s("description", max_length=5000),
            enum("status", vocab.CASE_STATUSES, True),
            enum("priority", vocab.PRIORITIES, True),
            enum("channel", vocab.CHANNELS, True),
            s("queue_id", max_length=64),
            s("assignee_id", max_length=64),
            when("opened_at", True),
            when("response_due_at"),
            when("due_at", True),
            when("resolved_at"),
            when("closed_at"),
            Field("location", "object", item=_LOCATION),
            s("outcome", max_length=40),
            when("updated_at", True),
        )
    ),
)
CASE_EVENT = DocType(
    "case_event",
    "event",
    1,
    Schema(
        (
            s("case_id", True, 64),
            enum("kind", vocab.CASE_EVENT_KINDS, True),
            when("at", True),
            s("by", True, 64),
            s("field", max_length=40),
            s("old", max_length=200),
            s("new", max_length=200),
            s("comment", max_length=2000),
        )
    ),
    append_only=True,
)
NOTE = DocType(
    "note",
    "note",
    1,
    Schema(
        (
            s("case_id", max_length=64),
            s("citizen_id", max_length=64),
            s("text", True, 20_000),
            when("at", True),
            s("by", True, 64),
        )
    ),
    append_only=True,
)
INTERACTION = DocType(
    "interaction",
    "contact",
    1,
    Schema(
        (
            s("citizen_id", max_length=64),
            s("case_id", max_length=64),
            enum("channel", vocab.CHANNELS, True),
            enum("direction", vocab.DIRECTIONS, True),
            when("at", True),
            s("by", max_length=64),
            s("summary", True, 2000),
            # What an anonymous caller's contact was about, in a few words (a named contact's
            # subject is its case or its citizen's record).
            s("subject", max_length=200),
        )
    ),
    append_only=True,
)
# An attachment of a mention: a link to the media on its network, never fetched by Caseworker.
_ATTACHMENT = Schema(
    (
        enum("kind", vocab.ATTACHMENT_KINDS, True),
        s("url", True, 1000),
        s("description", max_length=1500),
    )
)
MENTION = DocType(
    "mention",
    "mention",
    # The fields after ``content_text`` (optional; older readers keep them untouched) and the
    # "answered" state: no new version.
    1,
    Schema(
        (
            # An ActivityStreams 2.0 Note, as the central collector read it from its network.
            s("network", True, 40),
            s("remote_id", True, 200),
            s("url", max_length=1000),
            s("author_handle", True, 200),
            s("author_url", max_length=1000),
            s("author_name", max_length=200),
            s("content_text", True, vocab.MENTION_TEXT_MAX),
            s("content_html", max_length=vocab.MENTION_HTML_MAX),
            when("published_at", True),
            when("edited_at"),
            when("deleted_at"),  # deleted at its source: its text, HTML and attachments removed
            Field("attachments", "objects", item=_ATTACHMENT),
            enum("visibility", vocab.MENTION_VISIBILITIES),
            s("in_reply_to", max_length=200),  # the remote id of the post it answers
            s("language", max_length=20),  # as the network gave it (BCP 47)
            Field("tags", "strings"),  # hashtags, without "#"
            Field("mentioned", "strings"),  # the accounts it mentions, "@user@host"
            # Triage, by agents and supervisors of a social-media queue (docs/mentions.md).
            enum("state", vocab.MENTION_STATES, True),
            s("citizen_id", max_length=64),
            s("case_id", max_length=64),
            s("triaged_by", max_length=64),
            when("triaged_at"),
        )
    ),
)
"""A social-media post that mentions the council, collected by the central collector
(``sync.mentions``) with a deterministic id, ``mention:<network>-<host>-<remote id>``, so two
collectors never write it twice. The collector alone writes what the post says; agents and
supervisors of a social-media queue write only its triage (``access.rules.MENTION_FIELDS``)."""
AUDIT_EVENT = DocType(
    "audit_event",
    "audit",
    1,
    Schema(
        (
            when("at", True),
            s("by", True, 64),
            s("action", True, 60),
            s("subject_id", True, 64),
            s("detail", max_length=2000),
        )
    ),
    append_only=True,
)

DIRECTORY = DocType(
    "directory",
    "directory",
    1,
    Schema(
        (
            s("citizen_id", True, 200),
            s("given_name", True, 100),
            s("family_name", True, 100),
            s("preferred_name", max_length=100),
            enum("language", vocab.LANGUAGES, True),
            Field("phones", "strings", True),
            Field("emails", "strings", True),
            Field("postcodes", "strings", True),
            s("merged_into", max_length=64),
        )
    ),
)
"""A citizen's entry in the directory an agent finds any caller with (``directory:<key>`` for
``citizen:<key>``), derived from the citizen by the central worker and written by it alone.

Data minimisation: it holds only what finding a caller needs (names, language, the phone
numbers, email addresses and postcodes of their identifiers, the record they were merged into)
and never their consents, date of birth, addresses, other identifiers, or anything from their
cases, notes or contacts. It is its own document, not a filtered citizen: a document served in
part could not keep its ``_rev``.
"""

# A reply template of a service (the public catalogue; admins write it): English and Welsh
# subject and body with ``((placeholders))`` (caseworker.replies.render names them).
REPLY_TEMPLATE = DocType(
    "reply_template",
    "template",
    1,
    Schema(
        (
            s("service_code", True, 40),
            s("name_en", True, 100),
            s("name_cy", True, 100),
            s("subject_en", True, 200),
            s("subject_cy", True, 200),
            s("body_en", True, 5000),
            s("body_cy", True, 5000),
            Field("active", "bool", True),
        )
    ),
)
# A reply to a citizen in the outbox, under its case: written once by its author with the text
# rendered on the laptop; only the central Notify worker (an admin) records its send status.
MESSAGE = DocType(
    "message",
    "message",
    1,
    Schema(
        (
            s("case_id", True, 64),
            s("citizen_id", True, 64),
            s("template_id", max_length=64),
            enum("channel", vocab.MESSAGE_CHANNELS, True),
            s("recipient_id", True, 64),  # the id of the citizen's identifier it goes to
            s("recipient", True, 500),  # that identifier's value when written
            enum("language", vocab.LANGUAGES, True),
            s("subject", max_length=200),
            s("body", True, vocab.MESSAGE_BODY_MAX),
            when("at", True),
            s("by", True, 64),
            enum("state", vocab.MESSAGE_STATES, True),
            when("state_at"),
            s("notify_id", max_length=64),
            s("state_detail", max_length=500),
        )
    ),
)
# A verification code asked for (``verify:<uuid>``, under the citizen): which of their email
# addresses or phones it goes to, who asked and when. The central Notify worker makes the code,
# sends it and keeps only a salted scrypt hash of it here, with when it expires; the laptop
# compares what the citizen reads back and counts the tries. The code itself is never stored.
VERIFICATION = DocType(
    "verification",
    "verify",
    1,
    Schema(
        (
            s("citizen_id", True, 64),
            s("identifier_id", True, 64),
            enum("channel", vocab.MESSAGE_CHANNELS, True),
            s("requested_by", True, 64),
            when("requested_at", True),
            enum("state", vocab.VERIFICATION_STATES, True),
            when("state_at"),
            s("state_detail", max_length=500),
            s("code_salt", max_length=64),
            s("code_hash", max_length=128),
            when("expires_at"),
            Field("tries", "int"),
        )
    ),
)
# A public reply to a social-media mention, under the case it belongs to: drafted on a laptop
# (offline too), posted once by the central poster, which alone records its claim and outcome
# (``caseworker.replies.public``; docs/mentions-replies.md). Its id is its idempotency key.
MENTION_REPLY = DocType(
    "mention_reply",
    "mreply",
    1,
    Schema(
        (
            s("mention_id", True, 64),
            s("case_id", True, 64),
            s("text", True, public.TEXT_MAX),
            enum("visibility", public.VISIBILITIES, True),
            enum("language", vocab.LANGUAGES, True),
            s("by", True, 64),
            when("at", True),
            enum("state", public.STATES, True),
            when("cancelled_at"),
            s("cancelled_by", max_length=64),
            # The central poster's: its claim, the attempts that reached the network, and
            # the outcome.
            when("claimed_at"),
            s("claimed_by", max_length=100),
            Field("attempts", "int"),
            when("not_before"),
            s("status_id", max_length=100),
            s("status_url", max_length=1000),
            when("posted_at"),
            s("failure", max_length=500),
        )
    ),
)
MARKER = DocType(
    "marker",
    "marker",
    1,
    Schema(
        (
            s("citizen_id", True, 64),
            enum("kind", vocab.MARKER_KINDS, True),
            s("reason", True, 500),
            s("set_by", True, 64),
            when("set_at", True),
            Field("review_on", "date", True),
            s("address", max_length=500),  # officer safety: the address it applies to
            s("postcode", max_length=10),
            when("ended_at"),
            s("ended_by", max_length=64),
        )
    ),
)
"""A warning on a citizen's record (vulnerability, safeguarding, an accessibility need, officer
safety such as "visit in pairs"), shown at the top of their record and, for officer safety, on
every case at its address. A marker is ended (``ended_at``/``ended_by``), never deleted: who
was warned of what, and when, stays on the record."""

IDENTITY_LINK = DocType(
    "identity_link",
    "idlink",
    1,
    Schema(
        (
            s("subject_id", True, 64),  # the contact linked: a mention, a contact, a case
            s("citizen_id", True, 64),
            enum("method", vocab.LINK_METHODS, True),
            Field("probability", "float", True),
            Field("weight", "float", True),
            Field("reasons", "strings", True),  # "<field>.<level>" codes, strongest first
            s("by", True, 64),
            when("at", True),
            when("undone_at"),
            s("undone_by", max_length=64),
        )
    ),
)
"""A contact linked to a citizen by identity resolution: who or what linked it (``automatic``:
the council's central worker, above its threshold; ``person``: a member of staff who chose),
the score and the reasons. A link is undone (``undone_at``/``undone_by``), never deleted, so
what was believed and when stays on the record."""

_SPAN = Schema((enum("day", vocab.WEEKDAYS, True), s("start", True, 5), s("end", True, 5)))
_CLOSURE = Schema((Field("date", "date", True), s("reason", max_length=200)))
CALENDAR = DocType(
    "calendar",
    "calendar",
    1,
    Schema(
        (
            enum("nation", vocab.NATIONS, True),
            Field("hours", "objects", True, item=_SPAN),
            Field("closures", "objects", item=_CLOSURE),
            when("updated_at", True),
        )
    ),
)
"""The council's business calendar (one, ``calendar:council``): working hours per weekday
(local time, ``"HH:MM"``, ``"24:00"`` the end of a day; a day with none is not worked), the
nation whose bank holidays it keeps, and its closure days (``caseworker.clocks.council``)."""

# An escalation rule (the catalogue; supervisors and admins write it): for the cases of a
# service and/or a queue, when a target is breached or ``hours_before`` working hours before it,
# notify the queue's supervisors, raise the priority one step, or move the case to
# ``to_queue_id``. The central worker applies it once per case (caseworker.escalation).
ESCALATION_RULE = DocType(
    "escalation_rule",
    "escalation",
    1,
    Schema(
        (
            s("name", True, 200),
            s("name_cy", max_length=200),  # the Welsh name, shown when the interface is Welsh
            s("service_code", max_length=40),
            s("queue_id", max_length=64),
            enum("target", vocab.ESCALATION_TARGETS, True),
            Field("hours_before", "int", True),
            enum("action", vocab.ESCALATION_ACTIONS, True),
            s("to_queue_id", max_length=64),
            Field("active", "bool", True),
            s("by", True, 64),
            when("updated_at", True),
        )
    ),
)

# The council's routing rules, all in one document (``routing:council``), in the order they are
# tried: reordering is one atomic edit, and two supervisors' offline edits meet as one conflict
# the conflict view shows (rules spread over documents would merge silently into a wrong order).
ROUTING_ID = "routing:council"
_ROUTING_RULE = Schema(
    (
        s("id", True, 64),
        s("name", True, 200),
        s("name_cy", max_length=200),  # the Welsh name, shown when the interface is Welsh
        s("queue_id", True, 64),
        Field("service_codes", "strings"),  # any of these services (none: any service)
        Field("areas", "strings"),  # postcode areas, districts or sectors: "CF", "CF10", "SA1 4"
        Field("channels", "strings"),  # any of these channels (none: any channel)
    )
)
ROUTING = DocType(
    "routing",
    "routing",
    1,
    Schema(
        (
            Field("rules", "objects", True, item=_ROUTING_RULE),
            when("updated_at", True),
            s("updated_by", True, 64),
        )
    ),
)

# An erasure or anonymisation of one citizen (``erasure:<uuid>``): asked for by a supervisor or
# an admin, completed by the central worker (``state``, ``done_at``, ``purged``). It holds ids,
# dates, the basis and a reason category, never personal data, so every laptop holds every one
# and one that comes back after months still purges what it held (caseworker.erasure).
ERASURE = DocType(
    "erasure",
    "erasure",
    1,
    Schema(
        (
            s("citizen_id", max_length=64),  # a citizen and all their records, or
            s("record_id", max_length=64),  # one record and what hangs off it (retention)
            enum("mode", vocab.ERASURE_MODES, True),
            enum("basis", vocab.ERASURE_BASES, True),
            enum("reason", vocab.ERASURE_REASONS, True),
            s("requested_by", True, 64),
            when("requested_at", True),
            enum("state", vocab.ERASURE_STATES, True),
            when("done_at"),
            Field("purged", "int"),  # revisions the central worker purged
            s("detail", max_length=300),  # why it failed: ids and counts only
            # Why it failed, as data (``scope.Failure``; optional, older readers keep it
            # untouched): whether it is in force is read from this, never from ``detail``.
            enum("failure", vocab.ERASURE_FAILURES),
            s("disposal_id", max_length=64),  # the retention disposal that asked for it
            # Done: the ids it took (the target and the cases found), so the central worker
            # purges records under them written later (a laptop that was offline).
            Field("roots", "strings"),
        )
    ),
)

# A legal hold on a case or a citizen (``hold:<uuid>``): while it is live (not ended), no
# retention disposal and no erasure takes what it holds. Supervisors and admins place and end
# one, in their own name; it follows its case or citizen, like a note.
LEGAL_HOLD = DocType(
    "legal_hold",
    "hold",
    1,
    Schema(
        (
            s("case_id", max_length=64),
            s("citizen_id", max_length=64),
            s("reason", True, 500),
            s("by", True, 64),
            when("at", True),
            when("ended_at"),
            s("ended_by", max_length=64),
        )
    ),
)
# The council's retention schedule (one, ``retention:council``, in the catalogue; admins edit
# it): after how many months each class of record is disposed of, and how.
RETENTION_ID = "retention:council"
_RETENTION_RULE = Schema(
    (
        enum("record_class", vocab.RECORD_CLASSES, True),
        Field("months", "int", True),
        enum("action", vocab.ERASURE_MODES, True),
    )
)
RETENTION = DocType(
    "retention",
    "retention",
    1,
    Schema(
        (
            Field("rules", "objects", True, item=_RETENTION_RULE),
            when("updated_at", True),
            s("updated_by", True, 64),
        )
    ),
)
# The council's security settings (one, ``security:council``, in the catalogue; admins edit it):
# today the longest idle time before a window locks, which no laptop's own setting may exceed.
SECURITY_ID = "security:council"
SECURITY = DocType(
    "security",
    "security",
    1,
    Schema(
        (
            Field("lock_max_minutes", "int", True),
            when("updated_at", True),
            s("updated_by", True, 64),
        )
    ),
)
# One approved disposal (``disposal:<uuid>``), the disposal log: which class, which rule, how
# many records, how many skipped under legal hold, who approved it and when, and the erasures
# it asked for (ids). No personal data: held by every laptop, like the erasures.
DISPOSAL = DocType(
    "disposal",
    "disposal",
    1,
    Schema(
        (
            enum("record_class", vocab.RECORD_CLASSES, True),
            Field("months", "int", True),
            enum("action", vocab.ERASURE_MODES, True),
            Field("count", "int", True),
            Field("held", "int", True),
            s("approved_by", True, 64),
            when("approved_at", True),
            Field("erasures", "strings", True),
        )
    ),
)
_MERGE_EPISODE = Schema(
    (
        s("survivor_id", True, 64),
        when("at", True),
        s("by", True, 64),
        s("reason", True, 500),
        when("undone_at"),
        s("undone_by", max_length=64),
        s("undo_reason", max_length=500),
    )
)
MERGE = DocType(
    "merge",
    "merge",
    1,
    Schema(
        (
            s("merged_id", True, 64),
            s("survivor_id", True, 64),
            enum("state", vocab.MERGE_STATES, True),
            when("at", True),
            s("by", True, 64),
            s("reason", True, 500),
            when("undone_at"),
            s("undone_by", max_length=64),
            s("undo_reason", max_length=500),
            Field("history", "objects", item=_MERGE_EPISODE),
        )
    ),
)
"""A citizen merged into another (``merge:<key>`` for ``citizen:<key>``, the merged one: one
document per merged citizen, so two offline merges of the same person meet as one conflict and
the gateway finds whether a citizen is merged with one read). Neither citizen's own document
is rewritten: the merged citizen's contacts, cases and notes stay where they are and are shown
under the survivor. Undoing sets ``undone_*``; merging again moves the earlier episode to
``history``. Held by whoever holds either citizen (``channels.ROUTES``)."""

DISTINCT = DocType(
    "distinct",
    "distinct",
    1,
    Schema(
        (
            s("first_id", True, 64),
            s("second_id", True, 64),
            when("at", True),
            s("by", True, 64),
            s("reason", max_length=500),
        )
    ),
)
""""Not the same person": a reviewed pair of citizens (``distinct:<key>.<key>``, the two keys
in order), never offered as likely duplicates again, on any laptop."""

DOC_TYPES: dict[str, DocType] = {
    t.name: t
    for t in (
        CITIZEN,
        SERVICE,
        QUEUE,
        STAFF,
        CASE,
        CASE_EVENT,
        NOTE,
        INTERACTION,
        MENTION,
        AUDIT_EVENT,
        DIRECTORY,
        REPLY_TEMPLATE,
        MESSAGE,
        VERIFICATION,
        MENTION_REPLY,
        MARKER,
        CALENDAR,
        ESCALATION_RULE,
        ROUTING,
        ERASURE,
        LEGAL_HOLD,
        RETENTION,
        SECURITY,
        DISPOSAL,
        IDENTITY_LINK,
        MERGE,
        DISTINCT,
    )
}
