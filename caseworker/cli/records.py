"""Reading commands: ``show citizen`` and ``show case`` (``search`` is in ``search_command``)."""

import argparse
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.cli.app import Context
from caseworker.cli.output import print_json, print_record
from caseworker.display import visible
from caseworker.models import Case, StoredDocument
from caseworker.revisions import tree as revtree
from caseworker.services import (
    cases,
    citizens,
    contacts,
    markers,
    merges,
    outcomes,
    refusals,
    workflow,
)


def _conflicts(session: Session, doc_id: str) -> list[str]:
    row = session.get(StoredDocument, doc_id)
    if row is None or not row.conflicted:
        return []
    return revtree.conflicts(revtree.tree_from_json(json.loads(row.rev_tree)))


def citizen_record(session: Session, citizen_id: str) -> dict[str, Any]:
    c = citizens.get_citizen(session, citizen_id)
    their_cases = session.scalars(
        select(Case).where(Case.citizen_id == c.id).order_by(Case.opened_at.desc())
    ).all()
    return {
        "id": c.id,
        "name": c.display_name,
        "given_name": c.given_name,
        "family_name": c.family_name,
        "date_of_birth": c.date_of_birth,
        "language": c.language,
        "identifiers": [
            {
                "kind": i.kind,
                "value": i.value,
                "postcode": i.postcode,
                "verified_by": i.verified_by,
                "verified_at": i.verified_at,
            }
            for i in c.identifiers
        ],
        "consents": [
            {
                "purpose": x.purpose,
                "lawful_basis": x.lawful_basis,
                "source": x.source,
                "valid_from": x.valid_from,
                "valid_to": x.valid_to,
            }
            for x in c.consents
        ],
        "cases": [
            {"reference": k.reference, "id": k.id, "summary": k.summary, "status": k.status}
            for k in their_cases
        ],
        "latest_interactions": [
            {"at": i.at, "channel": i.channel, "direction": i.direction, "summary": i.summary}
            for i in contacts.timeline(session, c.id, limit=20)
        ],
        "markers": [
            {
                "kind": m.kind,
                "reason": m.reason,
                "set_by": m.set_by,
                "set_at": m.set_at,
                "review_on": m.review_on,
                "address": m.address,
            }
            for m in markers.of_citizen(session, c.id)
        ],
        "conflicts": _conflicts(session, c.id),
        # Shown as its survivor in the window; here as it is, with the merges naming it (the
        # id to give ``caseworker citizen unmerge``).
        "merged_into": c.merged_into,
        "merges": [
            {
                "id": m.id,
                "merged_id": m.merged_id,
                "survivor_id": m.survivor_id,
                "state": m.state,
                "at": m.at,
                "by": m.by,
                "reason": m.reason,
            }
            for m in merges.merges_of(session, c.id)
        ],
    }


def _refused(session: Session, doc_id: str) -> str | None:
    """Why the central service refused this record's last change, if it did."""
    refusal = refusals.refusal_of(session, doc_id)
    return refusal.reason if refusal is not None else None


def case_record(session: Session, ref: str) -> dict[str, Any]:
    k = cases.get_case(session, ref)
    return {
        "refused": _refused(session, k.id),
        "id": k.id,
        "reference": k.reference,
        "summary": k.summary,
        "description": k.description,
        "service": k.service_code,
        "status": k.status,
        "allowed_next": list(workflow.allowed_next(k.status)),
        "priority": k.priority,
        "channel": k.channel,
        "queue_id": k.queue_id,
        "assignee_id": k.assignee_id,
        "citizen_id": k.citizen_id,
        "opened_at": k.opened_at,
        "due_at": k.due_at,
        "resolved_at": k.resolved_at,
        "closed_at": k.closed_at,
        "outcome": k.outcome,
        "outcomes": [o.code for o in outcomes.for_service(session, k.service_code)],
        "location": {"address": k.location_address, "postcode": k.location_postcode},
        "notes": [
            {"at": n.at, "by": n.by, "text": n.text, "refused": _refused(session, n.id)}
            for n in contacts.case_notes(session, k.id)
        ],
        "history": [
            {
                "at": e.at,
                "by": e.by,
                "kind": e.kind,
                "field": e.field,
                "old": e.old,
                "new": e.new,
                "comment": e.comment,
            }
            for e in cases.history(session, k.id)
        ],
        "conflicts": _conflicts(session, k.id),
    }


def _show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        record = (
            citizen_record(session, args.id)
            if args.kind == "citizen"
            else case_record(session, args.id)
        )
    if args.json:
        print_json(record)
        return 0
    refused = record.pop("refused", None)
    if refused is not None:  # first, so nobody takes the record shown for the server's
        print(f"Refused by the central service: {visible(refused)}")
        shown = visible(str(record["id"]))
        print(f"  ways out: caseworker refused take-server {shown} | reapply {shown}")
    for note in record.get("notes", ()):
        if note.get("refused") is not None:
            note["refused"] = f"[refused: {note['refused']}]"
    print_record(record)
    return 0


def configure_citizen(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="a citizen id (citizen:...)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show, kind="citizen")


def configure_case(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="a case id (case:...) or reference (ABCD-EFGH-JKLM)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_show, kind="case")
