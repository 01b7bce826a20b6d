"""A subject access export holds every record of a seeded citizen and nothing of anyone
else's: the seeded council, with notes that name other citizens, give their phone numbers and
email addresses, and carry hostile markup, as a careless or malicious colleague might write."""

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from caseworker.access.channels import root_of
from caseworker.documents.codec import new_document
from caseworker.documents.types import NOTE
from caseworker.errors import ValidationError
from caseworker.ids import new_id
from caseworker.models import Case, Checkpoint, StoredDocument
from caseworker.sar import laptop, write
from caseworker.sar.redact import REDACTED
from caseworker.seed import seed_store
from caseworker.services import assurance
from caseworker.services.assurance import NewCheck
from caseworker.services.context import Actor
from caseworker.store import docstore, replication
from caseworker.store.store import Store

SUPERVISOR = Actor("staff:supervisor", "supervisor")
HOSTILE = '<script>alert("x")</script><img src=http://evil.example/x.png>'


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeded")
    store = Store(folder / "caseworker.db")
    seed_store(store, citizens=200, workers=1)
    store.close()
    return folder


def _docs(store: Store) -> list[dict[str, Any]]:
    with store.read() as s:
        rows = s.execute(select(StoredDocument.body).where(StoredDocument.deleted.is_(False)))
        return [json.loads(b) for (b,) in rows]


def _identifiers(doc: dict[str, Any], kind: str) -> list[str]:
    return [i["value"] for i in doc["identifiers"] if i["kind"] == kind]


@pytest.fixture
def council(seeded: Path, tmp_path: Path) -> Iterator[tuple[Store, str, list[dict[str, Any]]]]:
    """The seeded store (a copy), a citizen with cases, and notes on their case naming others."""
    shutil.copy(seeded / "caseworker.db", tmp_path / "caseworker.db")
    store = Store(tmp_path / "caseworker.db")
    docs = _docs(store)
    citizens = [d for d in docs if d.get("type") == "citizen"]
    cases = [d for d in docs if d.get("type") == "case" and d.get("citizen_id")]
    case = cases[0]
    subject = case["citizen_id"]
    others = [
        c
        for c in citizens
        if c["_id"] != subject and _identifiers(c, "phone") and _identifiers(c, "email")
    ][:3]
    texts = [
        f"Spoke to {o['given_name']} {o['family_name']} next door on "
        f"{_identifiers(o, 'phone')[0]}, or write to {_identifiers(o, 'email')[0]} "
        f"(their record is {o['_id']})."
        for o in others
    ]
    with store.write() as s:
        for text in [*texts, HOSTILE]:
            note = new_document(
                NOTE,
                new_id("note"),
                {
                    "case_id": case["_id"],
                    "citizen_id": subject,
                    "text": text,
                    "at": case["opened_at"],
                    "by": "staff:supervisor",
                },
            )
            docstore.put(s, note)
        # Whoever asked proved it is them: a copy of their passport came with the request.
        assurance.record_check(s, SUPERVISOR, subject, NewCheck("document_seen", None, "passport"))
    yield store, subject, citizens
    store.close()


def _export(store: Store, subject: str, out: Path) -> list[Path]:
    with store.read() as s:
        export = laptop.laptop_export(s, SUPERVISOR, subject, None)
    return write.write(out, export)


def test_every_document_routed_to_the_citizen_is_in_the_export(
    council: Any, tmp_path: Path
) -> None:
    store, subject, _ = council
    _export(store, subject, tmp_path / "out")
    with store.read() as s:
        cases = set(s.scalars(select(Case.id).where(Case.citizen_id == subject)))
    roots = {subject, *cases}
    expected = {
        d["_id"]
        for d in _docs(store)
        if root_of(d["_id"], d) in roots or d.get("citizen_id") == subject or d["_id"] in roots
    }
    exported = json.loads(next((tmp_path / "out").glob("*[!s].json")).read_text("utf-8"))
    assert cases and expected <= set(exported["document_ids"])
    assert {c["case"]["_id"] for c in exported["cases"]} == cases
    notes = [n for c in exported["cases"] for n in c["records"].get("note", [])]
    assert len(notes) >= 4  # the four written above, and the seed's


