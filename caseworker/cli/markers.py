"""``caseworker marker add|review|end|list``: warning markers on a citizen, through the same service
as the window."""

import argparse
from datetime import date
from typing import Any

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table, when
from caseworker.display import visible
from caseworker.models import Marker
from caseworker.services import markers


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {visible(text)}") from None


def _add(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        marker_id, _ = markers.add_marker(
            session,
            actor,
            args.citizen,
            kind=args.kind,
            reason=args.reason,
            review_on=args.review,
            address=args.address,
            postcode=args.postcode,
        )
    print(marker_id)
    return 0


def _review(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        current = session.get(Marker, args.marker)
        reason = args.reason if args.reason is not None else (current.reason if current else "")
        markers.review_marker(session, actor, args.marker, reason=reason, review_on=args.review)
    print(visible(f"{args.marker}: next review {args.review.isoformat()}"))
    return 0


def _end(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        markers.end_marker(session, acting(session, args), args.marker)
    print(visible(f"{args.marker}: ended"))
    return 0


def _record(m: Marker) -> dict[str, Any]:
    return {
        "id": m.id,
        "kind": m.kind,
        "reason": m.reason,
        "set_by": m.set_by,
        "set_at": m.set_at,
        "review_on": m.review_on,
        "address": m.address,
        "postcode": m.postcode,
        "ended_at": m.ended_at,
        "ended_by": m.ended_by,
    }


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = [_record(m) for m in markers.of_citizen(session, args.citizen, ended=args.ended)]
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no markers" if args.ended else "no live markers")
        return 0
    table(
        [
            (
                r["id"],
                r["kind"],
                r["reason"],
                r["set_by"],
                when(r["set_at"]),
                "review " + r["review_on"],
                f"{r['address']}, {r['postcode']}" if r["address"] else "",
                "ended " + when(r["ended_at"]) if r["ended_at"] else "",
            )
            for r in found
        ]
    )
    return 0


def configure_add(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--kind", required=True, choices=vocab.MARKER_KINDS)
    p.add_argument("--reason", required=True, help="why, in a line colleagues will read")
    p.add_argument("--review", required=True, type=_day, help="review date, YYYY-MM-DD")
    p.add_argument(
        "--address", help="officer safety: the address it applies to (default: the citizen's)"
    )
    p.add_argument("--postcode", help="officer safety: that address's postcode")
    configure_acting(p)
    p.set_defaults(handler=_add)


def configure_review(p: argparse.ArgumentParser) -> None:
    p.add_argument("marker", help="marker id")
    p.add_argument("--review", required=True, type=_day, help="next review date, YYYY-MM-DD")
    p.add_argument("--reason", help="the reason reworded (default: as it is)")
    configure_acting(p)
    p.set_defaults(handler=_review)


def configure_end(p: argparse.ArgumentParser) -> None:
    p.add_argument("marker", help="marker id")
    configure_acting(p)
    p.set_defaults(handler=_end)


def configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--ended", action="store_true", help="include ended markers")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)
