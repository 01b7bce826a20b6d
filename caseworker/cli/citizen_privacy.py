"""``caseworker citizen consent list|add|withdraw``, ``citizen verify`` and
``citizen assurance``: a citizen's consents and assurance checks, through the same services
(and rules) as the window. A refusal prints its reason and exits with an error."""

import argparse
from typing import Any

from caseworker import vocab
from caseworker.access import assurance as levels
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.services import assurance, consents
from caseworker.services.citizens import NewConsent, add_consent


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = consents.listed(session, args.citizen)
    if args.json:
        print_json([vars(c) for c in found])
        return 0
    if not found:
        print("no consents recorded")
        return 0
    table(
        [
            (
                c.id,
                c.purpose,
                c.lawful_basis,
                c.channel or ("share: " + c.partner if c.partner else "-"),
                c.valid_from[:10] + " to " + (c.valid_to[:10] if c.valid_to else "open"),
                "in force" if c.not_in_force is None else c.not_in_force,
            )
            for c in found
        ]
    )
    return 0


def _add(args: argparse.Namespace, ctx: Context) -> int:
    new = NewConsent(
        args.purpose,
        args.basis,
        args.source,
        channel=args.channel,
        partner=args.partner,
        valid_from=args.valid_from,
        valid_to=args.valid_to,
    )
    with ctx.store().write() as session:
        add_consent(session, acting(session, args), args.citizen, new)
    print(visible(f"{args.citizen}: consent recorded"))
    return 0


def _withdraw(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        consents.withdraw(session, acting(session, args), args.citizen, args.consent)
    print(visible(f"{args.citizen}: consent {args.consent} withdrawn"))
    return 0


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    new = assurance.NewCheck(args.method, args.identifier, args.detail)
    with ctx.store().write() as session:
        assurance.record_check(session, acting(session, args), args.citizen, new)
        level = assurance.assess(session, args.citizen).level.level
    print(visible(f"{args.citizen}: {args.method} recorded; now {levels.LEVEL_WORDS[level]}"))
    return 0


def _reached(r: levels.Reached) -> dict[str, Any]:
    return {"level": r.level, "method": r.method, "by": r.by, "at": r.at}


def _assurance(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = assurance.assess(session, args.citizen)
    needs = {
        action: levels.rank(found.level.level) >= levels.rank(level)
        for action, level in levels.REQUIRED.items()
    }
    if args.json:
        print_json(
            {
                "citizen": _reached(found.level),
                "identifiers": {k: _reached(v) for k, v in found.identifiers.items()},
                "allowed": needs,
            }
        )
        return 0
    r = found.level
    how = f" by {r.method}, {r.by or 'the council'}, {r.at}" if r.method else ""
    print(visible(f"{args.citizen}: {levels.LEVEL_WORDS[r.level]}{how}"))
    for ident, reached in sorted(found.identifiers.items()):
        print(visible(f"  identifier {ident}: {levels.LEVEL_WORDS[reached.level]}"))
    for action, ok in needs.items():
        print(f"  {levels.ACTION_WORDS[action]}: {'allowed' if ok else 'needs a check'}")
    return 0


def configure_consent_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)


def configure_consent_add(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--purpose", required=True, help="what for, in the citizen's words")
    p.add_argument("--basis", required=True, choices=vocab.LAWFUL_BASES, help="lawful basis")
    p.add_argument("--source", required=True, help="how it was given: a call, a form, a letter")
    p.add_argument("--channel", choices=vocab.CONSENT_CHANNELS, help="contact on this channel")
    p.add_argument("--partner", help="share with this partner organisation")
    p.add_argument("--valid-from", help="ISO time it starts (default: now; never earlier)")
    p.add_argument("--valid-to", help="ISO time it ends (default: open)")
    configure_acting(p)
    p.set_defaults(handler=_add)


def configure_consent_withdraw(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("consent", help="consent id (from `citizen consent list`)")
    configure_acting(p)
    p.set_defaults(handler=_withdraw)


def configure_verify(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--method", required=True, choices=vocab.CHECK_METHODS)
    p.add_argument("--identifier", help="code_sent, call_back: the identifier id it went through")
    p.add_argument(
        "--detail",
        help="document_seen: which document; knowledge_check: the facts asked, comma-separated "
        "(never the answers)",
    )
    configure_acting(p)
    p.set_defaults(handler=_verify)


def configure_assurance(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_assurance)
