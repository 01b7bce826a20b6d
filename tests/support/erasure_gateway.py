"""Erasures as the gateway's tests make them: CouchDB behind a running gateway as its admin
(``Central``), an erasure pushed there and waited for (``erase``), and ``_bulk_docs`` pushed
through the gateway as a member, with what its answer says of each document."""

import time
import uuid
from typing import Any

import requests

from caseworker.erasure import scope
from caseworker.services import erasure
from tests.support.gateway import Gateway, Server

JSON = {"Accept": "application/json"}


class Central:
    """CouchDB behind the gateway, as its admin: to set the scene and to see what was stored."""

    def __init__(self, server: Server, gateway: Gateway) -> None:
        self.url = gateway.upstream_db_url
        self.auth = server.admin_auth

    def put(self, doc: dict[str, Any]) -> str:
        answer = requests.post(self.url, json=doc, auth=self.auth, timeout=30)
        answer.raise_for_status()
        rev: str = answer.json()["rev"]
        return rev

    def get(self, doc_id: str, **params: str) -> Any:
        answer = requests.get(
            f"{self.url}/{requests.utils.quote(doc_id, safe='')}",
            params=params,
            auth=self.auth,
            headers=JSON,
            timeout=30,
        )
        return answer.json() if answer.status_code == 200 else None


def erase(central: Central, gateway: Gateway, citizen_id: str, **fields: Any) -> str:
    """An erasure of ``citizen_id`` as the supervisor's laptop pushes it, once the gateway has
    seen it (it says so on standard error)."""
    # Once the gateway has loaded the erasures (it says how many): one put before that is
    # learnt silently with the others, after it through the feed, said one by one.
    wait_for(gateway, "erasures in force")
    erasure_id = f"erasure:{uuid.uuid4().hex[:10]}"
    doc = erasure.erasure_document(
        erasure_id, citizen_id, by="staff:supervisor", mode="erase", basis="objection",
        reason="citizen_request",
    )  # fmt: skip
    doc.update(fields)
    central.put(doc)
    if scope.in_force(doc):
        wait_for(gateway, f"{erasure_id} in force")
    return erasure_id


def wait_for(gateway: Gateway, line: str, *, count: int = 1) -> None:
    """Until the gateway has said ``line`` on standard error (``count`` times)."""
    deadline = time.monotonic() + 30
    while gateway.stderr_text().count(line) < count:
        assert time.monotonic() < deadline, gateway.stderr_text()
        time.sleep(0.05)


def push(
    gateway: Gateway, auth: tuple[str, str], docs: list[dict[str, Any]], *, new_edits: bool = True
) -> list[dict[str, Any]]:
    answer = requests.post(
        f"{gateway.db_url}/_bulk_docs",
        json={"docs": docs, "new_edits": new_edits},
        auth=auth,
        headers=JSON,
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    result: list[dict[str, Any]] = answer.json()
    return result


def refused_for(answer: list[dict[str, Any]], doc_id: str, erasure_id: str) -> bool:
    return any(
        a.get("id") == doc_id and a.get("error") == "forbidden" and erasure_id in a["reason"]
        for a in answer
    )


def stored(answer: list[dict[str, Any]], doc_id: str) -> bool:
    return any(a.get("id") == doc_id and a.get("ok") for a in answer)
