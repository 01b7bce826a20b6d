"""Replies go out through GOV.UK Notify (its local stand-in) exactly once: written on a laptop
with no server, pushed through the gateway later, sent by the central Notify worker, however
often it runs or wherever it is killed; its status comes back to the laptop. A member cannot
forge a status, send to someone not on the citizen's record, or push a huge reply."""

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from caseworker.documents.codec import new_document
from caseworker.documents.types import CITIZEN
from caseworker.errors import ValidationError
from caseworker.models import Message
from caseworker.seed.reference import reply_templates
from caseworker.services import replies
from caseworker.store.store import Store
from caseworker.timeutil import to_iso, utcnow
from sync.notify.settings import KEY_VARIABLE
from sync.notify.standin import NotifyStandIn
from tests.support.gateway import (
    NOW,
    USERS,
    Gateway,
    Server,
    gateway_council,
    revision,
    running_gateway,
)
from tests.sync.helpers import AGENT, make_store, sync
from tests.sync.worker_support import JSON, Db, WorkerProcess, eventually

ANN = USERS["ann"]
CARYS_EMAIL = "carys@example.org"
CARYS_MOBILE = "07700 900123"


def consent(key: str, channel: str) -> dict[str, Any]:
    return {
        "id": key,
        "purpose": "Updates on my cases",
        "lawful_basis": "public_task",
        "channel": channel,
        "source": "phone call",
        "valid_from": NOW,
    }


def carys() -> dict[str, Any]:
    def ident(key: str, kind: str, value: str) -> dict[str, Any]:
        return {"id": key, "kind": kind, "value": value, "verified_by": "sms_code", "added_at": NOW}

    return new_document(
        CITIZEN,
        "citizen:c1",
        {
            "given_name": "Carys",
            "family_name": "Onewater",
            "language": "cy",
            "identifiers": [ident("e1", "email", CARYS_EMAIL), ident("m1", "phone", CARYS_MOBILE)],
            # A basis to reply by email and by text (caseworker.access.consent).
            "consents": [consent("k1", "email"), consent("k2", "sms")],
            "created_at": NOW,
            "updated_at": NOW,
        },
    )


def council() -> list[dict[str, Any]]:
    docs = [d for d in gateway_council() if d["_id"] != "citizen:c1"] + [carys()]
    for t in reply_templates(["missed-bin"]):
        docs.append({"type": "reply_template", "schema": 1, **t})
    return docs


@pytest.fixture
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server, council()) as gateway:
        yield gateway


@pytest.fixture
def notify(monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifyStandIn]:
    with NotifyStandIn() as stand_in:
        monkeypatch.setenv(KEY_VARIABLE, stand_in.api_key)  # the worker's, on its environment
        yield stand_in


class NotifyWorker(WorkerProcess):
    """``caseworker central notify-worker`` as a subprocess, pointed at the stand-in."""

    def __init__(
        self, gateway: Gateway, notify: NotifyStandIn, lease_seconds: float = 10.0
    ) -> None:
        server = gateway.server
        super().__init__(
            gateway.upstream_db_url,
            *server.admin_auth,
            idle_seconds=0.5,
            lease_seconds=lease_seconds,
        )
        self.command[2] = "notify-worker"
        self.command += [
            "--allow-http",
            "--notify-url", notify.url,
            "--email-template", notify.email_template,
            "--sms-template", notify.sms_template,
        ]  # fmt: skip


def central(gateway: Gateway) -> Db:
    return Db(gateway.upstream_db_url, gateway.server.admin_auth)


def state_of(db: Db, message_id: str) -> Any:
    doc = db.get("/" + message_id)
    return doc.get("state") if isinstance(doc, dict) else None


def write_reply(store: Store, channel: str = "email", recipient: str = "e1") -> str:
    with store.write() as s:
        message_id, _ = replies.send_reply(
            s,
            AGENT,
            "case:w1",
            template_id="template:missed-bin-received",
            language="cy",
            channel=channel,
            recipient_id=recipient,
        )
    return message_id


