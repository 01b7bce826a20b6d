"""``caseworker routing show|test`` and ``caseworker queue members|add-member|remove-member``:
the routing rules and the queues' members, through the same services as the window."""

import argparse
from typing import Any

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting, staff_member
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.routing import members, store


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        routing = store.load(session)
        usable = store.usable_queues(session)
    rules: list[dict[str, Any]] = [
        {**r, "position": n, "queue_usable": r.get("queue_id") in usable}
        for n, r in enumerate(routing.raw, start=1)
    ]
    if args.json:
        print_json({"rules": rules, "note": routing.note, "conflicted": routing.conflicted})
        return 0
    if routing.note:
        print(visible(routing.note + "; every case goes to its service's default queue"))
    if routing.conflicted:
        print("two edits of the routing rules conflict: resolve them in the window")
    if not rules:
        print("no routing rules: every case goes to its service's default queue")
    table(
        [
            (
                str(r["position"]),
                r["name"],
                r["queue_id"] + ("" if r["queue_usable"] else " (inactive: passed over)"),
                _criteria(r),
            )
            for r in rules
        ]
    )
    return 0


def _criteria(rule: dict[str, Any]) -> str:
    parts = [
        f"{label} {', '.join(rule[name])}"
        for name, label in (
            ("service_codes", "service"),
            ("areas", "area"),
            ("channels", "channel"),
        )
        if rule.get(name)
    ]
    return "; ".join(parts)


def _test(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        service = store.service_by_code(session, args.service)
        decision = store.decide_for(session, service, args.postcode, args.channel)
    found = {
        "queue_id": decision.queue_id,
        "rule_id": decision.rule_id,
        "by": decision.by,
        "passed_over": list(decision.passed_over),
        "note": decision.note,
    }
    if args.json:
        print_json(found)
        return 0
    print(visible(f"queue: {decision.queue_id or '(none)'}"))
    print(visible(f"by: {decision.by}"))
    for name in decision.passed_over:
        print(visible(f"passed over (its queue is not active): {name}"))
    if decision.note:
        print(visible(decision.note))
    return 0


def _members(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = [
            {"id": m.id, "name": m.name, "username": m.username, "role": m.role}
            for m in members.members(session, args.queue)
        ]
    if args.json:
        print_json(found)
    elif not found:
        print("no members")
    else:
        table([(m["id"], m["name"], m["role"]) for m in found])
    return 0


def _change_member(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        member = staff_member(session, args.staff)
        change = members.add_member if args.adding else members.remove_member
        done = change(session, actor, args.queue, member.id)
    verb = "added to" if args.adding else "removed from"
    said = f"{member.id} {verb} {args.queue}" if done.written else "no change"
    print(visible(said))
    return 0


def configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show)


def configure_test(p: argparse.ArgumentParser) -> None:
    p.add_argument("--service", required=True, help="service code, e.g. fly-tipping")
    p.add_argument("--postcode", help="the case's (or its citizen's) postcode")
    p.add_argument("--channel", required=True, choices=vocab.CHANNELS)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_test)


def configure_members(p: argparse.ArgumentParser) -> None:
    p.add_argument("queue", help="queue id, e.g. queue:waste")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_members)


def _configure_change(p: argparse.ArgumentParser, adding: bool) -> None:
    p.add_argument("queue", help="queue id, e.g. queue:waste")
    p.add_argument("staff", help="username or staff id")
    configure_acting(p)
    p.set_defaults(handler=_change_member, adding=adding)


def configure_add_member(p: argparse.ArgumentParser) -> None:
    _configure_change(p, True)


def configure_remove_member(p: argparse.ArgumentParser) -> None:
    _configure_change(p, False)
