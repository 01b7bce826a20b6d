"""``caseworker citizen erase CITIZEN_ID --reason REASON --basis BASIS [--anonymise]``: ask for a
citizen's record to be erased (or anonymised), through the same service as the window.

This laptop purges what it holds of the person at once and vacuums its store; the central
service purges the central database when the request reaches it, and every other laptop when
it next syncs. What is printed names ids and counts only.
"""

import argparse
from collections import Counter

from caseworker import vocab
from caseworker.cli.app import Context
from caseworker.cli.edit import acting, configure_acting
from caseworker.display import visible
from caseworker.erasure import local as erasure_local
from caseworker.services import erasure


def _erase(args: argparse.Namespace, ctx: Context) -> int:
    store = ctx.store()
    mode = "anonymise" if args.anonymise else "erase"
    with store.write() as session:
        actor = acting(session, args)
        erasure_id, changes = erasure.request_erasure(
            session, actor, args.citizen, mode=mode, basis=args.basis, reason=args.reason
        )
    erasure_local.clean(store)
    gone = Counter(w.doc_type or "record" for w in changes.written if w.purged)
    counts = ", ".join(f"{n} {kind}" for kind, n in sorted(gone.items())) or "nothing"
    print(erasure_id)
    print(visible(f"purged on this laptop: {counts}"))
    print("the central service completes it when this laptop next syncs")
    return 0


def configure_erase(p: argparse.ArgumentParser) -> None:
    p.add_argument("citizen", help="citizen id")
    p.add_argument(
        "--reason", required=True, choices=vocab.ERASURE_REASONS, help="why, as a category"
    )
    p.add_argument(
        "--basis", required=True, choices=vocab.ERASURE_BASES, help="the ground in UK GDPR Art. 17"
    )
    p.add_argument(
        "--anonymise",
        action="store_true",
        help="keep the record for statistics, with every personal detail removed",
    )
    configure_acting(p)
    p.set_defaults(handler=_erase)
