"""Public replies to mentions are posted exactly once: drafted on a laptop with no server,
pushed through the gateway later, posted by the central poster against a stand-in Mastodon
that honours ``Idempotency-Key`` as Mastodon does, however many posters run, wherever one is
killed, whatever Mastodon answers; the posted status comes back to the laptop. A laptop can
neither forge a posted status nor get an old queued revision posted again."""

import asyncio
import signal
import subprocess
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import MENTION
from caseworker.errors import ValidationError
from caseworker.models import MentionReply
from caseworker.services import mention_replies
from caseworker.store import docstore
from caseworker.store.store import Store
from caseworker.timeutil import utcnow
from sync.gateway.couch import Couch
from sync.mention_post import poster as poster_module
from sync.mention_post.mastodon import Mastodon
from sync.mention_post.poster import Counts, Poster, Stop, install_design
from sync.mention_post.token import TOKEN_VARIABLE
from tests.support.gateway import NOW, USERS, Gateway, Server, gateway_council, revision
from tests.support.gateway import running_gateway as gateway_on
from tests.support.mastodon_standin import TOKEN, MastodonStandIn
from tests.sync.helpers import AGENT, make_store, sync
from tests.sync.worker_support import JSON, SCRIPT, Db, eventually

ANN = USERS["ann"]
REMOTE_ID = "109876543210"
HANDLE = "@carys@mastodon.example"
TEXT = "Thank you, Carys: a crew will empty the bin today."


def mention() -> dict[str, Any]:
    return new_document(
        MENTION,
        "mention:m1",
        {
            "network": "mastodon",
            "remote_id": REMOTE_ID,
            "url": f"https://mastodon.example/@carys/{REMOTE_ID}",
            "author_handle": HANDLE,
            "content_text": "@council my green bin was missed again on Heol y Bont",
            "published_at": NOW,
            "state": "case_opened",
            "case_id": "case:w1",
        },
    )


