"""``caseworker refused``: the changes the central service refused, and the ways out.

    caseworker refused [--json]                 list them
    caseworker refused keep ID                  keep a refused note (contact, history) as a draft
    caseworker refused discard ID               remove a refused note here, pushing nothing
    caseworker refused take-server ID           (needs sync) make the server's version ours
    caseworker refused reapply ID               (needs sync) re-apply what is still allowed

``take-server`` and ``reapply`` fetch the server's version, so they come from ``sync``
(``main.py`` adds them with ``setup``); the rest works on the store alone.
"""

import argparse
from collections.abc import Sequence
from dataclasses import asdict

from caseworker.cli.app import Command, Context, add_commands
from caseworker.cli.output import print_json, table
from caseworker.display import visible
from caseworker.services import refusals

ACTIONS = "keep, discard"
NETWORK = "take-server, reapply"


def setup(parser: argparse.ArgumentParser, network: Sequence[Command] = ()) -> None:
    """The ``refused`` command: the listing, plus ``keep``, ``discard`` and ``network``."""
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=_list)
    commands = [
        Command("keep", "keep a refused note, contact or history entry as a draft", _keep_setup),
        Command("discard", "remove a refused note here without pushing", _discard_setup),
        *network,
    ]
    add_commands(parser, commands, dest="action", required=False)


def configure(parser: argparse.ArgumentParser) -> None:
    """Without the central-service commands (the domain CLI alone)."""
    setup(parser)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = refusals.refused(session)
    if args.json:
        print_json([asdict(r) for r in found])
    elif not found:
        print("Nothing was refused by the central service.")
    else:
        rows: list[tuple[str, ...]] = [("ID", "TYPE", "WAYS OUT", "REFUSED BECAUSE")]
        for r in found:
            ways = (
                ("discard (kept as a draft)" if r.kept else ACTIONS) if r.append_only else NETWORK
            )
            rows.append((r.doc_id, r.doc_type or "-", ways, r.reason))
        table(rows)
    return 0


def _id_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="the refused record's id (see caseworker refused)")


def _keep_setup(p: argparse.ArgumentParser) -> None:
    _id_argument(p)
    p.set_defaults(handler=_keep)


def _discard_setup(p: argparse.ArgumentParser) -> None:
    _id_argument(p)
    p.set_defaults(handler=_discard)


def _keep(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        refusals.keep(session, args.id)
    print(f"{visible(args.id)}: kept here as a draft, shown as refused")
    return 0


def _discard(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        refusals.discard(session, args.id)
    print(f"{visible(args.id)}: removed from this laptop; nothing was sent")
    return 0
