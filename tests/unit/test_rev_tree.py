"""Revision trees follow CouchDB's rules, so every peer picks the same winner.

Most cases are ported from upstream suites; each says where it came from:
- PouchDB ``tests/unit/test.merge.js`` (itself partly a port of CouchDB's etap 060-kt-merging.t),
- CouchDB ``src/couch/test/eunit/couch_key_tree_tests.erl`` (where those trees start at
  position 0, every position here is one higher: a revision's generation starts at 1),
- PouchDB ``tests/integration/test.conflicts.js`` and ``test.revs_diff.js`` (documents written
  with ``new_edits: false``, here merged one ``_revisions`` path at a time).

Trees are written in PouchDB's notation: ``[id, opts, [children...]]``.
"""

import copy
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caseworker.revisions.tree import (
    Leaf,
    RevNode,
    RevPath,
    RevTree,
    conflicts,
    deleted_conflicts,
    is_deleted,
    is_leaf,
    latest,
    leaves,
    mark_unavailable,
    merge,
    missing_revs,
    new_rev_id,
    non_leaf_revs,
    parse_rev,
    path_from_revisions,
    rev_exists,
    revisions_of,
    tree_from_json,
    tree_to_json,
    winning_rev,
)

Spec = list[Any]


def node(spec: Spec) -> RevNode:
    rev_id, opts, children = spec
    return RevNode(
        rev_id,
        deleted=bool(opts.get("deleted")),
        available=opts.get("status", "available") != "missing",
        children=[node(c) for c in children],
    )


def path(pos: int, spec: Spec) -> RevPath:
    return RevPath(pos, node(spec))


def replicate(*docs: dict[str, Any]) -> RevTree:
    """Write docs with new_edits=false, in order, as PouchDB's bulkDocs does."""
    tree: RevTree = []
    for written in docs:
        revisions = written.get("_revisions") or {
            "start": parse_rev(written["_rev"])[0],
            "ids": [parse_rev(written["_rev"])[1]],
        }
        tree = merge(tree, path_from_revisions(revisions, bool(written.get("_deleted")))).tree
    return tree


def doc(rev: str, *ancestors: str, deleted: bool = False) -> dict[str, Any]:
    pos, hash_ = parse_rev(rev)
    body: dict[str, Any] = {"_rev": rev, "_revisions": {"start": pos, "ids": [hash_, *ancestors]}}
    if deleted:
        body["_deleted"] = True
    return body


Fixture = tuple[int, Spec]

# --- PouchDB tests/unit/test.merge.js fixtures --------------------------------------------------

simple = (1, ["1", {}, []])
two0 = (1, ["1", {}, [["2_0", {}, []]]])
two1 = (1, ["1", {}, [["2_1", {}, []]]])
newleaf = (2, ["2_0", {}, [["3", {}, []]]])
withnewleaf = (1, ["1", {}, [["2_0", {}, [["3", {}, []]]]]])
newbranch = (1, ["1", {}, [["2_0", {}, []], ["2_1", {}, []]]])
newdeepbranch = (2, ["2_0", {}, [["3_1", {}, []]]])
stemmededit = (3, ["3", {}, []])
stemmedconflicts: list[Fixture] = [simple, stemmededit]
newbranchleaf = (1, ["1", {}, [["2_0", {}, [["3", {}, []]]], ["2_1", {}, []]]])
newbranchleafbranch = (
    1,
    ["1", {}, [["2_0", {}, [["3", {}, []], ["3_1", {}, []]]], ["2_1", {}, []]]],
)
stemmed2: list[Fixture] = [
    (1, ["1", {}, [["2_1", {}, []]]]),
    (2, ["2_0", {}, [["3", {}, []], ["3_1", {}, []]]]),
]
stemmed3: list[Fixture] = [(2, ["2_1", {}, []]), (3, ["3", {}, []]), (3, ["3_1", {}, []])]
partialrecover: list[Fixture] = [
    (1, ["1", {}, [["2_0", {}, [["3", {}, []]]]]]),
    (2, ["2_1", {}, []]),
    (3, ["3_1", {}, []]),
]
# The part of test.merge.js ported from CouchDB's kt-merging suite (also couch_key_tree_tests).
one = (1, ["1", {}, []])
two = (1, ["2", {}, []])
three = (1, ["3", {}, []])
two_sibs: list[Fixture] = [one, two]
three_sibs: list[Fixture] = [one, two, three]
two_child = (1, ["1", {}, [["1a", {}, [["1aa", {}, []]]]]])
two_child_sibs = (1, ["1", {}, [["1a", {}, []], ["1b", {}, []]]])
two_child_plus_sibs = (1, ["1", {}, [["1a", {}, [["1aa", {}, []]]], ["1b", {}, []]]])
stemmed_1b = (2, ["1a", {}, []])
two_child_plus_sibs2 = (1, ["1", {}, [["1a", {}, []], ["1b", {}, [["1bb", {}, []]]]]])
stemmed_1bb = (3, ["1bb", {}, []])
stemmed_two_child_sibs2: list[Fixture] = [(2, ["1a", {}, []]), (2, ["1b", {}, [["1bb", {}, []]]])]
stemmed_1aa = (3, ["1aa", {}, []])
stemmed_1a = (2, ["1a", {}, [["1aa", {}, []]]])
one_child = (1, ["1", {}, [["1a", {}, []]]])
foo = (1, ["foo", {}, [["foo2", {}, []], ["foo3", {}, []]]])
bar = (1, ["foo", {}, [["foo3", {}, [["foo4", {}, []]]]]])
foo_bar = (1, ["foo", {}, [["foo2", {}, []], ["foo3", {}, [["foo4", {}, []]]]]])


