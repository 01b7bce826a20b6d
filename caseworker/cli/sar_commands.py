"""``caseworker sar open`` and ``caseworker sar export``: a subject access request recorded
(its statutory clock starts) and answered from this laptop.

    caseworker sar open CITIZEN_ID --received DATE --channel CHANNEL [--as USER]
    caseworker sar export CITIZEN_ID --out DIR [--as USER]

``main.py`` passes the user the data folder syncs as (``synced_as``) to the export, so it can
say whether this laptop holds the whole council; this package never imports ``sync``.
"""

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.display import visible
from caseworker.sar import laptop, requests, write

SyncedAs = Callable[[Path], str | None]


def _no_sync(_data_dir: Path) -> str | None:
    return None


def citizen_arg(text: str) -> str:
    """``citizen:KEY``, or ``KEY`` alone made one."""
    return text if text.startswith("citizen:") else "citizen:" + text


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {visible(text)}") from None


def _open(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        actor = acting(session, args)
        found, _ = requests.open_request(session, actor, args.citizen, args.received, args.channel)
    said = "recorded" if found.created else "already recorded (open)"
    print(visible(f"{found.reference}: subject access request {said}, due {found.due_at}"))
    return 0


def configure_open(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", type=citizen_arg, help="the citizen's id (citizen:KEY or KEY)")
    p.add_argument("--received", type=_day, required=True, help="the day the request was received")
    p.add_argument("--channel", required=True, choices=vocab.CHANNELS, help="how it came in")
    configure_acting(p)
    p.set_defaults(handler=_open)


def export_setup(parser: argparse.ArgumentParser, synced_as: SyncedAs = _no_sync) -> None:
    parser.add_argument("citizen", type=citizen_arg, help="the citizen's id (citizen:KEY or KEY)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write it in")
    configure_acting(parser)

    def handler(args: argparse.Namespace, ctx: Context) -> int:
        with ctx.store().write() as session:
            actor = acting(session, args)
            export = laptop.laptop_export(session, actor, args.citizen, synced_as(ctx.data_dir))
            written = write.write(args.out, export)
            laptop.record_export(session, actor, export)
        for path in written:
            print(visible(str(path)))
        if not export.completeness.complete:
            print(
                "the access log and records this laptop does not hold are completed centrally "
                "(caseworker central sar export)",
                file=sys.stderr,
            )
        if not export.completeness.whole_store:
            print(
                f"this laptop holds only part of the record ({export.completeness.why}); "
                "what may be missing is listed in the export",
                file=sys.stderr,
            )
        return 0

    parser.set_defaults(handler=handler)


def configure_export(parser: argparse.ArgumentParser) -> None:
    """The command without the sync package (a store that never synced is whole)."""
    export_setup(parser)
