"""The central commands' one reading of the whole database (``sync.all_docs.documents``): every
live document once, in id order, wherever the page edges fall; never a design document; and a
server whose next page does not move forward is refused rather than read for ever."""

from typing import Any

import pytest
import requests

from caseworker.errors import CaseworkerError
from sync.all_docs import documents
from sync.http import CouchClient
from tests.support.couch_server import CouchServer

IDS = ["case:a", "case:b", "citizen:c1", "hold:1", "note:x"]


def test_the_whole_database_is_read_once_a_page_at_a_time_without_design_documents(
    couch_server: CouchServer, couch_db: str
) -> None:
    docs: list[dict[str, Any]] = [{"_id": i, "type": "x"} for i in IDS]
    docs.append({"_id": "_design/access", "views": {}})
    answer = requests.post(
        f"{couch_db}/_bulk_docs", json={"docs": docs}, auth=couch_server.admin_auth, timeout=30
    )
    answer.raise_for_status()
    client = CouchClient(couch_db, *couch_server.admin_auth)
    try:
        for page in (1, 2, 5, 1000):
            assert [d["_id"] for d in documents(client, page=page)] == IDS, page
            assert [d["_id"] for d in documents(client, "case:", page)] == IDS[:2], page
    finally:
        client.close()


class Stuck:
    """A broken server: every page of ``_all_docs`` is the first one again."""

    def __init__(self) -> None:
        self.asked = 0

    def get(self, path: str, **_: Any) -> dict[str, Any]:
        self.asked += 1
        return {"rows": [{"id": i, "doc": {"_id": i}} for i in ("case:a", "case:a")]}


def test_a_next_page_that_does_not_move_forward_is_refused() -> None:
    stuck = Stuck()
    with pytest.raises(CaseworkerError, match="out of order"):
        list(documents(stuck, page=1))  # type: ignore[arg-type]
    assert stuck.asked == 2  # the first page, then the same again: refused there
