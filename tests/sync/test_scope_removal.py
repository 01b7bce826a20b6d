"""A document that leaves the user's scope leaves the laptop: a change row ``"removed": true``
(what the central gateway sends; here a stand-in in front of the test server scripts it) purges
the record and what hangs off it, pushes no deletion, and never drops what was typed offline
before the server has it. A record that comes back into scope arrives again whole.

The stand-in answers ``_changes`` from a script keyed by the ``since`` it is asked for, with
made-up sequences (``<real>-<label>``) that it maps back to the real server's afterwards.
"""

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from caseworker.models import StoredDocument
from caseworker.services import cases, contacts, search
from caseworker.services.cases import NewCase
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.services.context import ChangeSet
from caseworker.store import purge
from sync import pull
from sync.checkpoint import Checkpointer
from sync.http import CouchClient
from sync.replicator import Replicator
from tests.support.couch_server import CouchServer
from tests.support.hostile_server import HostileServer, Reply, Request
from tests.sync.helpers import AGENT, local_ids, make_store, server_doc, server_info, sync

NAME = ("Zebedee", "Quuxworth")


class ScopeFeed:
    """``_changes`` as a gateway would answer it: scripted answers for some ``since`` values,
    the real server's feed for the rest."""

    def __init__(self, hostile: HostileServer) -> None:
        self.hostile = hostile
        self.script: dict[str, tuple[list[dict[str, Any]], str]] = {}
        hostile.on("/_changes", self, method="GET")

    def after(self, since: str, rows: list[dict[str, Any]], label: str) -> str:
        """Answer ``rows`` to a pull from ``since``; the sequence it moves on to."""
        real = since.split("-", 1)[0]
        last = f"{real}-{label}"
        self.script[since] = ([{**row, "seq": last} for row in rows], last)
        return last

    def __call__(self, request: Request) -> Reply:
        since = request.query.get("since", "0")
        if request.query.get("feed") != "longpoll" and since in self.script:
            rows, last = self.script[since]
            return Reply(200, {"results": rows, "last_seq": last})
        query = {**request.query, "since": since.split("-", 1)[0]}
        target = f"{request.path}?{urlencode(query)}"
        return self.hostile.forward(replace(request, target=target))


def removed(doc_id: str, rev: str = "1-0") -> dict[str, Any]:
    return {"id": doc_id, "changes": [{"rev": rev}], "removed": True}


def present(server: CouchServer, db_url: str, doc_id: str) -> dict[str, Any]:
    doc = server_doc(server, db_url, doc_id, conflicts="true")
    revs = [doc["_rev"], *doc.get("_conflicts", [])]
    return {"id": doc_id, "changes": [{"rev": r} for r in revs]}


@pytest.fixture
def hostile(couch_server: CouchServer) -> Iterator[HostileServer]:
    with HostileServer(couch_server.url) as server:
        yield server


class Council:
    """The server holds a citizen, a case on them, notes and events; the laptop has synced."""

    def __init__(self, tmp_path: Path, db_url: str, hostile: HostileServer) -> None:
        self.db_url = db_url
        self.url = hostile.rewrite(db_url)
        office = make_store(tmp_path, "office", council=True)
        with office.write() as s:
            email = NewIdentifier("email", "zebedee@quux.example")
            self.citizen_id, _ = create_citizen(s, AGENT, *NAME, identifiers=(email,))
            new = NewCase("missed-bin", "Bin missed", "phone", citizen_id=self.citizen_id)
            self.case_id, _ = cases.open_case(s, AGENT, new)
            self.case_note, _ = contacts.add_note(s, AGENT, "left a card", case_id=self.case_id)
            self.citizen_note, _ = contacts.add_note(
                s, AGENT, "prefers mornings", citizen_id=self.citizen_id
            )
            self.events = [e.id for e in cases.history(s, self.case_id)]
        assert sync(office, db_url).up_to_date
        office.close()
        self.laptop = make_store(tmp_path, "laptop")
        self.changes: list[ChangeSet] = []
        assert self.sync().up_to_date
        self.feed = ScopeFeed(hostile)

    @property
    def gone_with_case(self) -> set[str]:
        return {self.case_id, self.case_note, *self.events}

    @property
    def gone_with_citizen(self) -> set[str]:
        return {self.citizen_id, self.citizen_note}

    def replicator(self, **kw: Any) -> Replicator:
        return Replicator(self.laptop, CouchClient(self.url), on_change=self.changes.append, **kw)

    def sync(self, **kw: Any) -> Any:
        return self.replicator(**kw).sync()

    def since(self, server: CouchServer) -> str:
        return str(server_info(server, self.db_url)["update_seq"])

    def purged(self) -> set[str]:
        return {w.doc_id for c in self.changes for w in c.written if w.purged}

    def raw(self) -> bytes:
        path = self.laptop.path
        return b"".join(
            p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists()
        )


