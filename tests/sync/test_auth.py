"""401: a refused password, an expired session cookie; 403: a refused document kept, shown and
not sent again until it is edited."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from caseworker.models import StoredDocument
from caseworker.services import cases
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from sync import central
from sync.errors import AuthError
from sync.http import CouchClient
from sync.live import LiveSync
from sync.state import SyncState
from tests.support.couch_server import CouchServer
from tests.support.gateway import running_gateway
from tests.sync.helpers import AGENT, client, make_store, sync

ANN = ("ann", "ann-pw")


@pytest.fixture
def central_db(couch_server: CouchServer, couch_db: str) -> Iterator[str]:
    admin = client(couch_db, couch_server.admin_auth)
    # The laptop's sign-in against any CouchDB that admits its user (a gateway admits the same way).
    admin.put("/_security", central.members_security())
    central.add_user(admin, "ann", "ann-pw", "agent", AGENT.staff_id)
    admin.close()
    yield couch_db


def test_a_wrong_password_needs_sign_in(central_db: str) -> None:
    with pytest.raises(AuthError) as raised:
        CouchClient(central_db, "ann", "not-her-password").get()
    assert str(raised.value) == "the central service refused the name or password of ann"
    with pytest.raises(AuthError, match="asks for a sign-in"):
        CouchClient(central_db).get()  # anonymous


def test_an_expired_session_cookie_signs_in_again_once(central_db: str) -> None:
    remote = CouchClient(central_db, *ANN)
    sign_ins: list[int] = []
    original = remote.sign_in

    def counted() -> None:
        sign_ins.append(1)
        original()

    remote.sign_in = counted  # type: ignore[method-assign]
    assert remote.get()["db_name"] == central_db.rsplit("/", 1)[1]
    assert len(sign_ins) == 1
    # The server no longer knows the cookie (it expired): the next request signs in again.
    remote.http.cookies.clear()
    remote.http.cookies.set("AuthSession", "ZXhwaXJlZDo2MDAwMDA6YmFk")
    assert remote.get()["db_name"]
    assert len(sign_ins) == 2
    # A password changed on the server since: the second sign-in fails in one line.
    remote.set_password("changed")
    with pytest.raises(AuthError, match="refused the name or password of ann"):
        remote.get()


def test_a_refused_document_is_kept_shown_and_not_sent_again(
    couch_server: CouchServer, tmp_path: Path
) -> None:
    with running_gateway(couch_server) as gateway:
        _refused_and_kept(gateway.db_url, tmp_path)


def _refused_and_kept(central_db: str, tmp_path: Path) -> None:
    store = make_store(tmp_path, "agent")
    assert sync(store, central_db, ANN).up_to_date  # the council's catalogue, her work
    with store.write() as s:
        case_id, _ = cases.open_case(s, AGENT, NewCase("missed-bin", "Bin missed", "phone"))
    assert sync(store, central_db, ANN).up_to_date
    with store.write() as s:  # bypassing the service's own check: the server is the judge
        doc = docstore.require(s, case_id)
        docstore.put(s, {**doc, "queue_id": "queue:highways"})
    first = sync(store, central_db, ANN)
    reason = "refused by the central service: only a supervisor can move a case to another queue"
    assert first.refused == {case_id: reason}
    with store.read() as s:
        row = s.get(StoredDocument, case_id)
        assert row is not None and row.problem == reason
        assert docstore.require(s, case_id)["queue_id"] == "queue:highways"  # kept
    second = sync(store, central_db, ANN)
    assert second.up_to_date and second.refused == {} and second.push.docs_written == 0
    # Edited back by the person, it goes again (and is accepted).
    with store.write() as s:
        doc = docstore.require(s, case_id)
        docstore.put(s, {**doc, "queue_id": "queue:waste", "summary": "Bin missed twice"})
    third = sync(store, central_db, ANN)
    assert third.refused == {} and third.push.docs_written == 1
    with store.read() as s:
        row = s.get(StoredDocument, case_id)
        assert row is not None and row.problem is None


def test_live_sync_stops_for_sign_in_and_resumes_with_the_password(
    central_db: str, tmp_path: Path
) -> None:
    store = make_store(tmp_path, "agent", council=True)
    states: list[SyncState] = []
    changed = threading.Condition()

    def seen(state: SyncState) -> None:
        with changed:
            states.append(state)
            changed.notify_all()

    def wait_for(kind: str) -> SyncState:
        with changed:
            assert changed.wait_for(lambda: bool(states) and states[-1].kind == kind, 20), states
            return states[-1]

    live = LiveSync(store, CouchClient(central_db, "ann", "wrong"), on_state=seen)
    live.start()
    try:
        state = wait_for("needs_sign_in")
        assert (
            state.text == "needs sign-in: the central service refused the name or password of ann"
        )
        live.set_password("ann-pw")
        assert wait_for("up_to_date").last_sync is not None
    finally:
        live.stop()
    doc = requests.get(f"{central_db}/queue:waste", auth=ANN, timeout=10)
    assert doc.status_code == 200
