"""A verification code goes out through GOV.UK Notify (its local stand-in) from the central
worker and is checked on the laptop, and the code itself is stored nowhere: asked for on an
agent's laptop, pushed through the gateway, made and sent by ``caseworker central
notify-worker`` (in the citizen's language), its salted hash synced back; the agent types what
the citizen reads back and a ``code_sent`` check reaches the central record. No revision of the
request, centrally or on the laptop, and nothing the worker says holds the code. A request
naming an identifier no longer on the central record is refused, and nothing is sent."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select

from caseworker.models import LeafBody
from caseworker.services import verification
from caseworker.store import docstore
from sync.notify.settings import KEY_VARIABLE
from sync.notify.standin import NotifyStandIn
from tests.support.gateway import USERS, Gateway, Server, running_gateway
from tests.sync.helpers import AGENT, make_store, sync
from tests.sync.test_notify_replies import (
    CARYS_EMAIL,
    CARYS_MOBILE,
    NotifyWorker,
    central,
    council,
    state_of,
)
from tests.sync.worker_support import eventually

ANN = USERS["ann"]


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server, council()) as gateway:
        yield gateway


@pytest.fixture
def notify(monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifyStandIn]:
    with NotifyStandIn() as stand_in:
        monkeypatch.setenv(KEY_VARIABLE, stand_in.api_key)
        yield stand_in


def every_revision(gateway: Gateway, doc_id: str) -> str:
    """Every stored revision of a document on the central database, as text."""
    server = gateway.server
    answer = requests.get(
        f"{gateway.upstream_db_url}/{doc_id}",
        params={"open_revs": "all", "revs": "true"},
        auth=server.admin_auth,
        headers={"Accept": "application/json"},
        timeout=30,
    )
    answer.raise_for_status()
    revisions = answer.json()[0]["ok"]["_revisions"]
    texts = []
    for n, rev_hash in enumerate(revisions["ids"]):
        rev = f"{revisions['start'] - n}-{rev_hash}"
        old = requests.get(
            f"{gateway.upstream_db_url}/{doc_id}",
            params={"rev": rev},
            auth=server.admin_auth,
            timeout=30,
        )
        texts.append(old.text)  # a compacted-away body is a 404: nothing held
    return "\n".join(texts)


def test_a_code_sent_through_notify_is_read_back_and_stored_nowhere(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn
) -> None:
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    with laptop.write() as s:
        verification_id, _ = verification.request_code(s, AGENT, "citizen:c1", "m1")
    sync(laptop, gateway.db_url, ANN)
    db = central(gateway)
    with NotifyWorker(gateway, notify) as worker:
        eventually(lambda: state_of(db, verification_id) == "sent", "the code recorded sent")
        worker.wait_for("job notify finished")
        said = "\n".join(worker.lines) + worker.stderr_text()
    (text,) = notify.to(CARYS_MOBILE)
    assert text.reference == verification_id
    assert text.body.startswith("Eich cod gan y cyngor yw ")  # Carys reads Welsh
    found = re.search(r"(\d{3}) (\d{3})", text.body)
    assert found is not None
    code = found.group(1) + found.group(2)  # what Carys reads out
    sync(laptop, gateway.db_url, ANN)  # the hash comes back
    with laptop.write() as s:
        assert not verification.check_code(s, AGENT, verification_id, "000000").verified
        assert verification.check_code(s, AGENT, verification_id, found.group(0)).verified
    assert sync(laptop, gateway.db_url, ANN).up_to_date
    citizen = db.get("/citizen:c1")
    assert [c["method"] for c in citizen["checks"]] == ["code_sent"]
    assert db.get("/" + verification_id)["state"] == "verified"
    # Stored nowhere: no revision of the request on either side, nor what the worker said.
    # (Not a scan of whole files: six random digits turn up by chance in their hex ids.)
    assert code not in every_revision(gateway, verification_id)
    with laptop.read() as s:
        kept = [docstore.get(s, verification_id)]
        kept += list(s.scalars(select(LeafBody.body).where(LeafBody.doc_id == verification_id)))
    assert code not in str(kept)
    assert code not in said
    laptop.close()


def test_a_request_for_an_identifier_not_on_the_central_record_is_refused_and_not_sent(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn
) -> None:
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    with laptop.write() as s:
        verification_id, _ = verification.request_code(s, AGENT, "citizen:c1", "e1")
    sync(laptop, gateway.db_url, ANN)
    db = central(gateway)
    carys: dict[str, Any] = db.get("/citizen:c1")
    carys["identifiers"] = [i for i in carys["identifiers"] if i["id"] != "e1"]
    db.put(carys)  # another laptop removed the address meanwhile
    with NotifyWorker(gateway, notify) as worker:
        eventually(lambda: state_of(db, verification_id) == "failed", "the request refused")
        worker.wait_for("job notify finished")
    assert notify.to(CARYS_EMAIL) == []
    sync(laptop, gateway.db_url, ANN)
    with laptop.read() as s:
        doc = docstore.get(s, verification_id)
    assert doc is not None and "not on the citizen's record" in doc["state_detail"]
    laptop.close()


def test_a_code_by_text_to_a_number_that_is_now_a_landline_is_not_sent(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn
) -> None:
    """The replies' rule holds for codes too: a text goes to a mobile only. Another laptop
    corrected the number to a landline before the worker sent the code."""
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    with laptop.write() as s:
        verification_id, _ = verification.request_code(s, AGENT, "citizen:c1", "m1")
    sync(laptop, gateway.db_url, ANN)
    db = central(gateway)
    carys: dict[str, Any] = db.get("/citizen:c1")
    landline = "01632 960123"
    for ident in carys["identifiers"]:
        if ident["id"] == "m1":
            ident["value"] = landline
    db.put(carys)
    with NotifyWorker(gateway, notify) as worker:
        eventually(lambda: state_of(db, verification_id) == "failed", "the request refused")
        worker.wait_for("job notify finished")
    assert notify.to(landline) == [] and notify.to(CARYS_MOBILE) == []
    laptop.close()
