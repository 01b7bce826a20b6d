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
SMS_BODY_MAX = 918  # GOV.UK Notify refuses a longer text message (6 fragments)
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
MENTION_STATES = ("new", "linked", "case_opened", "dismissed")
# Warning markers on a citizen: what an agent or officer must know before speaking or visiting.
MARKER_KINDS = ("vulnerability", "safeguarding", "accessibility", "officer_safety")
OFFICER_SAFETY = "officer_safety"  # the kind that also applies to an address
# The order markers are shown in: what changes how the contact is handled first.
MARKER_URGENCY = ("safeguarding", "officer_safety", "vulnerability", "accessibility")
