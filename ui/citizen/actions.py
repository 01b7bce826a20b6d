"""The citizen record's actions: each one's method on ``CitizenView``, its words, keys and what
it does. The view makes its buttons from these; the window's F1 list reads them without
loading the view."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# The record's quick actions (the method, its words, keys and what it does): buttons here, and
# listed by the window's Citizen menu and its keyboard shortcuts (F1).
QUICK_ACTIONS: tuple[tuple[str, object, str, object], ...] = (
    (
        "log_contact",
        QT_TRANSLATE_NOOP("CitizenView", "Log a contact"),
        "Ctrl+L",
        QT_TRANSLATE_NOOP("CitizenView", "Record a call, visit or message."),
    ),
    (
        "open_case",
        QT_TRANSLATE_NOOP("CitizenView", "Open a case"),
        "Ctrl+N",
        QT_TRANSLATE_NOOP("CitizenView", "Open a new case for this citizen."),
    ),
    (
        "add_identifier",
        QT_TRANSLATE_NOOP("CitizenView", "Add an identifier"),
        "Ctrl+I",
        QT_TRANSLATE_NOOP("CitizenView", "Add a phone, email, address or handle."),
    ),
    (
        "start_note",
        QT_TRANSLATE_NOOP("CitizenView", "Start a note"),
        "Ctrl+M",  # Ctrl+Shift+N is the window's "New citizen"
        QT_TRANSLATE_NOOP("CitizenView", "Write an internal note."),
    ),
    (
        "set_marker",
        QT_TRANSLATE_NOOP("CitizenView", "Set a warning"),
        "Ctrl+Shift+M",
        QT_TRANSLATE_NOOP(
            "CitizenView", "Warn colleagues: vulnerability, safeguarding, access, officer safety."
        ),
    ),
    (
        "resolve_conflict",
        QT_TRANSLATE_NOOP("CitizenView", "Resolve conflict"),
        "Ctrl+Shift+R",
        QT_TRANSLATE_NOOP("CitizenView", "Resolve conflicting changes."),
    ),
    (
        "review_duplicates",
        QT_TRANSLATE_NOOP("CitizenView", "Possible duplicates"),
        "Ctrl+Shift+D",
        QT_TRANSLATE_NOOP(
            "CitizenView", "Compare with records that may be the same person (supervisors)."
        ),
    ),
    (
        "undo_merge",
        QT_TRANSLATE_NOOP("CitizenView", "Undo merge"),
        "Ctrl+Shift+U",
        QT_TRANSLATE_NOOP(
            "CitizenView", "Separate a record merged into this one again (supervisors)."
        ),
    ),
)
# A supervisor's (and an admin's) action on a record, beside its header (F1 lists it for them).
ERASE_KEYS = "Ctrl+Shift+Del"  # Ctrl+Shift+E is the subject access export
SUPERVISOR_ACTIONS: tuple[tuple[str, object, str, object], ...] = (
    (
        "export_subject_access",
        QT_TRANSLATE_NOOP("CitizenView", "Subject access export"),
        "Ctrl+Shift+E",
        QT_TRANSLATE_NOOP(
            "CitizenView", "Write everything held about this person, redacted, to a folder."
        ),
    ),
    (
        "erase",
        QT_TRANSLATE_NOOP("CitizenView", "Erase…"),
        ERASE_KEYS,
        QT_TRANSLATE_NOOP(
            "CitizenView", "Erase or anonymise this citizen everywhere (asks first)."
        ),
    ),
)
# The record's privacy actions: their buttons sit on the Identifiers and Consents tabs.
PRIVACY_ACTIONS: tuple[tuple[str, object, str, object], ...] = (
    (
        "check_identity",
        QT_TRANSLATE_NOOP("CitizenView", "Check identity"),
        "Ctrl+Shift+I",
        QT_TRANSLATE_NOOP("CitizenView", "Record how you checked who you are dealing with."),
    ),
    (
        "record_consent",
        QT_TRANSLATE_NOOP("CitizenView", "Add consent"),
        "Ctrl+Shift+K",
        QT_TRANSLATE_NOOP("CitizenView", "Record what the citizen agreed to."),
    ),
    (
        "withdraw_consent",
        QT_TRANSLATE_NOOP("CitizenView", "Withdraw"),
        "Ctrl+Shift+W",  # Ctrl+Shift+D: possible duplicates
        QT_TRANSLATE_NOOP("CitizenView", "End a consent the citizen withdraws."),
    ),
    (
        "share_with_partner",
        QT_TRANSLATE_NOOP("CitizenView", "Share"),
        "Ctrl+Shift+H",
        QT_TRANSLATE_NOOP("CitizenView", "Share with a partner the citizen agreed to."),
    ),
)
# Correcting the selected identifier: their buttons sit on the Identifiers tab.
CONTACT_ACTIONS: tuple[tuple[str, object, str, object], ...] = (
    (
        "change_identifier",
        QT_TRANSLATE_NOOP("CitizenView", "Change"),
        "Ctrl+Shift+G",  # Ctrl+Shift+M: set a warning
        QT_TRANSLATE_NOOP("CitizenView", "Correct the selected phone, email, address or handle."),
    ),
    (
        "remove_identifier",
        QT_TRANSLATE_NOOP("CitizenView", "Remove"),
        "Ctrl+Shift+X",  # Ctrl+Shift+R: resolve a conflict
        QT_TRANSLATE_NOOP("CitizenView", "Take the selected identifier off the record (asks)."),
    ),
)
# Actions reached by their keys and the Citizen menu, without a button in the row (the
# conflict badge is that one's button; the row must fit 1280 pixels in Welsh).
KEYS_ONLY = frozenset({"resolve_conflict", "review_duplicates", "undo_merge"})
# Keys that work in a citizen's record besides its quick actions (for F1).
MORE_KEYS: tuple[tuple[object, str], ...] = (
    (QT_TRANSLATE_NOOP("CitizenView", "Save the quick note or contact"), "Ctrl+Enter"),
)
