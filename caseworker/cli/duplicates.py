"""``caseworker citizen merge|unmerge|not-same`` and ``caseworker duplicates scan|list|show``:
merging duplicate citizens and reviewing likely duplicates, through the same services as the
window."""

import argparse
from dataclasses import asdict

from caseworker.cli.app import Context, positive_int
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table
from caseworker.dedupe import review
from caseworker.dedupe.scan import THRESHOLD, scan
from caseworker.display import visible
from caseworker.services import merges


def _merge(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        merge_id, _ = merges.merge(
            session, acting(session, args), args.survivor, args.other, args.reason
        )
    print(merge_id)
    return 0


def _unmerge(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        merges.unmerge(session, acting(session, args), args.merge, args.reason)
    print(visible(f"{args.merge}: undone"))
    return 0


def _not_same(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        decision_id, _ = merges.not_same_person(
            session, acting(session, args), args.first, args.second, args.reason
        )
    print(decision_id)
    return 0


def _scan(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        result = scan(session, threshold=args.threshold)
    print(
        f"{result.citizens:,} citizens, {result.blocks:,} blocks "
        f"({result.skipped_blocks:,} too common), {result.pairs:,} pairs compared, "
        f"{result.found:,} likely duplicates in {result.seconds['total']:.1f} s"
    )
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        found = review.candidates(session, args.limit)
    if args.json:
        print_json([asdict(c) for c in found])
        return 0
    if not found:
        print("no likely duplicates to review (run: caseworker duplicates scan)")
        return 0
    table(
        [
            (
                f"{c.score:.1%}",
                c.first_id,
                c.first_name,
                c.second_id,
                c.second_name,
                "; ".join(r.text for r in c.reasons[:3]),
            )
            for c in found
        ]
    )
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        shown = review.pair(session, args.first, args.second)
    if args.json:
        print_json(asdict(shown))
        return 0
    left, right = shown.left, shown.right
    rows: list[tuple[str, ...]] = [
        ("id", left.id, right.id),
        ("given name", left.given_name, right.given_name),
        ("family name", left.family_name, right.family_name),
        ("preferred name", left.preferred_name or "", right.preferred_name or ""),
        ("date of birth", left.date_of_birth or "", right.date_of_birth or ""),
        ("language", left.language, right.language),
    ]
    for kind in sorted({*left.identifiers, *right.identifiers}):
        rows.append(
            (
                kind,
                ", ".join(left.identifiers.get(kind, ())),
                ", ".join(right.identifiers.get(kind, ())),
            )
        )
    rows += [("cases", str(left.cases), str(right.cases))]
    rows += [("contacts", str(left.contacts), str(right.contacts))]
    table(rows)
    print(f"{shown.score:.1%}: " + "; ".join(r.text for r in shown.reasons))
    return 0


def configure_merge(p: argparse.ArgumentParser) -> None:
    p.add_argument("survivor", help="the citizen id that remains")
    p.add_argument("other", help="the citizen id merged into it")
    p.add_argument("--reason", required=True, help="why they are one person")
    configure_acting(p)
    p.set_defaults(handler=_merge)


def configure_unmerge(p: argparse.ArgumentParser) -> None:
    p.add_argument("merge", help="the merge id (merge:...)")
    p.add_argument("--reason", required=True, help="why they are two people")
    configure_acting(p)
    p.set_defaults(handler=_unmerge)


def configure_not_same(p: argparse.ArgumentParser) -> None:
    p.add_argument("first", help="a citizen id")
    p.add_argument("second", help="another citizen id")
    p.add_argument("--reason", help="what tells them apart")
    configure_acting(p)
    p.set_defaults(handler=_not_same)


def _probability(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {visible(text)}") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("a probability above 0, at most 1")
    return value


def configure_scan(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--threshold",
        type=_probability,
        default=THRESHOLD,
        help=f"the match probability a pair needs (default {THRESHOLD})",
    )
    p.set_defaults(handler=_scan)


def configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limit", type=positive_int, default=50, help="how many (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_list)


def configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("first", help="a citizen id")
    p.add_argument("second", help="another citizen id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show)
