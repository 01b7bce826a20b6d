"""A central job's position is written over the revision it last read: another worker's write
meanwhile (a 409) means this one has lost the job; any other failure is not taken for that, and
an answer without a usable revision is not kept as one."""

import asyncio
from typing import Any, cast

import pytest

from sync.gateway.couch import Couch, CouchError
from sync.worker.lease import LeaseLost
from sync.worker.position import save_position


class _Couch:
    def __init__(self, answer: Any = None, error: CouchError | None = None) -> None:
        self.answer, self.error = answer, error
        self.sent: list[tuple[str, Any]] = []

    async def put(self, path: str, json: Any, **_kw: Any) -> Any:
        self.sent.append((path, json))
        if self.error is not None:
            raise self.error
        return self.answer


def _save(couch: _Couch, rev: str | None) -> str | None:
    return asyncio.run(
        save_position(cast(Couch, couch), "_local/job", {"since": 7}, rev, "the job's place")
    )


def test_the_first_write_has_no_revision_and_later_ones_the_last_read() -> None:
    couch = _Couch({"ok": True, "rev": "0-1"})
    assert _save(couch, None) == "0-1"
    assert _save(couch, "0-1") == "0-1"
    assert couch.sent == [
        ("_local/job", {"since": 7}),
        ("_local/job", {"since": 7, "_rev": "0-1"}),
    ]


def test_another_workers_write_meanwhile_means_the_job_is_lost() -> None:
    with pytest.raises(LeaseLost, match="another worker moved the job's place"):
        _save(_Couch(error=CouchError(409, {"error": "conflict"})), "0-1")


def test_a_server_failure_is_not_taken_for_a_lost_job() -> None:
    with pytest.raises(CouchError) as raised:
        _save(_Couch(error=CouchError(500, {"error": "unknown_error"})), "0-1")
    assert raised.value.status == 500


@pytest.mark.parametrize("answer", [None, [], {"ok": True}, {"rev": 3}])
def test_an_answer_without_a_usable_revision_keeps_none(answer: Any) -> None:
    assert _save(_Couch(answer), "0-1") is None
