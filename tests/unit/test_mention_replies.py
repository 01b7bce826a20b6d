"""Drafting a public reply to a mention on the laptop (no server): queued on the mention's
case, the author named first, the text checked as Mastodon and the council need it; cancelled
while queued; and the same through ``caseworker mention reply|cancel-reply``. Hostile input
first: a bidi override, a control character, a reply too long once the author is named, a
mention with no case, a network replies do not go to, a field officer."""

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import main
from caseworker.documents.codec import new_document
from caseworker.documents.types import CASE, MENTION
from caseworker.errors import NotFoundError, ValidationError
from caseworker.models import MentionReply
from caseworker.replies import public
from caseworker.services import mention_replies
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import AGENT, OFFICER, council_dir

AT = "2026-12-01T10:00:00Z"
HANDLE = "@carys@mastodon.example"


def a_case() -> dict[str, Any]:
    return new_document(
        CASE,
        "case:m1",
        {
            "reference": "2EVQ-W146-S0DJ",
            "service_code": "missed-bin",
            "summary": "Green bin missed (from a mention)",
            "status": "new",
            "priority": "normal",
            "channel": "social",
            "queue_id": "queue:waste",
            "opened_at": AT,
            "due_at": AT,
            "updated_at": AT,
        },
    )


def a_mention(doc_id: str = "mention:m1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "network": "mastodon",
        "remote_id": "109876543210",
        "author_handle": HANDLE,
        "content_text": "@council my bin was missed again",
        "published_at": AT,
        "state": "case_opened",
        "case_id": "case:m1",
    }
    base.update(fields)
    return new_document(MENTION, doc_id, {k: v for k, v in base.items() if v is not None})


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return council_dir(
        tmp_path,
        a_case(),
        a_mention(),
        a_mention("mention:loose", case_id=None, state="new"),
        a_mention("mention:bird", network="bluesky"),
    )


@pytest.fixture
def laptop(data_dir: Path) -> Any:
    store = Store(data_dir / STORE_FILENAME)
    yield store
    store.close()


def test_a_draft_is_queued_on_the_mentions_case_with_the_author_named_first(laptop: Store) -> None:
    with laptop.write() as s:
        reply_id, changes = mention_replies.draft_reply(
            s, AGENT, "mention:m1", "  Thanks: a crew is on its way.\r\nSorry!  ", language="cy"
        )
    assert reply_id.startswith("mreply:") and changes.ids_of("mention_reply") == {reply_id}
    with laptop.read() as s:
        doc = docstore.get(s, reply_id)
        (row,) = mention_replies.case_mention_replies(s, "case:m1")
    assert doc is not None
    assert doc["text"] == f"{HANDLE} Thanks: a crew is on its way.\nSorry!"
    assert (doc["state"], doc["by"], doc["visibility"], doc["language"]) == (
        "queued",
        "staff:agent",
        "public",
        "cy",
    )
    assert (doc["mention_id"], doc["case_id"]) == ("mention:m1", "case:m1")
    assert not public.CENTRAL_FIELDS & set(doc)
    assert (row.id, row.state, row.status_url) == (reply_id, "queued", None)


def test_a_reply_already_naming_the_author_is_left_as_written(laptop: Store) -> None:
    with laptop.write() as s:
        reply_id, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", f"Diolch {HANDLE}!")
        assert docstore.get(s, reply_id)["text"] == f"Diolch {HANDLE}!"  # type: ignore[index]


@pytest.mark.parametrize(
    ("mention_id", "text", "refused"),
    [
        ("mention:m1", "Hi \u202eevil", r"U\+202E"),
        ("mention:m1", "bell\x07", r"U\+0007"),
        ("mention:m1", "x" * (public.TEXT_MAX - len(HANDLE)), "at most 500 characters"),
        ("mention:m1", "  \n ", "needs some text"),
        ("mention:loose", "Thanks", "not on a case yet"),
        ("mention:bird", "Thanks", "only be posted to mastodon"),
    ],
)
def test_a_draft_that_cannot_be_posted_is_refused_and_nothing_is_written(
    laptop: Store, mention_id: str, text: str, refused: str
) -> None:
    with laptop.write() as s, pytest.raises(ValidationError, match=refused):
        mention_replies.draft_reply(s, AGENT, mention_id, text)
    with laptop.read() as s:
        assert s.scalars(select(MentionReply)).all() == []


def test_only_those_who_triage_mentions_draft_replies_and_only_to_mentions(laptop: Store) -> None:
    with laptop.write() as s, pytest.raises(ValidationError, match="agents and supervisors"):
        mention_replies.draft_reply(s, OFFICER, "mention:m1", "Thanks")
    with laptop.write() as s, pytest.raises(NotFoundError):
        mention_replies.draft_reply(s, AGENT, "case:m1", "Thanks")
    with laptop.write() as s, pytest.raises(ValidationError, match="visibility"):
        mention_replies.draft_reply(s, AGENT, "mention:m1", "Thanks", visibility="everyone")


def test_a_queued_reply_is_cancelled_once_and_stays_cancelled(laptop: Store) -> None:
    with laptop.write() as s:
        reply_id, _ = mention_replies.draft_reply(s, AGENT, "mention:m1", "Thanks")
        mention_replies.cancel_reply(s, AGENT, reply_id)
    with laptop.read() as s:
        doc = docstore.get(s, reply_id)
        assert doc is not None and doc["state"] == "cancelled"
        assert doc["cancelled_by"] == "staff:agent" and doc["text"] == f"{HANDLE} Thanks"
    with laptop.write() as s, pytest.raises(ValidationError, match="cancelled: it can no longer"):
        mention_replies.cancel_reply(s, AGENT, reply_id)


def _run(data_dir: Path, *args: str) -> int:
    return main.run(["--data-dir", str(data_dir), "mention", *args])


def test_the_command_line_drafts_and_cancels_a_reply_offline(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "reply", "mention:m1", "--text", "Thanks, Carys", "--as", "agent") == 0
    out = capsys.readouterr().out
    reply_id = out.split(":", 2)[0] + ":" + out.split(":", 2)[1]
    assert reply_id.startswith("mreply:") and "queued" in out
    assert _run(data_dir, "cancel-reply", reply_id, "--as", "agent") == 0
    assert f"{reply_id}: cancelled" in capsys.readouterr().out
    assert _run(data_dir, "reply", "mention:m1", "--text", "Hi \u202eevil", "--as", "agent") != 0
    assert "U+202E" in capsys.readouterr().err
    assert _run(data_dir, "reply", "mention:m1", "--text", "Thanks", "--as", "officer") != 0
    capsys.readouterr()
    assert _run(data_dir, "replies", "2EVQ-W146-S0DJ", "--json") == 0  # by its reference
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["id"], listed["state"]) == (reply_id, "cancelled")
    assert listed["text"] == f"{HANDLE} Thanks, Carys"
    assert _run(data_dir, "replies", "case:m1") == 0
    assert f"{reply_id}" in capsys.readouterr().out
