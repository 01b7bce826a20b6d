"""The central collector writes what a Mastodon instance (played back locally) says into a
central database (the pinned PouchDB Server): each mention once however many collectors run,
edits without losing triage, deletions without losing the case made from them."""

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sync.http import CouchClient, doc_path
from sync.mentions.adapter import NetworkError
from sync.mentions.api import Api
from sync.mentions.collect import collect_once
from sync.mentions.mastodon import Mastodon
from sync.mentions.store import Cursor
from tests.support.couch_server import CouchServer
from tests.support.mastodon import HOST, TOKEN, FakeMastodon, status

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 1, 6, 8, 0, tzinfo=UTC)


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon() as instance:
        yield instance


@pytest.fixture
def db(couch_server: CouchServer, couch_db: str) -> Iterator[CouchClient]:
    client = CouchClient(couch_db, *couch_server.admin_auth)
    yield client
    client.close()


def collect(fake: FakeMastodon, db: CouchClient, recheck: int = 20) -> Any:
    api = Api(fake.base, TOKEN, sleep=lambda s: None)
    try:
        return collect_once(Mastodon(api), db, recheck=recheck, now=lambda: NOW)
    finally:
        api.close()


def mentions(db: CouchClient) -> dict[str, dict[str, Any]]:
    rows = db.get("/_all_docs", params={"include_docs": "true"})["rows"]
    return {r["id"]: r["doc"] for r in rows if r["doc"].get("type") == "mention"}


def seed(fake: FakeMastodon, count: int) -> None:
    for n in range(1, count + 1):
        fake.mention(str(n), status(str(5000 + n), f"<p>@council pothole number {n}</p>"))


def test_each_mention_is_collected_once_with_an_id_every_collector_agrees_on(
    fake: FakeMastodon, db: CouchClient
) -> None:
    seed(fake, 45)
    report = collect(fake, db)
    assert report.collected == 45 and report.pages == 3
    found = mentions(db)
    assert f"mention:mastodon-{HOST}-5001" in found
    doc = found[f"mention:mastodon-{HOST}-5045"]
    assert doc["state"] == "new" and doc["content_text"] == "@council pothole number 45"
    assert doc["author_handle"] == f"@bryn@{HOST}"
    assert Cursor.load(db, "mastodon", HOST).value == "45"
    again = collect(fake, db)
    assert again.collected == 0 and len(mentions(db)) == 45
    # The next round asks only for what came after the cursor.
    assert fake.requests_to("/api/v1/notifications")[-1].endswith("min_id=45")


def test_two_collectors_at_once_collect_each_mention_once(
    couch_server: CouchServer, couch_db: str, fake: FakeMastodon
) -> None:
    seed(fake, 120)
    reports: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        client = CouchClient(couch_db, *couch_server.admin_auth)
        try:
            reports.append(collect(fake, client))
        except BaseException as exc:  # shown by the assertion below
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    client = CouchClient(couch_db, *couch_server.admin_auth)
    try:
        found = mentions(client)
        cursor = Cursor.load(client, "mastodon", HOST).value
    finally:
        client.close()
    assert len(found) == 120
    assert sum(r.collected for r in reports) == 120  # the other saw a 409: already there
    assert all(doc["_rev"].startswith("1-") for doc in found.values())  # written once each
    assert cursor == "120"


def triage(db: CouchClient, doc_id: str, **fields: Any) -> None:
    """An agent's triage, as it reaches the central database through the gateway."""
    doc = db.get(doc_path(doc_id))
    doc.update(triaged_by="staff:agent", triaged_at="2026-01-05T10:00:00.000Z", **fields)
    db.put(doc_path(doc_id), doc)


def test_an_edit_after_triage_changes_the_words_and_keeps_the_triage(
    fake: FakeMastodon, db: CouchClient
) -> None:
    post = status("5001", "<p>Pothole on Heol y Nant</p>")
    fake.mention("1", post)
    collect(fake, db)
    doc_id = f"mention:mastodon-{HOST}-5001"
    triage(db, doc_id, state="linked", citizen_id="citizen:c1")
    post["content"] = "<p>Pothole on Heol y Nant, now two of them</p>"
    post["edited_at"] = "2026-01-05T11:00:00.000Z"
    fake.mention("2", post, kind="update")  # Mastodon's notification of an edit
    report = collect(fake, db)
    assert report.updated == 1
    doc = mentions(db)[doc_id]
    assert doc["content_text"] == "Pothole on Heol y Nant, now two of them"
    assert doc["edited_at"] == "2026-01-05T11:00:00.000Z"
    assert (doc["state"], doc["citizen_id"], doc["triaged_by"]) == (
        "linked",
        "citizen:c1",
        "staff:agent",
    )