def test_no_other_citizens_name_phone_email_or_id_appears_in_any_file(
    council: Any, tmp_path: Path
) -> None:
    store, subject, citizens = council
    files = _export(store, subject, tmp_path / "out")
    own = next(c for c in citizens if c["_id"] == subject)
    own_values = {f"{own['given_name']} {own['family_name']}".casefold()}
    own_values |= {i["value"].casefold() for i in own["identifiers"]}
    written = b"".join(p.read_bytes() for p in files).decode("utf-8").casefold()
    checked = 0
    for other in citizens:
        if other["_id"] == subject:
            continue
        values = [f"{other['given_name']} {other['family_name']}", other["_id"]]
        values += _identifiers(other, "phone") + _identifiers(other, "email")
        for value in values:
            if value.casefold() not in own_values:
                assert value.casefold() not in written, value
                checked += 1
    assert checked > 500
    assert REDACTED.casefold() in written


def test_the_redactions_file_says_where_what_and_why_but_never_the_value(
    council: Any, tmp_path: Path
) -> None:
    store, subject, _ = council
    files = _export(store, subject, tmp_path / "out")
    listed = json.loads(files[2].read_text("utf-8"))["redactions"]
    kinds = {r["kind"] for r in listed}
    assert {"name", "phone", "email", "citizen_id"} <= kinds
    assert all(r["document"].startswith("note:") and r["field"] == "text" for r in listed)
    assert all(r["why"] for r in listed)
    assert set(listed[0]) == {"document", "field", "kind", "why"}


def test_hostile_markup_in_a_note_is_escaped_and_the_report_loads_nothing(
    council: Any, tmp_path: Path
) -> None:
    store, subject, _ = council
    html = _export(store, subject, tmp_path / "out")[1].read_text("utf-8")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "http://evil.example" in html  # as text only: no tag can load it
    assert "src=" not in html.replace("src=http://evil", "")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert 'lang="cy"' in html and "Eich cofnod" in html  # Welsh beside the English


def test_the_json_is_stable_and_dates_are_iso(council: Any, tmp_path: Path) -> None:
    store, subject, _ = council
    first = _export(store, subject, tmp_path / "a")[0].read_text("utf-8")
    second = _export(store, subject, tmp_path / "b")[0].read_text("utf-8")
    strip = lambda t: {k: v for k, v in json.loads(t).items() if k != "made_at"}  # noqa: E731
    assert strip(first) == strip(second)
    body = json.loads(first)
    assert body["format"] == "caseworker-subject-access" and body["version"] == 1
    assert body["made_at"].endswith("Z") and body["record"]["_id"] == subject
    assert list(body) == sorted(body)


def test_an_agent_or_officer_is_refused_with_the_reason(council: Any) -> None:
    store, subject, _ = council
    for role in ("agent", "field_officer"):
        with store.read() as s, pytest.raises(ValidationError, match="supervisor or an admin"):
            laptop.laptop_export(s, Actor("staff:agent", role), subject, None)


def test_nothing_is_exported_until_the_council_is_sure_who_asked(
    seeded: Path, tmp_path: Path
) -> None:
    shutil.copy(seeded / "caseworker.db", tmp_path / "caseworker.db")
    store = Store(tmp_path / "caseworker.db")
    try:
        subject = next(d["_id"] for d in _docs(store) if d.get("type") == "citizen")
        with store.read() as s, pytest.raises(ValidationError, match="identity verified"):
            laptop.laptop_export(s, SUPERVISOR, subject, None)
        with store.write() as s:  # a check with a code reaches only contact verified
            doc = assurance.citizen_doc(s, subject)
            phone = next((i["id"] for i in doc["identifiers"] if i["kind"] == "phone"), None)
            if phone is not None:
                assurance.record_check(s, SUPERVISOR, subject, NewCheck("call_back", phone))
        with store.read() as s, pytest.raises(ValidationError, match="record a check first"):
            laptop.laptop_export(s, SUPERVISOR, subject, None)
        with store.write() as s:
            assurance.record_check(s, SUPERVISOR, subject, NewCheck("in_person"))
        with store.read() as s:
            assert laptop.laptop_export(s, SUPERVISOR, subject, None).completeness.whole_store
    finally:
        store.close()


def test_a_laptop_that_syncs_as_a_supervisor_says_it_holds_only_part(
    council: Any, tmp_path: Path
) -> None:
    store, subject, _ = council
    with store.write() as s:
        s.add(Checkpoint(id="_local/x", body="{}"))
    with store.read() as s:
        export = laptop.laptop_export(s, SUPERVISOR, subject, "supervisor")
    c = export.completeness
    assert not c.whole_store and not c.complete
    said = [m["en"] for m in c.may_be_missing]
    assert any("cases of theirs this laptop does not hold" in m for m in said)
    assert any("audit" in m for m in said)  # supervisors do not hold the trail
    assert any("ar y gliniadur hwn" in m["cy"] for m in c.may_be_missing)
    html = write.write(tmp_path / "out", export)[1].read_text("utf-8")
    assert "This laptop holds only part of the record" in html
    assert "completed centrally" in html