@pytest.fixture
def council(tmp_path: Path, couch_db: str, hostile: HostileServer) -> Iterator[Council]:
    made = Council(tmp_path, couch_db, hostile)
    yield made
    made.laptop.close()


def test_a_case_and_citizen_that_leave_the_scope_leave_the_laptop_not_the_server(
    council: Council, couch_server: CouchServer, hostile: HostileServer
) -> None:
    held = local_ids(council.laptop)
    assert council.gone_with_case | council.gone_with_citizen <= held
    assert b"Quuxworth" in council.raw()
    rows = [removed(council.case_id), removed(council.citizen_id)]  # children: found locally
    council.feed.after(council.since(couch_server), rows, "gone")
    hostile.requests.clear()
    result = council.sync()
    assert result.up_to_date and result.pull.docs_purged == len(
        council.gone_with_case | council.gone_with_citizen
    )
    assert local_ids(council.laptop) == held - council.gone_with_case - council.gone_with_citizen
    assert council.purged() == council.gone_with_case | council.gone_with_citizen
    with council.laptop.read() as s:
        assert search.search(s, "Quuxworth") == [] and purge.pending(s) == []
    assert b"Quuxworth" not in council.raw() and b"zebedee@quux" not in council.raw()
    # Nothing was asked for them, and no deletion went to the server.
    assert not [r for r in hostile.seen("_bulk_get") if council.case_id.encode() in r.body]
    for doc_id in council.gone_with_case | council.gone_with_citizen:
        assert server_doc(couch_server, council.db_url, doc_id) is not None
    hostile.requests.clear()
    again = council.sync()
    assert again.up_to_date and again.push.docs_written == 0
    assert not hostile.seen("_bulk_docs")


def test_an_offline_note_reaches_the_server_before_its_case_leaves_the_laptop(
    council: Council, couch_server: CouchServer, hostile: HostileServer
) -> None:
    with council.laptop.write() as s:
        offline, _ = contacts.add_note(s, AGENT, "typed on the doorstep", case_id=council.case_id)
    council.feed.after(council.since(couch_server), [removed(council.case_id)], "gone")
    hostile.requests.clear()
    assert council.sync().up_to_date
    order = [r.path.rsplit("/", 1)[-1] for r in hostile.requests]
    assert order.index("_bulk_docs") < order.index("_changes")  # push, then pull
    assert server_doc(couch_server, council.db_url, offline)["text"] == "typed on the doorstep"
    assert not local_ids(council.laptop) & {offline, *council.gone_with_case}


def test_what_was_typed_after_the_last_push_is_kept_until_a_push_sends_it(
    council: Council, couch_server: CouchServer
) -> None:
    with council.laptop.write() as s:
        offline, _ = contacts.add_note(s, AGENT, "typed on the doorstep", case_id=council.case_id)
    council.feed.after(council.since(couch_server), [removed(council.case_id)], "gone")
    replicator = council.replicator()
    pulled = replicator.pull()  # a pull alone: the note is not on the server yet
    assert pulled.caught_up
    held = local_ids(council.laptop)
    assert offline in held and council.case_id not in held
    with council.laptop.read() as s:
        assert purge.pending(s) == [offline]
    assert server_doc(couch_server, council.db_url, offline) is None
    pushed = replicator.push()
    assert pushed.docs_written == 1
    assert server_doc(couch_server, council.db_url, offline) is not None
    assert offline not in local_ids(council.laptop) and offline in council.purged()
    with council.laptop.read() as s:
        assert purge.pending(s) == []


def test_removed_rows_fetch_nothing_and_spare_the_servers_own_documents(
    council: Council, couch_server: CouchServer, hostile: HostileServer
) -> None:
    held = local_ids(council.laptop)
    forged = "9-" + "f" * 32
    rows = [
        removed(council.case_id, forged),  # a revision the laptop never had: not fetched
        removed("citizen:never-here"),
        removed("_design/caseworker"),
        removed("_local/anything"),
        {"id": council.case_note, "removed": True},  # no revisions named at all
    ]
    council.feed.after(council.since(couch_server), rows, "gone")
    hostile.requests.clear()
    assert council.sync().up_to_date
    assert not hostile.seen("_bulk_get") and not hostile.seen("/_design")
    assert local_ids(council.laptop) == held - council.gone_with_case