def case(
    name: str,
    tree: list[Fixture],
    new: Fixture,
    depth: int,
    expected: list[Fixture],
    kind: str,
    stemmed: list[str] | None = None,
) -> Any:
    return pytest.param(tree, new, depth, expected, kind, stemmed or [], id=name)


MERGE_CASES = [
    # PouchDB test.merge.js
    case("path into empty tree is the path", [], simple, 10, [simple], "new_leaf"),
    case("remerge path into path is reflexive", [simple], simple, 10, [simple], "internal_node"),
    case("path with multiple entries is the path", [], two0, 10, [two0], "new_leaf"),
    case("path with multiple entries is reflexive", [two0], two0, 10, [two0], "internal_node"),
    case("subpath into a path results in the path", [two0], simple, 10, [two0], "internal_node"),
    case("new leaf gives a new leaf", [two0], newleaf, 10, [withnewleaf], "new_leaf"),
    case("new branch returns a proper tree", [two0], two1, 10, [newbranch], "new_branch"),
    case("order of merging does not matter", [two1], two0, 10, [newbranch], "new_branch"),
    case(
        "new leaf is not new_branch when branches exist",
        [newbranch],
        newleaf,
        10,
        [newbranchleaf],
        "new_leaf",
    ),
    case(
        "deep branch with branches",
        [newbranchleaf],
        newdeepbranch,
        10,
        [newbranchleafbranch],
        "new_branch",
    ),
    case(
        "new information reconnects stemming-induced conflicts",
        stemmedconflicts,
        withnewleaf,
        10,
        [withnewleaf],
        "new_leaf",
    ),
    case("simple stemming", [two0], newleaf, 2, [newleaf], "new_leaf", ["1-1"]),
    case(
        "stemming works for branches",
        [newbranchleafbranch],
        simple,
        2,
        stemmed2,
        "internal_node",
    ),
    case(
        "stemming to leaves",
        [newbranchleafbranch],
        simple,
        1,
        stemmed3,
        "internal_node",
        ["1-1", "2-2_0"],
    ),
    case(
        "merging unstemmed recovers as much as possible without losing info",
        stemmed3,
        withnewleaf,
        10,
        partialrecover,
        "internal_node",
    ),
    # PouchDB test.merge.js, "tests from CouchDB's kt-merging"; also couch_key_tree_tests.erl
    case("empty tree is the identity for merge", [], one, 10, [one], "new_leaf"),
    case("merging is reflexive", [one], one, 10, [one], "internal_node"),
    case(
        "prefix of a tree with the tree yields the tree",
        two_sibs,
        one,
        10,
        two_sibs,
        "internal_node",
    ),
    # CouchDB labels this new_branch; PouchDB (whose labels we keep) says internal_node.
    case("third unrelated branch", two_sibs, three, 10, three_sibs, "internal_node"),
    case(
        "two children is still reflexive", [two_child], two_child, 10, [two_child], "internal_node"
    ),
    case(
        "tree to itself is itself",
        [two_child_sibs],
        two_child_sibs,
        10,
        [two_child_sibs],
        "internal_node",
    ),
    case(
        "tree of uneven length at node 2",
        [two_child],
        two_child_sibs,
        10,
        [two_child_plus_sibs],
        "new_branch",
    ),
    # couch_key_tree_tests:should_merge_tree_of_odd_length (the other direction: a new leaf)
    case(
        "tree of odd length, other direction",
        [two_child_sibs],
        two_child,
        10,
        [two_child_plus_sibs],
        "new_leaf",
    ),
    case("tree with a stem", [two_child_sibs], stemmed_1b, 10, [two_child_sibs], "internal_node"),
    case(
        "stem at a deeper level",
        [two_child_plus_sibs2],
        stemmed_1bb,
        10,
        [two_child_plus_sibs2],
        "internal_node",
    ),
    case(
        "stem at a deeper level against paths at deeper levels",
        stemmed_two_child_sibs2,
        stemmed_1bb,
        10,
        stemmed_two_child_sibs2,
        "internal_node",
    ),
    case(
        "single tree with a deeper stem", [two_child], stemmed_1aa, 10, [two_child], "internal_node"
    ),
    case("a larger stem", [two_child], stemmed_1a, 10, [two_child], "internal_node"),
    case("more merging (stems)", [stemmed_1a], stemmed_1aa, 10, [stemmed_1a], "internal_node"),
    # CouchDB labels this new_branch; PouchDB says internal_node.
    case(
        "unrelated stem creates conflicts",
        [one_child],
        stemmed_1aa,
        10,
        [one_child, stemmed_1aa],
        "internal_node",
    ),
    case(
        "connecting path leaves no conflicts",
        [one_child, stemmed_1aa],
        two_child,
        10,
        [two_child],
        "new_leaf",
    ),
    # COUCHDB-902 (should_ignore_conflicting_branch)
    case("trees with conflicts ought to behave", [foo], bar, 10, [foo_bar], "new_leaf"),
    # couch_key_tree_tests.erl key_tree_stemming_test_ (stemming a fresh path through merge)
    case("stemming more levels than exist", [], two_child, 3, [two_child], "new_leaf"),
    case(
        "stemming to one keeps the deepest node",
        [],
        two_child,
        1,
        [stemmed_1aa],
        "new_leaf",
        ["1-1", "2-1a"],
    ),
    case("stemming to two keeps two nodes", [], two_child, 2, [stemmed_1a], "new_leaf", ["1-1"]),
]


