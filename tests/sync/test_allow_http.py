"""Plain http:// to another machine only when asked for (``--allow-http``): remembered in
central.json, used by the window's sync process, and reported in every sync state."""

import json
from pathlib import Path

import pytest

from sync import agent, config
from sync.errors import InsecureConnection
from sync.http import CouchClient
from sync.live import LiveSync
from sync.state import SyncState
from tests.sync.helpers import make_store

FAR = "http://couch.council.example/caseworker"


def test_central_json_remembers_that_plain_http_was_asked_for(tmp_path: Path) -> None:
    config.save(tmp_path, config.CentralConfig(FAR, "ann", allow_http=True))
    assert json.loads((tmp_path / "central.json").read_text())["allow_http"] is True
    assert config.load(tmp_path) == config.CentralConfig(FAR, "ann", True)
    config.save(tmp_path, config.CentralConfig(FAR, "ann"))
    assert "allow_http" not in json.loads((tmp_path / "central.json").read_text())
    assert config.load(tmp_path) == config.CentralConfig(FAR, "ann", False)
    odd = {"server": FAR, "user": "a", "allow_http": "yes"}
    (tmp_path / "central.json").write_text(json.dumps(odd))
    assert config.load(tmp_path) == config.CentralConfig(FAR, "a", False)  # only a real true
    (tmp_path / "central.json").write_text("[1, 2]")
    assert config.load(tmp_path) is None


def test_the_sync_process_refuses_plain_http_unless_central_json_allows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_store(tmp_path, "data").close()
    data = tmp_path / "data"
    monkeypatch.setattr("sys.stdin", _Lines('{"password": "pw"}\n'))
    monkeypatch.setattr("sync.keychain.store_key_provider", lambda: None)
    assert agent.main(["--data-dir", str(data), "--server", FAR, "--user", "ann"]) == 1
    fatal = json.loads(capsys.readouterr().out.strip().splitlines()[-1])["fatal"]
    assert "is not encrypted (http://)" in fatal and "--allow-http" in fatal
    config.save(data, config.CentralConfig(FAR, "ann", allow_http=True))
    assert agent._allowed_http(data, FAR + "/")
    assert not agent._allowed_http(data, "http://elsewhere.example/caseworker")


def test_every_state_of_an_unencrypted_live_sync_says_so(tmp_path: Path) -> None:
    states: list[SyncState] = []
    store = make_store(tmp_path, "van")
    live = LiveSync(store, CouchClient(FAR, allow_http=True), on_state=states.append)
    live._set(SyncState("offline", "no route"))
    live._set(SyncState("up_to_date"))
    assert [s.unencrypted for s in states] == [True, True]
    as_json = agent.state_to_json(states[-1])
    assert agent.state_from_json(as_json).unencrypted
    with pytest.raises(InsecureConnection):
        CouchClient(FAR)


class _Lines:
    def __init__(self, text: str) -> None:
        self._lines = text.splitlines(keepends=True)

    def readline(self) -> str:
        return self._lines.pop(0) if self._lines else ""

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._lines)
