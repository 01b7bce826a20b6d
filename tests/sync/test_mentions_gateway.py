"""Through the gateway, the mentions are held by supervisors and by the agents of a queue that
takes social-media work, and only them; they triage it, never rewrite it; an admin marking a
queue as social media gives its members the mentions at their next request."""

import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import MENTION
from tests.support.gateway import USERS, Gateway, Server, gateway_council, running_gateway

JSON = {"Accept": "application/json"}
ANN, SAM, ADA, OLU = USERS["ann"], USERS["sam"], USERS["ada"], USERS["olu"]
MENTION_ID = "mention:mastodon-mastodon.example-109372"


@pytest.fixture(scope="module")
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server, gateway_council()) as running:
        yield running


def a_mention() -> dict[str, Any]:
    return new_document(
        MENTION,
        MENTION_ID,
        {
            "network": "mastodon",
            "remote_id": "109372",
            "author_handle": "@carys@mastodon.example",
            "content_text": "@council the bins on Heol y Nant again",
            "published_at": "2025-03-01T08:00:00.000Z",
            "state": "new",
        },
    )


def push(gateway: Gateway, auth: tuple[str, str], doc: dict[str, Any]) -> dict[str, Any]:
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        json={"docs": [doc], "new_edits": True},
        auth=auth,
        headers=JSON,
        timeout=60,
    )
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()[0]
    return result


def read(gateway: Gateway, auth: tuple[str, str], doc_id: str) -> dict[str, Any] | None:
    answer = requests.get(f"{gateway.db_url}/{doc_id}", auth=auth, headers=JSON, timeout=30)
    assert answer.status_code in (200, 403, 404), answer.text
    return answer.json() if answer.status_code == 200 else None


def fed(gateway: Gateway, auth: tuple[str, str]) -> set[str]:
    answer = requests.get(
        gateway.db_url + "/_changes", params={"style": "all_docs"}, auth=auth, headers=JSON
    )
    assert answer.status_code == 200, answer.text
    return {row["id"] for row in answer.json()["results"]}


def test_mentions_reach_supervisors_and_social_media_queues_only(gateway: Gateway) -> None:
    assert "error" not in push(gateway, ADA, a_mention())  # the collector is an admin
    assert read(gateway, SAM, MENTION_ID) is not None and MENTION_ID in fed(gateway, SAM)
    # ann answers the waste queue's phones: no social-media work, so no mentions.
    for person in (ANN, OLU):
        assert read(gateway, person, MENTION_ID) is None
        assert MENTION_ID not in fed(gateway, person)
    current = read(gateway, SAM, MENTION_ID)
    assert current is not None
    triage = {**current, "state": "dismissed", "triaged_by": "staff:agent"}
    triage["triaged_at"] = "2025-03-01T09:00:00.000Z"
    refused = push(gateway, ANN, triage)
    assert refused.get("error") == "forbidden" and "triage mentions" in refused["reason"]

    # An admin says the waste queue takes social-media work: ann holds the mentions now.
    queue = read(gateway, ADA, "queue:waste")
    assert queue is not None
    assert "error" not in push(gateway, ADA, {**queue, "channels": ["phone", "social"]})
    deadline = time.monotonic() + 30
    while read(gateway, ANN, MENTION_ID) is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert read(gateway, ANN, MENTION_ID) is not None

    rewritten = {**triage, "content_text": "I love the council"}
    refused = push(gateway, ANN, rewritten)
    assert refused.get("error") == "forbidden" and "only a mention's triage" in refused["reason"]
    assert "error" not in push(gateway, ANN, triage)
    kept = read(gateway, SAM, MENTION_ID)
    assert kept is not None and kept["state"] == "dismissed"
    assert kept["content_text"] == "@council the bins on Heol y Nant again"