@pytest.mark.parametrize(("tree", "new", "depth", "expected", "kind", "stemmed"), MERGE_CASES)
def test_merge(
    tree: list[Fixture],
    new: Fixture,
    depth: int,
    expected: list[Fixture],
    kind: str,
    stemmed: list[str],
) -> None:
    before = [path(*p) for p in tree]
    incoming = path(*new)
    result = merge(before, incoming, depth)
    assert result.tree == [path(*p) for p in expected]
    assert result.conflicts == kind
    assert result.stemmed_revs == stemmed
    # merge never changes its inputs (PouchDB's does; its tests rebuild fixtures each time)
    assert before == [path(*p) for p in tree]
    assert incoming == path(*new)


def test_merging_a_tree_with_its_own_leaf_paths_changes_nothing() -> None:
    # couch_key_tree_tests.erl should_merge_tree_to_itself
    tree = [path(*two_child_sibs)]
    for leaf in leaves(tree):
        result = merge(tree, path_from_revisions(revisions_of(tree, leaf.rev), False))
        assert result.conflicts == "internal_node"
        tree = result.tree
    assert tree == [path(*two_child_sibs)]


def test_a_body_known_on_either_side_stays_known() -> None:
    # pouchdb-merge mergeTree: status is 'available' if either side has it
    missing = [path(1, ["a", {"status": "missing"}, [["b", {}, []]]])]
    result = merge(missing, path(1, ["a", {}, []]))
    assert result.conflicts == "internal_node"
    assert result.tree == [path(1, ["a", {}, [["b", {}, []]]])]
    assert merge(result.tree, path(1, ["a", {"status": "missing"}, []])).tree == result.tree


def test_a_path_that_reconnects_stemmed_pieces_joins_them_in_any_order() -> None:
    # A CouchDB merge_tree behaviour (PouchDB can keep two copies of 2-b -> 3-c here).
    pieces = [doc("2-b", "a"), doc("3-c"), doc("3-c", "b")]
    for order in ([0, 1, 2], [2, 0, 1], [1, 2, 0]):
        tree = replicate(*(pieces[i] for i in order))
        assert tree == [path(1, ["a", {"status": "missing"}, [["b", {}, [["c", {}, []]]]]])]


def test_merge_refuses_a_rev_limit_below_one() -> None:
    with pytest.raises(ValueError, match="rev_limit"):
        merge([], path(*simple), 0)


# --- winner, leaves, conflicts -----------------------------------------------------------------


def test_winning_rev_is_the_longest_leaf() -> None:
    # PouchDB test.merge.js "winningRev returns the longest leaf"
    tree = [
        path(
            1,
            [
                "bfe70372c90ded1087239e5191984f76",
                {},
                [
                    ["44d71a718b90e4696c06a90e08912c8f", {}, []],
                    [
                        "56e657612d55ab1a402dcb281c874f2a",
                        {},
                        [["93c3db16462f656f7172ccabd3cf6cd6", {}, []]],
                    ],
                ],
            ],
        )
    ]
    assert winning_rev(tree) == "3-93c3db16462f656f7172ccabd3cf6cd6"


