"""Commands on the store as a whole: ``init``, ``seed`` and ``export``."""

import argparse
import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from sqlalchemy import exists, or_, select

from caseworker.cli.app import Context, positive_int
from caseworker.errors import StoreError
from caseworker.models import LeafBody, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.security.policy import encrypt_new
from caseworker.store.store import STORE_FILENAME

EXPORT_BATCH = 2000


def _init(args: argparse.Namespace, ctx: Context) -> int:
    if (ctx.data_dir / STORE_FILENAME).exists():
        raise StoreError(f"{ctx.data_dir / STORE_FILENAME} already exists")
    encrypted = encrypt_new(unencrypted=args.unencrypted, encrypted=args.encrypted)
    store = ctx.store(create=True, encrypted=encrypted)
    kind = made(store.encrypted, getattr(args, "passphrase_stdin", False))
    print(f"created {kind} at {store.path}")
    return 0


def _seed(args: argparse.Namespace, ctx: Context) -> int:
    """Seed the store in the data folder if it is empty (an encrypted one keeps its key), or a
    new plain store there; the store appears only once it is complete."""
    from caseworker.seed import seed_new, seed_store

    shown = 0.0

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal shown
        if time.monotonic() - shown > 0.2 or done == total:
            shown = time.monotonic()
            print(f"\rseeding {stage}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    path = ctx.data_dir / STORE_FILENAME
    if path.exists():
        report = seed_store(
            ctx.store(), citizens=args.citizens, random_seed=args.seed, progress=progress
        )
    else:
        report = seed_new(path, citizens=args.citizens, random_seed=args.seed, progress=progress)
    print(file=sys.stderr)
    if report.redone:
        print("removed what an interrupted seed had left, and seeded afresh", file=sys.stderr)
    print(
        f"seeded {report.citizens:,} citizens, {report.cases:,} cases, {report.documents:,} "
        f"documents in {report.seconds:.1f} s ({report.docs_per_second:,.0f} documents/s)"
    )
    return 0


def export_couchdb(ctx: Context, out: IO[str]) -> int:
    """Every document's winning revision, deleted ones as tombstones, in local sequence order,
    one JSON a line, with ``_conflicts`` / ``_deleted_conflicts`` where a document has more than
    one leaf. Rows are streamed in batches, so memory stays flat whatever the store's size."""
    several_leaves = or_(
        StoredDocument.conflicted, exists().where(LeafBody.doc_id == StoredDocument.id)
    )
    query = select(
        StoredDocument.id,
        StoredDocument.rev,
        StoredDocument.deleted,
        StoredDocument.body,
        several_leaves,
        StoredDocument.rev_tree,
    ).order_by(StoredDocument.seq)
    count = 0
    with ctx.store().read() as session:
        rows = session.execute(query.execution_options(yield_per=EXPORT_BATCH))
        for doc_id, rev, deleted, body, branched, tree_json in rows:
            doc = json.loads(body)
            doc["_id"], doc["_rev"] = doc_id, rev
            if deleted:
                doc["_deleted"] = True
            if branched:
                tree = revtree.tree_from_json(json.loads(tree_json))
                if conflicts := revtree.conflicts(tree):
                    doc["_conflicts"] = conflicts
                if deleted_conflicts := revtree.deleted_conflicts(tree):
                    doc["_deleted_conflicts"] = deleted_conflicts
            out.write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    return count


def _export(args: argparse.Namespace, ctx: Context) -> int:
    ctx.store()  # a missing or unreadable store fails before the output file is made
    target = args.output.open("w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with target as out:
        count = export_couchdb(ctx, out)
    if args.output:
        print(f"exported {count:,} documents to {args.output}", file=sys.stderr)
    return 0


def made(encrypted: bool, with_passphrase: bool) -> str:
    """What kind of store was just made, in words."""
    if not encrypted:
        return "a plain store (not encrypted: anyone with the disk can read it)"
    if with_passphrase:
        return "an encrypted store (it opens with its passphrase)"
    return "an encrypted store (its key in the OS keyring)"


def configure_init(p: argparse.ArgumentParser) -> None:
    kind = p.add_mutually_exclusive_group()
    kind.add_argument(
        "--encrypted",
        action="store_true",
        help="encrypt at rest whatever the machine's policy says (the key in the OS keyring, "
        "or --passphrase-stdin)",
    )
    kind.add_argument(
        "--unencrypted",
        action="store_true",
        help="a plain store, not encrypted at rest (new stores are encrypted unless the "
        "machine's policy says otherwise)",
    )
    p.set_defaults(handler=_init)


def configure_seed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=20_000)
    p.add_argument("--seed", type=int, default=2026, help="the same seed gives the same council")
    p.set_defaults(handler=_seed)


def configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=("couchdb",),
        default="couchdb",
        help="couchdb: one CouchDB document a line, with its conflicts (the default)",
    )
    p.add_argument("--output", type=Path, help="file to write (default: standard output)")
    p.set_defaults(handler=_export)
