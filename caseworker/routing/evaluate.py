"""Which queue a new case goes to, and by which rule: a pure function of the rules.

Rules are tried in order and the first that matches wins. A rule matches when the case fits
every criterion it has: one of its services, one of its areas, one of its channels (a rule
with no services matches any service, and so on). A rule whose queue is missing or inactive
is passed over (and said so): a case is never put in a queue nobody works. When no rule
matches, the case goes to its service's default queue, as it did before routing existed.
"""

import heapq
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from caseworker import vocab
from caseworker.routing.areas import postcode_keys, prefix_key

SERVICE_DEFAULT = "service default"


@dataclass(frozen=True)
class Rule:
    """One rule, ready to match: its criteria as sets (None: any)."""

    id: str
    name: str
    queue_id: str
    services: frozenset[str] | None
    areas: frozenset[str] | None
    channels: frozenset[str] | None

    def matches(self, service: str, areas: frozenset[str], channel: str) -> bool:
        return (
            (self.services is None or service in self.services)
            and (self.channels is None or channel in self.channels)
            and (self.areas is None or not self.areas.isdisjoint(areas))
        )


@dataclass(frozen=True)
class Decision:
    """Where a case goes: the queue (None when its service has no default and no rule
    matched), the rule that put it there (None: the service default), and why, in words."""

    queue_id: str | None
    rule_id: str | None
    rule_name: str | None
    passed_over: tuple[str, ...] = ()  # rules that matched but name an unusable queue
    note: str | None = None  # why the rules were not used at all, when they were not

    @property
    def by(self) -> str:
        return self.rule_name if self.rule_name is not None else SERVICE_DEFAULT


def _criterion(values: object, canonical: Any) -> frozenset[str] | None:
    """A rule's list as a set (None when absent or empty: any value). Entries that cannot
    match anything (an empty area, an unknown channel) are dropped; a list left with none
    makes the rule match nothing rather than everything."""
    if not isinstance(values, list) or not values:
        return None
    return frozenset(v for v in map(canonical, values) if v)


def _channel(value: object) -> str | None:
    return value if isinstance(value, str) and value in vocab.CHANNELS else None


def _service(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _area(value: object) -> str | None:
    return prefix_key(value) if isinstance(value, str) else None


class RuleSet(tuple[Rule, ...]):
    """Rules in order, indexed by service, channel and area: a case need only be tried against
    the rules of its service (or of any service), and likewise for its channel and areas, so
    the shortest of those lists is walked, in order, not all 10,000 rules. The first rule that
    matches is in every one of them, so walking any one finds it."""

    def __new__(cls, rules: Iterable[Rule]) -> "RuleSet":
        made = super().__new__(cls, rules)
        made._index = tuple(_index(made, attr) for attr in ("services", "channels", "areas"))
        return made

    _index: tuple[tuple[dict[str, list[int]], list[int]], ...]

    def candidates(self, service: str, areas: frozenset[str], channel: str) -> Iterable[int]:
        """The positions of the rules that could match, in order."""
        lists = []
        for (by_value, anything), values in zip(
            self._index, ((service,), (channel,), tuple(areas)), strict=True
        ):
            found = [by_value[v] for v in values if v in by_value]
            lists.append((sum(map(len, found)) + len(anything), [*found, anything]))
        _size, shortest = min(lists, key=lambda pair: pair[0])
        return shortest[0] if len(shortest) == 1 else _ordered(shortest)


def _ordered(lists: list[list[int]]) -> Iterable[int]:
    """Positions from several sorted lists, in order, each once (a rule may be under two of a
    case's areas)."""
    last = -1
    for position in heapq.merge(*lists):
        if position != last:
            yield position
            last = position


def _index(rules: Sequence[Rule], attr: str) -> tuple[dict[str, list[int]], list[int]]:
    """For one criterion: the rules naming each value, and the rules that take any value."""
    by_value: dict[str, list[int]] = {}
    anything: list[int] = []
    for position, rule in enumerate(rules):
        values: frozenset[str] | None = getattr(rule, attr)
        if values is None:
            anything.append(position)
        for value in values or ():
            by_value.setdefault(value, []).append(position)
    return by_value, anything


def compile_rules(raw: Sequence[Mapping[str, Any]]) -> RuleSet:
    """Rules from a routing document's (validated) ``rules`` list, in order."""
    return RuleSet(
        Rule(
            str(r["id"]),
            str(r["name"]),
            str(r["queue_id"]),
            _criterion(r.get("service_codes"), _service),
            _criterion(r.get("areas"), _area),
            _criterion(r.get("channels"), _channel),
        )
        for r in raw
    )


def decide(
    rules: Sequence[Rule],
    *,
    service_code: str,
    default_queue_id: str | None,
    postcode: str | None,
    channel: str,
    usable_queues: frozenset[str],
    note: str | None = None,
) -> Decision:
    """The queue for a case of ``service_code`` at ``postcode`` by ``channel``: the first
    matching rule whose queue is in ``usable_queues``, else the service's default."""
    areas = postcode_keys(postcode)
    passed: list[str] = []
    if isinstance(rules, RuleSet):
        tried: Iterable[Rule] = (rules[n] for n in rules.candidates(service_code, areas, channel))
    else:
        tried = rules
    for rule in tried:
        if rule.matches(service_code, areas, channel):
            if rule.queue_id in usable_queues:
                return Decision(rule.queue_id, rule.id, rule.name, tuple(passed), note)
            passed.append(rule.name)
    return Decision(default_queue_id, None, None, tuple(passed), note)
