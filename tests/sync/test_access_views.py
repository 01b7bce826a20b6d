"""The central database's map functions route every document as ``caseworker.access`` does:
the design document is installed on the real server, many generated documents (well formed,
malformed, conflicting, deleted) are written, and each view's rows are compared with what
the Python rules say."""

import random
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from caseworker.access.views import (
    DESIGN_ID,
    VIEW,
    cases_rows,
    citizen_of_key,
    design_document,
    is_case_key,
    roots_rows,
)
from tests.support.couch_server import CouchServer
from tests.support.external_couch import ExternalCouch, external_couch

JSON = {"Accept": "application/json", "Content-Type": "application/json"}
DOCS = 1500

IDS = (
    "case",
    "citizen",
    "note",
    "contact",
    "event",
    "staff",
    "queue",
    "service",
    "audit",
    "marker",
    "x",
)
TYPES = (
    "case",
    "citizen",
    "note",
    "interaction",
    "case_event",
    "staff",
    "queue",
    "service",
    "mention",
    "audit_event",
    "marker",  # routed by its citizen alone, never by a case_id it may carry
    "thing",
    "constructor",  # a name every JavaScript object inherits
    "",
)
POSTCODES = (
    "CF37 1AB",
    "cf371ab",
    " LL57\t2PW ",
    "M1 1AE",
    "SW1A1AA",
    "ＣＦ37 1AB",
    "CF37\u00a01AB",
    "ß1 1AB",
    "CF37\n1AB",
    "CF37 1AB\n",
    "x",
    "",
    "12345678",
)
STATUSES = ("new", "assigned", "in_progress", "reopened", "closed", "resolved", "NEW", "")


def _maybe(rng: random.Random, *choices: Any) -> Any:
    return rng.choice(choices)


def _parent(rng: random.Random, kind: str) -> Any:
    n = rng.randrange(40)
    return _maybe(rng, f"{kind}:{n}", f"{kind}:", "", None, 7, [f"{kind}:{n}"], f"x{kind}:{n}")


def _generated(rng: random.Random, n: int) -> dict[str, Any]:
    """One document of a random, often malformed, shape."""
    doc: dict[str, Any] = {"_id": f"{rng.choice(IDS)}:{n}-é"}
    if rng.random() < 0.05:
        doc["_id"] = rng.choice(IDS)  # no colon
    kind = rng.choice(TYPES)
    if rng.random() < 0.1:
        doc["type"] = _maybe(rng, None, 3, ["case"])
    elif kind:
        doc["type"] = kind
        if rng.random() < 0.8 and kind in ("case", "citizen"):
            doc["_id"] = f"{kind}:{n}"  # its own id, mostly
    doc["case_id"] = _parent(rng, "case")
    doc["citizen_id"] = _parent(rng, "citizen")
    doc["queue_id"] = _maybe(rng, "queue:waste", "queue:contact", "", None, 5)
    doc["assignee_id"] = _maybe(rng, "staff:a", "staff:b", "", None, False)
    doc["status"] = _maybe(rng, *STATUSES, None, ["new"])
    location = _maybe(
        rng,
        {"postcode": rng.choice(POSTCODES)},
        {"postcode": 37},
        {},
        [rng.choice(POSTCODES)],
        rng.choice(POSTCODES),
        None,
    )
    doc["location"] = location
    return {k: v for k, v in doc.items() if v is not None or rng.random() < 0.2}


Server = CouchServer | ExternalCouch


@pytest.fixture
def server_and_db(request: pytest.FixtureRequest) -> Iterator[tuple[Server, str]]:
    """An Apache CouchDB when ``CASEWORKER_TEST_COUCHDB`` names one, else PouchDB Server."""
    external = external_couch()
    if external is None:
        yield request.getfixturevalue("couch_server"), request.getfixturevalue("couch_db")
        return
    name = f"test-views-{uuid.uuid4().hex[:12]}"
    url = external.create_db(name)
    try:
        yield external, url
    finally:
        external.delete_db(name)


