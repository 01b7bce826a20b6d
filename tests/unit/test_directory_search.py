"""Search with the citizen directory: full records first, then directory summaries, never a
summary of someone whose full record is here, and the quick read (``caseworker search``)
answering exactly what the window's search answers."""

import pytest

import main
from caseworker.cli import quick_read
from caseworker.services import search
from caseworker.services.cases import NewCase, open_case
from caseworker.services.citizens import NewIdentifier, create_citizen
from caseworker.store import docstore, purge
from caseworker.store.store import STORE_FILENAME, Store
from tests.unit.conftest import AGENT
from tests.unit.directory_docs import entry, receive


@pytest.fixture
def agent_laptop(council: Store) -> tuple[Store, str]:
    """Two Smiths' full records (one on a case), and the directory of five Smiths, the two held
    among them."""
    with council.write() as s:
        held, _ = create_citizen(
            s, AGENT, "Anna", "Smith", identifiers=(NewIdentifier("phone", "01632 960001"),)
        )
        other, _ = create_citizen(s, AGENT, "Bryn", "Smithers")
        open_case(
            s,
            AGENT,
            NewCase("missed-bin", "Bins", "phone", citizen_id=held, location_postcode="LL57 2PW"),
        )
    receive(
        council,
        entry(held.split(":", 1)[1], "Anna", "Smith", phones=["01632 960001"]),
        entry(other.split(":", 1)[1], "Bryn", "Smithers"),
        entry("d1", "Aled", "Smith", postcodes=["LL57 2PW"], phones=["01632 960002"]),
        entry("d2", "Cerys", "Smith", language="cy"),
        entry("d3", "Dai", "Goldsmith"),
    )
    return council, held


def _hits(store: Store, query: str, limit: int = 20) -> list[search.SearchHit]:
    with store.read() as s:
        return search.search(s, query, limit)


def test_full_records_come_first_then_summaries_of_the_others_only(
    agent_laptop: tuple[Store, str],
) -> None:
    store, held = agent_laptop
    hits = _hits(store, "smith")
    kinds = [h.kind for h in hits]
    first_summary = kinds.index("directory")
    assert "directory" not in kinds[:first_summary] and set(kinds[first_summary:]) == {"directory"}
    assert set(kinds[:first_summary]) == {"citizen"}
    summaries = [(h.id, h.title) for h in hits if h.kind == "directory"]
    # Best name match first among the summaries too; the held two are found as records only.
    assert summaries == [
        ("directory:d1", "Aled Smith"),
        ("directory:d2", "Cerys Smith"),
        ("directory:d3", "Dai Goldsmith"),
    ]
    assert all(h.summary for h in hits if h.kind == "directory")
    assert not any(h.summary for h in hits if h.kind != "directory")
    people = [h.title for h in hits if h.kind != "case"]
    assert len(people) == len(set(people))  # nobody twice
    assert held in [h.id for h in hits]


def test_a_summary_is_found_by_its_phone_and_postcode_with_them_on_its_second_line(
    agent_laptop: tuple[Store, str],
) -> None:
    store, _ = agent_laptop
    [hit] = _hits(store, "960002")
    assert (hit.kind, hit.id, hit.detail) == (
        "directory",
        "directory:d1",
        "LL57 2PW · 01632 960002",
    )
    # A case found by the same postcode is a full record: it comes first.
    assert [h.kind for h in _hits(store, "LL57 2")] == ["case", "directory"]
    assert _hits(store, "LL57 2")[1].id == "directory:d1"
    # The held citizen's number finds the record, not also its summary.
    assert [h.kind for h in _hits(store, "960001")] == ["citizen"]


def test_one_or_two_letters_list_records_then_summaries(agent_laptop: tuple[Store, str]) -> None:
    store, _ = agent_laptop
    hits = _hits(store, "sm")
    assert [h.kind for h in hits] == ["citizen", "citizen", "directory", "directory"]
    assert [h.title for h in hits[2:]] == ["Aled Smith", "Cerys Smith"]


