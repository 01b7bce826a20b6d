"""The headless CLI. ``main.py`` adds the window and central-service commands to these.

Every command's setup is named by ``"module:function"`` and imported only when the command runs,
so listing the commands (``caseworker --help``) stays cheap.
"""

from collections.abc import Sequence

from caseworker.cli.app import Command, CommandLine, Context, group

_CLI = "caseworker.cli."

CORE_COMMANDS: tuple[Command, ...] = (
    Command(
        "init",
        "create an empty store, encrypted at rest unless --unencrypted",
        _CLI + "store_commands:configure_init",
    ),
    Command(
        "status",
        "where the store is and whether it is encrypted at rest",
        _CLI + "store_status:configure",
    ),
    Command(
        "seed", "fill an empty store with a demo council", _CLI + "store_commands:configure_seed"
    ),
    Command(
        "lock-after",
        "show or set the idle minutes before the window locks (1 to 60, at most the council's)",
        _CLI + "lock_after:configure",
    ),
    Command(
        "search",
        "find citizens and cases as you would type",
        _CLI + "search_command:configure_search",
    ),
    Command(
        "show",
        "show one citizen or case",
        group(
            (
                Command("citizen", "a citizen's single view", _CLI + "records:configure_citizen"),
                Command("case", "a case, by id or reference", _CLI + "records:configure_case"),
            ),
            dest="record",
        ),
    ),
    Command(
        "citizen",
        "a citizen's identifiers, consents, checks, erasure and merges",
        group(
            (
                Command(
                    "consent",
                    "list, record or withdraw a citizen's consents",
                    group(
                        (
                            Command(
                                "list",
                                "the citizen's consents and whether each is in force",
                                _CLI + "citizen_privacy:configure_consent_list",
                            ),
                            Command(
                                "add",
                                "record a consent (purpose, basis, channel or partner)",
                                _CLI + "citizen_privacy:configure_consent_add",
                            ),
                            Command(
                                "withdraw",
                                "withdraw a consent, now, in your name",
                                _CLI + "citizen_privacy:configure_consent_withdraw",
                            ),
                        ),
                        dest="consent_action",
                    ),
                ),
                Command(
                    "identifier",
                    "list, change or remove a citizen's phones, emails, addresses and handles",
                    group(
                        (
                            Command(
                                "list",
                                "the citizen's identifiers, with their ids and how verified",
                                _CLI + "contact_commands:configure_list",
                            ),
                            Command(
                                "change",
                                "correct an identifier's value (needs them contact verified)",
                                _CLI + "contact_commands:configure_change",
                            ),
                            Command(
                                "remove",
                                "take an identifier off the record (needs them contact verified)",
                                _CLI + "contact_commands:configure_remove",
                            ),
                        ),
                        dest="identifier_action",
                    ),
                ),
                Command(
                    "verify",
                    "record a check made with the citizen (code, call back, document, questions)",
                    _CLI + "citizen_privacy:configure_verify",
                ),
                Command(
                    "assurance",
                    "the citizen's assurance level, how it was reached, and what it allows",
                    _CLI + "citizen_privacy:configure_assurance",
                ),
                Command(
                    "erase",
                    "erase (or --anonymise) a citizen everywhere (supervisors and admins)",
                    _CLI + "erasure_commands:configure_erase",
                ),
                Command(
                    "merge",
                    "merge OTHER into SURVIVOR (supervisors)",
                    _CLI + "duplicates:configure_merge",
                ),
                Command(
                    "unmerge", "undo a merge (supervisors)", _CLI + "duplicates:configure_unmerge"
                ),
                Command(
                    "not-same",
                    "record that two citizens are different people (supervisors)",
                    _CLI + "duplicates:configure_not_same",
                ),
            ),
            dest="citizen_action",
        ),
    ),
    Command(
        "case",
        "work a case",
        group(
            (
                Command(
                    "update",
                    "change a case's status, assignee and/or priority",
                    _CLI + "edit:configure_update",
                ),
                Command(
                    "resolve",
                    "resolve a case with an outcome (--outcome) and a comment",
                    _CLI + "edit:configure_resolve",
                ),
                Command(
                    "close",
                    "close a case with an outcome (--outcome) and a comment",
                    _CLI + "edit:configure_close",
                ),
                Command(
                    "reopen",
                    "reopen a case, saying why (--comment)",
                    _CLI + "edit:configure_reopen",
                ),
                Command(
                    "extend",
                    "extend a subject access request to three months, saying why (--reason)",
                    _CLI + "clock_commands:configure_extend",
                ),
                Command(
                    "next-stage",
                    "move a complaint to its next stage: its clock starts again",
                    _CLI + "clock_commands:configure_next_stage",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "assign",
        "assign many cases at once: --to USER, or --spread USER,USER (supervisors)",
        _CLI + "assign_command:configure_assign",
    ),
    Command(
        "staff",
        "staff members",
        group(
            (
                Command(
                    "availability",
                    "an officer's cap and leave (supervisors)",
                    _CLI + "staff_command:configure_availability",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "note",
        "notes on cases",
        group(
            (Command("add", "add a note to a case", _CLI + "edit:configure_note_add"),),
            dest="action",
        ),
    ),
    Command(
        "mention",
        "social-media mentions: the inbox (list, show, triage), and public replies drafted here",
        group(
            (
                Command(
                    "reply",
                    "queue a public reply to a mention (offline too)",
                    _CLI + "mention_replies:configure_reply",
                ),
                Command(
                    "cancel-reply",
                    "withdraw a public reply not yet posted",
                    _CLI + "mention_replies:configure_cancel",
                ),
                Command(
                    "replies",
                    "a case's public replies and where each is (posted: its address)",
                    _CLI + "mention_replies:configure_list",
                ),
                Command(
                    "list",
                    "the mentions inbox, newest first (--state new by default)",
                    _CLI + "mention_triage:configure_list",
                ),
                Command(
                    "show",
                    "one mention: its words, attachments as links, suggested citizen and service",
                    _CLI + "mention_triage:configure_show",
                ),
                Command(
                    "link",
                    "link a mention to a citizen (the match's reasons are kept)",
                    _CLI + "mention_triage:configure_link",
                ),
                Command(
                    "case",
                    "open a case from a mention, in its service's queue",
                    _CLI + "mention_triage:configure_case",
                ),
                Command(
                    "dismiss",
                    "dismiss a mention as not actionable",
                    _CLI + "mention_triage:configure_dismiss",
                ),
                Command(
                    "reopen", "put a mention back to new", _CLI + "mention_triage:configure_reopen"
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "sar",
        "subject access requests: record one (its clock starts), export what is held",
        group(
            (
                Command(
                    "open",
                    "record a subject access request: its one-month clock starts",
                    _CLI + "sar_commands:configure_open",
                ),
                Command(
                    "export",
                    "everything held about a citizen, redacted, as JSON and a bilingual report",
                    _CLI + "sar_commands:configure_export",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "retention",
        "the council's retention schedule and disposals",
        group(
            (
                Command(
                    "show",
                    "the schedule, class by class",
                    _CLI + "retention_commands:configure_show",
                ),
                Command(
                    "set",
                    "set one class's rule (admins)",
                    _CLI + "retention_commands:configure_set",
                ),
                Command(
                    "review",
                    "what is due for disposal, with counts by class and records held",
                    _CLI + "retention_commands:configure_review",
                ),
                Command(
                    "approve",
                    "dispose of a class's records that are due (supervisors)",
                    _CLI + "retention_commands:configure_approve",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "hold",
        "legal holds: records no disposal or erasure takes",
        group(
            (
                Command(
                    "add",
                    "hold a case or a citizen",
                    _CLI + "retention_commands:configure_hold_add",
                ),
                Command("end", "end a legal hold", _CLI + "retention_commands:configure_hold_end"),
            ),
            dest="action",
        ),
    ),
    Command(
        "marker",
        "warning markers on a citizen",
        group(
            (
                Command("add", "set a warning marker on a citizen", _CLI + "markers:configure_add"),
                Command(
                    "review",
                    "a warning marker still needed: its next review date (and reason)",
                    _CLI + "markers:configure_review",
                ),
                Command("end", "end a warning marker", _CLI + "markers:configure_end"),
                Command("list", "a citizen's warning markers", _CLI + "markers:configure_list"),
            ),
            dest="action",
        ),
    ),
    Command(
        "duplicates",
        "likely duplicate citizens",
        group(
            (
                Command(
                    "scan",
                    "find likely duplicates across the whole store",
                    _CLI + "duplicates:configure_scan",
                ),
                Command(
                    "list", "the likely duplicates to review", _CLI + "duplicates:configure_list"
                ),
                Command("show", "two citizens side by side", _CLI + "duplicates:configure_show"),
            ),
            dest="action",
        ),
    ),
    Command(
        "calendar",
        "the council's calendar every due time is counted on: hours, nation, closure days",
        group(
            (
                Command("show", "the calendar", _CLI + "calendar_commands:configure_show"),
                Command("close", "a closure day", _CLI + "calendar_commands:configure_close"),
                Command(
                    "reopen",
                    "a closure day taken back",
                    _CLI + "calendar_commands:configure_reopen",
                ),
                Command(
                    "nation",
                    "whose bank holidays it keeps",
                    _CLI + "calendar_commands:configure_nation",
                ),
                Command(
                    "hours",
                    "a weekday's working hours",
                    _CLI + "calendar_commands:configure_hours",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "escalation",
        "the council's escalation rules: what happens when a case is late, or nearly",
        group(
            (
                Command(
                    "list", "every escalation rule", _CLI + "escalation_commands:configure_list"
                ),
                Command(
                    "add",
                    "a new rule (supervisors and admins)",
                    _CLI + "escalation_commands:configure_add",
                ),
                Command(
                    "edit",
                    "change a rule, keeping its id (supervisors and admins)",
                    _CLI + "escalation_commands:configure_edit",
                ),
                Command(
                    "disable",
                    "turn a rule off (it stays, to explain what it did)",
                    _CLI + "escalation_commands:configure_disable",
                ),
                Command(
                    "enable", "turn a rule on again", _CLI + "escalation_commands:configure_enable"
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "routing",
        "the rules that put a new case in a queue",
        group(
            (
                Command(
                    "show", "the routing rules, in order", _CLI + "routing_commands:configure_show"
                ),
                Command(
                    "test",
                    "which queue a case would go to, and by which rule",
                    _CLI + "routing_commands:configure_test",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "queue",
        "a queue's members",
        group(
            (
                Command(
                    "members", "who works a queue", _CLI + "routing_commands:configure_members"
                ),
                Command(
                    "add-member",
                    "add a member of staff to a queue",
                    _CLI + "routing_commands:configure_add_member",
                ),
                Command(
                    "remove-member",
                    "take a member of staff off a queue",
                    _CLI + "routing_commands:configure_remove_member",
                ),
            ),
            dest="action",
        ),
    ),
    Command(
        "export",
        "export every document, one JSON a line",
        _CLI + "store_commands:configure_export",
    ),
    Command(
        "publish-kpis",
        "publish each service's monthly performance as open data (CSV, JSON, a web page)",
        _CLI + "publish_kpis:configure",
    ),
    Command(
        "problems",
        "list records the store keeps but cannot use, and why",
        _CLI + "problems:configure_problems",
    ),
    Command(
        "identity",
        "who a contact may be: matches with reasons, and relearning the weights",
        group(
            (
                Command(
                    "match",
                    "the citizens a contact may be, with reasons",
                    _CLI + "identity_commands:configure_match",
                ),
                Command(
                    "train",
                    "learn the matcher's weights from this store's citizens",
                    _CLI + "identity_commands:configure_train",
                ),
            ),
            dest="action",
        ),
    ),
)

CORE_BENCHES: tuple[Command, ...] = (
    Command("seed", "documents per second while seeding", _CLI + "bench:configure_seed"),
    Command(
        "search",
        "as-you-type search latency on a seeded store",
        _CLI + "bench_search:configure_search",
    ),
    Command(
        "clocks",
        "due times of 100,000 open cases recomputed",
        _CLI + "bench_clocks:configure",
    ),
    Command("board", "the supervisor's board figures", _CLI + "bench_board:configure_board"),
    Command(
        "routing",
        "routing a new case: the demo rules and 10,000 rules",
        _CLI + "bench_routing:configure_routing",
    ),
    Command(
        "match",
        "identity matching on a seeded store: speed, precision and recall",
        _CLI + "bench_match:configure_match",
    ),
    Command(
        "dedupe",
        "the full duplicate scan: time and peak memory",
        _CLI + "bench_dedupe:configure_dedupe",
    ),
)


def command_line() -> CommandLine:
    """The core commands; add more with ``add`` and ``add_bench`` before ``run``."""
    return CommandLine(CORE_COMMANDS, CORE_BENCHES)


def main(argv: Sequence[str] | None = None) -> int:
    """The domain CLI alone (no window, no sync, plain stores only): for scripts and tests."""
    return command_line().run(argv)


__all__ = ["CORE_BENCHES", "CORE_COMMANDS", "Command", "CommandLine", "Context", "main"]
