"""Services and queues carry a Welsh name, projected beside the English one and chosen by the
reader's language; a store from before keeps working and gains the names it already had."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from caseworker import language
from caseworker.documents.codec import check
from caseworker.models import Queue, Service
from caseworker.seed import reference
from caseworker.store.engine import make_engine
from caseworker.store.schema import HEAD_REVISION, MIGRATIONS_DIR
from caseworker.store.store import Store


@pytest.fixture
def welsh() -> Iterator[None]:
    language.set_language("cy")
    yield
    language.set_language("en")


def test_every_service_and_queue_in_the_catalogue_has_a_welsh_name() -> None:
    data = reference.catalogue()
    for item in [*data["services"], *data["queues"]]:
        assert item["name_cy"].strip(), item["name"]
    for service in data["services"]:
        assert service["group_cy"].strip(), service["group"]
        assert item["name_cy"] != item["name"] or item["name"] == "Planning"
    names = [s["name_cy"] for s in data["services"]]
    assert len(set(names)) == len(names)  # two services never read alike in Welsh


def _service(code: str, name: str, name_cy: str | None) -> dict[str, object]:
    doc: dict[str, object] = {
        "_id": f"service:{code}",
        "type": "service",
        "schema": 1,
        "code": code,
        "name": name,
        "group": "Waste and recycling",
        "keywords": [],
        "resolve_hours": 72,
        "response_hours": 24,
        "active": True,
    }
    if name_cy is not None:
        doc["name_cy"] = name_cy
        doc["group_cy"] = "Gwastraff ac ailgylchu"
    check(doc)
    return doc


def test_the_name_follows_the_readers_language_and_falls_back_to_english(
    tmp_path: Path,
) -> None:
    from caseworker.store import docstore

    store = Store(tmp_path / "caseworker.db")
    try:
        with store.write() as session:
            docstore.put(session, _service("missed-bin", "Missed bin", "Bin a fethwyd"))
            docstore.put(session, _service("new-thing", "Not yet translated", None))
            docstore.put(session, _service("blank", "Blank Welsh", ""))
        with store.read() as session:
            english = dict(session.execute(select(Service.code, language.service_name())).all())
            groups_en = set(session.scalars(select(language.service_group())))
            language.set_language("cy")
            try:
                welsh = dict(session.execute(select(Service.code, language.service_name())).all())
                groups_cy = set(session.scalars(select(language.service_group())))
            finally:
                language.set_language("en")
    finally:
        store.close()
    assert english == {
        "missed-bin": "Missed bin",
        "new-thing": "Not yet translated",
        "blank": "Blank Welsh",
    }
    assert groups_en == {"Waste and recycling"}
    assert groups_cy == {"Gwastraff ac ailgylchu", "Waste and recycling"}  # two untranslated
    assert welsh == {
        "missed-bin": "Bin a fethwyd",
        "new-thing": "Not yet translated",
        "blank": "Blank Welsh",
    }


def test_only_english_or_welsh_can_be_chosen() -> None:
    with pytest.raises(ValueError):
        language.set_language("fr")
    assert language.current() == "en"
    assert language.pick("Planning", None) == "Planning"


def test_pick_chooses_the_welsh_name_for_a_welsh_reader(welsh: None) -> None:
    assert language.pick("Highways", "Priffyrdd") == "Priffyrdd"
    assert language.pick("Highways", "") == "Highways"


def test_a_store_from_before_gains_the_welsh_names_its_documents_had(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    queue = {
        "_id": "queue:waste",
        "type": "queue",
        "schema": 1,
        "name": "Waste",
        "name_cy": "Gwastraff",
        "active": True,
    }
    with engine.begin() as conn:
        for seq, (doc, table, row) in enumerate(
            [
                (queue, "queues", {"name": "Waste", "active": 1}),
                (
                    _service("missed-bin", "Missed bin", "Bin a fethwyd"),
                    "services",
                    {
                        "code": "missed-bin",
                        "name": "Missed bin",
                        "group": "Waste",
                        "keywords": "",
                        "resolve_hours": 72,
                        "response_hours": 24,
                        "active": 1,
                    },
                ),
            ],
            start=1,
        ):
            conn.execute(
                text(
                    "INSERT INTO documents (id, type, rev, deleted, seq, rev_tree, body, "
                    "conflicted) VALUES (:id, :type, '1-a', 0, :seq, '{}', :body, 0)"
                ),
                {"id": doc["_id"], "type": doc["type"], "seq": seq, "body": json.dumps(doc)},
            )
            columns = {"id": doc["_id"], "rev": "1-a", **row}
            names = ", ".join(f'"{c}"' for c in columns)
            values = ", ".join(f":{c}" for c in columns)
            conn.execute(text(f"INSERT INTO {table} ({names}) VALUES ({values})"), columns)
    engine.dispose()
    store = Store(path)
    try:
        with store.read() as session:
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD_REVISION
            )
            assert session.scalar(select(Service.name_cy)) == "Bin a fethwyd"
            assert session.scalar(select(Service.group_cy)) == "Gwastraff ac ailgylchu"
            assert session.scalar(select(Queue.name_cy)) == "Gwastraff"
    finally:
        store.close()
