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
        "create an empty store (--encrypted: its key in the OS keyring)",
        _CLI + "store_commands:configure_init",
    ),
    Command(
        "seed", "fill an empty store with a demo council", _CLI + "store_commands:configure_seed"
    ),
    Command(
        "lock-after",
        "show or set the idle minutes before the window locks (1 to 60)",
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
)


def command_line() -> CommandLine:
    """The core commands; add more with ``add`` and ``add_bench`` before ``run``."""
    return CommandLine(CORE_COMMANDS, CORE_BENCHES)


def main(argv: Sequence[str] | None = None) -> int:
    """The domain CLI alone (no window, no sync, plain stores only): for scripts and tests."""
    return command_line().run(argv)


__all__ = ["CORE_BENCHES", "CORE_COMMANDS", "Command", "CommandLine", "Context", "main"]