@pytest.mark.parametrize("same_pull", [True, False])
def test_a_case_that_comes_back_into_scope_arrives_whole_and_searchable(
    council: Council, couch_server: CouchServer, same_pull: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = council.gone_with_case | council.gone_with_citizen
    gone = [removed(i) for i in sorted(everything)]
    back = [present(couch_server, council.db_url, i) for i in sorted(everything)]
    since = council.since(couch_server)
    after_removal = council.feed.after(since, gone, "gone")
    if same_pull:  # one pull: the second batch is compared with the store after the purge
        council.feed.after(after_removal, back, "back")
        # The fetching thread would compare the second batch with the store while the first
        # is written: the purge waits (a while) for that comparison, to catch it if it happens.
        compared = threading.Event()
        real_diff, real_apply = pull.revs_diff_many, purge.apply

        def diff(session: Any, wanted: dict[str, list[str]]) -> Any:
            if council.case_id in wanted:
                compared.set()
            return real_diff(session, wanted)

        def apply(*args: Any, **kw: Any) -> purge.Purged:
            if args[1]:
                compared.wait(2.0)
            return real_apply(*args, **kw)

        monkeypatch.setattr(pull, "revs_diff_many", diff)
        monkeypatch.setattr(purge, "apply", apply)
        result = council.sync(batch_size=len(gone))
        assert result.pull.docs_purged == len(everything)
    else:
        council.sync()
        assert not local_ids(council.laptop) & everything
        council.feed.after(after_removal, back, "back")
        council.sync()
    assert everything <= local_ids(council.laptop)
    with council.laptop.read() as s:
        assert [h.id for h in search.search(s, "Quuxworth")] == [council.citizen_id]
        assert cases.get_case(s, council.case_id).citizen_id == council.citizen_id
        assert {e.id for e in cases.history(s, council.case_id)} == set(council.events)
        assert purge.pending(s) == []


def test_a_crash_while_purging_leaves_nothing_half_purged(
    council: Council, couch_server: CouchServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = local_ids(council.laptop)
    rows = [removed(council.case_id), removed(council.citizen_id)]
    council.feed.after(council.since(couch_server), rows, "gone")

    class Crash(Exception):
        pass

    real = Checkpointer.write_local

    def crash(self: Checkpointer, session: Any, last_seq: Any) -> None:
        if "gone" in json.dumps(last_seq):
            raise Crash("the laptop lost power")
        real(self, session, last_seq)

    monkeypatch.setattr(Checkpointer, "write_local", crash)
    with pytest.raises(Crash):
        council.sync()
    assert local_ids(council.laptop) == held
    with council.laptop.read() as s:
        assert [h.id for h in search.search(s, "Quuxworth")] == [council.citizen_id]
        assert purge.pending(s) == []
    assert council.laptop.check_integrity() == "ok"
    monkeypatch.setattr(Checkpointer, "write_local", real)
    assert council.sync().up_to_date  # the same rows again: purged now
    assert local_ids(council.laptop) == held - council.gone_with_case - council.gone_with_citizen


def test_a_change_the_server_refused_is_kept_when_its_case_leaves(
    council: Council, couch_server: CouchServer, hostile: HostileServer
) -> None:
    with council.laptop.write() as s:
        cases.set_priority(s, AGENT, council.case_id, "high")
        rev = s.get(StoredDocument, council.case_id).rev  # type: ignore[union-attr]
    refusal = [{"id": council.case_id, "rev": rev, "error": "forbidden", "reason": "not yours"}]
    hostile.on("/_bulk_docs", Reply(201, refusal), method="POST", times=1)
    council.feed.after(council.since(couch_server), [removed(council.case_id)], "gone")
    result = council.sync()
    assert council.case_id in result.refused
    # What the person did stays, shown as a problem, with the case it belongs to.
    held = local_ids(council.laptop)
    assert {council.case_id, council.case_note} <= held
    with council.laptop.read() as s:
        assert purge.pending(s) == [council.case_id]
        assert cases.get_case(s, council.case_id).priority == "high"