def test_a_record_of_a_type_this_version_does_not_know_comes_out_as_other_records(
    council: Any, tmp_path: Path
) -> None:
    store, subject, _ = council
    # From a newer laptop, through replication: this version keeps it without knowing it.
    link = {"_id": "link:1", "_rev": "1-" + "a" * 32, "type": "identity_link"}
    link["citizen_ids"] = [subject, "citizen:zz"]
    with store.write() as s:
        docstore.put_replicated(s, link)
    files = _export(store, subject, tmp_path / "out")
    body = json.loads(files[0].read_text("utf-8"))
    assert body["records"]["identity_link"][0]["citizen_ids"] == [subject, REDACTED]
    assert "Other records" in files[1].read_text("utf-8")


def test_files_attached_to_their_records_are_copied_and_listed_with_names_redacted(
    council: Any, tmp_path: Path
) -> None:
    store, subject, citizens = council
    other = next(c for c in citizens if c["_id"] != subject)
    photo = b"\xff\xd8\xff\xe0 a photo of the fly-tipping"
    with store.write() as s:
        case = s.scalars(select(Case.id).where(Case.citizen_id == subject)).first()
        note = new_document(
            NOTE,
            new_id("note"),
            {"case_id": case, "text": "Photo from the resident", "at": "2026-11-02T10:00:00.000Z",
             "by": "staff:supervisor"},
        )  # fmt: skip
        name = f"{other['given_name']} {other['family_name']} at the door.jpg"
        docstore.put(s, replication.attach(s, note, name, "image/jpeg", photo))
    files = _export(store, subject, tmp_path / "out")
    body = json.loads(files[0].read_text("utf-8"))
    listed = [f for f in body["files"] if f["document"] == note["_id"]]
    assert listed == [
        {"document": note["_id"], "name": f"{REDACTED} at the door.jpg",
         "content_type": "image/jpeg", "file": listed[0]["file"], "length": len(photo)}
    ]  # fmt: skip
    assert (tmp_path / "out" / listed[0]["file"]).read_bytes() == photo
    written = b"".join(p.read_bytes() for p in files[:3])
    assert f"{other['given_name']} {other['family_name']}".encode() not in written
    redactions = json.loads(files[2].read_text("utf-8"))["redactions"]
    assert {"document": note["_id"], "field": "files[0].name", "kind": "name",
            "why": "the name of another citizen known to the council"} in redactions  # fmt: skip


def test_a_record_merged_into_theirs_comes_with_what_hangs_off_it(
    council: Any, tmp_path: Path
) -> None:
    store, subject, citizens = council
    own = next(c for c in citizens if c["_id"] == subject)
    older = {k: v for k, v in own.items() if k != "_rev"}
    older |= {"_id": "citizen:older-copy", "merged_into": subject}
    note = new_document(
        NOTE,
        "note:on-older",
        {"citizen_id": "citizen:older-copy", "text": "Called before the merge",
         "at": "2025-01-02T10:00:00.000Z", "by": "staff:supervisor"},
    )  # fmt: skip
    with store.write() as s:
        docstore.put(s, older)
        docstore.put(s, note)
    body = json.loads(_export(store, subject, tmp_path / "out")[0].read_text("utf-8"))
    assert body["merged_records"] == ["citizen:older-copy"]
    assert {"citizen:older-copy", "note:on-older"} <= set(body["document_ids"])
    assert body["records"]["citizen"][0]["merged_into"] == subject  # their own id: kept


def test_what_a_laptop_may_lack_follows_the_channels_its_person_does_not_hold() -> None:
    from caseworker.access.channels import shared_roots
    from caseworker.access.people import Person
    from caseworker.sar.export import may_be_missing

    def lacks(role: str) -> str:
        person = Person("someone", role, "staff:someone")
        return " ".join(m["en"] for m in may_be_missing(person, shared_roots(person)))

    officer, supervisor = lacks("field_officer"), lacks("supervisor")
    assert "social media posts (the mentions channel" in officer
    assert "directory entry (the directory channel" in officer
    assert "mentions" not in supervisor and "directory channel" not in supervisor
    for said in (officer, supervisor):
        assert "cases of theirs this laptop does not hold" in said
        assert "actions on your record (the audit channel" in said