def test_winning_rev_is_the_longest_leaf_across_roots() -> None:
    # PouchDB test.merge.js "winningRev returns the longest leaf again" (PouchDB issue #293)
    tree = [
        path(
            1,
            [
                "203db1a1810a838895d561f67b224b5d",
                {},
                [
                    [
                        "bf5e08a4f9fa6d33a53f4a00ae3ea399",
                        {},
                        [["28cd77a3ca30f79e1cfffcd6a41ca308", {}, []]],
                    ]
                ],
            ],
        ),
        path(
            1,
            [
                "c6d5cce35bcfbef90b20f140d723cbdb",
                {},
                [
                    ["1b8dfbb1267e213328920bae43f2f597", {}, []],
                    [
                        "59ed830b84b276ab776c3c51aaf93a16",
                        {},
                        [["64a9842c6aea50bf24660378e496e853", {}, []]],
                    ],
                ],
            ],
        ),
    ]
    assert winning_rev(tree) == "3-64a9842c6aea50bf24660378e496e853"


def test_same_length_leaves_are_decided_by_the_higher_hash_as_text() -> None:
    # PouchDB test.conflicts.js "Conflict resolution 1"
    tree = replicate(doc("1-a"), doc("1-b"), doc("1-1"))
    assert winning_rev(tree) == "1-b"
    assert conflicts(tree) == ["1-a", "1-1"]
    tree = replicate(doc("1-a"), doc("1-b"), doc("1-1"), doc("2-2", "1"))
    assert winning_rev(tree) == "2-2"
    # text, not number: "9..." sorts above "10..."
    assert winning_rev(replicate(doc("2-10ab"), doc("2-9ab"))) == "2-9ab"


@pytest.mark.parametrize(
    "docs",
    [
        # PouchDB test.conflicts.js "Conflict resolution 2" and "3": generations compare as numbers
        pytest.param([doc("2-a"), doc("1-b")], id="2-a beats 1-b"),
        pytest.param([doc("10-a"), doc("2-b")], id="10-a beats 2-b"),
    ],
)
def test_the_longer_branch_wins(docs: list[dict[str, Any]]) -> None:
    tree = replicate(*docs)
    assert winning_rev(tree) == docs[0]["_rev"]
    assert not is_deleted(tree)


A3_DELETED = doc("3-a3", "a2", "a1", deleted=True)


@pytest.mark.parametrize(
    "docs",
    [
        # PouchDB test.conflicts.js "Conflict resolution 4-a" .. "4-e": the same four revisions
        # arriving in different orders
        pytest.param([doc("1-a1"), doc("2-a2", "a1"), A3_DELETED, doc("1-b1")], id="4-a"),
        pytest.param([A3_DELETED, doc("2-a2", "a1"), doc("1-a1"), doc("1-b1")], id="4-b"),
        pytest.param([doc("1-a1"), doc("1-b1"), doc("2-a2", "a1"), A3_DELETED], id="4-c"),
        pytest.param([A3_DELETED, doc("2-a2", "a1"), doc("1-b1"), doc("1-a1")], id="4-e"),
    ],
)
def test_a_live_leaf_beats_a_longer_deleted_one(docs: list[dict[str, Any]]) -> None:
    tree = replicate(*docs)
    assert winning_rev(tree) == "1-b1"
    assert not is_deleted(tree)
    assert conflicts(tree) == []
    assert deleted_conflicts(tree) == ["3-a3"]


@pytest.mark.parametrize(
    "order",
    # PouchDB test.conflicts.js "Conflict resolution 5-a" .. "5-c"
    [
        pytest.param([0, 1, 2], id="5-a"),
        pytest.param([1, 0, 2], id="5-b"),
        pytest.param([1, 2, 0], id="5-c"),
    ],
)
def test_a_live_branch_beats_deleted_roots(order: list[int]) -> None:
    docs = [doc("2-a2", "a1"), doc("1-b1", deleted=True), doc("1-c1", deleted=True)]
    tree = replicate(*(docs[i] for i in order))
    assert winning_rev(tree) == "2-a2"
    assert not is_deleted(tree)
    assert deleted_conflicts(tree) == ["1-c1", "1-b1"]


