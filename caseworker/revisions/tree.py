"""Revision trees with CouchDB's rules, as pure functions over plain data.

A document's history is a forest of revision paths (``RevTree``), each rooted at a generation
``pos``. Merging a new path, choosing the winning revision, listing leaves and conflicts and
stemming old history follow PouchDB's ``pouchdb-merge`` (itself a port of CouchDB's
``couch_key_tree``), so every peer that holds the same revisions picks the same winner.

Every traversal is iterative: a linear history of a thousand revisions must not hit Python's
recursion limit.
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


@dataclass
class RevNode:
    id: str  # the hash part of a revision, e.g. "abc" of "2-abc"
    deleted: bool = False
    available: bool = True  # False when this revision's body is not stored
    children: list["RevNode"] = field(default_factory=list)


@dataclass
class RevPath:
    pos: int  # generation number of ``root``
    root: RevNode


RevTree = list[RevPath]


@dataclass(frozen=True)
class Leaf:
    rev: str
    pos: int
    deleted: bool


@dataclass
class MergeResult:
    tree: RevTree
    conflicts: str  # "new_leaf" | "new_branch" | "internal_node" (PouchDB's meaning)
    stemmed_revs: list[str]


def parse_rev(rev: str) -> tuple[int, str]:
    """``"3-abc"`` -> ``(3, "abc")``."""
    if not isinstance(rev, str):
        raise ValueError(f"invalid revision {rev!r}")
    pos, sep, hash_ = rev.partition("-")
    if not sep or not hash_ or not pos.isdigit() or int(pos) < 1:
        raise ValueError(f"invalid revision {rev!r}: expected N-hash")
    return int(pos), hash_


def new_rev_id(pos: int, body: dict[str, Any], parent: str | None, deleted: bool) -> str:
    """Deterministic revision id: the same edit of the same parent gives the same id."""
    content = {k: v for k, v in body.items() if not k.startswith("_")}
    canonical = json.dumps(
        [deleted, parent, content], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return f"{pos}-{hashlib.md5(canonical.encode()).hexdigest()}"


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


def _walk(tree: RevTree) -> list[tuple[int, RevNode]]:
    """Every node with its generation, depth first."""
    out: list[tuple[int, RevNode]] = []
    stack = [(p.pos, p.root) for p in tree]
    while stack:
        pos, node = stack.pop()
        out.append((pos, node))
        stack.extend((pos + 1, child) for child in node.children)
    return out


def _merge_nodes(tree1: RevNode, tree2: RevNode) -> str | None:
    """Merge tree2 into tree1 (same root revision); returns the kind of change, if any."""
    conflicts: str | None = None
    queue = [(tree1, tree2)]
    while queue:
        a, b = queue.pop()
        a.available = a.available or b.available
        for child in b.children:
            if not a.children:
                conflicts = "new_leaf"
                a.children.append(child)
                continue
            merged = False
            for existing in a.children:
                if existing.id == child.id:
                    queue.append((existing, child))
                    merged = True
            if not merged:
                conflicts = "new_branch"
                a.children.append(child)
                a.children.sort(key=lambda n: n.id)
    return conflicts


def _do_merge(tree: RevTree, path: RevPath, dont_expand: bool = False) -> tuple[RevTree, str]:
    if not tree:
        return [path], "new_leaf"
    result: RevTree = []
    conflicts: str | None = None
    merged = False
    for branch in tree:
        if branch.pos == path.pos and branch.root.id == path.root.id:
            found = _merge_nodes(branch.root, path.root)
            result.append(branch)
            conflicts = conflicts or found
            merged = True
        elif not dont_expand:
            # Different starting generations: walk the earlier path down to the later one's
            # root; if that revision is there, graft the later path onto it.
            t1, t2 = (branch, path) if branch.pos < path.pos else (path, branch)
            diff = t2.pos - t1.pos
            candidate: tuple[RevNode | None, int, RevNode] | None = None
            stack: list[tuple[RevNode, int, RevNode | None, int]] = [(t1.root, diff, None, 0)]
            while stack:
                node, d, parent, idx = stack.pop()
                if d == 0:
                    if node.id == t2.root.id and candidate is None:
                        candidate = (parent, idx, node)
                    continue
                stack.extend((child, d - 1, node, j) for j, child in enumerate(node.children))
            if candidate is None:
                result.append(branch)
            else:
                parent, idx, node = candidate
                found = _merge_nodes(node, t2.root)
                if parent is not None:
                    parent.children[idx] = node
                result.append(RevPath(t1.pos, t1.root))
                conflicts = conflicts or found
                merged = True
        else:
            result.append(branch)
    if not merged:
        result.append(path)
    result.sort(key=lambda p: p.pos)
    return result, conflicts or "internal_node"


def root_to_leaf(tree: RevTree) -> list[tuple[int, list[RevNode]]]:
    """Every path from a root to a leaf, as (generation of the first node, nodes)."""
    paths: list[tuple[int, list[RevNode]]] = []
    stack: list[tuple[int, RevNode, list[RevNode]]] = [(p.pos, p.root, []) for p in tree]
    while stack:
        pos, node, history = stack.pop()
        history = [*history, node]
        if not node.children:
            paths.append((pos + 1 - len(history), history))
        stack.extend((pos + 1, child, history) for child in node.children)
    paths.reverse()
    return paths


def _path_to_tree(nodes: list[RevNode], skip: int) -> RevNode:
    root: RevNode | None = None
    leaf: RevNode | None = None
    for node in nodes[skip:]:
        current = RevNode(node.id, node.deleted, node.available)
        if leaf is None:
            root = leaf = current
        else:
            leaf.children.append(current)
            leaf = current
    assert root is not None
    return root


def _stem(tree: RevTree, depth: int) -> tuple[RevTree, list[str]]:
    result: RevTree | None = None
    stemmed: dict[str, bool] = {}
    for pos, nodes in root_to_leaf(tree):
        if len(nodes) > depth:
            cut = len(nodes) - depth
            path = RevPath(pos + cut, _path_to_tree(nodes, cut))
            for s in range(cut):
                stemmed[f"{pos + s}-{nodes[s].id}"] = True
        else:
            path = RevPath(pos, _path_to_tree(nodes, 0))
        result = [path] if result is None else _do_merge(result, path, dont_expand=True)[0]
    final = result or []
    if stemmed:
        for pos, node in _walk(final):
            stemmed.pop(f"{pos}-{node.id}", None)
    return final, list(stemmed)


def merge(tree: RevTree, path: RevPath, rev_limit: int = 1000) -> MergeResult:
    """Merge one path into a tree, then stem every branch to ``rev_limit`` revisions."""
    merged, conflicts = _do_merge(_clone_tree(tree), RevPath(path.pos, _clone(path.root)))
    stemmed_tree, stemmed_revs = _stem(merged, rev_limit)
    return MergeResult(stemmed_tree, conflicts, stemmed_revs)


def _leaf_key(leaf: Leaf) -> tuple[bool, int, str]:
    # CouchDB: a live leaf beats a deleted one, then the longer branch, then the higher id.
    return (not leaf.deleted, leaf.pos, parse_rev(leaf.rev)[1])


def leaves(tree: RevTree) -> list[Leaf]:
    """Every leaf, winner first."""
    found = [
        Leaf(f"{pos}-{node.id}", pos, node.deleted)
        for pos, node in _walk(tree)
        if not node.children
    ]
    found.sort(key=_leaf_key, reverse=True)
    return found


def winning_rev(tree: RevTree) -> str:
    found = leaves(tree)
    if not found:
        raise ValueError("an empty revision tree has no winner")
    return found[0].rev


def is_deleted(tree: RevTree, rev: str | None = None) -> bool:
    wanted = rev or winning_rev(tree)
    for leaf in leaves(tree):
        if leaf.rev == wanted:
            return leaf.deleted
    pos, hash_ = parse_rev(wanted)
    return any(p == pos and n.id == hash_ and n.deleted for p, n in _walk(tree))


def conflicts(tree: RevTree) -> list[str]:
    """Live leaves other than the winner (CouchDB's ``_conflicts``)."""
    win = winning_rev(tree)
    return [leaf.rev for leaf in leaves(tree) if leaf.rev != win and not leaf.deleted]


def deleted_conflicts(tree: RevTree) -> list[str]:
    win = winning_rev(tree)
    return [leaf.rev for leaf in leaves(tree) if leaf.rev != win and leaf.deleted]


def rev_exists(tree: RevTree, rev: str) -> bool:
    pos, hash_ = parse_rev(rev)
    return any(p == pos and node.id == hash_ for p, node in _walk(tree))


def missing_revs(tree: RevTree, revs: list[str]) -> list[str]:
    known = {f"{p}-{node.id}" for p, node in _walk(tree)}
    return [rev for rev in revs if rev not in known]


def is_leaf(tree: RevTree, rev: str) -> bool:
    return any(leaf.rev == rev for leaf in leaves(tree))


def latest(tree: RevTree, rev: str) -> str:
    """The leaf that descends from ``rev`` (``open_revs`` with ``latest=true``)."""
    for pos, nodes in root_to_leaf(tree):
        for i, node in enumerate(nodes):
            if f"{pos + i}-{node.id}" == rev:
                return f"{pos + len(nodes) - 1}-{nodes[-1].id}"
    raise KeyError(f"revision {rev} is not in the tree")


def revisions_of(tree: RevTree, rev: str) -> dict[str, Any]:
    """CouchDB's ``_revisions`` for a revision: ``{"start": N, "ids": [newest, ..., oldest]}``."""
    target_pos, _ = parse_rev(rev)
    for pos, nodes in root_to_leaf(tree):
        for i, node in enumerate(nodes):
            if pos + i == target_pos and f"{target_pos}-{node.id}" == rev:
                return {"start": target_pos, "ids": [n.id for n in reversed(nodes[: i + 1])]}
    raise KeyError(f"revision {rev} is not in the tree")


def path_from_revisions(revisions: dict[str, Any], deleted: bool) -> RevPath:
    """A linear path from ``_revisions``; only the newest revision's body is available."""
    start, ids = revisions.get("start"), revisions.get("ids")
    if isinstance(start, bool) or not isinstance(start, int) or start < 1:
        raise ValueError("malformed _revisions: 'start' must be a positive integer")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) and i for i in ids):
        raise ValueError("malformed _revisions: 'ids' must be a non-empty list of text")
    if len(ids) > start:
        raise ValueError("malformed _revisions: more ids than generations")
    leaf = RevNode(ids[0], deleted=deleted, available=True)
    node = leaf
    for hash_ in ids[1:]:
        node = RevNode(hash_, available=False, children=[node])
    return RevPath(start - len(ids) + 1, node)


