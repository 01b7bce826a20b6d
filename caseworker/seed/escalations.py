"""The demo council's escalation rules (``escalation_rule`` documents), written in the demo
supervisor's name: a taste of each action, on queues the demo staff work."""

from typing import Any

from caseworker.documents.types import ESCALATION_RULE

BY = "staff:supervisor"  # Sandra Hughes, supervisor of the contact centre and waste
AT = "2026-01-05T09:00:00.000Z"

_RULES: tuple[dict[str, Any], ...] = (
    {
        "key": "waste-warn",
        "name": "Waste: tell the supervisor 4 working hours before a breach",
        "name_cy": "Gwastraff: dweud wrth y goruchwyliwr 4 awr waith cyn methu'r targed",
        "queue_id": "queue:waste",
        "target": "resolve",
        "hours_before": 4,
        "action": "notify",
    },
    {
        "key": "missed-bin-raise",
        "name": "Missed bins: raise the priority at breach",
        "name_cy": "Biniau heb eu casglu: codi'r flaenoriaeth wrth fethu'r targed",
        "service_code": "missed-bin",
        "target": "resolve",
        "hours_before": 0,
        "action": "raise_priority",
    },
    {
        "key": "contact-response",
        "name": "Contact centre: tell the supervisor when a first response is late",
        "name_cy": "Canolfan gyswllt: dweud wrth y goruchwyliwr pan fo ymateb cyntaf yn hwyr",
        "queue_id": "queue:contact",
        "target": "response",
        "hours_before": 0,
        "action": "notify",
    },
    {
        "key": "fly-tipping-move",
        "name": "Fly-tipping: move to Waste when resolution is late",
        "name_cy": "Tipio anghyfreithlon: symud i Wastraff pan fo'r datrys yn hwyr",
        "service_code": "fly-tipping",
        "target": "resolve",
        "hours_before": 0,
        "action": "move_queue",
        "to_queue_id": "queue:waste",
    },
)


def escalation_rules() -> list[dict[str, Any]]:
    return [
        {
            "_id": f"{ESCALATION_RULE.id_prefix}:{rule['key']}",
            "type": ESCALATION_RULE.name,
            "schema": ESCALATION_RULE.schema_version,
            **{k: v for k, v in rule.items() if k != "key"},
            "active": True,
            "by": BY,
            "updated_at": AT,
        }
        for rule in _RULES
    ]