def _post(server: Server, url: str, body: Any) -> Any:
    answer = requests.post(url, json=body, auth=server.admin_auth, headers=JSON, timeout=120)
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def _rows(server: Server, db_url: str) -> list[dict[str, Any]]:
    answer = requests.get(
        f"{db_url}/{DESIGN_ID}/_view/{VIEW}",
        params={"reduce": "false"},
        auth=server.admin_auth,
        headers=JSON,
        timeout=300,
    )
    assert answer.status_code == 200, answer.text
    rows: list[dict[str, Any]] = answer.json()["rows"]
    return rows


def test_the_views_route_every_document_as_the_python_rules_do(
    server_and_db: tuple[Server, str],
) -> None:
    couch_server, couch_db = server_and_db
    design = design_document()
    put = requests.put(
        f"{couch_db}/{DESIGN_ID}", json=design, auth=couch_server.admin_auth, timeout=30
    )
    assert put.status_code in (200, 201), put.text
    rng = random.Random(9)
    docs = [_generated(rng, n) for n in range(DOCS)]
    docs += [  # an open case at each postcode, so every district rule is met at least once
        {"_id": f"case:at-{i}", "type": "case", "status": "new", "location": {"postcode": p}}
        for i, p in enumerate(POSTCODES)
    ]
    docs = list({d["_id"]: d for d in docs}.values())
    written = _post(couch_server, f"{couch_db}/_bulk_docs", {"docs": docs})
    revs = {r["id"]: r["rev"] for r in written if "rev" in r}
    # Conflicts: a second branch on some documents, as two offline edits leave them.
    branches = []
    for d in rng.sample(docs, 150):
        other = {**_generated(rng, rng.randrange(DOCS)), "_id": d["_id"]}
        branches.append({**other, "_rev": f"1-{rng.getrandbits(128):032x}"})
    _post(couch_server, f"{couch_db}/_bulk_docs", {"docs": branches, "new_edits": False})
    # Deletions: a deleted document is in no view.
    gone = [{"_id": i, "_rev": revs[i], "_deleted": True} for i in rng.sample(sorted(revs), 100)]
    _post(couch_server, f"{couch_db}/_bulk_docs", {"docs": gone})

    everything = requests.get(
        f"{couch_db}/_all_docs",
        params={"include_docs": "true", "conflicts": "true"},
        auth=couch_server.admin_auth,
        headers=JSON,
        timeout=120,
    ).json()["rows"]
    live = [r["doc"] for r in everything if not r["id"].startswith("_design/")]
    assert len(live) > 1000 and sum(1 for d in live if d.get("_conflicts")) > 50

    expected_roots = Counter(
        (d["_id"], root, revs_[0], tuple(sorted(revs_[1:])))
        for d in live
        for root, revs_ in roots_rows(d)
    )
    # One view holds both kinds of rows: no root may read as a case key.
    assert not any(is_case_key(root) for _i, root, _r, _c in expected_roots)
    rows = _rows(couch_server, couch_db)
    got_roots = Counter(
        (r["id"], r["key"], r["value"][0], tuple(sorted(r["value"][1:])))
        for r in rows
        if not is_case_key(r["key"])
    )
    assert got_roots == expected_roots
    assert len(expected_roots) > 300  # enough documents with a root to mean something
    assert any(root == "anonymous" for _i, root, _r, _c in expected_roots)

    expected_cases = Counter((d["_id"], k, v) for d in live for k, v in cases_rows(d))
    got_cases = Counter((r["id"], r["key"], r["value"]) for r in rows if is_case_key(r["key"]))
    assert got_cases == expected_cases

    citizens = Counter(
        (i, c) for i, k, _v in expected_cases if (c := citizen_of_key(k)) is not None
    )
    assert len(citizens) > 10
    assert all(c.startswith("citizen:") for _i, c in citizens)
    keys = {k for _i, k, _v in expected_cases}
    assert {"area=CF37", "area=LL57", "area=M1", "area=SW1A"} <= keys
    assert any(k.startswith("assignee=") for k in keys)