@pytest.mark.parametrize(
    ("history", "forced", "winner"),
    [
        # PouchDB test.conflicts.js "force put ok on 1st level" / "on 2nd level": an edit of a
        # revision that is no longer a leaf makes a conflict, and the longer branch still wins
        (["1-a", "2-b", "3-c"], doc("2-x", "a"), "3-c"),
        (["1-a", "2-b", "3-c", "4-d"], doc("3-x", "b", "a"), "4-d"),
    ],
)
def test_an_edit_of_an_old_revision_is_a_conflict(
    history: list[str], forced: dict[str, Any], winner: str
) -> None:
    ids = [parse_rev(r)[1] for r in history]
    tree = replicate(doc(history[-1], *reversed(ids[:-1])), forced)
    assert winning_rev(tree) == winner
    assert conflicts(tree) == [forced["_rev"]]


def test_update_of_a_losing_leaf() -> None:
    # PouchDB test.conflicts.js "5832 - update losing leaf returns correct rev"
    tree = replicate(doc("1-a1"), doc("2-a2", "a1"), doc("2-b2", "a1"))
    assert winning_rev(tree) == "2-b2"
    assert conflicts(tree) == ["2-a2"]
    assert latest(tree, "1-a1") == "2-b2"


def test_hundreds_of_siblings_merge_without_recursion() -> None:
    # PouchDB test.conflicts.js "#2543 excessive recursion with merging"
    tree = replicate(doc("1-a"))
    for batch in range(10):
        for i in range(50):
            tree = merge(
                tree, path_from_revisions({"start": 2, "ids": [f"{batch}a{i}", "a"]}, False)
            ).tree
    assert len(leaves(tree)) == 500
    assert winning_rev(tree) == "2-9a9"  # text order: "9a9" > "9a49"
    assert len(conflicts(tree)) == 499


def test_when_every_leaf_is_deleted_the_longest_deletion_wins() -> None:
    tree = replicate(doc("2-b", "a", deleted=True), doc("3-c", "x", "a", deleted=True))
    assert winning_rev(tree) == "3-c"
    assert is_deleted(tree)
    assert conflicts(tree) == []
    assert deleted_conflicts(tree) == ["2-b"]


def test_a_deleted_document_can_be_brought_back() -> None:
    tree = replicate(doc("2-b", "a", deleted=True))
    assert is_deleted(tree)
    tree = replicate(doc("2-b", "a", deleted=True), doc("3-c", "b"))
    assert winning_rev(tree) == "3-c"
    assert not is_deleted(tree)
    assert is_deleted(tree, "2-b")


def test_leaves_are_listed_winner_first() -> None:
    tree = replicate(doc("2-b", "a"), doc("2-c", "a", deleted=True), doc("3-e", "d", "a"))
    assert leaves(tree) == [
        Leaf("3-e", 3, False),
        Leaf("2-b", 2, False),
        Leaf("2-c", 2, True),
    ]
    assert winning_rev(tree) == leaves(tree)[0].rev


def test_leaf_counts() -> None:
    # couch_key_tree_tests.erl key_tree_leaf_counting_test_ and should_retrieve_all_leaves
    assert leaves([]) == []
    assert len(leaves([path(1, ["1", {}, []])])) == 1
    assert [leaf.rev for leaf in leaves([path(*two_child_sibs)])] == ["2-1b", "2-1a"]
    assert leaves([path(3, ["1bb", {}, []])]) == [Leaf("3-1bb", 3, False)]


def test_an_empty_tree_has_no_winner() -> None:
    with pytest.raises(ValueError, match="empty"):
        winning_rev([])


# --- lookups -----------------------------------------------------------------------------------


def test_missing_revs() -> None:
    # couch_key_tree_tests.erl should_not_find_missing_leaves / should_find_missing_leaves
    sibs = [path(*two_child_sibs)]
    assert missing_revs(sibs, ["1-1", "2-1a"]) == []
    assert missing_revs(sibs, ["1-1", "1-10", "2-1a", "101-x"]) == ["1-10", "101-x"]
    stemmed1 = [path(2, ["1a", {}, [["1aa", {}, []]]])]
    assert missing_revs(stemmed1, ["1-1", "2-1a", "101-x"]) == ["1-1", "101-x"]
    stemmed2 = [path(3, ["1aa", {}, []])]
    assert missing_revs(stemmed2, ["1-1", "2-1a", "101-x"]) == ["1-1", "2-1a", "101-x"]


def _random_tree(size: int, branch_chance: float, seed: int) -> RevTree:
    """A deterministic tree of ``size`` revisions, like CouchDB's test_util:revtree_generate."""
    rnd = random.Random(seed)
    root = RevNode("root")
    made = [root]
    for n in range(size - 1):
        parent = rnd.choice(made) if rnd.random() < branch_chance else made[-1]
        made.append(RevNode(f"r{n}"))
        parent.children.append(made[-1])
    for made_node in made:
        made_node.children.sort(key=lambda c: c.id)
    return [RevPath(1, root)]


