"""``caseworker central retention review`` reads the whole council from the central database, a
page at a time, and counts as a supervisor's laptop would if it held everything: the council's
schedule (here a shorter rule for closed cases), the London calendar, live legal holds skipped
and counted (an ended one no longer holds), records already erased or asked for not due again,
and only records of the three classes (an open case, a contact on a case, a mention still new
never). It prints classes, counts and ids, never a name."""

import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import requests

import main
from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE, INTERACTION, LEGAL_HOLD, MENTION, RETENTION
from caseworker.erasure import retention
from caseworker.services.erasure import erasure_document
from caseworker.store import replication
from sync import retention_central
from sync.http import CouchClient
from tests.support.couch_server import CouchServer
from tests.sync.helpers import make_store

AT = "2027-01-02T12:00:00+00:00"
SUMMER_CLOSE = "2020-06-30T23:30:00+00:00"


def case(case_id: str, closed_at: str | None, citizen: str = "citizen:c1") -> dict[str, Any]:
    return new_document(
        CASE,
        case_id,
        {
            "reference": "2EVQ-W146-S0DJ",
            "citizen_id": citizen,
            "service_code": "missed-bin",
            "summary": "Quillon Zarathustra's bin",
            "status": "closed" if closed_at else "new",
            "priority": "normal",
            "channel": "phone",
            "queue_id": "queue:waste",
            "opened_at": "2020-01-01T09:00:00+00:00",
            "due_at": "2020-01-02T09:00:00+00:00",
            "closed_at": closed_at,
            "updated_at": "2020-01-01T09:00:00+00:00",
        },
    )


def contact(contact_id: str, case_id: str | None) -> dict[str, Any]:
    return new_document(
        INTERACTION,
        contact_id,
        {
            "citizen_id": "citizen:c1",
            "case_id": case_id,
            "channel": "phone",
            "direction": "inbound",
            "at": "2024-03-10T12:00:00+00:00",
            "summary": "Quillon rang",
        },
    )


def mention(mention_id: str, state: str) -> dict[str, Any]:
    return new_document(
        MENTION,
        mention_id,
        {
            "network": "mastodon",
            "remote_id": mention_id,
            "author_handle": "@quillon",
            "content_text": "bins",
            "published_at": "2026-01-10T12:00:00+00:00",
            "state": state,
        },
    )


def hold(hold_id: str, ended: bool = False, **held: str) -> dict[str, Any]:
    fields = {"reason": "claim 2026/114", "by": "staff:supervisor", "at": SUMMER_CLOSE, **held}
    if ended:
        fields.update(ended_at="2026-01-01T00:00:00+00:00", ended_by="staff:supervisor")
    return new_document(LEGAL_HOLD, hold_id, fields)


def council() -> list[dict[str, Any]]:
    schedule = new_document(
        RETENTION,
        "retention:council",
        {
            "rules": [{"record_class": "closed_case", "months": 12, "action": "anonymise"}],
            "updated_at": "2025-01-01T00:00:00+00:00",
            "updated_by": "staff:admin",
        },
    )
    return [
        schedule,
        case("case:a", SUMMER_CLOSE),
        case("case:b", SUMMER_CLOSE),  # held itself
        case("case:c", SUMMER_CLOSE),  # its hold ended
        case("case:d", "2026-01-01T10:00:00+00:00"),  # 12 months by the council's rule
        case("case:e", SUMMER_CLOSE),  # a disposal already asked for it
        case("case:f", "2026-06-01T10:00:00+00:00"),  # not yet
        case("case:h", SUMMER_CLOSE, "citizen:held"),  # its citizen is held
        case("case:o", None),  # open
        {**case("case:n", SUMMER_CLOSE), "closed_at": None},  # closed with no date: not counted
        hold("hold:1", case_id="case:b"),
        hold("hold:2", True, case_id="case:c"),
        hold("hold:3", citizen_id="citizen:held"),
        erasure_document(
            "erasure:1",
            None,
            by="staff:supervisor",
            mode="anonymise",
            basis="no_longer_necessary",
            reason="retention_schedule",
            record_id="case:e",
        ),
        contact("contact:x", None),
        contact("contact:y", "case:a"),
        mention("mention:x", "dismissed"),
        mention("mention:y", "new"),
    ]


EXPECTED = {
    "closed_case": (["case:a", "case:c", "case:d"], 2),
    "contact_no_case": (["contact:x"], 0),
    "dismissed_mention": (["mention:x"], 0),
}


def store_centrally(server: CouchServer, db_url: str, docs: list[dict[str, Any]]) -> None:
    answer = requests.post(
        f"{db_url}/_bulk_docs", json={"docs": docs}, auth=server.admin_auth, timeout=30
    )
    answer.raise_for_status()
    assert all(r.get("ok") for r in answer.json())


def counted(found: list[retention.Due]) -> dict[str, tuple[list[str], int]]:
    return {d.rule.record_class: (sorted(d.ids), d.held) for d in found}


def test_the_central_review_counts_the_whole_council_a_page_at_a_time(
    couch_server: CouchServer, couch_db: str, tmp_path: Path
) -> None:
    store_centrally(couch_server, couch_db, council())
    client = CouchClient(couch_db, *couch_server.admin_auth)
    try:
        for page in (1, 2, 1000):  # page edges fall everywhere, inside and between ranges
            found = retention_central.review(client, datetime.fromisoformat(AT), page)
            assert counted(found) == EXPECTED, page
    finally:
        client.close()
    # A laptop holding the same records counts the same (the one ``tally`` decides both).
    laptop = make_store(tmp_path, "laptop")
    try:
        with laptop.write() as s:
            replication.put_replicated_many(s, [{**d, "_rev": "1-a"} for d in council()])
        with laptop.read() as s:
            assert counted(retention.due(s, datetime.fromisoformat(AT))) == EXPECTED
    finally:
        laptop.close()


def test_the_command_prints_counts_and_ids_and_no_names(
    couch_server: CouchServer,
    couch_db: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store_centrally(couch_server, couch_db, council())
    user, password = couch_server.admin_auth
    argv = ["central", "retention", "review", "--server", couch_db, "--user", user,
            "--password-stdin", "--at", AT]  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    assert main.run([*argv, "--json", "--ids"]) == 0
    out = capsys.readouterr().out
    rows = {r["record_class"]: r for r in json.loads(out)}
    assert {k: (sorted(r["ids"]), r["held"]) for k, r in rows.items()} == EXPECTED
    assert rows["closed_case"]["months"] == 12 and rows["closed_case"]["due"] == 3
    monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
    assert main.run(argv) == 0
    out = capsys.readouterr().out
    assert "3 due" in out and "2 held" in out
    assert "Quillon" not in out and "Zarathustra" not in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    assert main.run(argv) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
