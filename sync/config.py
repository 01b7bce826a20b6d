"""Which central service a data folder syncs with: ``central.json`` beside the store.

It holds the database URL, the user name and whether plain ``http://`` to another machine was
asked for (``allow_http``, from ``--allow-http``); the password lives in the OS keyring
(``sync.credentials``), never here.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from sync.urls import split_db_url

FILENAME = "central.json"


@dataclass(frozen=True)
class CentralConfig:
    server: str  # the central database's URL, without credentials
    user: str
    allow_http: bool = False  # plain http:// to a non-loopback host was asked for


def load(data_dir: Path) -> CentralConfig | None:
    path = data_dir / FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return CentralConfig(str(data["server"]), str(data["user"]), data.get("allow_http") is True)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save(data_dir: Path, config: CentralConfig) -> None:
    server = split_db_url(config.server)[0]  # never keep credentials written into a URL
    path = data_dir / FILENAME
    path.parent.mkdir(parents=True, exist_ok=True)
    fields: dict[str, object] = {"server": server, "user": config.user}
    if config.allow_http:
        fields["allow_http"] = True
    text = json.dumps(fields, indent=2) + "\n"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
