"""``caseworker escalation list|add|edit|disable|enable``: the council's escalation rules, through
the same service and rules as everything else (only supervisors and admins change them)."""

import argparse
from dataclasses import asdict

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.escalation import Rule
from caseworker.services import escalation_rules
from caseworker.services.escalation_rules import NewRule


def _when(rule: Rule) -> str:
    target = "first response" if rule.target == "response" else "resolution"
    if rule.hours_before:
        return f"{rule.hours_before} working hours before the {target} is due"
    return f"when the {target} is late"


def _what(rule: Rule) -> str:
    if rule.action == "move_queue":
        return f"move to {rule.to_queue_id}"
    return {"notify": "tell the queue's supervisors", "raise_priority": "raise the priority"}[
        rule.action
    ]


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        listed = escalation_rules.list_rules(session)
    if args.json:
        print_json(
            [
                {
                    "id": r.doc_id,
                    "name": r.name,
                    "name_cy": r.name_cy,
                    "active": r.active,
                    "problem": r.problem,
                    "rule": asdict(r.rule) if r.rule else None,
                }
                for r in listed
            ]
        )
        return 0
    if not listed:
        print("no escalation rules")
        return 0
    rows: list[tuple[str, ...]] = []
    for r in listed:
        if r.rule is None:
            rows.append((r.doc_id, r.name, "cannot be used", r.problem or ""))
            continue
        scope = " and ".join(x for x in (r.rule.service_code or "", r.rule.queue_id or "") if x)
        state = "" if r.active else " (off)"
        welsh = f" / {r.name_cy}" if r.name_cy else ""
        rows.append((r.doc_id, r.name + welsh + state, scope, f"{_when(r.rule)}: {_what(r.rule)}"))
    table(rows)
    return 0


def _add(args: argparse.Namespace, ctx: Context) -> int:
    new = NewRule(
        args.name,
        args.target,
        args.action,
        args.service,
        args.queue,
        args.hours_before,
        args.to_queue,
        args.name_cy,
    )
    with ctx.store().write() as session:
        rule_id, _ = escalation_rules.add_rule(session, acting(session, args), new)
    print(rule_id)
    return 0


def _edit(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        held = escalation_rules.read_rule(session, args.rule)
        was = held.values

        def kept(given: str | None, old: str | None) -> str | None:
            """An option not typed keeps what the rule says; typed empty ("") clears it."""
            return old if given is None else (given or None)

        new = NewRule(
            was.name if args.name is None else args.name,
            args.target or was.target,
            args.action or was.action,
            kept(args.service, was.service_code),
            kept(args.queue, was.queue_id),
            was.hours_before if args.hours_before is None else args.hours_before,
            kept(args.to_queue, was.to_queue_id),
            kept(args.name_cy, was.name_cy),
        )
        escalation_rules.update_rule(session, acting(session, args), args.rule, held.rev, new)
    print(visible(f"{args.rule}: changed"))
    return 0


def _switch(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        escalation_rules.set_active(session, acting(session, args), args.rule, args.on)
    print(visible(f"{args.rule}: {'on' if args.on else 'off'}"))
    return 0


def configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)


def configure_add(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="what the rule is for, as colleagues will read it")
    p.add_argument("--name-cy", help="the rule's name in Welsh, shown when the window is in Welsh")
    p.add_argument("--target", required=True, choices=vocab.ESCALATION_TARGETS)
    p.add_argument("--action", required=True, choices=vocab.ESCALATION_ACTIONS)
    p.add_argument("--service", help="the service code whose cases it watches")
    p.add_argument("--queue", help="the queue id whose cases it watches")
    p.add_argument(
        "--hours-before", type=int, default=0, help="working hours before the due time (0: at it)"
    )
    p.add_argument("--to-queue", help="move_queue: the queue id the cases move to")
    configure_acting(p)
    p.set_defaults(handler=_add)


def configure_edit(p: argparse.ArgumentParser) -> None:
    p.add_argument("rule", help="the rule's id (escalation:...)")
    p.add_argument("--name", help="its new name")
    p.add_argument("--name-cy", help='its Welsh name ("" removes it)')
    p.add_argument("--target", choices=vocab.ESCALATION_TARGETS)
    p.add_argument("--action", choices=vocab.ESCALATION_ACTIONS)
    p.add_argument("--service", help='the service code whose cases it watches ("" for any)')
    p.add_argument("--queue", help='the queue id whose cases it watches ("" for any)')
    p.add_argument("--hours-before", type=int, help="working hours before the due time (0: at it)")
    p.add_argument("--to-queue", help="move_queue: the queue id the cases move to")
    configure_acting(p)
    p.set_defaults(handler=_edit)


def _configure_switch(p: argparse.ArgumentParser, on: bool) -> None:
    p.add_argument("rule", help="the rule's id (escalation:...)")
    configure_acting(p)
    p.set_defaults(handler=_switch, on=on)


def configure_disable(p: argparse.ArgumentParser) -> None:
    _configure_switch(p, False)


def configure_enable(p: argparse.ArgumentParser) -> None:
    _configure_switch(p, True)