def test_summaries_only_fill_what_full_records_leave_of_the_limit(
    agent_laptop: tuple[Store, str],
) -> None:
    store, _ = agent_laptop
    assert [h.kind for h in _hits(store, "smith", limit=2)] == ["citizen", "citizen"]
    assert [h.kind for h in _hits(store, "smith", limit=3)] == ["citizen", "citizen", "directory"]
    assert [h.id for h in _hits(store, "smith", limit=3)][-1] == "directory:d1"


def test_a_record_arriving_replaces_its_summary_and_its_purge_brings_the_summary_back(
    agent_laptop: tuple[Store, str],
) -> None:
    store, _ = agent_laptop
    full = {
        "_id": "citizen:d2",
        "type": "citizen",
        "schema": 1,
        "given_name": "Cerys",
        "family_name": "Smith",
        "language": "cy",
        "identifiers": [],
        "consents": [],
        "created_at": "2026-01-05T09:00:00.000Z",
        "updated_at": "2026-01-05T09:00:00.000Z",
    }
    receive(store, full)
    hits = _hits(store, "cerys smith")
    assert [(h.kind, h.id) for h in hits] == [("citizen", "citizen:d2")]
    with store.write() as s:
        purge.purge(s, ["citizen:d2"], pushed=docstore.last_seq(s))
    assert [(h.kind, h.id) for h in _hits(store, "cerys smith")] == [("directory", "directory:d2")]


QUERIES = ("smith", "sm", "s", "Aled", "960002", "01632 960001", "ll57", "LL57 2PW", "gold", "zz")


def test_the_quick_read_answers_what_the_window_answers(agent_laptop: tuple[Store, str]) -> None:
    store, _ = agent_laptop
    conn = quick_read.connect(store.path.parent)
    assert conn is not None, "a store of this schema is read without SQLAlchemy"
    try:
        for query in QUERIES:
            for limit in (1, 3, 20):
                quick = search.search_with(conn.execute, query, limit)
                assert quick == _hits(store, query, limit), (query, limit)
    finally:
        conn.close()


def test_the_search_command_lists_summaries_by_kind_and_says_what_they_are(
    agent_laptop: tuple[Store, str], capsys: pytest.CaptureFixture[str]
) -> None:
    store, _ = agent_laptop
    assert store.path.name == STORE_FILENAME
    assert main.run(["--data-dir", str(store.path.parent), "search", "aled"]) == 0
    out, err = capsys.readouterr()
    assert "directory" in out and "directory:d1" in out and "Aled Smith" in out
    assert "full record is not on this laptop" in err
    assert main.run(["--data-dir", str(store.path.parent), "search", "smith"]) == 0
    out, _ = capsys.readouterr()
    assert out.index("citizen:") < out.index("directory:")


def test_a_store_without_directory_says_nothing_about_summaries(
    council: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    with council.write() as s:
        create_citizen(s, AGENT, "Only", "Record")
    assert main.run(["--data-dir", str(council.path.parent), "search", "record"]) == 0
    out, err = capsys.readouterr()
    assert "citizen:" in out and "directory" not in out + err


def test_the_search_command_prints_whether_a_hit_is_a_summary_in_json(
    agent_laptop: tuple[Store, str], capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    store, _ = agent_laptop
    assert main.run(["--data-dir", str(store.path.parent), "search", "aled", "--json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "directory" and hit["summary"] is True


@pytest.mark.parametrize("query", ['"', "sm%", "_", "smi*", "a OR b", "NEAR(x y)", "'); --"])
def test_hostile_queries_reach_the_directory_as_plain_text(
    agent_laptop: tuple[Store, str], query: str
) -> None:
    store, _ = agent_laptop
    assert all(h.kind in ("citizen", "case", "directory") for h in _hits(store, query))
