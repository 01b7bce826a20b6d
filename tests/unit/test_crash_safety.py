"""A process killed with SIGKILL in the middle of writing leaves a consistent store.

Every service call is one transaction in WAL mode: what was committed is there after the crash,
what was not leaves no trace, and the documents agree with their projections. The same store is
killed several times over, at different points, each time reopened from its hot WAL.

A seed killed mid-way leaves no store at all (it is built beside the store's place and moved
there only when complete), and the next seed clears what the killed one left and succeeds.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from caseworker.errors import StoreError
from caseworker.models import Base, Case, CaseEvent, Citizen, Note, StoredDocument
from caseworker.seed import seed_store
from caseworker.seed.duplicates import ANSWER_KEY
from caseworker.seed.staging import run_folders
from caseworker.services import contacts
from caseworker.services.context import Actor
from caseworker.store.projection import TABLE_OF_TYPE
from caseworker.store.store import STORE_FILENAME, Store

AGENT = Actor("staff:agent", "agent")

# One transaction per loop: a case opened, a note on it, a status change; then a line saying so.
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
        summary = f"Bin {sys.argv[2]}-{n}"
        case_id, _ = cases.open_case(s, actor, NewCase("missed-bin", summary, "phone"))
        note_id, _ = contacts.add_note(s, actor, f"note {n} " + "x" * 2000, case_id=case_id)
        cases.transition(s, actor, case_id, "triaged")
    print(case_id, note_id, flush=True)
    n += 1
"""


def test_a_killed_writer_loses_nothing_it_committed(tmp_path: Path) -> None:
    path = tmp_path / STORE_FILENAME
    store = Store(path)
    seed_store(store, citizens=20)
    store.close()
    for round_, kill_after in enumerate((1, 13, 40, 7)):
        committed = _write_until_killed(path, round_, kill_after)
        assert len(committed) >= kill_after
        store = Store(path)
        try:
            _assert_consistent(store, round_, committed)
            with store.write() as s:  # the next write succeeds
                contacts.add_note(s, AGENT, "after the crash", case_id=committed[0][0])
        finally:
            store.close()


def _write_until_killed(path: Path, round_: int, kill_after: int) -> list[list[str]]:
    """Start the writer, read its commits as they are printed, SIGKILL it after the
    ``kill_after``-th (most likely mid-way through the next transaction)."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(round_)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    committed = [child.stdout.readline().split() for _ in range(kill_after)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    # It may have committed (and printed) a few more before the signal landed: those count too.
    committed += [line.split() for line in child.stdout.read().splitlines()]
    child.stdout.close()
    return committed


def _assert_consistent(store: Store, round_: int, committed: list[list[str]]) -> None:
    assert store.check_integrity() == "ok"
    with store.read() as s:
        for case_id, note_id in committed:
            case = s.get(Case, case_id)
            assert case is not None and case.status == "triaged"
            assert s.get(Note, note_id) is not None
        this_round = select(Case).where(Case.summary.like(f"Bin {round_}-%"))
        opened = s.scalars(this_round).all()
        # The transaction cut short is all or nothing: at most one more, and whole if there.
        assert len(opened) in (len(committed), len(committed) + 1)
        for case in opened:  # opened, noted and triaged, or not at all
            assert case.status == "triaged"
            assert s.scalar(_count(CaseEvent).where(CaseEvent.case_id == case.id)) == 2
            assert s.scalar(_count(Note).where(Note.case_id == case.id)) == 1
        _assert_documents_agree_with_projections(s)


def _count(table: Any) -> Select[int]:
    return select(func.count()).select_from(table)


def _assert_documents_agree_with_projections(s: Session) -> None:
    counts = dict(
        s.execute(
            select(StoredDocument.type, func.count())
            .where(StoredDocument.deleted.is_(False))
            .group_by(StoredDocument.type)
        ).all()
    )
    for doc_type, table in TABLE_OF_TYPE.items():
        assert s.scalar(_count(table)) == counts.get(doc_type, 0)
    stale = s.execute(
        text(
            "SELECT COUNT(*) FROM cases JOIN documents ON documents.id = cases.id "
            "WHERE documents.rev != cases.rev"
        )
    ).scalar()
    assert stale == 0


SCRIPT = Path(sys.executable).with_name("caseworker")
WRITING = 2 << 20  # bytes: some file in the data folder this big means chunks are being copied


def test_a_killed_seed_leaves_no_store_and_the_next_seed_succeeds(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = data / STORE_FILENAME
    child = subprocess.Popen(
        [str(SCRIPT), "--data-dir", str(data), "seed", "--citizens", "30000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its worker processes share its group, to wait for them
    )
    _wait_until_writing(data, child)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL
    _wait_until_gone(child.pid)

    # Nothing that could pass for a store: none at all, or one that says it was cut short.
    if path.exists():
        with pytest.raises(StoreError, match="interrupted"):
            Store(path).close()
    searched = subprocess.run(
        [str(SCRIPT), "--data-dir", str(data), "search", "smith"], capture_output=True, text=True
    )
    assert searched.returncode == 1 and searched.stderr.count("\n") == 1, searched.stderr
    assert "Traceback" not in searched.stderr

    again = subprocess.run(
        [str(SCRIPT), "--data-dir", str(data), "seed", "--citizens", "300"],
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in data.iterdir()) == sorted([ANSWER_KEY, STORE_FILENAME])
    assert run_folders(child.pid) == []  # the killed run's staging, removed by the next run
    store = Store(path)
    try:
        assert store.check_integrity() == "ok"
        with store.read() as s:
            assert s.scalar(_count(Citizen)) == 300
            indexes = set(s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'")))
        expected = {i.name for table in Base.metadata.sorted_tables for i in table.indexes}
        assert expected <= indexes
    finally:
        store.close()


def _wait_until_writing(data: Path, child: subprocess.Popen[bytes]) -> None:
    """Until chunks are being copied into the store (or the child ends, which fails)."""
    deadline = time.monotonic() + 600  # a guard against hanging, not a measure of speed
    while time.monotonic() < deadline:
        assert child.poll() is None, "the seed ended before it could be killed"
        sizes = [p.stat().st_size for p in data.iterdir() if p.is_file()] if data.exists() else []
        if max(sizes, default=0) > WRITING:
            return
        time.sleep(0.05)
    raise AssertionError("the seed never started writing")


def _wait_until_gone(group: int) -> None:
    """Until the killed seed's worker processes (its process group) have ended too."""
    deadline = time.monotonic() + 300  # a guard against hanging, not a measure of speed
    while _alive_in_group(group) and time.monotonic() < deadline:
        time.sleep(0.1)


def _alive_in_group(group: int) -> bool:
    """Whether any process of the group is still running (zombies waiting to be reaped aren't)."""
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # it ended while we looked
        if fields[0] != "Z" and int(fields[2]) == group:
            return True
    return False
