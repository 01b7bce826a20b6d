"""The pipe between the window and its sync process: what crosses it comes back the same."""

import io
import json
from datetime import UTC, datetime

from caseworker.services.context import ChangeSet
from caseworker.store.docstore import Written
from sync.agent import _commands, _Out, state_from_json, state_to_json, written_from_json
from sync.state import SyncState


def test_a_state_crosses_the_pipe_unchanged() -> None:
    state = SyncState(
        "syncing", "", "pull", 2000, 50000, datetime(2026, 11, 29, 9, 30, tzinfo=UTC), 2
    )
    line = json.dumps(state_to_json(state))
    assert state_from_json(json.loads(line)) == state
    assert state_from_json(state_to_json(SyncState("offline", "no network"))) == SyncState(
        "offline", "no network"
    )


def test_written_records_cross_the_pipe_unchanged() -> None:
    written = [
        Written("case:1", "case", "2-abc", False, True, True),
        Written("note:9", None, "1-def", True, True, False),
    ]
    stream = io.StringIO()
    _Out(stream).written(ChangeSet(list(written)))
    message = json.loads(stream.getvalue())
    assert written_from_json(message["written"]).written == written


def test_commands_stop_at_stop_and_skip_what_is_not_json() -> None:
    seen: list[object] = []

    def handle(command: dict[str, object]) -> bool:
        seen.append(command.get("cmd"))
        return command.get("cmd") != "stop"

    lines = '{"cmd": "sync_now"}\nnot json\n[1]\n{"cmd": "stop"}\n{"cmd": "sync_now"}\n'
    _commands(io.StringIO(lines), handle)
    assert seen == ["sync_now", "stop"]
