"""The fixed vocabularies of the domain: channels, statuses, roles and the like.

Kept as plain tuples of strings because they travel in JSON documents; the UI translates them
for display.
"""

CHANNELS = ("phone", "email", "web_form", "app", "walk_in", "letter", "social")
DIRECTIONS = ("inbound", "outbound")
LANGUAGES = ("en", "cy")
MESSAGE_CHANNELS = ("email", "sms")  # how a reply goes out through GOV.UK Notify
# queued: written, not yet sent; sending: claimed by the central worker; sent: Notify has it;
# delivered / failed: what Notify said last.
MESSAGE_STATES = ("queued", "sending", "sent", "delivered", "failed")
MESSAGE_BODY_MAX = 5000  # characters of a rendered reply
# A verification code's request: asked for on a laptop, sent (or not) by the central Notify
# worker, then read back and checked on the laptop (too many wrong tries refuse it).
VERIFICATION_STATES = ("requested", "sending", "sent", "failed", "verified", "refused")
SMS_BODY_MAX = 918  # GOV.UK Notify refuses a longer text message (6 fragments)
# How a contact came to be linked to a citizen (identity_link documents).
LINK_METHODS = ("automatic", "person")
# A merge of one citizen into another: in force, or undone (caseworker.services.merges).
MERGE_STATES = ("merged", "undone")
IDENTIFIER_KINDS = ("phone", "email", "address", "social", "app_account")
VERIFICATION_METHODS = (
    "unverified",
    "sms_code",
    "email_link",
    "call_back",
    "document_seen",
    "in_person",
    "knowledge_check",
    "app_login",
    "council_record",
)
# How sure the council is that it deals with the person (caseworker.access.assurance), lowest first.
ASSURANCE_LEVELS = ("unverified", "contact_verified", "identity_verified")
# The checks a member of staff records on a citizen's record (``checks`` in the citizen document).
CHECK_METHODS = ("code_sent", "call_back", "document_seen", "knowledge_check", "in_person")
# Which document was seen for ``document_seen`` (its number is never written down).
DOCUMENTS_SEEN = (
    "passport",
    "driving_licence",
    "council_tax_bill",
    "benefit_letter",
    "utility_bill",
    "bank_statement",
    "tenancy_agreement",
)
# The channels a consent may name: how the council may contact the citizen.
CONSENT_CHANNELS = ("email", "sms", "phone", "post", "social")
LAWFUL_BASES = (
    "consent",
    "contract",
    "legal_obligation",
    "vital_interests",
    "public_task",
    "legitimate_interests",
)
CASE_STATUSES = (
    "new",
    "triaged",
    "assigned",
    "in_progress",
    "awaiting_citizen",
    "resolved",
    "closed",
    "reopened",
)
OPEN_STATUSES = frozenset(
    {"new", "triaged", "assigned", "in_progress", "awaiting_citizen", "reopened"}
)
PRIORITIES = ("low", "normal", "high", "urgent")
ROLES = ("agent", "field_officer", "supervisor", "admin")
# How the central worker hands out a queue's unassigned open cases.
AUTO_ASSIGN_MODES = ("off", "round_robin", "least_loaded")
CASE_EVENT_KINDS = (
    "created",
    "status_changed",
    "assigned",
    "priority_changed",
    "queue_changed",
    "conflict_resolved",
    "citizen_linked",
    # The case's clock: a subject access request extended (the reason in the comment), a
    # complaint moved to its next stage (old and new stage numbers).
    "clock_extended",
    "clock_stage",
    # Written by the council's central worker alone, once per case (caseworker.escalation):
    "breach_response",  # the first response was not made by the case's response due time
    "breach_resolve",  # the case was not resolved by its due time
    "escalated",  # an escalation rule fired: supervisors told, priority raised or queue moved
)
CLOCK_KINDS = ("standard", "subject_access", "foi", "complaint")  # a service's clock
NATIONS = ("england-and-wales", "scotland", "northern-ireland")  # GOV.UK's bank holiday divisions
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The case events no member of staff may write: only the central worker records them.
CENTRAL_EVENT_KINDS = frozenset({"breach_response", "breach_resolve", "escalated"})
# What an escalation rule watches: the first response's due time or the resolution's.
ESCALATION_TARGETS = ("response", "resolve")
ESCALATION_ACTIONS = ("notify", "raise_priority", "move_queue")
# A mention's triage state (docs/mentions.md; stable names, other parts of the project use them):
# new, linked to a citizen, turned into a case, answered (a public reply posted), dismissed as
# not actionable. "case_opened" keeps the name earlier stores and central databases hold.
MENTION_STATES = ("new", "linked", "case_opened", "answered", "dismissed")
# Who may see a post on its network (ActivityStreams addressing as Mastodon names it).
MENTION_VISIBILITIES = ("public", "unlisted", "private", "direct")
# What a post's attachment is (Mastodon's media types): kept as a link, never fetched.
ATTACHMENT_KINDS = ("image", "gifv", "video", "audio", "unknown")
MENTION_TEXT_MAX = 5000  # characters of a mention's plain text kept (longer: cut, with "…")
MENTION_HTML_MAX = 20_000  # characters of its sanitised HTML kept
# Warning markers on a citizen: what an agent or officer must know before speaking or visiting.
MARKER_KINDS = ("vulnerability", "safeguarding", "accessibility", "officer_safety")
OFFICER_SAFETY = "officer_safety"  # the kind that also applies to an address
# The order markers are shown in: what changes how the contact is handled first.
MARKER_URGENCY = ("safeguarding", "officer_safety", "vulnerability", "accessibility")

# Erasure (issue 12): what happens to the citizen's record, on which ground of UK GDPR Article
# 17(1) (or the council's retention schedule, which is the storage-limitation principle), and
# why, as a category: an erasure record never holds words about the person.
ERASURE_MODES = ("erase", "anonymise")
ERASURE_BASES = (
    "no_longer_necessary",  # Art. 17(1)(a), and every retention disposal
    "consent_withdrawn",  # (b)
    "objection",  # (c)
    "unlawful_processing",  # (d)
    "legal_obligation",  # (e)
)
ERASURE_REASONS = ("citizen_request", "retention_schedule", "council_decision", "court_order")
ERASURE_STATES = ("requested", "done", "failed")
# Why the central worker did not carry out an erasure (``scope.Failure``): data, not words.
ERASURE_FAILURES = ("legal_hold", "no_purge")
# Retention (issue 12): the classes of record a schedule disposes of.
RECORD_CLASSES = ("closed_case", "contact_no_case", "dismissed_mention")
