"""``caseworker citizen identifier list|change|remove``: correct a citizen's contact details
through the same service (and rules) as the window. A change or removal needs the citizen
contact verified first (``citizen verify``); a refusal prints its reason and writes nothing."""

import argparse

from caseworker import vocab
from caseworker.access import assurance as levels
from caseworker.access.assurance import CENTRAL_METHODS
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.services import assurance, contact_details
from caseworker.services.consents import citizen_doc


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        doc = citizen_doc(session, args.citizen)
        found = assurance.assess(session, args.citizen)
    rows = [
        {
            "id": str(i["id"]),
            "kind": str(i["kind"]),
            "value": str(i["value"]),
            "postcode": i.get("postcode"),
            "label": i.get("label"),
            "verified_by": i.get("verified_by"),
            "level": found.identifiers[str(i["id"])].level
            if str(i["id"]) in found.identifiers
            else levels.UNVERIFIED,
        }
        for i in doc.get("identifiers") or ()
    ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("no identifiers recorded")
        return 0
    table(
        [
            (
                r["id"],
                r["kind"] + (f" ({r['label']})" if r["label"] else ""),
                r["value"] + (f", {r['postcode']}" if r["postcode"] else ""),
                levels.LEVEL_WORDS[str(r["level"])],
            )
            for r in rows
        ]
    )
    return 0


def _change(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        contact_details.change_identifier(
            session, acting(session, args), args.citizen, args.identifier, args.value,
            postcode=args.postcode, verified_by=args.verified_by,
        )  # fmt: skip
    print(visible(f"{args.citizen}: identifier {args.identifier} changed"))
    return 0


def _remove(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        reachable, _changes = contact_details.remove_identifier(
            session, acting(session, args), args.citizen, args.identifier
        )
    said = "" if reachable else "; no way to reach them is left on the record"
    print(visible(f"{args.citizen}: identifier {args.identifier} removed{said}"))
    return 0


def configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)


def configure_change(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("identifier", help="identifier id (from `citizen identifier list`)")
    p.add_argument("value", help="the corrected number, address or handle")
    p.add_argument("--postcode", help="an address's new postcode (default: the one it had)")
    p.add_argument(
        "--verified-by",
        default="unverified",
        choices=[m for m in vocab.VERIFICATION_METHODS if m not in CENTRAL_METHODS],
        help="how the new value was checked as it was given (default: unverified)",
    )
    configure_acting(p)
    p.set_defaults(handler=_change)


def configure_remove(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("identifier", help="identifier id (from `citizen identifier list`)")
    configure_acting(p)
    p.set_defaults(handler=_remove)