def non_leaf_revs(tree: RevTree) -> list[str]:
    return [f"{pos}-{node.id}" for pos, node in _walk(tree) if node.children]


def mark_unavailable(tree: RevTree, revs: set[str]) -> RevTree:
    result = _clone_tree(tree)
    for pos, node in _walk(result):
        if f"{pos}-{node.id}" in revs:
            node.available = False
    return result


def tree_to_json(tree: RevTree) -> list[Any]:
    """Compact form ``[[pos, node], ...]``, node = ``[id, flags, [children]]``.

    flags: 1 = deleted, 2 = body unavailable.
    """

    def encode(node: RevNode) -> list[Any]:
        return [node.id, (1 if node.deleted else 0) | (0 if node.available else 2), []]

    out: list[Any] = []
    for path in tree:
        root = encode(path.root)
        out.append([path.pos, root])
        stack = [(path.root, root)]
        while stack:
            node, enc = stack.pop()
            for child in node.children:
                child_enc = encode(child)
                enc[2].append(child_enc)
                stack.append((child, child_enc))
    return out


def tree_from_json(data: object) -> RevTree:
    def bad(why: str) -> ValueError:
        return ValueError(f"malformed revision tree: {why}")

    def decode(item: object) -> RevNode:
        if not (isinstance(item, list) and len(item) == 3):
            raise bad("a node must be [id, flags, children]")
        node_id, flags, children = item
        if not isinstance(node_id, str) or not node_id:
            raise bad("node id must be text")
        if isinstance(flags, bool) or not isinstance(flags, int) or not 0 <= flags <= 3:
            raise bad("node flags must be 0-3")
        if not isinstance(children, list):
            raise bad("children must be a list")
        return RevNode(node_id, bool(flags & 1), not flags & 2)

    if not isinstance(data, list):
        raise bad("expected a list of paths")
    tree: RevTree = []
    for entry in data:
        if not (isinstance(entry, list) and len(entry) == 2):
            raise bad("a path must be [pos, node]")
        pos, raw = entry
        if isinstance(pos, bool) or not isinstance(pos, int) or pos < 1:
            raise bad("pos must be a positive integer")
        root = decode(raw)
        tree.append(RevPath(pos, root))
        stack: list[tuple[RevNode, Any]] = [(root, raw)]
        while stack:
            node, enc = stack.pop()
            for child_raw in enc[2]:
                child = decode(child_raw)
                node.children.append(child)
                stack.append((child, child_raw))
    return tree
