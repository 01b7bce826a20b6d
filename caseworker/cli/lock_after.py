"""``caseworker lock-after [MINUTES]``: show, or set, the idle minutes before the window locks.

A setting of this store (this laptop), 1 to 60 minutes, 10 unless set; the window reads it
when it opens.
"""

import argparse

from caseworker.cli.app import Context, UsageError
from caseworker.security.lock import (
    LONGEST_MINUTES,
    SHORTEST_MINUTES,
    lock_after_minutes,
    set_lock_after_minutes,
)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "minutes",
        nargs="?",
        type=int,
        help=f"set it ({SHORTEST_MINUTES} to {LONGEST_MINUTES}); without: show it",
    )
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    if args.minutes is not None:
        try:
            with store.write() as session:
                set_lock_after_minutes(session, args.minutes)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    with store.read() as session:
        minutes = lock_after_minutes(session)
    print(f"the window locks after {minutes} idle minutes")
    return 0
