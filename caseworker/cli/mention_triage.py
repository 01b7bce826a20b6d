"""``caseworker mention list|show|link|case|dismiss|reopen``: the mentions inbox from the command
line, through the same reads (``mentions.inbox``) and services (``services.mention_triage``) the
window uses, so what is refused there is refused here, in one line."""

import argparse
from typing import Any

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, print_record, table, when
from caseworker.display import visible
from caseworker.identity import english
from caseworker.mentions import inbox
from caseworker.models import Case
from caseworker.services import mention_triage

LIST_TEXT = 60  # characters of a post on one line of the list


def _list(args: argparse.Namespace, ctx: Context) -> int:
    state = None if args.state == "all" else args.state
    with ctx.store().read() as session:
        found = inbox.page(session, state, limit=args.limit, with_total=True)
    if args.json:
        print_json([_row(r) for r in found.rows])
        return 0
    if not found.rows:
        print(f"no mentions {'at all' if state is None else state}")
        return 0
    rows: list[tuple[str, ...]] = [
        (r.id, when(r.published_at), r.state, r.author_handle, _short(r)) for r in found.rows
    ]
    table(rows)
    if found.has_more:
        print(f"(the newest {len(found.rows)} of {found.total}; --limit N for more)")
    return 0


def _short(row: inbox.MentionRow) -> str:
    if row.deleted:
        return "(deleted at its source)"
    text = " ".join(row.text.split())
    return text if len(text) <= LIST_TEXT else text[: LIST_TEXT - 1] + "…"


def _row(r: inbox.MentionRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "published_at": r.published_at,
        "state": r.state,
        "author_handle": r.author_handle,
        "author_name": r.author_name,
        "text": r.text,
        "deleted": r.deleted,
    }


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = inbox.detail(session, args.mention)
    doc = found.doc
    record: dict[str, Any] = {
        "id": doc["_id"],
        "from": f"{doc.get('author_name') or ''} {doc.get('author_handle')}".strip(),
        "published": doc.get("published_at"),
        "state": doc.get("state"),
        "citizen": found.citizen_name or doc.get("citizen_id"),
        "case": found.case_reference or doc.get("case_id"),
        "triaged by": found.triaged_by_name or doc.get("triaged_by"),
        "address": doc.get("url"),
    }
    if doc.get("deleted_at"):
        record["deleted at its source"] = doc["deleted_at"]
    if found.citizen is not None:
        match = found.citizen.match
        reasons = "; ".join(english(r) for r in match.reasons)
        record["suggested citizen"] = (
            f"{found.citizen_name_suggested} ({match.right}), {match.probability:.0%}: {reasons}"
        )
    if found.service is not None:
        words = ", ".join(found.service.words)
        record["suggested service"] = f"{found.service.code} (words: {words})"
    elif found.services_alike:
        record["services alike"] = ", ".join(s.code for s in found.services_alike)
    if args.json:
        print_json({**record, "text": doc.get("content_text"), "attachments": _links(doc)})
        return 0
    print_record(record)
    print()
    print(visible(str(doc.get("content_text") or ""), keep_lines=True))
    for link in _links(doc):
        print(visible(f"attachment ({link['kind']}): {link['url']}"))
    return 0


def _links(doc: dict[str, Any]) -> list[dict[str, str]]:
    listed = doc.get("attachments")
    if not isinstance(listed, list):
        return []
    return [
        {"kind": str(a.get("kind")), "url": str(a.get("url"))}
        for a in listed
        if isinstance(a, dict) and isinstance(a.get("url"), str)
    ]


def _link(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        mention_triage.link(session, acting(session, args), args.mention, args.citizen)
    print(visible(f"{args.mention}: linked to {args.citizen}"))
    return 0


def _case(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        case_id, _ = mention_triage.open_case(
            session, acting(session, args), args.mention, args.service, priority=args.priority
        )
        reference = session.get_one(Case, case_id).reference
    print(visible(f"{args.mention}: case {reference} opened ({case_id})"))
    return 0


def _dismiss(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        mention_triage.dismiss(session, acting(session, args), args.mention)
    print(visible(f"{args.mention}: dismissed"))
    return 0


def _reopen(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        mention_triage.reopen(session, acting(session, args), args.mention)
    print(visible(f"{args.mention}: back to new"))
    return 0


def configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--state", choices=(*vocab.MENTION_STATES, "all"), default="new")
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)


def configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("mention", help="the mention's id (mention:...)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show)


def configure_link(p: argparse.ArgumentParser) -> None:
    p.add_argument("mention", help="the mention's id (mention:...)")
    p.add_argument("citizen", help="the citizen's id (citizen:...)")
    configure_acting(p)
    p.set_defaults(handler=_link)


def configure_case(p: argparse.ArgumentParser) -> None:
    p.add_argument("mention", help="the mention's id (mention:...)")
    p.add_argument("--service", required=True, help="the service's code, e.g. pothole")
    p.add_argument("--priority", choices=vocab.PRIORITIES, default="normal")
    configure_acting(p)
    p.set_defaults(handler=_case)


def configure_dismiss(p: argparse.ArgumentParser) -> None:
    p.add_argument("mention", help="the mention's id (mention:...)")
    configure_acting(p)
    p.set_defaults(handler=_dismiss)


def configure_reopen(p: argparse.ArgumentParser) -> None:
    p.add_argument("mention", help="the mention's id (mention:...)")
    configure_acting(p)
    p.set_defaults(handler=_reopen)
