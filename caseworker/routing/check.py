"""What a routing document must be beyond its schema, for the write rules (``access.rules``):
judged on the document alone, so the gateway, the laptop and the window agree.

Whether each rule's queue exists and is active needs the catalogue, so the laptop's service
checks that before it saves (``store.save_rules``) and the evaluator passes over a rule whose
queue has gone since; here only its shape is checked.
"""

from collections.abc import Mapping
from typing import Any

from caseworker import vocab
from caseworker.access.channels import is_id_of
from caseworker.documents.types import ROUTING_ID
from caseworker.routing.areas import prefix_key

MAX_RULES = 10_000  # far more than any council needs; bounds what one edit may carry
NOT_THE_ID = f"the council's routing rules are kept in one record, {ROUTING_ID}"


def problem(doc_id: str, doc: Mapping[str, Any]) -> str | None:
    """None when the (schema-valid) routing document can be used, else why not, naming the
    rule by its position and name."""
    if doc_id != ROUTING_ID:
        return NOT_THE_ID
    rules = doc.get("rules")
    if not isinstance(rules, list):
        return "routing rules must be a list"
    if len(rules) > MAX_RULES:
        return f"at most {MAX_RULES:,} routing rules"
    seen: set[str] = set()
    for n, rule in enumerate(rules, start=1):
        reason = _rule_problem(rule, seen)
        if reason is not None:
            name = rule.get("name") if isinstance(rule, dict) else None
            return f"routing rule {n} ({name!s:.60}): {reason}"
    return None


def _rule_problem(rule: object, seen: set[str]) -> str | None:
    if not isinstance(rule, dict):
        return "not a rule"
    rule_id, name = rule.get("id"), rule.get("name")
    if not isinstance(rule_id, str) or not rule_id.strip() or rule_id in seen:
        return "needs an id of its own"
    seen.add(rule_id)
    if not isinstance(name, str) or not name.strip():
        return "needs a name"
    if not is_id_of(rule.get("queue_id"), "queue"):
        return "must name a queue"
    services = rule.get("service_codes") or []
    areas = rule.get("areas") or []
    channels = rule.get("channels") or []
    if not (services or areas or channels):
        return "must match on a service, an area or a channel (it would take every case)"
    if any(not isinstance(s, str) or not s.strip() for s in services):
        return "a service code cannot be empty"
    for area in areas:
        if not isinstance(area, str) or prefix_key(area) is None:
            return f"{area!r:.40} is not a postcode area, district or sector (e.g. CF, CF10, SA1 4)"
    for channel in channels:
        if channel not in vocab.CHANNELS:
            return f"{channel!r:.40} is not a channel"
    return None
