"""Replication ids and the comparison of the two copies of a checkpoint (PouchDB's rules)."""

from sync.checkpoint import LOWEST_SEQ, _compare, replication_id


def test_replication_ids_are_stable_and_differ_by_store_server_direction_and_scope() -> None:
    base = replication_id("store-1", "https://couch.example/cases", "pull")
    assert base == replication_id("store-1", "https://couch.example/cases/", "pull")
    others = {
        replication_id("store-2", "https://couch.example/cases", "pull"),
        replication_id("store-1", "https://couch.example/other", "pull"),
        replication_id("store-1", "https://couch.example/cases", "push"),
        replication_id("store-1", "https://couch.example/cases", "pull", "team:north"),
    }
    assert base not in others and len(others) == 4


def _doc(session: str, seq: object, *history: tuple[str, object]) -> dict[str, object]:
    return {
        "session_id": session,
        "last_seq": seq,
        "history": [{"session_id": s, "last_seq": q} for s, q in ((session, seq), *history)],
        "version": 1,
    }


def test_the_same_session_gives_its_last_seq_even_when_opaque() -> None:
    seq = "12-g1AAAAFTeJzLYWBg4MhgTmHgz8tPSTV0MDQ"
    assert _compare(_doc("s1", seq), _doc("s1", seq)) == seq


def test_different_sessions_fall_back_to_the_newest_shared_one() -> None:
    local = _doc("s3", 30, ("s2", 20), ("s1", 10))
    remote = _doc("s4", 40, ("s2", 20), ("s1", 10))
    assert _compare(local, remote) == 20


def test_no_shared_session_or_another_version_starts_again() -> None:
    assert _compare(_doc("s1", 10), _doc("s2", 10)) == LOWEST_SEQ
    assert _compare(_doc("s1", 10), {**_doc("s1", 10), "version": 2}) == LOWEST_SEQ