def test_missing_revs_in_a_large_tree() -> None:
    # couch_key_tree_tests.erl should_(not_)find_missing_leaves_large_test
    tree = _random_tree(1000, 0.2, 1647)
    every_rev = [f"{pos}-{rev_id}" for pos, rev_id in _all_revs(tree)]
    assert len(every_rev) == 1000
    random.Random(841737).shuffle(every_rev)
    assert missing_revs(tree, every_rev) == []
    rnd = random.Random(351137)
    strangers = [f"{rnd.randint(1, 1000)}-{rnd.getrandbits(128):032x}" for _ in range(1000)]
    assert missing_revs(tree, strangers) == strangers


def _all_revs(tree: RevTree) -> list[tuple[int, str]]:
    found = []
    stack = [(p.pos, p.root) for p in tree]
    while stack:
        pos, n = stack.pop()
        found.append((pos, n.id))
        stack.extend((pos + 1, c) for c in n.children)
    return found


def test_revs_diff() -> None:
    # PouchDB test.revs_diff.js "Test revs diff", "Missing docs should be returned with all
    # revisions", "Conflicting revisions that are available", "Deleted revisions that are
    # available"
    tree = replicate(doc("2-y", "x"))
    assert missing_revs(tree, ["1-x", "2-y"]) == []
    assert missing_revs(tree, ["1-x", "2-y", "2-randomid"]) == ["2-randomid"]
    assert missing_revs([], ["1-a", "2-a", "2-b"]) == ["1-a", "2-a", "2-b"]
    assert missing_revs(replicate(doc("2-a", "a"), doc("2-b", "a")), ["1-a", "2-a", "2-b"]) == []
    assert missing_revs(replicate(doc("2-a", "a", deleted=True)), ["1-a", "2-a"]) == []


def test_rev_exists_matches_generation_and_hash() -> None:
    tree = [path(*two_child)]
    assert rev_exists(tree, "2-1a")
    assert not rev_exists(tree, "3-1a")
    assert not rev_exists(tree, "2-1b")
    with pytest.raises(ValueError):
        rev_exists(tree, "nonsense")
    with pytest.raises(ValueError):
        missing_revs(tree, ["1-1", "nonsense"])


def test_revisions_of_is_the_ancestry_back_to_the_root() -> None:
    # couch_key_tree_tests.erl should_retrieve_full_key_path(_for_node), get_all_leafs_full
    sibs = [path(*two_child_sibs)]
    assert revisions_of(sibs, "1-1") == {"start": 1, "ids": ["1"]}
    assert revisions_of(sibs, "2-1a") == {"start": 2, "ids": ["1a", "1"]}
    stemmed = [path(2, ["1a", {}, [["1aa", {}, []]]])]
    assert revisions_of(stemmed, "3-1aa") == {"start": 3, "ids": ["1aa", "1a"]}
    with pytest.raises(KeyError):
        revisions_of(sibs, "2-1c")


def test_revisions_round_trip_through_a_path() -> None:
    revisions = {"start": 5, "ids": ["e", "d", "c"]}
    built = path_from_revisions(revisions, deleted=True)
    assert built == path(
        3,
        [
            "c",
            {"status": "missing"},
            [["d", {"status": "missing"}, [["e", {"deleted": True}, []]]]],
        ],
    )
    assert revisions_of([built], "5-e") == revisions


@pytest.mark.parametrize(
    "revisions",
    [
        {},
        {"start": 0, "ids": ["a"]},
        {"start": True, "ids": ["a"]},
        {"start": "2", "ids": ["a"]},
        {"start": 2, "ids": []},
        {"start": 2, "ids": "ab"},
        {"start": 2, "ids": ["a", ""]},
        {"start": 1, "ids": ["b", "a"]},
    ],
)
def test_malformed_revisions_are_refused(revisions: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="malformed _revisions"):
        path_from_revisions(revisions, False)


def test_latest_is_the_leaf_descending_from_a_revision() -> None:
    # couch_key_tree_tests.erl should_gather_leaf; pouchdb-merge latest.js
    sibs = [path(*two_child_sibs)]
    assert latest(sibs, "2-1a") == "2-1a"
    # of several descendant leaves, PouchDB's latest() finds the highest-id branch first
    assert latest(sibs, "1-1") == "2-1b"
    assert latest([path(*two_child_plus_sibs)], "1-1") == "2-1b"
    assert latest([path(*two_child_plus_sibs)], "2-1a") == "3-1aa"
    with pytest.raises(KeyError):
        latest(sibs, "1-x")


def test_is_leaf_and_is_deleted_of_a_revision() -> None:
    tree = replicate(doc("3-c", "b", "a", deleted=True), doc("2-x", "a"))
    assert is_leaf(tree, "3-c") and is_leaf(tree, "2-x")
    assert not is_leaf(tree, "2-b")
    assert not is_leaf(tree, "9-zz")
    assert is_deleted(tree, "3-c")
    assert not is_deleted(tree, "2-b")
    with pytest.raises(KeyError):
        is_deleted(tree, "4-q")


