"""``caseworker publish-kpis``: open data that holds no personal data, whatever the store
holds; small counts suppressed; a partial store refused unless told; all or nothing on disk."""

import csv
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import main
from caseworker.kpis import publication
from caseworker.models import Checkpoint
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from sync import config
from tests.support.council import council_docs

MARKERS = {
    "summary": "ZQSUMMARYMARK",
    "description": "ZQDESCRIPTIONMARK",
    "given_name": "Zqgivenmark",
    "family_name": "Zqfamilymark",
    "address": "17 ZQADDRESSMARK Street",
    "postcode": "ZZ9 9ZQ",
    "email": "zqemailmark@example.org",
    "note": "ZQNOTEMARK",
    "username": "zqusernamemark",
}
HOSTILE_NAME = '<script>alert("x")</script> & <b>Bins</b>'
FORMULA_NAME = '=HYPERLINK("http://evil.example","Click")'


def _case(n: int, service: str, channel: str, opened: str, **fields: Any) -> dict[str, Any]:
    return {
        "_id": f"case:zqcaseid{n:04d}", "type": "case", "schema": 1,
        "reference": f"ZQR-{n:04d}-0000", "citizen_id": f"citizen:zqcitizen{n:04d}",
        "service_code": service, "summary": f"{MARKERS['summary']} {n}",
        "description": MARKERS["description"], "status": "new", "priority": "normal",
        "channel": channel, "queue_id": "queue:waste", "assignee_id": "staff:zqstaff",
        "opened_at": opened, "due_at": "2026-03-20T12:00:00.000Z",
        "updated_at": opened,
        "location": {"address": MARKERS["address"], "postcode": MARKERS["postcode"]},
        **fields,
    }  # fmt: skip


def _citizen(n: int) -> dict[str, Any]:
    at = "2026-03-01T09:00:00.000Z"
    return {
        "_id": f"citizen:zqcitizen{n:04d}", "type": "citizen", "schema": 1,
        "given_name": MARKERS["given_name"], "family_name": MARKERS["family_name"],
        "language": "en", "consents": [], "created_at": at, "updated_at": at,
        "identifiers": [
            {"id": f"i{n}e", "kind": "email", "value": MARKERS["email"],
             "verified_by": "unverified", "added_at": at},
            {"id": f"i{n}a", "kind": "address", "value": MARKERS["address"],
             "postcode": MARKERS["postcode"], "verified_by": "unverified", "added_at": at},
        ],
    }  # fmt: skip


def _service(code: str, name: str) -> dict[str, Any]:
    return {
        "_id": f"service:{code}", "type": "service", "schema": 1, "code": code, "name": name,
        "group": "Waste", "keywords": [], "resolve_hours": 72, "response_hours": 24,
        "active": True,
    }  # fmt: skip


def seeded(store: Store) -> None:
    """March 2026 (London): missed-bin has 30 cases, 24 by phone and a few by other channels;
    some resolved on time, some late; a hostile-named service has 6."""
    docs: list[dict[str, Any]] = [*council_docs()]
    docs.append(_service("zq-hostile", HOSTILE_NAME))
    docs.append(_service("=cmd", FORMULA_NAME))
    docs.append(
        {
            "_id": "staff:zqstaff",
            "type": "staff",
            "schema": 1,
            "name": "Zq Staffmark",
            "username": MARKERS["username"],
            "email": MARKERS["email"],
            "role": "agent",
            "queue_ids": ["queue:waste"],
            "active": True,
        }
    )
    channels = ["phone"] * 24 + ["email"] * 3 + ["letter"] * 3
    for n, channel in enumerate(channels):
        fields: dict[str, Any] = {}
        if n < 20:  # resolved: the first 14 on time (before 20 March), the rest late
            day = 5 + n if n < 14 else 25
            fields = {"status": "resolved", "resolved_at": f"2026-03-{day:02d}T10:00:00.000Z"}
        docs.append(_case(n, "missed-bin", channel, "2026-03-05T09:00:00.000Z", **fields))
        docs.append(_citizen(n))
    for n in range(100, 106):
        docs.append(_case(n, "zq-hostile", "web_form", "2026-03-06T09:00:00.000Z"))
    for n in range(200, 206):
        docs.append(_case(n, "=cmd", "app", "2026-03-06T09:00:00.000Z"))
    # Opened at 23:30 UTC on 31 March: 00:30 on 1 April in London (summer time).
    docs.append(_case(300, "missed-bin", "phone", "2026-03-31T23:30:00.000Z"))
    # A service no catalogue names: counted nowhere, and its code never written out.
    docs.append(_case(301, "zqunlistedservice", "phone", "2026-03-06T09:00:00.000Z"))
    with store.write() as session:
        for doc in docs:
            docstore.put(session, doc)
        docstore.put(
            session,
            {"_id": "note:zq", "type": "note", "schema": 1, "case_id": "case:zqcaseid0000",
             "text": MARKERS["note"], "at": "2026-03-05T10:00:00.000Z", "by": "staff:zqstaff"},
        )  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    store = Store(folder / STORE_FILENAME)
    seeded(store)
    store.close()
    yield folder


