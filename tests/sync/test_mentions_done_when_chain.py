"""Issue 11, done when, as one story through the real gateway and the pinned PouchDB Server: a
mention from a Mastodon account arrives through the central collector; it is linked centrally
to the right citizen with the reasons; it shows in an agent's inbox; the agent, offline, turns
it into a case in the right queue and drafts a public reply; the reply is posted exactly once
by the central poster however often it runs; and the mention, its case and the posted reply
appear in that citizen's record on another laptop after it syncs.

Each step has its own detailed tests (collector, mention_links, inbox, triage, poster); this
one proves the steps meet: what each writes is what the next one, on another machine, reads.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caseworker.mentions import inbox, suggest
from caseworker.models import Case, Mention
from caseworker.services import citizens, mention_replies, mention_triage
from caseworker.services.citizens import NewIdentifier
from caseworker.store import docstore
from tests.support.gateway import USERS, Gateway, Server, gateway_council, running_gateway
from tests.support.mastodon import HOST, FakeMastodon, account, status
from tests.support.mastodon_standin import MastodonStandIn
from tests.sync.helpers import AGENT, make_store, sync
from tests.sync.test_mention_links_done_when import collect, link_centrally
from tests.sync.test_mention_replies_post import posting
from ui.citizen.snapshot import load_citizen

ANN, SAM = USERS["ann"], USERS["sam"]
CARYS = "citizen:c1"
HANDLE = "@carys@mastodon.example"
REPLY = "Diolch Carys: a crew will empty the bin today."


def social_waste_queue(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The waste queue answers social media too: its agent, Ann, triages the mentions."""
    return [{**d, "channels": ["social"]} if d.get("_id") == "queue:waste" else d for d in docs]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server, social_waste_queue(gateway_council())) as running:
        yield running


@pytest.fixture
def network() -> Iterator[FakeMastodon]:
    with FakeMastodon() as instance:
        yield instance


@pytest.fixture
def posting_api() -> Iterator[MastodonStandIn]:
    with MastodonStandIn() as stand_in:
        yield stand_in


def test_a_mention_becomes_a_case_and_a_reply_posted_once_and_shows_on_another_laptop(
    gateway: Gateway,
    server: Server,
    network: FakeMastodon,
    posting_api: MastodonStandIn,
    tmp_path: Path,
) -> None:
    ann = make_store(tmp_path, "ann")
    assert sync(ann, gateway.db_url, ANN).up_to_date
    with ann.write() as s:  # on a call, Carys gives her Mastodon handle
        citizens.add_identifier(s, AGENT, CARYS, NewIdentifier("social", HANDLE))
    assert sync(ann, gateway.db_url, ANN).up_to_date

    # 1. Carys posts; the central collector brings it in, the central job links it.
    network.mention(
        "1",
        status("9001", "<p>@council my green bin was missed again on Heol y Nant</p>",
               acct="carys@mastodon.example",
               account=account("carys@mastodon.example", "Carys Onewater")),
    )  # fmt: skip
    collect(network, gateway.upstream_db_url, server.admin_auth)
    assert link_centrally(gateway.upstream_db_url, server.admin_auth).linked == 1
    mention_id = f"mention:mastodon-{HOST}-9001"

    # 2. It shows in Ann's inbox, linked to Carys.
    assert sync(ann, gateway.db_url, ANN).up_to_date
    with ann.read() as s:
        assert inbox.holds_inbox(s, AGENT.staff_id, AGENT.role)
        listed = inbox.page(s, None)
        assert mention_id in [row.id for row in listed.rows]
        shown = inbox.detail(s, mention_id)
        assert shown.doc["state"] == "linked" and shown.citizen_name is not None
        assert "Carys" in shown.citizen_name
        service = suggest.suggest_service(s, shown.doc)
    assert service is not None and service.code == "missed-bin"

    # 3. Offline, Ann turns it into a case of the suggested service and drafts a reply.
    with ann.write() as s:
        case_id, _ = mention_triage.open_case(s, AGENT, mention_id, service.code)
        reply_id, _ = mention_replies.draft_reply(s, AGENT, mention_id, REPLY, language="en")
        case = s.get(Case, case_id)
        assert case is not None
        assert (case.queue_id, case.citizen_id, case.channel) == ("queue:waste", CARYS, "social")
    pushed = sync(ann, gateway.db_url, ANN)
    assert pushed.up_to_date and not pushed.refused, pushed.refused

    # 4. The central poster posts it once, however often it runs.
    for _ in range(3):
        posting(gateway, posting_api)
    (posted,) = posting_api.posts
    assert posted.in_reply_to_id == "9001" and posted.key == reply_id
    assert posted.text.startswith(HANDLE)

    # 5. Sam, the waste supervisor, on another laptop: the mention, its case and the posted
    #    reply in Carys's record.
    sam = make_store(tmp_path, "sam")
    assert sync(sam, gateway.db_url, SAM).up_to_date
    with sam.read() as s:
        stored = s.get(Mention, mention_id)
        assert stored is not None
        assert (stored.state, stored.citizen_id, stored.case_id) == ("case_opened", CARYS, case_id)
        snap = load_citizen(s, CARYS)
        (reply,) = mention_replies.case_mention_replies(s, case_id)
        assert docstore.get(s, reply_id) is not None
    assert (reply.id, reply.state) == (reply_id, "posted")
    assert case_id in [c.id for c in snap.cases]
    (entry,) = [e for e in snap.timeline if e.id == mention_id]
    assert entry.channel == "social" and "Heol y Nant" in entry.summary
    assert entry.mention is not None and entry.mention.reasons[0] == "handle.exact"
