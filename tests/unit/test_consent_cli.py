"""Consents and assurance from the command line: an agent records a consent for email,
lists it, records checks and reads the level they reach, withdraws the consent; a backdated
consent, a knowledge check of one fact, a code to an address not on the record and a second
withdrawal are refused with the reason, and nothing is written."""

import json
from pathlib import Path

import pytest

import main
from caseworker.documents.codec import new_document
from caseworker.documents.types import CITIZEN
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_dir

AT = "2025-01-05T09:00:00.000Z"
OWEN = new_document(
    CITIZEN,
    "citizen:owen",
    {
        "given_name": "Owen",
        "family_name": "Pritchard",
        "language": "cy",
        "identifiers": [
            {
                "id": "e1",
                "kind": "email",
                "value": "owen@example.org",
                "verified_by": "unverified",
                "added_at": AT,
            },
            {
                "id": "p1",
                "kind": "phone",
                "value": "07700 900123",
                "verified_by": "call_back",
                "verified_at": AT,
                "added_at": AT,
            },
        ],
        "consents": [],
        "created_at": AT,
        "updated_at": AT,
    },
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(tmp_path, OWEN)


def _run(data_dir: Path, *args: str) -> int:
    return main.run(["--data-dir", str(data_dir), "citizen", *args, *(
        ("--as", "agent") if args[0] == "verify" or args[1] in ("add", "withdraw") else ()
    )])  # fmt: skip


def _stored(data_dir: Path) -> dict[str, object]:
    store = Store(data_dir / STORE_FILENAME)
    try:
        with store.read() as s:
            doc = docstore.get(s, "citizen:owen")
    finally:
        store.close()
    assert doc is not None
    return doc


def test_an_agent_records_a_consent_and_checks_and_withdraws_the_consent(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add = ["consent", "add", "citizen:owen", "--purpose", "Updates on my cases", "--basis",
           "public_task", "--source", "phone call", "--channel", "email"]  # fmt: skip
    assert _run(data_dir, *add) == 0
    (consent,) = _listed(data_dir, capsys)
    assert consent["channel"] == "email" and consent["not_in_force"] is None
    assert consent["recorded_by"] == "staff:agent"
    # The phone's "call_back" was typed in, not recorded as a check: it counts for nothing.
    assert _run(data_dir, "assurance", "citizen:owen") == 0
    assert "citizen:owen: unverified" in capsys.readouterr().out
    assert _run(data_dir, "verify", "citizen:owen", "--method", "code_sent", "--identifier",
                "e1") == 0  # fmt: skip
    assert "now contact verified" in capsys.readouterr().out
    assert _run(data_dir, "verify", "citizen:owen", "--method", "knowledge_check", "--detail",
                "date_of_birth,postcode") == 0  # fmt: skip
    capsys.readouterr()
    assert _run(data_dir, "assurance", "citizen:owen", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert found["citizen"]["level"] == "identity_verified"
    assert found["citizen"]["method"] == "knowledge_check"
    assert found["identifiers"]["e1"]["level"] == "contact_verified"
    assert found["allowed"]["subject_access_export"] is True
    stored = _stored(data_dir)
    checks, identifiers = stored["checks"], stored["identifiers"]
    assert isinstance(checks, list) and checks[1]["detail"] == "date_of_birth,postcode"
    assert isinstance(identifiers, list) and identifiers[0]["verified_by"] == "email_link"
    assert identifiers[0]["verified_at"] == checks[0]["at"]
    assert _run(data_dir, "consent", "withdraw", "citizen:owen", str(consent["id"])) == 0
    (withdrawn,) = _listed(data_dir, capsys)
    assert withdrawn["withdrawn_by"] == "staff:agent"
    assert str(withdrawn["not_in_force"]).startswith("it was withdrawn on")


def _listed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert _run(data_dir, "consent", "list", "citizen:owen", "--json") == 0
    listed: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return listed


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["consent", "add", "citizen:owen", "--purpose", "Updates", "--basis", "consent",
          "--source", "call", "--channel", "sms", "--valid-from", "2025-01-01T00:00:00Z"],
         "cannot start before today"),
        (["verify", "citizen:owen", "--method", "knowledge_check", "--detail", "postcode"],
         "at least two facts"),
        (["verify", "citizen:owen", "--method", "code_sent", "--identifier", "zz"],
         "one of the citizen's email addresses or phone numbers"),
        (["verify", "citizen:owen", "--method", "document_seen", "--detail", "selfie"],
         "say which document was seen"),
        (["consent", "withdraw", "citizen:owen", "nope"], "no consent nope"),
    ],
)  # fmt: skip
def test_what_the_rules_refuse_is_refused_with_the_reason_and_nothing_is_written(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: list[str], reason: str
) -> None:
    before = _stored(data_dir)
    assert _run(data_dir, *args) != 0
    assert reason in capsys.readouterr().err
    assert _stored(data_dir) == before
