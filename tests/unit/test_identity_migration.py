"""Migration 0011: a store's existing citizens get their blocking keys, and are matched."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from caseworker.identity import person
from caseworker.identity.matcher import find_matches
from caseworker.store.engine import make_engine
from caseworker.store.schema import MIGRATIONS_DIR
from caseworker.store.store import Store

AT = "2026-01-05T09:00:00.000Z"


def test_citizens_from_before_0014_are_keyed_and_found(tmp_path: Path) -> None:
    path = tmp_path / "caseworker.db"
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
        for n, (given, family) in enumerate((("Dafydd", "Rees"), ("Ann", "Jones"))):
            conn.execute(
                text(
                    "INSERT INTO citizens (id, rev, given_name, family_name, date_of_birth, "
                    "language, created_at, updated_at, conflicted) "
                    "VALUES (:id, '1-a', :g, :f, '1970-02-03', 'cy', :at, :at, 0)"
                ),
                {"id": f"citizen:{n}", "g": given, "f": family, "at": AT},
            )
            conn.execute(
                text(
                    "INSERT INTO identifiers (id, citizen_id, kind, value, normalised, "
                    "verified_by, added_at) VALUES (:id, :c, 'phone', '07700 900555', "
                    "'07700900555', 'unverified', :at)"
                ),
                {"id": f"citizen:{n}/i1", "c": f"citizen:{n}", "at": AT},
            )
    engine.dispose()
    store = Store(path)  # migrates to the head
    try:
        with store.read() as s:
            keys = set(s.execute(text("SELECT key FROM citizen_match_keys")).scalars())
            assert "p:+447700900555" in keys and any(k.startswith("d:1970-02-03:") for k in keys)
            contact = person(
                "c", given_name="David", family_name="Rees", date_of_birth="1970-02-03"
            )
            assert find_matches(s, contact).matches[0].right == "citizen:0"
    finally:
        store.close()


def test_a_store_keyed_before_0019_gains_the_birth_date_keys(tmp_path: Path) -> None:
    from caseworker.services import citizens
    from caseworker.services.citizens import NewIdentifier
    from tests.unit.conftest import AGENT

    path = tmp_path / "caseworker.db"
    store = Store(path)
    with store.write() as s:
        cid, _ = citizens.create_citizen(
            s, AGENT, "Dafydd", "Rees", date_of_birth="1970-02-03",
            identifiers=(NewIdentifier("phone", "07700 900555"),),
        )  # fmt: skip
        new = "key LIKE 't:%' OR key LIKE 'w:%'"
        assert s.execute(text(f"SELECT count(*) FROM citizen_match_keys WHERE {new}")).scalar()
        # As keyed by the code before 0019, at that revision.
        s.execute(text(f"DELETE FROM citizen_match_keys WHERE {new}"))
        s.execute(text("UPDATE alembic_version SET version_num = '0018'"))
    store.close()
    store = Store(path)  # migrates to the head
    try:
        with store.read() as s:
            keys = set(
                s.execute(
                    text("SELECT key FROM citizen_match_keys WHERE citizen_id = :c"), {"c": cid}
                ).scalars()
            )
    finally:
        store.close()
    assert {"t:+447700900555:1970-02-03", "w:1970-02-03:d130:r200"} <= keys
