"""A store as an older Caseworker left it: filled by today's code, then migrated down to an
earlier schema revision (every migration can go down as well as up). Opening it again runs the
migrations from there, as on a laptop that updated."""

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.orm import Session

from caseworker.store.engine import make_engine
from caseworker.store.schema import MIGRATIONS_DIR
from caseworker.store.store import Store


def store_at(path: Path, revision: str, fill: Callable[[Session], None]) -> None:
    store = Store(path)
    try:
        with store.write() as session:
            fill(session)
    finally:
        store.close()
    engine = make_engine(path, writer=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    finally:
        engine.dispose()