# --- compaction and storage --------------------------------------------------------------------


def test_non_leaf_revisions_can_be_marked_unavailable() -> None:
    tree = [path(*two_child_plus_sibs)]
    assert sorted(non_leaf_revs(tree)) == ["1-1", "2-1a"]
    compacted = mark_unavailable(tree, set(non_leaf_revs(tree)))
    assert compacted == [
        path(
            1,
            [
                "1",
                {"status": "missing"},
                [["1a", {"status": "missing"}, [["1aa", {}, []]]], ["1b", {}, []]],
            ],
        )
    ]
    assert tree == [path(*two_child_plus_sibs)]  # the original is untouched


def test_json_form_round_trips() -> None:
    tree = replicate(doc("3-c", "b", "a", deleted=True), doc("2-x", "a"), doc("5-q", "p"))
    data = tree_to_json(tree)
    assert data == [
        [1, "a", 2, -1],
        [2, "b", 2, 0],
        [3, "c", 1, 1],
        [2, "x", 0, 0],
        [4, "p", 2, -1],
        [5, "q", 0, 4],
    ]
    assert tree_from_json(data) == tree
    assert tree_from_json([]) == []


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"pos": 1},
        [[1]],
        [["1", "a", 0, -1]],
        [[0, "a", 0, -1]],
        [[True, "a", 0, -1]],
        [[1, "a", 0]],
        [[1, "", 0, -1]],
        [[1, 7, 0, -1]],
        [[1, "a", 4, -1]],
        [[1, "a", False, -1]],
        [[1, "a", 0, 0]],
        [[1, "a", 0, -1], [2, "b", 0, 5]],
        [[1, "a", 0, -1], [3, "b", 0, 0]],
        [[1, "a", 0, -1], [2, "b", 0, 0], [2, "b", 1, 0]],
        [[1, "a", 0, -1], [1, "a", 0, -1]],
    ],
)
def test_malformed_json_trees_are_refused(data: object) -> None:
    with pytest.raises(ValueError, match="malformed revision tree"):
        tree_from_json(data)


# --- revision ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rev", "parsed"),
    [("1-a", (1, "a")), ("3-abc", (3, "abc")), ("12-ab-cd", (12, "ab-cd"))],
)
def test_parse_rev(rev: str, parsed: tuple[int, str]) -> None:
    assert parse_rev(rev) == parsed


@pytest.mark.parametrize("rev", ["", "abc", "-abc", "3-", "0-abc", "x-abc", "²-abc", " 1-a", None])
def test_parse_rev_refuses_garbage(rev: Any) -> None:
    with pytest.raises(ValueError, match="invalid revision"):
        parse_rev(rev)


def test_new_rev_id_is_deterministic_over_content_parent_and_deletion() -> None:
    body = {"_id": "case:1", "_rev": "1-a", "title": "Bin", "n": 1}
    rev = new_rev_id(2, body, "1-a", False)
    pos, hash_ = parse_rev(rev)
    assert pos == 2 and len(hash_) == 32 and int(hash_, 16) >= 0
    assert new_rev_id(2, {"n": 1, "title": "Bin"}, "1-a", False) == rev  # key order, _ keys
    assert new_rev_id(2, body, "1-b", False) != rev
    assert new_rev_id(2, body, "1-a", True) != rev
    assert new_rev_id(2, {**body, "n": 2}, "1-a", False) != rev
    assert new_rev_id(3, body, "1-a", False).endswith(hash_)
    with pytest.raises(ValueError):
        new_rev_id(0, body, None, False)


# --- long histories ----------------------------------------------------------------------------


def test_a_long_linear_history_needs_no_recursion() -> None:
    ids = [f"h{i}" for i in range(3000, 0, -1)]  # newest first
    tree = merge([], path_from_revisions({"start": 3000, "ids": ids}, False), 5000).tree
    assert winning_rev(tree) == "3000-h3000"
    assert latest(tree, "1-h1") == "3000-h3000"
    assert revisions_of(tree, "3000-h3000") == {"start": 3000, "ids": ids}
    assert is_leaf(tree, "3000-h3000") and rev_exists(tree, "1-h1")
    assert len(non_leaf_revs(tree)) == 2999
    assert tree_from_json(tree_to_json(tree)) == tree
    extended = merge(
        tree, path_from_revisions({"start": 3001, "ids": ["h3001", "h3000"]}, False), 5000
    )
    assert extended.conflicts == "new_leaf"
    assert winning_rev(extended.tree) == "3001-h3001"


