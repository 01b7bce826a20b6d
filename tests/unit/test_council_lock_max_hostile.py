"""The council's longest idle time, against what a careless colleague or two admins offline can
produce.

- Two admins set it on two laptops offline: ``security:council`` arrives with two conflicting
  revisions. CouchDB's winner is an accident of revision ids, so every laptop applies the
  strictest of the live revisions (the fewest minutes), the same whichever order they arrive
  in; a revision this build cannot use counts as the default, never as "no limit"; a deleted
  branch counts for nothing; nothing crashes.
- ``caseworker lock-after --council-max`` with nonsense minutes says what it takes and writes
  nothing, nor does a command whose other half is refused.
"""

from pathlib import Path
from typing import Any

import pytest

import main
from caseworker.documents.types import SECURITY_ID
from caseworker.security.lock import DEFAULT_MINUTES, council_max_minutes, lock_after_minutes
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_dir
from tests.unit.test_council_lock_max import ADMIN_DOC

BASE = "1-ba5e"


def _revision(rev: str, body: dict[str, Any]) -> dict[str, Any]:
    """A revision of ``security:council`` on top of ``BASE``, as replication brings it."""
    depth, digest = rev.split("-", 1)
    ids = [digest, BASE.split("-", 1)[1]] if depth == "2" else [digest]
    doc = {"_id": SECURITY_ID, "_rev": rev, "type": "security", "schema": 1, **body}
    doc["_revisions"] = {"start": int(depth), "ids": ids}
    return doc


def _minutes(value: object) -> dict[str, Any]:
    return {"lock_max_minutes": value, "updated_at": "2026-01-01T00:00:00Z", "updated_by": "x"}


def _pull(store: Store, *docs: dict[str, Any]) -> None:
    with store.write() as session:
        for doc in docs:
            docstore.put_replicated(session, doc)


@pytest.mark.parametrize("order", ["strict first", "loose first"])
def test_two_revisions_made_offline_apply_the_strictest(council: Store, order: str) -> None:
    base = _revision(BASE, _minutes(30))
    strict = _revision("2-aaaa", _minutes(5))
    loose = _revision("2-ffff", _minutes(45))  # the higher id: CouchDB's winner
    pair = [strict, loose] if order == "strict first" else [loose, strict]
    _pull(council, base, *pair)
    with council.read() as session:
        assert docstore.require(session, SECURITY_ID)["lock_max_minutes"] == 45  # the winner
        assert len(docstore.leaf_bodies(session, SECURITY_ID)) == 2
        assert council_max_minutes(session) == 5
        assert lock_after_minutes(session) == 5


@pytest.mark.parametrize("spoiled", ["abc", 0, None, 10**9, [5]])
def test_an_unusable_conflicting_revision_counts_as_the_default(
    council: Store, spoiled: object
) -> None:
    _pull(
        council,
        _revision(BASE, _minutes(30)),
        _revision("2-aaaa", _minutes(spoiled)),
        _revision("2-ffff", _minutes(45)),
    )
    with council.read() as session:
        assert council_max_minutes(session) == DEFAULT_MINUTES
        assert lock_after_minutes(session) == DEFAULT_MINUTES


def test_a_deleted_branch_counts_for_nothing(council: Store) -> None:
    _pull(
        council,
        _revision(BASE, _minutes(30)),
        {**_revision("2-aaaa", {}), "_deleted": True},
        _revision("2-ffff", _minutes(45)),
    )
    with council.read() as session:
        assert council_max_minutes(session) == 45


@pytest.mark.parametrize("nonsense", ["0", "-5", str(10**9), "abc", "5.5", ""])
def test_nonsense_minutes_for_the_council_are_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nonsense: str
) -> None:
    data = council_dir(tmp_path / "data", ADMIN_DOC)
    run = ["--data-dir", str(data), "lock-after", "--as", "admin"]
    with pytest.raises(SystemExit) as refused:  # argparse's own error: usage, exit 2
        main.run([*run, f"--council-max={nonsense}"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "--council-max" in err and "1 to 60" in err, err
    assert "Traceback" not in err
    _nothing_written(data)


def test_a_council_maximum_is_not_written_when_the_laptops_own_time_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = council_dir(tmp_path / "data", ADMIN_DOC)
    run = ["--data-dir", str(data), "lock-after", "--as", "admin"]
    assert main.run([*run, "--council-max", "5", "99"]) == 2
    assert "1 to 60 idle minutes, not 99" in capsys.readouterr().err
    _nothing_written(data)
    assert main.run([*run, "--council-max", "5", "20"]) == 2  # above the new council's 5
    assert "at most 5 idle minutes" in capsys.readouterr().err
    _nothing_written(data)


def _nothing_written(data: Path) -> None:
    store = Store(data / STORE_FILENAME)
    try:
        with store.read() as session:
            assert docstore.get(session, SECURITY_ID) is None
            assert lock_after_minutes(session) == DEFAULT_MINUTES
    finally:
        store.close()