def test_a_reply_written_offline_goes_out_once_and_its_status_comes_back(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn
) -> None:
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)  # the case, Carys and the templates come down
    message_id = write_reply(laptop)  # then the signal goes: written with no server at all
    sms_id = write_reply(laptop, "sms", "m1")
    db = central(gateway)
    assert db.get("/" + message_id) is None
    sync(laptop, gateway.db_url, ANN)  # back online: pushed through the gateway
    assert state_of(db, message_id) == "queued"
    for _ in range(2):  # the worker run twice: nothing is sent again
        with NotifyWorker(gateway, notify) as worker:
            eventually(lambda: state_of(db, message_id) == "sent", "the email recorded sent")
            eventually(lambda: state_of(db, sms_id) == "sent", "the text recorded sent")
            worker.wait_for("job notify finished")
    (email,) = notify.to(CARYS_EMAIL)
    (text,) = notify.to(CARYS_MOBILE)
    assert email.reference == message_id and text.reference == sms_id
    assert email.subject == "Rydym wedi cael eich adroddiad 2EVQ-W146-S0DJ"
    assert email.body.startswith("Annwyl Carys Onewater,")
    assert db.get("/" + message_id)["notify_id"] == email.id
    notify.set_status(email.id, "delivered")
    notify.set_status(text.id, "permanent-failure")
    with NotifyWorker(gateway, notify) as worker:
        eventually(lambda: state_of(db, message_id) == "delivered", "delivery recorded")
        eventually(lambda: state_of(db, sms_id) == "failed", "the failure recorded")
    assert worker.count("failed:") == 0
    assert len(notify.sent) == 2
    sync(laptop, gateway.db_url, ANN)
    with laptop.read() as s:
        shown = {m.id: (m.state, m.notify_id) for m in replies.case_messages(s, "case:w1")}
    assert shown == {message_id: ("delivered", email.id), sms_id: ("failed", text.id)}
    secret = notify.secret
    everything = requests.get(
        db.url + "/_all_docs", params={"include_docs": "true"}, auth=db.auth, timeout=30
    ).text
    assert secret not in everything and secret not in json.dumps(
        db.get("/_local/caseworker-job-notify")
    )
    with laptop.read() as s:
        assert all(secret not in (m.body + (m.state_detail or "")) for m in s.query(Message))


@pytest.mark.parametrize("notify_got_it", [False, True])
def test_a_worker_killed_between_claim_and_send_never_sends_twice(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn, notify_got_it: bool
) -> None:
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    message_id = write_reply(laptop)
    sync(laptop, gateway.db_url, ANN)
    db = central(gateway)
    notify.gate.clear()  # each send waits at Notify's door
    notify.drop_held = not notify_got_it
    # A short lease: the next worker takes over once the killed one's lease runs out.
    first = NotifyWorker(gateway, notify, lease_seconds=3.0).start()
    try:
        eventually(lambda: notify.held == 1, "the send reached Notify")
        assert state_of(db, message_id) == "sending"  # claimed before it was sent
        first.kill()
    finally:
        first.stop()
    notify.gate.set()  # Notify now takes it (or, as if it never came, forgets it)
    if notify_got_it:
        eventually(lambda: len(notify.sent) == 1, "Notify took the send")
    else:
        time.sleep(0.5)
        assert notify.sent == []
    with NotifyWorker(gateway, notify, lease_seconds=3.0):
        eventually(lambda: state_of(db, message_id) == "sent", "the reply recorded sent")
    (sent,) = notify.to(CARYS_EMAIL)
    assert db.get("/" + message_id)["notify_id"] == sent.id


def test_a_reply_notify_no_longer_knows_is_no_longer_followed(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn
) -> None:
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    message_id = write_reply(laptop)
    sync(laptop, gateway.db_url, ANN)
    db = central(gateway)
    with NotifyWorker(gateway, notify):
        eventually(lambda: state_of(db, message_id) == "sent", "the reply recorded sent")
    assert db.get("/_local/caseworker-job-notify")["awaiting"] == [message_id]
    notify.forget(notify.sent[0].id)  # past Notify's retention
    with NotifyWorker(gateway, notify) as worker:
        eventually(
            lambda: db.get("/_local/caseworker-job-notify")["awaiting"] == [], "no longer followed"
        )
    assert worker.count("failed:") == 0
    assert state_of(db, message_id) == "sent"


