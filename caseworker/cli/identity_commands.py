"""``caseworker identity match|train``: who a contact may be, and relearning the weights."""

import argparse
import sys
from pathlib import Path
from typing import Any

from caseworker.cli.app import Context, positive_int
from caseworker.cli.output import print_json
from caseworker.display import visible
from caseworker.identity import Address, Match, describe, english, person
from caseworker.identity.model import save


def match_json(match: Match) -> dict[str, Any]:
    return {
        "citizen_id": match.right,
        "probability": round(match.probability, 6),
        "weight": round(match.weight, 3),
        "swapped_names": match.swapped_names,
        "reasons": [
            {
                "code": r.code,
                "left": r.left,
                "right": r.right,
                "weight": round(r.weight, 3),
                "holders": r.holders,
                "text": english(r),
            }
            for r in match.reasons
        ],
    }


def _match(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.identity.matcher import find_matches

    contact = person(
        "contact",
        given_name=args.given,
        family_name=args.family,
        date_of_birth=args.dob,
        addresses=[Address(args.address, args.postcode, args.uprn)],
        phones=args.phone,
        emails=args.email,
        handles=args.handle,
    )
    with ctx.store().read() as session:
        found = find_matches(session, contact, limit=args.limit)
    if args.json:
        print_json({"compared": found.compared, "matches": [match_json(m) for m in found.matches]})
        return 0
    if not found.matches:
        print("no citizen shares a name, birth date, address or contact with this")
    for m in found.matches:
        print(visible(f"{m.right}  {describe(m)}"))
    return 0


def _train(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.identity.train import train

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    with ctx.store().read() as session:
        model = train(session, u_pairs=args.pairs, seed=args.random_seed, progress=say)
    save(model, args.out)
    print(f"weights written to {args.out} (prior {model.prior:.3g})")
    return 0


def configure_match(p: argparse.ArgumentParser) -> None:
    p.add_argument("--given", help="given name")
    p.add_argument("--family", help="family name")
    p.add_argument("--dob", help="date of birth, YYYY-MM-DD")
    p.add_argument("--address", help="first line of the address")
    p.add_argument("--postcode")
    p.add_argument("--uprn")
    p.add_argument("--phone", action="append", default=[])
    p.add_argument("--email", action="append", default=[])
    p.add_argument("--handle", action="append", default=[], help="@user@host")
    p.add_argument("--limit", type=positive_int, default=5)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_match)


def configure_train(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        help="where to write the weights (the product ships caseworker/data/identity_model.json)",
    )
    p.add_argument("--pairs", type=positive_int, default=200_000, help="random pairs for u")
    p.add_argument("--random-seed", type=int, default=1)
    p.set_defaults(handler=_train)
