"""A process killed with SIGKILL in the middle of writing leaves a consistent store.

Every service call is one transaction in WAL mode: what was committed is there after the crash,
what was not leaves no trace, and the documents agree with their projections.
"""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from caseworker.models import Case, Note, StoredDocument
from caseworker.seed import seed_store
from caseworker.services import contacts
from caseworker.services.context import Actor
from caseworker.store.projection import TABLE_OF_TYPE
from caseworker.store.store import STORE_FILENAME, Store

WRITER = """
import sys
from pathlib import Path
from caseworker.services import cases, contacts
from caseworker.services.cases import NewCase
from caseworker.services.context import Actor
from caseworker.store.store import Store

store = Store(Path(sys.argv[1]))
actor = Actor("staff:agent", "agent")
n = 0
while True:
    with store.write() as s:
        case_id, _ = cases.open_case(s, actor, NewCase("missed-bin", f"Bin {n}", "phone"))
        note_id, _ = contacts.add_note(s, actor, f"note {n} " + "x" * 2000, case_id=case_id)
        cases.transition(s, actor, case_id, "triaged")
    print(case_id, note_id, flush=True)
    n += 1
"""


@pytest.mark.parametrize("kill_after", [1, 13, 40])
def test_a_killed_writer_loses_nothing_it_committed(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / STORE_FILENAME
    store = Store(path)
    seed_store(store, citizens=20)
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    committed = [child.stdout.readline().split() for _ in range(kill_after)]
    os.kill(child.pid, signal.SIGKILL)  # mid-way through the next transaction, most likely
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    store = Store(path)
    try:
        assert store.check_integrity() == "ok"
        with store.read() as s:
            for case_id, note_id in committed:
                case = s.get(Case, case_id)
                assert case is not None and case.status == "triaged"
                assert s.get(Note, note_id) is not None
            _assert_documents_agree_with_projections(s)
            opened = s.scalar(
                select(func.count()).select_from(Case).where(Case.summary.like("Bin %"))
            )
            assert opened in (kill_after, kill_after + 1)  # the next one was all or nothing
            if opened == kill_after + 1:
                last = s.scalars(select(Case).where(Case.summary == f"Bin {kill_after}")).one()
                assert last.status == "triaged"
        with store.write() as s:
            contacts.add_note(
                s, Actor("staff:agent", "agent"), "after the crash", case_id=committed[0][0]
            )
    finally:
        store.close()


def _assert_documents_agree_with_projections(s: object) -> None:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    counts = dict(
        s.execute(
            select(StoredDocument.type, func.count())
            .where(StoredDocument.deleted.is_(False))
            .group_by(StoredDocument.type)
        ).all()
    )
    for doc_type, table in TABLE_OF_TYPE.items():
        assert s.scalar(select(func.count()).select_from(table)) == counts.get(doc_type, 0)
    stale = s.execute(
        text(
            "SELECT COUNT(*) FROM cases JOIN documents ON documents.id = cases.id "
            "WHERE documents.rev != cases.rev"
        )
    ).scalar()
    assert stale == 0
