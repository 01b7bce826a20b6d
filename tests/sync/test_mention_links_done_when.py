"""Issue 11, done when: a mention from a Mastodon account arrives through the central collector,
is linked by the central worker to the right citizen with the reasons, and appears in that
citizen's timeline on another laptop after it syncs through the gateway (the pinned PouchDB
Server, the gateway as a process, laptops as stores)."""

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from caseworker.mentions.autolink import AUTO_LINKER, link_id_of
from caseworker.models import IdentityLink, Mention
from caseworker.services import citizens
from caseworker.services.citizens import NewIdentifier
from sync.gateway.couch import Couch
from sync.http import CouchClient
from sync.mentions.api import Api
from sync.mentions.collect import collect_once
from sync.mentions.mastodon import Mastodon
from sync.worker.jobs import JobContext
from sync.worker.lease import Lease
from sync.worker.mention_links import Counts, MentionLinkJob
from tests.support.gateway import USERS, Gateway, Server, running_gateway
from tests.support.mastodon import HOST, TOKEN, FakeMastodon, account, status
from tests.sync.helpers import AGENT, make_store, sync
from ui.citizen.snapshot import load_citizen

ANN, SAM = USERS["ann"], USERS["sam"]
CARYS = "citizen:c1"  # on case:w1 of the waste queue: held by ann and by sam


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as running:
        yield running


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon() as instance:
        yield instance


def collect(fake: FakeMastodon, db_url: str, admin: tuple[str, str]) -> None:
    central = CouchClient(db_url, *admin)
    api = Api(fake.base, TOKEN, sleep=lambda s: None)
    try:
        collect_once(Mastodon(api), central, recheck=0, now=lambda: datetime.now(UTC))
    finally:
        api.close()
        central.close()


def link_centrally(db_url: str, admin: tuple[str, str]) -> Counts:
    parts = urlsplit(db_url)
    server, _, name = parts.path.rpartition("/")

    async def main() -> Counts:
        couch = Couch(f"{parts.scheme}://{parts.netloc}{server}", name, *admin)
        try:
            lease = Lease(couch, "mention_links", f"test-{uuid.uuid4().hex[:6]}", 60.0)
            assert await lease.acquire()
            ctx = JobContext(couch, lease, print, idle_wait=0.05, batch_bytes=16 * 2**20)
            return await MentionLinkJob().run_once(ctx)
        finally:
            await couch.aclose()

    return asyncio.run(main())


def test_a_collected_mention_is_linked_centrally_and_shows_in_the_citizens_timeline_elsewhere(
    gateway: Gateway, server: Server, fake: FakeMastodon, tmp_path: Path
) -> None:
    handle = "@carys@mastodon.example"  # an account on another instance mentions the council
    # Ann, on the phone to Carys, notes her Mastodon handle on her laptop and syncs.
    ann = make_store(tmp_path, "ann")
    assert sync(ann, gateway.db_url, ANN).up_to_date
    with ann.write() as s:
        citizens.add_identifier(s, AGENT, CARYS, NewIdentifier("social", handle))
    assert sync(ann, gateway.db_url, ANN).up_to_date
    # Carys posts about the council; a stranger posts too.
    fake.mention(
        "1",
        status("9001", "<p>@council the bins on Heol y Nant again</p>",
               acct="carys@mastodon.example",
               account=account("carys@mastodon.example", "Carys Onewater")),
    )  # fmt: skip
    fake.mention("2", status("9002", "<p>@council lovely park</p>", acct="bryn"))
    collect(fake, gateway.upstream_db_url, server.admin_auth)

    counts = link_centrally(gateway.upstream_db_url, server.admin_auth)
    assert (counts.linked, counts.left) == (1, 1)

    # Sam, the waste supervisor, on another laptop: the mention is in Carys's timeline.
    sam = make_store(tmp_path, "sam")
    assert sync(sam, gateway.db_url, SAM).up_to_date
    mention_id = f"mention:mastodon-{HOST}-9001"
    with sam.read() as s:
        stored = s.get(Mention, mention_id)
        assert stored is not None
        assert (stored.state, stored.citizen_id, stored.triaged_by) == (
            "linked",
            CARYS,
            AUTO_LINKER,
        )
        assert s.get(IdentityLink, link_id_of(mention_id)) is not None
        snap = load_citizen(s, CARYS)
    [entry] = [e for e in snap.timeline if e.id == mention_id]
    assert (entry.channel, entry.by_name) == ("social", handle)
    assert "Heol y Nant" in entry.summary
    assert entry.mention is not None and entry.mention.linked_how == "automatic"
    assert entry.mention.probability is not None and entry.mention.probability >= 0.99
    assert entry.mention.reasons[0] == "handle.exact"
    assert {"given.exact", "family.exact"} <= set(entry.mention.reasons)
    assert handle in snap.social_handles
    # The stranger's post is linked to nobody.
    with sam.read() as s:
        other = s.get(Mention, f"mention:mastodon-{HOST}-9002")
        assert other is not None and other.state == "new" and other.citizen_id is None
    # Ann takes no social-media work: the post never reaches her laptop.
    assert sync(ann, gateway.db_url, ANN).up_to_date
    with ann.read() as s:
        assert s.get(Mention, mention_id) is None
        assert all(e.channel != "social" for e in load_citizen(s, CARYS).timeline)
