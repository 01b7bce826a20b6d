"""``caseworker lock-after [MINUTES]``: show, or set, the idle minutes before the window locks;
``--council-max MINUTES``: an admin sets the council's longest for every laptop.

A setting of this store (this laptop), 1 to 60 minutes, 10 unless set, and never more than the
council's longest (``security:council``, synced to every laptop); the window reads it when it
opens and again when the council's setting arrives.
"""

import argparse

from caseworker.cli.app import Context, UsageError
from caseworker.cli.arguments import bounded_int
from caseworker.cli.edit import acting, configure_acting
from caseworker.security.lock import (
    LONGEST_MINUTES,
    SHORTEST_MINUTES,
    council_max_minutes,
    lock_after_minutes,
    set_lock_after_minutes,
)
from caseworker.services.security_settings import set_lock_max


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "minutes",
        nargs="?",
        type=int,
        help=f"set it ({SHORTEST_MINUTES} to {LONGEST_MINUTES}); without: show it",
    )
    parser.add_argument(
        "--council-max",
        type=bounded_int(SHORTEST_MINUTES, LONGEST_MINUTES),
        metavar="MINUTES",
        help="admins: the longest any window of the council may stay idle before it locks "
        f"({SHORTEST_MINUTES} to {LONGEST_MINUTES}; synced to every laptop)",
    )
    configure_acting(parser)
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    if args.council_max is not None or args.minutes is not None:
        # One transaction: a refused half writes nothing of the other.
        with store.write() as session:
            if args.council_max is not None:
                set_lock_max(session, acting(session, args), args.council_max)
            if args.minutes is not None:
                try:
                    set_lock_after_minutes(session, args.minutes)
                except ValueError as exc:
                    raise UsageError(str(exc)) from None
    with store.read() as session:
        minutes = lock_after_minutes(session)
        longest = council_max_minutes(session)
    limit = f" (the council allows at most {longest})" if longest is not None else ""
    print(f"the window locks after {minutes} idle minutes{limit}")
    return 0