def push(gateway: Gateway, docs: list[dict[str, Any]]) -> list[Any]:
    answer = requests.post(
        gateway.db_url + "/_bulk_docs",
        auth=ANN,
        headers={**JSON, "Content-Type": "application/json"},
        data=json.dumps({"docs": docs, "new_edits": False}),
        timeout=30,
    )
    assert answer.status_code in (201, 202), answer.text
    result: list[Any] = answer.json()
    return result


def a_message(message_id: str, **fields: Any) -> dict[str, Any]:
    base = {
        "case_id": "case:w1",
        "citizen_id": "citizen:c1",
        "channel": "email",
        "recipient_id": "e1",
        "recipient": CARYS_EMAIL,
        "language": "en",
        "subject": "Hello",
        "body": "Hello Carys",
        "at": NOW,
        "by": "staff:agent",
        "state": "queued",
    }
    return {"_id": message_id, "type": "message", "schema": 1, **base, **fields}


def test_a_member_cannot_forge_a_status_or_reach_someone_not_on_the_record(
    gateway: Gateway, notify: NotifyStandIn
) -> None:
    db = central(gateway)
    queued = revision(a_message("message:q1"))
    assert push(gateway, [queued]) == []  # accepted
    forged_sent = revision({**queued, "state": "sent", "notify_id": "x"}, [queued["_rev"]])
    born_sent = revision(a_message("message:s1", state="sent", notify_id="x"))
    huge = revision(a_message("message:h1", body="x" * 100_000))
    stranger = revision(a_message("message:x1", recipient="attacker@example.org"))
    made_up = revision(a_message("message:x2", recipient_id="zz", recipient="a@example.org"))
    answers = push(gateway, [forged_sent, born_sent, huge, stranger, made_up])
    refused = {a["id"]: a.get("reason", "") for a in answers if a.get("error")}
    assert set(refused) == {"message:q1", "message:s1", "message:h1"}
    assert "cannot be changed once written" in refused["message:q1"]
    assert "central service records" in refused["message:s1"]
    assert "longer than" in refused["message:h1"]
    with NotifyWorker(gateway, notify):
        eventually(lambda: state_of(db, "message:q1") == "sent", "the genuine reply sent")
        eventually(lambda: state_of(db, "message:x1") == "failed", "the stranger refused")
        eventually(lambda: state_of(db, "message:x2") == "failed", "the made-up one refused")
    assert [n.recipient for n in notify.sent] == [CARYS_EMAIL]
    assert "email addresses" in db.get("/message:x2")["state_detail"]
    assert "not what the citizen's record holds" in db.get("/message:x1")["state_detail"]
    assert os.environ[KEY_VARIABLE] not in json.dumps(db.get("/message:x1"))


def test_a_reply_queued_before_its_consent_was_withdrawn_is_never_sent(
    tmp_path: Path, gateway: Gateway, notify: NotifyStandIn
) -> None:
    laptop = make_store(tmp_path, "ann")
    sync(laptop, gateway.db_url, ANN)
    message_id = write_reply(laptop)  # queued while the email consent was in force
    sync(laptop, gateway.db_url, ANN)
    db = central(gateway)
    record = db.get("/citizen:c1")
    withdrawn = {**record["consents"][0], "withdrawn_at": to_iso(utcnow()), "withdrawn_by": "x"}
    db.put({**record, "consents": [withdrawn, record["consents"][1]]})
    with NotifyWorker(gateway, notify):
        eventually(lambda: state_of(db, message_id) == "failed", "the reply refused")
    assert notify.sent == []
    assert "withdrawn on" in db.get("/" + message_id)["state_detail"]
    sync(laptop, gateway.db_url, ANN)  # the laptop learns of the withdrawal: refuses to write
    with pytest.raises(ValidationError, match="withdrawn on"):
        write_reply(laptop)
    assert write_reply(laptop, "sms", "m1")  # the text consent still stands