def test_history_is_stemmed_to_the_rev_limit() -> None:
    ids = [f"h{i}" for i in range(1500, 0, -1)]
    result = merge([], path_from_revisions({"start": 1500, "ids": ids}, False))
    assert len(result.tree) == 1 and result.tree[0].pos == 501
    assert result.stemmed_revs == [f"{i}-h{i}" for i in range(1, 501)]
    assert revisions_of(result.tree, "1500-h1500")["ids"] == ids[:1000]


# --- properties --------------------------------------------------------------------------------


@st.composite
def deliveries(draw: st.DrawFn) -> list[RevPath]:
    """The paths in which some document history reaches a peer, as ``_revisions`` do.

    A random forest of revisions (ids unique, some deleted), then one path per leaf and a few
    more per earlier revision, each with a random amount of its ancestry (as a stemmed or
    partial ``_revisions`` would carry).
    """
    size = draw(st.integers(1, 12))
    ids = draw(
        st.lists(
            st.text("0123456789abcdef", min_size=1, max_size=3),
            min_size=size,
            max_size=size,
            unique=True,
        )
    )
    parents: list[int] = [-1]
    for i in range(1, size):
        parents.append(draw(st.integers(-1, i - 1)))  # -1: another root (an unrelated history)
    starts = [draw(st.integers(1, 3)) if p == -1 else 0 for p in parents]
    pos: list[int] = []
    for i, p in enumerate(parents):
        pos.append(starts[i] if p == -1 else pos[p] + 1)
    deleted = draw(st.lists(st.booleans(), min_size=size, max_size=size))
    has_child = {p for p in parents if p >= 0}
    delivered = [i for i in range(size) if i not in has_child]
    delivered += draw(st.lists(st.integers(0, size - 1), max_size=size))
    paths = []
    for i in delivered:
        chain = [i]
        while parents[chain[-1]] >= 0:
            chain.append(parents[chain[-1]])
        keep = draw(st.integers(1, len(chain)))
        revisions = {"start": pos[i], "ids": [ids[n] for n in chain[:keep]]}
        paths.append(path_from_revisions(revisions, deleted[i]))
    return paths


def merge_all(paths: list[RevPath]) -> RevTree:
    tree: RevTree = []
    for p in paths:
        tree = merge(tree, p).tree
    return tree


def shape(tree: RevTree) -> set[tuple[str, str | None, bool]]:
    """Every revision with its parent and availability (internal deleted flags aside: a
    revision delivered as a tombstone and as someone's ancestor keeps whichever came first)."""
    found = set()
    stack: list[tuple[int, RevNode, str | None]] = [(p.pos, p.root, None) for p in tree]
    while stack:
        pos, n, parent = stack.pop()
        rev = f"{pos}-{n.id}"
        found.add((rev, parent, n.available))
        stack.extend((pos + 1, c, rev) for c in n.children)
    return found


@settings(max_examples=300, deadline=None)
@given(deliveries(), st.data())
def test_every_peer_sees_the_same_winner_whatever_the_order(
    paths: list[RevPath], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(paths))
    a, b = merge_all(paths), merge_all(shuffled)
    assert winning_rev(a) == winning_rev(b)
    assert leaves(a) == leaves(b)
    assert conflicts(a) == conflicts(b)
    assert deleted_conflicts(a) == deleted_conflicts(b)
    assert shape(a) == shape(b)


@settings(max_examples=200, deadline=None)
@given(deliveries())
def test_merging_what_is_already_there_changes_nothing(paths: list[RevPath]) -> None:
    tree = merge_all(paths)
    for p in [
        *paths,
        *(path_from_revisions(revisions_of(tree, leaf.rev), leaf.deleted) for leaf in leaves(tree)),
    ]:
        result = merge(tree, p)
        assert result.conflicts == "internal_node"
        assert result.tree == tree
        assert result.stemmed_revs == []


@settings(max_examples=200, deadline=None)
@given(deliveries())
def test_tree_invariants(paths: list[RevPath]) -> None:
    snapshot = copy.deepcopy(paths)
    tree = merge_all(paths)
    assert paths == snapshot  # inputs are never changed
    found = leaves(tree)
    winner = winning_rev(tree)
    assert found[0].rev == winner
    assert sorted([winner, *conflicts(tree), *deleted_conflicts(tree)]) == sorted(
        leaf.rev for leaf in found
    )
    assert all(latest(tree, leaf.rev) == leaf.rev for leaf in found)
    assert tree_from_json(tree_to_json(tree)) == tree
    for p in paths:
        newest = p.root
        depth = 0
        while newest.children:
            newest, depth = newest.children[0], depth + 1
        assert rev_exists(tree, f"{p.pos + depth}-{newest.id}")