def test_an_edit_nobody_was_told_of_is_found_by_reading_the_post_again(
    fake: FakeMastodon, db: CouchClient
) -> None:
    post = status("5001", "<p>Bins missed</p>")
    fake.mention("1", post)
    collect(fake, db)
    post["content"] = "<p>Bins missed again</p>"
    post["edited_at"] = "2026-01-05T11:00:00.000Z"
    assert collect(fake, db).updated == 1
    assert mentions(db)[f"mention:mastodon-{HOST}-5001"]["content_text"] == "Bins missed again"


def test_a_deletion_after_a_case_was_made_keeps_the_case_and_removes_the_words(
    fake: FakeMastodon, db: CouchClient
) -> None:
    fake.mention("1", status("5001", "<p>Fly-tipping behind the chapel</p>"))
    collect(fake, db)
    doc_id = f"mention:mastodon-{HOST}-5001"
    triage(db, doc_id, state="case_opened", citizen_id="citizen:c1", case_id="case:w1")
    fake.delete("5001")
    assert collect(fake, db).deleted == 1
    doc = mentions(db)[doc_id]
    assert doc["content_text"] == "" and "content_html" not in doc
    assert doc["deleted_at"] == "2026-01-06T08:00:00.000Z"
    assert (doc["state"], doc["case_id"]) == ("case_opened", "case:w1")
    assert collect(fake, db).deleted == 0  # deleted once


def test_a_page_that_cannot_be_read_moves_nothing_and_the_next_round_carries_on(
    fake: FakeMastodon, db: CouchClient
) -> None:
    seed(fake, 3)
    fake.fail("/api/v1/notifications", 200, body=b"{truncated")
    with pytest.raises(NetworkError):
        collect(fake, db)
    assert mentions(db) == {} and Cursor.load(db, "mastodon", HOST).value is None
    assert collect(fake, db).collected == 3


def test_a_refused_token_stops_the_headless_collector_in_one_line(
    couch_server: CouchServer, couch_db: str, fake: FakeMastodon
) -> None:
    seed(fake, 2)
    user, password = couch_server.admin_auth

    def run(token: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(ROOT / "main.py"), "central", "mentions", "collect"]
        command += ["--server", couch_db, "--user", user, "--password-stdin"]
        command += ["--instance", fake.base, "--once"]
        env = {**os.environ, "CASEWORKER_MASTODON_TOKEN": token}
        return subprocess.run(
            command, input=password + "\n", capture_output=True, text=True, env=env, timeout=120
        )

    refused = run("not-the-token")
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    assert "connect again" in refused.stderr and "not-the-token" not in refused.stderr
    done = run(TOKEN)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{HOST}: 2 new, 0 edited, 0 deleted")
    client = CouchClient(couch_db, user, password)
    try:
        assert len(mentions(client)) == 2
    finally:
        client.close()


def test_a_server_whose_links_go_round_in_circles_ends_the_round(
    fake: FakeMastodon, db: CouchClient
) -> None:
    seed(fake, 2)
    page = list(reversed(fake.state.notifications))
    same = f'<{fake.base}/api/v1/notifications?min_id=0>; rel="prev"'
    body = json.dumps(page).encode()
    fake.fail("/api/v1/notifications", 200, times=50, body=body, headers={"Link": same})
    report = collect(fake, db, recheck=0)
    assert report.collected == 2 and report.pages == 2
    assert len(fake.requests_to("/api/v1/notifications")) == 2


def test_the_collector_keeps_collecting_and_stops_cleanly_when_told(
    couch_server: CouchServer, couch_db: str, fake: FakeMastodon
) -> None:
    seed(fake, 1)
    user, password = couch_server.admin_auth
    command = [sys.executable, str(ROOT / "main.py"), "central", "mentions", "collect"]
    command += ["--server", couch_db, "--user", user, "--password-stdin"]
    command += ["--instance", fake.base, "--interval", "5"]
    env = {**os.environ, "CASEWORKER_MASTODON_TOKEN": TOKEN}
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(password + "\n")
    process.stdin.close()
    try:
        assert process.stdout.readline().startswith(f"{HOST}: 1 new")
        fake.mention("2", status("5002", "<p>@council and another</p>"))
        assert process.stdout.readline().startswith(f"{HOST}: 1 new")  # the next round
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
