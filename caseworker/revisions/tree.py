"""Revision trees with CouchDB's rules, as pure functions over plain data.

A document's history is a forest of revision paths (``RevTree``), each rooted at a generation
``pos``. Merging a path, choosing the winning revision, listing leaves and conflicts and stemming
old history follow PouchDB's ``pouchdb-merge`` (a port of CouchDB's ``couch_key_tree``), so every
peer that holds the same revisions picks the same winner.

Invariants kept by every function that builds a tree: siblings are sorted by id, and the forest
by (pos, root id), as CouchDB keeps them. Every traversal is iterative, because a linear history
of a thousand revisions must not hit Python's recursion limit.
"""

import hashlib
import json
import re
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class RevNode:
    id: str  # the hash part of a revision, e.g. "abc" of "2-abc"
    deleted: bool = False
    available: bool = True  # False when this revision's body is not stored
    children: list["RevNode"] = field(default_factory=list)

    def __eq__(self, other: object) -> bool:
        # Iterative: the generated recursive __eq__ fails on long histories.
        if not isinstance(other, RevNode):
            return NotImplemented
        pairs = [(self, other)]
        while pairs:
            a, b = pairs.pop()
            if (a.id, a.deleted, a.available) != (b.id, b.deleted, b.available):
                return False
            if len(a.children) != len(b.children):
                return False
            pairs.extend(zip(a.children, b.children, strict=True))
        return True

    __hash__ = None  # type: ignore[assignment]  # mutable, like any eq dataclass


@dataclass
class RevPath:
    pos: int  # generation number of ``root``
    root: RevNode


RevTree = list[RevPath]


@dataclass(frozen=True)
class Leaf:
    rev: str  # "N-hash"
    pos: int
    deleted: bool


@dataclass
class MergeResult:
    tree: RevTree
    conflicts: str  # "new_leaf" | "new_branch" | "internal_node" (PouchDB's meaning)
    stemmed_revs: list[str]


_REV = re.compile(r"([0-9]+)-(.+)", re.DOTALL)


def parse_rev(rev: str) -> tuple[int, str]:
    """``"3-abc"`` -> ``(3, "abc")``."""
    match = _REV.fullmatch(rev) if isinstance(rev, str) else None
    if match is None or int(match.group(1)) < 1:
        raise ValueError(f"invalid revision {rev!r}: expected 'N-hash' with N >= 1")
    return int(match.group(1)), match.group(2)


def _rev(pos: int, node: RevNode) -> str:
    return f"{pos}-{node.id}"


