"""Commands on the store as a whole: ``init``, ``seed`` and ``export``."""

import argparse
import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from sqlalchemy import select

from caseworker.cli.app import Command, Context
from caseworker.errors import StoreError
from caseworker.models import StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.store.store import STORE_FILENAME


def _init(args: argparse.Namespace, ctx: Context) -> int:
    if (ctx.data_dir / STORE_FILENAME).exists():
        raise StoreError(f"{ctx.data_dir / STORE_FILENAME} already exists")
    ctx.encrypt_new = args.encrypted
    store = ctx.store()
    print(f"created {'an encrypted' if store.encrypted else 'a'} store at {store.path}")
    return 0


def _seed(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.seed import seed_store

    def progress(stage: str, done: int, total: int) -> None:
        print(f"\rseeding {stage}: {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    report = seed_store(
        ctx.store(), citizens=args.citizens, random_seed=args.seed, progress=progress
    )
    print(file=sys.stderr)
    print(
        f"seeded {report.citizens:,} citizens, {report.cases:,} cases, {report.documents:,} "
        f"documents in {report.seconds:.1f} s ({report.docs_per_second:,.0f} documents/s)"
    )
    return 0


def export_couchdb(ctx: Context, out: IO[str]) -> int:
    """Every document's winning revision (tombstones too), with _conflicts, one JSON a line."""
    count = 0
    with ctx.store().read() as session:
        rows = session.execute(
            select(StoredDocument.body, StoredDocument.rev_tree)
            .order_by(StoredDocument.seq)
            .execution_options(yield_per=2000)
        )
        for body, tree_json in rows:
            doc = json.loads(body)
            tree = revtree.tree_from_json(json.loads(tree_json))
            if len(revtree.leaves(tree)) > 1:
                if conflicts := revtree.conflicts(tree):
                    doc["_conflicts"] = conflicts
                if deleted := revtree.deleted_conflicts(tree):
                    doc["_deleted_conflicts"] = deleted
            out.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def _export(args: argparse.Namespace, ctx: Context) -> int:
    target = args.output.open("w", encoding="utf-8") if args.output else nullcontext(sys.stdout)
    with target as out:
        count = export_couchdb(ctx, out)
    if args.output:
        print(f"exported {count:,} documents to {args.output}", file=sys.stderr)
    return 0


def _configure_init(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--encrypted", action="store_true", help="encrypt at rest, the key in the OS keyring"
    )


def _configure_seed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=2026, help="the same seed gives the same council")


def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("couchdb",), default="couchdb")
    p.add_argument("--output", type=Path, help="file to write (default: standard output)")


COMMANDS = (
    Command("init", "create an empty store", _configure_init, _init),
    Command("seed", "fill an empty store with a demo council", _configure_seed, _seed),
    Command("export", "export every document", _configure_export, _export),
)
