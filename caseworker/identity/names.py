"""Given names one person may go by: nicknames and Welsh forms (caseworker/data/given_names.json,
where the list says where it comes from)."""

import json
from functools import cache
from importlib import resources

from caseworker.identity.normalise import fold_name


@cache
def _groups() -> dict[str, frozenset[int]]:
    data = json.loads(resources.files("caseworker").joinpath("data/given_names.json").read_text())
    by_name: dict[str, set[int]] = {}
    for n, group in enumerate(data["groups"]):
        for name in group:
            by_name.setdefault(fold_name(name), set()).add(n)
    return {name: frozenset(groups) for name, groups in by_name.items()}


def alias_groups(folded: str) -> frozenset[int]:
    """The groups a folded given name belongs to (empty for a name in none); only its first
    word counts, so "Mary Ann" is looked up as Mary."""
    first = folded.split(" ", 1)[0]
    return _groups().get(first, frozenset())


def are_aliases(a: str, b: str) -> bool:
    """Whether two folded given names are forms of one name (Bill and William, Siôn and John)."""
    return bool(alias_groups(a) & alias_groups(b))


def name_root(folded: str) -> str:
    """One key for every form of a given name, for blocking: the lowest group's number, or the
    name's first word when it is in no group. Names in several groups (Jon) take one of them,
    so blocking by this key alone can miss some pairs: other keys cover those."""
    groups = alias_groups(folded)
    if groups:
        return f"#{min(groups)}"
    return folded.split(" ", 1)[0]