def new_rev_id(pos: int, body: dict[str, Any], parent: str | None, deleted: bool) -> str:
    """Deterministic revision id: the same edit of the same parent gives the same id everywhere."""
    if isinstance(pos, bool) or not isinstance(pos, int) or pos < 1:
        raise ValueError(f"invalid generation {pos!r}: must be a positive integer")
    content = {k: v for k, v in body.items() if not k.startswith("_")}
    canonical = json.dumps(
        [deleted, parent, content],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    digest = hashlib.md5(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"{pos}-{digest}"


# --- traversal -------------------------------------------------------------------------------


def _walk(tree: RevTree) -> Iterator[tuple[int, RevNode]]:
    """Every node with its generation, in PouchDB's traverseRevTree order (a stack)."""
    stack = [(p.pos, p.root) for p in tree]
    while stack:
        pos, node = stack.pop()
        yield pos, node
        stack.extend((pos + 1, child) for child in node.children)


def _chain(nodes: list[RevNode], parents: list[int], index: int) -> list[RevNode]:
    """The nodes from a path's root down to ``nodes[index]``, following parent indexes."""
    chain: list[RevNode] = []
    while index >= 0:
        chain.append(nodes[index])
        index = parents[index]
    chain.reverse()
    return chain


def _root_to_leaf(tree: RevTree) -> list[tuple[int, list[RevNode]]]:
    """Every root-to-leaf path as (generation of its first node, nodes), like rootToLeaf.js.

    Parent indexes instead of copied histories keep a long linear history linear in cost.
    """
    paths: list[tuple[int, list[RevNode]]] = []
    nodes: list[RevNode] = []
    parents: list[int] = []
    stack = [(p.pos, p.root, -1) for p in tree]
    while stack:
        pos, node, parent = stack.pop()
        index = len(nodes)
        nodes.append(node)
        parents.append(parent)
        if not node.children:
            chain = _chain(nodes, parents, index)
            paths.append((pos + 1 - len(chain), chain))
        stack.extend((pos + 1, child, index) for child in node.children)
    paths.reverse()
    return paths


def _find(tree: RevTree, rev: str) -> tuple[int, list[RevNode]] | None:
    """(generation of the path root, nodes from that root down to ``rev``), or None."""
    target_pos, target_id = parse_rev(rev)
    nodes: list[RevNode] = []
    parents: list[int] = []
    stack = [(p.pos, p.root, -1) for p in tree if p.pos <= target_pos]
    while stack:
        pos, node, parent = stack.pop()
        index = len(nodes)
        nodes.append(node)
        parents.append(parent)
        if pos == target_pos:
            if node.id == target_id:
                chain = _chain(nodes, parents, index)
                return pos + 1 - len(chain), chain
            continue  # nothing deeper can be at the target generation
        stack.extend((pos + 1, child, index) for child in node.children)
    return None


def _clone(node: RevNode) -> RevNode:
    root = RevNode(node.id, node.deleted, node.available)
    stack = [(node, root)]
    while stack:
        src, dst = stack.pop()
        for child in src.children:
            copy = RevNode(child.id, child.deleted, child.available)
            dst.children.append(copy)
            stack.append((child, copy))
    return root


def _clone_tree(tree: RevTree) -> RevTree:
    return [RevPath(p.pos, _clone(p.root)) for p in tree]


# --- merging (pouchdb-merge/src/merge.js) ----------------------------------------------------


def _merge_nodes(tree1: RevNode, tree2: RevNode) -> str | None:
    """Merge tree2 into tree1 (same revision at the root), in place; the kind of change, if any."""
    conflicts: str | None = None
    queue = [(tree1, tree2)]
    while queue:
        a, b = queue.pop()
        a.available = a.available or b.available  # a body known on either side is known
        for child in b.children:
            if not a.children:
                conflicts = "new_leaf"
                a.children.append(child)
                continue
            same = [existing for existing in a.children if existing.id == child.id]
            if same:
                queue.extend((existing, child) for existing in same)
            else:
                conflicts = "new_branch"
                insort(a.children, child, key=lambda n: n.id)
    return conflicts


def _merge_two(
    branch: RevPath, path: RevPath, dont_expand: bool
) -> tuple[RevPath, str | None] | None:
    """Merge two paths in place if one holds the other's root: (the combined one, change kind).

    None when they are unrelated. Same roots merge as mergeTree(branch, path); otherwise the
    earlier-starting path is walked down to the generation where the later one starts, and the
    later one is grafted there if that revision is present.
    """
    if branch.pos == path.pos and branch.root.id == path.root.id:
        return branch, _merge_nodes(branch.root, path.root)
    if not dont_expand:
        t1, t2 = (branch, path) if branch.pos < path.pos else (path, branch)
        stack = [(t1.root, t2.pos - t1.pos)]
        while stack:
            node, diff = stack.pop()
            if diff > 0:
                stack.extend((child, diff - 1) for child in node.children)
            elif node.id == t2.root.id:
                return t1, _merge_nodes(node, t2.root)
    return None


def _do_merge(tree: RevTree, path: RevPath, dont_expand: bool = False) -> tuple[RevTree, str]:
    """PouchDB's doMerge; mutates its arguments (callers pass clones).

    One deliberate difference, taken from CouchDB's merge_tree: once the path has merged with a
    branch, the combined branch (not the bare path) is what later branches are merged with. So a
    path that reconnects two stemmed pieces joins them into one, whatever the order of arrival;
    PouchDB can instead keep a copy of the same history under two roots.
    """
    if not tree:
        return [path], "new_leaf"
    result: RevTree = []
    conflicts: str | None = None
    current = path
    for branch in tree:
        merged = _merge_two(branch, current, dont_expand)
        if merged is None:
            result.append(branch)
        else:
            current, found = merged
            conflicts = conflicts or found
    result.append(current)
    result.sort(key=lambda p: (p.pos, p.root.id))
    return result, conflicts or "internal_node"


def _stem(tree: RevTree, depth: int) -> tuple[RevTree, list[str]]:
    """Rebuild the tree from its root-to-leaf paths cut to ``depth`` revisions, like stem().

    Paths are re-merged without expanding, so a cut path stays a separate root even where its
    first revision survives in a shorter branch (as in PouchDB).
    """
    result: RevTree = []
    stemmed: dict[str, None] = {}  # an ordered set, as PouchDB's object keys are
    for pos, nodes in _root_to_leaf(tree):
        cut = max(0, len(nodes) - depth)
        for offset in range(cut):
            stemmed[_rev(pos + offset, nodes[offset])] = None
        root = leaf = RevNode(nodes[cut].id, nodes[cut].deleted, nodes[cut].available)
        for node in nodes[cut + 1 :]:
            child = RevNode(node.id, node.deleted, node.available)
            leaf.children.append(child)
            leaf = child
        result = _do_merge(result, RevPath(pos + cut, root), dont_expand=True)[0]
    if stemmed:
        for pos, node in _walk(result):
            stemmed.pop(_rev(pos, node), None)  # cut from one branch but kept in another
    return result, list(stemmed)


def merge(tree: RevTree, path: RevPath, rev_limit: int = 1000) -> MergeResult:
    """Merge one path into a tree, then stem every branch to ``rev_limit`` revisions.

    ``conflicts`` is PouchDB's: "new_leaf" when the path extends a leaf (or starts the tree),
    "new_branch" when it adds a sibling, "internal_node" when it adds no revision (or only an
    unrelated root). Neither input is changed.
    """
    if rev_limit < 1:
        raise ValueError(f"rev_limit must be at least 1, not {rev_limit}")
    if path.pos < 1:
        raise ValueError(f"a path cannot start at generation {path.pos}")
    merged, conflicts = _do_merge(_clone_tree(tree), RevPath(path.pos, _clone(path.root)))
    stemmed_tree, stemmed_revs = _stem(merged, rev_limit)
    return MergeResult(stemmed_tree, conflicts, stemmed_revs)


# --- leaves, winner, conflicts ---------------------------------------------------------------


def _rank(leaf: Leaf) -> tuple[bool, int, str]:
    # CouchDB: a live leaf beats a deleted one, then the longer branch, then the higher hash.
    return (not leaf.deleted, leaf.pos, leaf.rev.partition("-")[2])


def leaves(tree: RevTree) -> list[Leaf]:
    """Every leaf, winner first, then in the same order of precedence."""
    found = [Leaf(_rev(pos, n), pos, n.deleted) for pos, n in _walk(tree) if not n.children]
    found.sort(key=_rank, reverse=True)
    return found


def winning_rev(tree: RevTree) -> str:
    found = [Leaf(_rev(pos, n), pos, n.deleted) for pos, n in _walk(tree) if not n.children]
    if not found:
        raise ValueError("an empty revision tree has no winning revision")
    return max(found, key=_rank).rev


def is_deleted(tree: RevTree, rev: str | None = None) -> bool:
    """Whether ``rev`` (the winner by default) is a deletion; KeyError if it is not in the tree."""
    wanted = winning_rev(tree) if rev is None else rev
    found = _find(tree, wanted)
    if found is None:
        raise KeyError(f"revision {wanted} is not in the tree")
    return found[1][-1].deleted


def conflicts(tree: RevTree) -> list[str]:
    """Live leaves other than the winner (CouchDB's ``_conflicts``)."""
    return [leaf.rev for leaf in leaves(tree)[1:] if not leaf.deleted]


def deleted_conflicts(tree: RevTree) -> list[str]:
    """Deleted leaves other than the winner (CouchDB's ``_deleted_conflicts``)."""
    return [leaf.rev for leaf in leaves(tree)[1:] if leaf.deleted]


# --- lookups ---------------------------------------------------------------------------------


def rev_exists(tree: RevTree, rev: str) -> bool:
    return _find(tree, rev) is not None


def missing_revs(tree: RevTree, revs: list[str]) -> list[str]:
    """The revisions of ``revs`` not in the tree, in the order given (``_revs_diff``)."""
    known = {(pos, node.id) for pos, node in _walk(tree)}
    return [rev for rev in revs if parse_rev(rev) not in known]


def is_leaf(tree: RevTree, rev: str) -> bool:
    found = _find(tree, rev)
    return found is not None and not found[1][-1].children


def latest(tree: RevTree, rev: str) -> str:
    """The leaf that descends from ``rev`` (``open_revs`` with ``latest=true``).

    Where ``rev`` has several descendant leaves this is the one PouchDB's latest() finds first:
    the last (highest-id) child at every step down.
    """
    found = _find(tree, rev)
    if found is None:
        raise KeyError(f"revision {rev} is not in the tree")
    start, chain = found
    pos, node = start + len(chain) - 1, chain[-1]
    while node.children:
        pos, node = pos + 1, node.children[-1]
    return _rev(pos, node)


def revisions_of(tree: RevTree, rev: str) -> dict[str, Any]:
    """CouchDB's ``_revisions`` for ``rev``: ``{"start": N, "ids": [newest, ..., oldest]}``."""
    found = _find(tree, rev)
    if found is None:
        raise KeyError(f"revision {rev} is not in the tree")
    start, chain = found
    return {"start": start + len(chain) - 1, "ids": [node.id for node in reversed(chain)]}


def path_from_revisions(revisions: dict[str, Any], deleted: bool) -> RevPath:
    """A linear path from ``_revisions``; only the newest revision's body is available."""
    start, ids = revisions.get("start"), revisions.get("ids")
    if isinstance(start, bool) or not isinstance(start, int) or start < 1:
        raise ValueError("malformed _revisions: 'start' must be a positive integer")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i for i in ids):
        raise ValueError("malformed _revisions: 'ids' must be a non-empty list of text")
    if len(ids) > start:
        raise ValueError("malformed _revisions: more ids than generations")
    node = RevNode(ids[0], deleted=deleted, available=True)
    for hash_ in ids[1:]:
        node = RevNode(hash_, available=False, children=[node])
    return RevPath(start - len(ids) + 1, node)


# --- compaction ------------------------------------------------------------------------------


def non_leaf_revs(tree: RevTree) -> list[str]:
    return [_rev(pos, node) for pos, node in _walk(tree) if node.children]


def mark_unavailable(tree: RevTree, revs: set[str]) -> RevTree:
    """A copy of the tree with the bodies of ``revs`` marked as no longer stored."""
    result = _clone_tree(tree)
    for pos, node in _walk(result):
        if _rev(pos, node) in revs:
            node.available = False
    return result


# --- storage form ----------------------------------------------------------------------------

_DELETED, _UNAVAILABLE = 1, 2


def tree_to_json(tree: RevTree) -> list[Any]:
    """Flat rows ``[pos, id, flags, parent]``, parents before children; ``parent`` is the index
    of the parent's row, -1 for a root; flags 1 deleted, 2 no body.

    Flat, so a thousand-revision history is not a thousand levels of JSON nesting (Python's
    json module stops at its recursion limit).
    """
    rows: list[Any] = []
    for path in tree:
        stack: list[tuple[int, RevNode, int]] = [(path.pos, path.root, -1)]
        while stack:
            pos, node, parent = stack.pop()
            flags = (_DELETED if node.deleted else 0) | (0 if node.available else _UNAVAILABLE)
            rows.append([pos, node.id, flags, parent])
            index = len(rows) - 1
            stack.extend((pos + 1, child, index) for child in reversed(node.children))
    return rows


def tree_from_json(data: object) -> RevTree:
    """The inverse of tree_to_json; ValueError("malformed revision tree: ...") on bad input."""

    def bad(why: str) -> ValueError:
        return ValueError(f"malformed revision tree: {why}")

    if not isinstance(data, list):
        raise bad("expected a list of [pos, id, flags, parent] rows")
    tree: RevTree = []
    made: list[tuple[int, RevNode]] = []
    for i, row in enumerate(data):
        if not (isinstance(row, list) and len(row) == 4):
            raise bad("a row must be [pos, id, flags, parent]")
        pos, node_id, flags, parent = row
        if isinstance(pos, bool) or not isinstance(pos, int) or pos < 1:
            raise bad("a revision's pos must be a positive integer")
        if not isinstance(node_id, str) or not node_id:
            raise bad("a revision id must be non-empty text")
        if isinstance(flags, bool) or not isinstance(flags, int) or not 0 <= flags <= 3:
            raise bad("flags must be an integer from 0 to 3")
        if isinstance(parent, bool) or not isinstance(parent, int) or not -1 <= parent < i:
            raise bad("a parent must be -1 or an earlier row")
        node = RevNode(node_id, bool(flags & _DELETED), not flags & _UNAVAILABLE)
        if parent == -1:
            tree.append(RevPath(pos, node))
        else:
            parent_pos, parent_node = made[parent]
            if parent_pos + 1 != pos:
                raise bad(f"revision {pos}-{node_id} is not one generation after its parent")
            if any(c.id == node_id for c in parent_node.children):
                raise bad(f"revision {parent_node.id} has two children with the same id")
            parent_node.children.append(node)
            parent_node.children.sort(key=lambda n: n.id)  # the invariant merge relies on
        made.append((pos, node))
    if len({(p.pos, p.root.id) for p in tree}) != len(tree):
        raise bad("two paths start at the same revision")
    tree.sort(key=lambda p: (p.pos, p.root.id))
    return tree