def social_waste_queue(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The waste queue answers social media too: its agents (Ann) hold the mentions."""
    return [{**d, "channels": ["social"]} if d.get("_id") == "queue:waste" else d for d in docs]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with gateway_on(server, [*social_waste_queue(gateway_council()), mention()]) as gateway:
        yield gateway


@pytest.fixture
def mastodon() -> Iterator[MastodonStandIn]:
    with MastodonStandIn() as stand_in:
        yield stand_in


def central(gateway: Gateway) -> Db:
    return Db(gateway.upstream_db_url, gateway.server.admin_auth)


def drafted(
    tmp_path: Path, gateway: Gateway, text: str = TEXT, *, poster_running: bool = False
) -> tuple[Store, str]:
    """Ann's laptop: the case and the mention come down, the reply is drafted with no server
    at all, then pushed through the gateway (where a running poster may take it at once)."""
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    with laptop.write() as s:
        reply_id, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", text, language="en")
    assert central(gateway).get("/" + reply_id) is None  # nothing leaves without a sync
    pushed = sync(laptop, gateway.db_url, ANN)
    assert not pushed.refused, pushed.refused
    states = {"queued", "posting", "posted"} if poster_running else {"queued"}
    assert central(gateway).get("/" + reply_id)["state"] in states
    return laptop, reply_id


def posting(
    gateway: Gateway,
    mastodon: MastodonStandIn,
    *names: str,
    stale: timedelta = timedelta(minutes=10),
    later: timedelta = timedelta(0),
    lines: list[str] | None = None,
    patch: Callable[[Poster], None] | None = None,
    timeout: float | None = None,
) -> list[Counts]:
    """One pass of each named poster, all at once, in this process (each its own clients)."""
    parts = urlsplit(gateway.upstream_db_url)
    server_url = f"{parts.scheme}://{parts.netloc}"
    db = parts.path.rsplit("/", 1)[1]
    said = lines if lines is not None else []

    async def one(name: str) -> Counts:
        couch = Couch(server_url, db, *gateway.server.admin_auth)
        http = httpx.AsyncClient(timeout=timeout) if timeout is not None else None
        client = Mastodon(mastodon.url, TOKEN, http=http)
        try:
            await install_design(couch)
            poster = Poster(
                couch,
                client,
                name=name,
                say=said.append,
                stale_after=stale,
                now=lambda: utcnow() + later,
            )
            if patch is not None:
                patch(poster)
            return await poster.run_once()
        finally:
            await client.aclose()
            if http is not None:
                await http.aclose()
            await couch.aclose()

    async def all_of() -> list[Counts]:
        return list(await asyncio.gather(*(one(n) for n in names or ("poster-a",))))

    return asyncio.run(all_of())


def reply_of(gateway: Gateway, reply_id: str) -> Any:
    return central(gateway).get("/" + reply_id)


def test_a_reply_drafted_offline_is_posted_once_by_the_command_and_comes_back_to_the_laptop(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, reply_id = drafted(tmp_path, gateway)
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    command = [
        str(SCRIPT), "central", "mentions", "post", "--server", gateway.upstream_db_url,
        "--user", gateway.server.admin_auth[0], "--password-stdin", "--allow-http",
        "--instance", mastodon.url, "--once",
    ]  # fmt: skip
    for _ in range(2):  # run twice: nothing is posted again
        done = subprocess.run(
            command,
            input=gateway.server.admin_auth[1] + "\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    (status,) = mastodon.posts
    assert status.text == f"{HANDLE} {TEXT}"  # the author named first, or they never see it
    assert (status.in_reply_to_id, status.visibility, status.language) == (
        REMOTE_ID,
        "public",
        "en",
    )
    assert status.key == reply_id
    doc = reply_of(gateway, reply_id)
    assert (doc["state"], doc["status_id"], doc["attempts"]) == ("posted", status.id, 1)
    assert doc["status_url"].endswith("/@council/" + status.id)
    sync(laptop, gateway.db_url, ANN)
    with laptop.read() as s:
        (shown,) = mention_replies.case_mention_replies(s, "case:w1")
    assert (shown.id, shown.state, shown.status_url) == (reply_id, "posted", doc["status_url"])
    everything = requests.get(
        central(gateway).url + "/_all_docs",
        params={"include_docs": "true"},
        auth=gateway.server.admin_auth,
        headers=JSON,
        timeout=30,
    ).text
    assert TOKEN not in everything  # the council's token never reaches the database


def test_two_posters_at_once_post_it_once(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    mastodon.post_delay = 0.3  # the first poster is still posting when the second looks
    a, b = posting(gateway, mastodon, "poster-a", "poster-b")
    assert len(mastodon.posts) == 1
    assert a.posted + b.posted == 1 and a.busy + b.busy == 1
    assert reply_of(gateway, reply_id)["state"] == "posted"


def _crash_after_post(poster: Poster) -> None:
    async def crash(*args: Any) -> None:
        raise RuntimeError("killed after Mastodon answered, before the reply was recorded")

    poster._posted = crash  # type: ignore[method-assign]


@pytest.mark.parametrize("key_forgotten", [False, True])
def test_a_poster_killed_between_posting_and_recording_never_posts_twice(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn, key_forgotten: bool
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    with pytest.raises(RuntimeError):
        posting(gateway, mastodon, patch=_crash_after_post)
    assert len(mastodon.posts) == 1
    assert reply_of(gateway, reply_id)["state"] == "posting"  # the claim is all that is left
    # Another poster meanwhile: the claim is fresh, so it is left to its holder.
    (busy,) = posting(gateway, mastodon, "poster-b")
    assert busy.busy == 1 and len(mastodon.posts) == 1
    if key_forgotten:  # past Mastodon's hour for the key: only the look-up can tell
        mastodon.forget_keys()
    mastodon.someone_else_replies(REMOTE_ID, f"{HANDLE} {TEXT}")  # not the council's
    lines: list[str] = []
    (again,) = posting(gateway, mastodon, "poster-c", stale=timedelta(0), lines=lines)
    assert len(mastodon.posts) == 1
    assert again.found == 1 and again.posted == 0
    doc = reply_of(gateway, reply_id)
    assert (doc["state"], doc["status_id"]) == ("posted", mastodon.posts[0].id)
    assert any("taking over the claim poster-a" in line for line in lines)


def test_a_claim_left_before_anything_was_posted_is_posted_once_when_taken_over(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    mastodon.fail_next("cut")  # the connection dies before Mastodon takes it
    posting(gateway, mastodon)
    doc = reply_of(gateway, reply_id)
    assert doc["state"] == "queued" and doc["not_before"] and mastodon.posts == []
    (soon,) = posting(gateway, mastodon)  # not before its time
    assert soon.posted == 0 and mastodon.posts == []
    (later,) = posting(gateway, mastodon, later=timedelta(minutes=5))
    assert later.posted == 1 and len(mastodon.posts) == 1
    assert reply_of(gateway, reply_id)["attempts"] == 2


@pytest.mark.parametrize("fault", ["500", "cut_after", "garbage_after"])
def test_mastodon_away_or_a_lost_answer_is_tried_again_later_and_posted_once(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn, fault: str
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    mastodon.fail_next(fault)
    (first,) = posting(gateway, mastodon)
    assert first.later == 1 and reply_of(gateway, reply_id)["state"] == "queued"
    mastodon.forget_keys()  # even past the key's hour, the look-up finds a post that happened
    (second,) = posting(gateway, mastodon, later=timedelta(minutes=5))
    assert len(mastodon.posts) == 1
    assert (second.posted, second.found) == ((1, 0) if fault == "500" else (0, 1))
    assert reply_of(gateway, reply_id)["status_url"].startswith(mastodon.url)
    assert reply_of(gateway, reply_id)["status_id"] == mastodon.posts[0].id


def test_a_reply_mastodon_refuses_is_failed_with_its_reason_and_never_tried_again(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    laptop, reply_id = drafted(tmp_path, gateway)
    mastodon.fail_next("422")
    (counts,) = posting(gateway, mastodon)
    doc = reply_of(gateway, reply_id)
    assert counts.failed == 1 and doc["state"] == "failed"
    assert "Validation failed: Text character limit exceeded (422)" in doc["failure"]
    posting(gateway, mastodon, later=timedelta(hours=3))
    assert mastodon.posts == [] and reply_of(gateway, reply_id)["state"] == "failed"
    sync(laptop, gateway.db_url, ANN)
    with laptop.read() as s:
        shown = s.get(MentionReply, reply_id)
        assert shown is not None and shown.failure == doc["failure"]


def test_a_rate_limit_puts_the_reply_back_until_the_reset_and_stops_the_pass(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    laptop, first = drafted(tmp_path, gateway)
    with laptop.write() as s:
        second, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", "And we are sorry.")
    sync(laptop, gateway.db_url, ANN)
    mastodon.reset_in = 60
    mastodon.fail_next("429")
    (counts,) = posting(gateway, mastodon)
    assert counts.later == 1 and counts.posted == 0  # the second was not even tried
    assert [m for m, p in mastodon.requests if m == "POST"] == ["POST"]
    assert reply_of(gateway, first)["not_before"] is not None
    (after,) = posting(gateway, mastodon, later=timedelta(minutes=2))
    assert after.posted == 2 and len(mastodon.posts) == 2
    assert {reply_of(gateway, r)["state"] for r in (first, second)} == {"posted"}


def test_a_revoked_token_stops_the_poster_with_a_clear_message_and_posts_nothing(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    mastodon.fail_next("401")
    with pytest.raises(Stop, match="refused the council's token"):
        posting(gateway, mastodon)
    assert reply_of(gateway, reply_id)["state"] == "queued"  # the claim given back
    monkeypatch.setenv(TOKEN_VARIABLE, "a-revoked-token")
    command = [
        str(SCRIPT), "central", "mentions", "post", "--server", gateway.upstream_db_url,
        "--user", gateway.server.admin_auth[0], "--password-stdin", "--allow-http",
        "--instance", mastodon.url,  # not --once: a revoked token stops it anyway
    ]  # fmt: skip
    done = subprocess.run(
        command,
        input=gateway.server.admin_auth[1] + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "refused the council's token" in done.stderr and "Traceback" not in done.stderr
    assert mastodon.posts == [] and reply_of(gateway, reply_id)["state"] == "queued"


def test_a_laptop_cannot_forge_a_posted_status_or_get_an_old_queued_revision_posted_again(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    laptop, reply_id = drafted(tmp_path, gateway)
    queued = reply_of(gateway, reply_id)
    # A laptop writing "posted" past its own rules: the gateway refuses it.
    with laptop.write() as s:
        forged = {**docstore.get(s, reply_id), "state": "posted", "status_id": "1"}
        docstore.put(s, {**forged, "status_url": "https://evil.example/1"})
    result = sync(laptop, gateway.db_url, ANN)
    assert reply_id in result.refused
    assert reply_of(gateway, reply_id)["state"] == "queued"
    posting(gateway, mastodon)
    assert len(mastodon.posts) == 1
    # A laptop restored from a backup pushes the old queued revision, and a branch off it.
    start, digest = queued["_rev"].split("-", 1)
    old = {**queued, "_revisions": {"start": int(start), "ids": [digest]}}
    branch = revision({**queued, "at": NOW}, [queued["_rev"]])
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={
            "docs": [old, branch],
            "new_edits": False,
        },
        auth=ANN,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code in (201, 202)
    assert reply_of(gateway, reply_id)["state"] == "posted"
    posting(gateway, mastodon, stale=timedelta(0), later=timedelta(hours=2))
    assert len(mastodon.posts) == 1


def test_a_reply_cancelled_while_queued_is_never_posted_and_one_being_posted_cannot_be(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    laptop, cancelled = drafted(tmp_path, gateway)
    with laptop.write() as s:
        mention_replies.cancel_reply(s, AGENT, cancelled)
        kept, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", "Sorry for the wait.")
    sync(laptop, gateway.db_url, ANN)
    posting(gateway, mastodon)
    assert [p.key for p in mastodon.posts] == [kept]
    assert reply_of(gateway, cancelled)["state"] == "cancelled"
    sync(laptop, gateway.db_url, ANN)
    with laptop.write() as s, pytest.raises(ValidationError, match="no longer be cancelled"):
        mention_replies.cancel_reply(s, AGENT, kept)


def test_a_reply_whose_mention_left_the_case_is_failed_not_posted(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    db = central(gateway)
    db.put({**db.get("/mention:m1"), "case_id": None, "state": "new"})
    posting(gateway, mastodon)
    doc = reply_of(gateway, reply_id)
    assert mastodon.posts == []
    assert (doc["state"], doc["failure"]) == ("failed", "its mention is no longer on this case")


def test_the_command_refuses_an_unencrypted_instance(gateway: Gateway) -> None:
    command = [
        str(SCRIPT), "central", "mentions", "post", "--server", gateway.upstream_db_url,
        "--user", "admin", "--password-stdin", "--once", "--instance", "http://mastodon.example",
    ]  # fmt: skip
    done = subprocess.run(command, input="x\n", capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and "not encrypted" in done.stderr


def test_when_mastodon_says_no_requests_remain_nothing_more_is_posted_before_the_reset(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    laptop, first = drafted(tmp_path, gateway)
    with laptop.write() as s:
        second, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", "And we are sorry.")
    sync(laptop, gateway.db_url, ANN)
    mastodon.remaining = 1  # the first post's answer says none remain
    mastodon.reset_in = 60
    (counts,) = posting(gateway, mastodon)
    assert counts.posted == 1 and [p.key for p in mastodon.posts] == [first]
    assert reply_of(gateway, second)["state"] == "queued"


def test_a_running_poster_posts_replies_as_they_arrive_and_stops_cleanly(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, TOKEN)
    command = [
        str(SCRIPT), "central", "mentions", "post", "--server", gateway.upstream_db_url,
        "--user", gateway.server.admin_auth[0], "--password-stdin", "--allow-http",
        "--instance", mastodon.url, "--idle-seconds", "0.2",
    ]  # fmt: skip
    poster = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert poster.stdin is not None
        poster.stdin.write(gateway.server.admin_auth[1] + "\n")
        poster.stdin.close()
        _, reply_id = drafted(tmp_path, gateway, poster_running=True)  # arrives while it runs
        eventually(lambda: reply_of(gateway, reply_id)["state"] == "posted", "the reply posted")
    finally:
        poster.send_signal(signal.SIGTERM)
        poster.wait(timeout=60)
    assert poster.stdout is not None and poster.stderr is not None
    out, err = poster.stdout.read(), poster.stderr.read()
    assert poster.returncode == 0 and "Traceback" not in err
    assert f"{reply_id}: posted as " in out
    assert len(mastodon.posts) == 1


def test_a_second_reply_of_the_same_text_is_never_taken_for_the_first_ones_status(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    laptop, first = drafted(tmp_path, gateway)
    with laptop.write() as s:  # the same words again, meant as a second post
        second, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", TEXT)
    sync(laptop, gateway.db_url, ANN)
    mastodon.fail_next("none", "cut")  # the first goes out; the second's connection dies
    posting(gateway, mastodon)
    assert reply_of(gateway, first)["state"] == "posted"
    assert reply_of(gateway, second)["state"] == "queued"
    (again,) = posting(gateway, mastodon, later=timedelta(minutes=5))  # looked up, not found
    assert (again.found, again.posted) == (0, 1)
    ids = {reply_of(gateway, r)["status_id"] for r in (first, second)}
    assert ids == {p.id for p in mastodon.posts} and len(ids) == 2


def test_a_post_that_times_out_is_looked_up_and_never_posted_twice(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn
) -> None:
    _, reply_id = drafted(tmp_path, gateway)
    mastodon.post_delay = 1.5  # Mastodon takes it, but answers after the poster gave up
    (first,) = posting(gateway, mastodon, timeout=0.5)
    assert first.later == 1 and reply_of(gateway, reply_id)["state"] == "queued"
    mastodon.post_delay = 0
    eventually(lambda: len(mastodon.posts) == 1, "Mastodon finished the slow post")
    mastodon.forget_keys()
    (second,) = posting(gateway, mastodon, later=timedelta(minutes=5))
    assert (second.found, second.posted) == (1, 0) and len(mastodon.posts) == 1


def test_one_pass_posts_every_pending_reply_across_pages_each_once(
    tmp_path: Path, gateway: Gateway, mastodon: MastodonStandIn, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(poster_module, "PAGE", 2)  # pages end on replies that leave the view
    laptop, first = drafted(tmp_path, gateway)
    with laptop.write() as s:
        others = [
            mention_replies.draft_reply(s, AGENT, "mention:m1", f"Update {n}")[0] for n in range(4)
        ]
    sync(laptop, gateway.db_url, ANN)
    (counts,) = posting(gateway, mastodon)
    assert counts.posted == 5
    assert sorted(p.key or "" for p in mastodon.posts) == sorted([first, *others])