def publish(data_dir: Path, out: Path, *extra: str) -> int:
    return main.run(
        ["--data-dir", str(data_dir), "publish-kpis", "--out", str(out),
         "--from", "2026-03", "--to", "2026-04", *extra]
    )  # fmt: skip


def every_file(out: Path) -> dict[str, str]:
    return {
        str(p.relative_to(out)): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def rows(out: Path, name: str) -> list[dict[str, str]]:
    with (out / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_name_address_free_text_reference_id_or_username_reaches_any_file(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    files = every_file(out)
    assert "index.html" in files and "index.cy.html" in files
    assert "data/missed-bin/2026-03.csv" in files
    forbidden = [*MARKERS.values(), "zq", "ZQR-", "zqunlistedservice", "staff:"]
    for path, text in files.items():
        lowered = text.lower()
        for marker in forbidden:
            if marker == "zq":
                # the hostile service's own code and name are the only "zq" allowed
                lowered = lowered.replace("zq-hostile", "")
            assert marker.lower() not in lowered, (path, marker)
        assert "zqunlisted" not in path and ".." not in path


def test_a_service_name_with_html_or_a_formula_is_shown_as_text(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Bins" in page
    # The formula service's folder is named safely, and its name cannot run in a spreadsheet.
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    paths = {f["service_code"]: f["csv_en"] for f in index["files"]}
    assert paths["=cmd"].startswith("data/cmd-") and "=" not in paths["=cmd"]
    first = rows(out, paths["=cmd"])[0]
    assert first["Service code"] == "'=cmd"
    assert first["Service"] == "'" + FORMULA_NAME


def test_small_counts_are_suppressed_and_cannot_be_worked_out_from_the_total(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    by_channel = {r["Channel"]: r for r in rows(out, "data/missed-bin/2026-03.csv")}
    # 3 by email, 3 by letter: each suppressed; the total and phone stay.
    assert by_channel["Email"]["Requests received"] == "suppressed"
    assert by_channel["Letter"]["Requests received"] == "suppressed"
    assert by_channel["Phone"]["Requests received"] == "24"
    assert by_channel["All channels"]["Requests received"] == "30"
    assert by_channel["In person"]["Requests received"] == "0"  # a zero names nobody
    # 20 resolved, 14 on time, 6 late: all by phone, so phone's figures are the total's.
    assert by_channel["All channels"]["Resolved"] == "20"
    assert by_channel["All channels"]["Resolved within target"] == "14"
    assert by_channel["Email"]["Median days to resolve"] == ""  # none resolved
    # Six cases of the hostile service: 6 shown; none resolved.
    hostile = {r["Channel"]: r for r in rows(out, "data/zq-hostile/2026-03.csv")}
    assert hostile["Web form"]["Requests received"] == "6"
    welsh = {r["Sianel"]: r for r in rows(out, "data/missed-bin/2026-03.cy.csv")}
    assert welsh["E-bost"]["Ceisiadau a ddaeth i law"] == "wedi'i atal"
    record = json.loads((out / "data/missed-bin/2026-03.json").read_text(encoding="utf-8"))
    email = next(r for r in record["rows"] if r["channel"] == "email")
    assert email["requests_received"] is None
    assert "requests_received" in email["suppressed"]


def test_months_are_london_months(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    april = {r["Channel"]: r for r in rows(out, "data/missed-bin/2026-04.csv")}
    assert april["Phone"]["Requests received"] == "suppressed"  # the one at 00:30 BST
    assert april["All channels"]["Requests received"] == "suppressed"


def test_a_laptop_that_syncs_as_an_agent_is_refused_unless_partial_is_given(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config.save(data_dir, config.CentralConfig("https://council.example/db", "agent"))
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 1
    err = capsys.readouterr().err
    assert "syncs as agent, an agent, who holds only their own share" in err
    assert "--partial" in err
    assert not out.exists()
    assert publish(data_dir, out, "--partial") == 0
    note = "covers only the cases held on this laptop"
    for path, text in every_file(out).items():
        if path.endswith(".cy.csv") or path.endswith(".cy.html"):
            assert "dim ond yr achosion sydd ar y gliniadur hwn" in text, path
        else:
            assert note in text.lower(), path


def test_an_admins_store_publishes_as_the_whole_council(data_dir: Path, tmp_path: Path) -> None:
    store = Store(data_dir / STORE_FILENAME)
    with store.write() as session:
        docstore.put(
            session,
            {"_id": "staff:boss", "type": "staff", "schema": 1, "name": "Boss",
             "username": "boss", "role": "admin", "queue_ids": [], "active": True},
        )  # fmt: skip
    store.close()
    config.save(data_dir, config.CentralConfig("https://council.example/db", "boss"))
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    assert json.loads((out / "index.json").read_text(encoding="utf-8"))["coverage"] == "whole"


def test_a_store_that_replicated_but_names_no_user_is_partial(
    data_dir: Path, tmp_path: Path
) -> None:
    store = Store(data_dir / STORE_FILENAME)
    with store.write() as session:
        session.add(Checkpoint(id="_local/x", body="{}"))
    store.close()
    assert publish(data_dir, tmp_path / "open-data") == 1


def test_a_crash_part_way_leaves_the_earlier_publication_whole(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    before = every_file(out)
    written = 0

    def crash_after_ten(self: Path, *args: Any, **kwargs: Any) -> int:
        nonlocal written
        written += 1
        if written > 10:
            raise OSError(28, "No space left on device")
        return original(self, *args, **kwargs)

    original = Path.write_text
    monkeypatch.setattr(Path, "write_text", crash_after_ten)
    assert publish(data_dir, out) == 1
    monkeypatch.undo()
    assert every_file(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "open-data"]  # no leftovers


def test_a_folder_of_other_files_is_never_replaced(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.txt").write_text("mine", encoding="utf-8")
    assert publish(data_dir, out) == 1
    assert (out / "thesis.txt").read_text(encoding="utf-8") == "mine"


def _links(page: str) -> list[str]:
    """Every address the page would load or lead to (href, src, and the like)."""
    found: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if name in ("href", "src", "srcset", "action", "data", "poster") and value:
                    found.append(value)

    Links().feed(page)
    return found


def test_the_page_is_self_contained_and_labelled(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "open-data"
    assert publish(data_dir, out) == 0
    for name, lang in (("index.html", "en"), ("index.cy.html", "cy")):
        page = (out / name).read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert "<h1>" in page and "<h2" in page
        assert "<script" not in page.replace("&lt;script", "")
        links = _links(page)
        assert links and all(not re.match(r"^[a-z]+:|//", link) for link in links), links
        assert "@import" not in page and "url(" not in page and "<link" not in page
        # a table beside every chart
        assert page.count('role="img"') == 2 * page.count("<table>")
        assert page.count("<section") * 2 == page.count('role="img"')
    english = (out / "index.html").read_text(encoding="utf-8")
    assert "2026-03 – 2026-04" in english and "The whole council" in english


def test_the_slugs_of_two_codes_never_clash() -> None:
    found = publication.slugs(["a b", "a-b", "A-B", "../x", ""])
    assert len(set(found.values())) == 5
    assert all("/" not in s and "." not in s and s for s in found.values())
