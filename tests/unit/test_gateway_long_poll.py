"""The gateway's long-poll of the change feed: a broken answer is said, a quiet feed is
nothing, and a feed that never answers is cut by our own timeout (PouchDB Server ignores
CouchDB's)."""

import asyncio
from typing import Any

import pytest

from sync.gateway.long_poll import long_poll


class Feed:
    def __init__(self, answer: Any = None, hang: bool = False) -> None:
        self.answer, self.hang = answer, hang
        self.params: dict[str, str] = {}

    async def get(self, path: str, **kw: Any) -> Any:
        self.params = kw["params"]
        if self.hang:
            await asyncio.sleep(3600)
        return self.answer


def poll(feed: Feed, since: Any = 0, seconds: float = 0.01, **more: str) -> Any:
    return asyncio.run(long_poll(feed, since, seconds, 10, **more))  # type: ignore[arg-type]


@pytest.mark.parametrize("answer", [None, [], "nonsense", {"results": "no"}, {"last_seq": 3}])
def test_an_answer_with_no_rows_is_an_error_not_an_empty_feed(answer: Any) -> None:
    with pytest.raises(ValueError):
        poll(Feed(answer))


def test_rows_come_with_the_sequence_they_reach_even_when_the_feed_omits_it() -> None:
    rows = [{"id": "a", "seq": "1-x"}, {"id": "b", "seq": "2-y"}]
    assert poll(Feed({"results": rows, "last_seq": "2-y"})) == (rows, "2-y")
    assert poll(Feed({"results": rows})) == (rows, "2-y")
    assert poll(Feed({"results": []})) == ([], None)


def test_other_parameters_are_passed_and_a_hanging_feed_is_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    feed = Feed({"results": []})
    poll(feed, since=[1, "x"], include_docs="true")
    assert feed.params["include_docs"] == "true" and feed.params["feed"] == "longpoll"
    hung = Feed(hang=True)
    # Our own bound is the poll's seconds plus five: shortened here by making five nothing.
    real_wait_for = asyncio.wait_for
    monkeypatch.setattr(asyncio, "wait_for", lambda aw, t: real_wait_for(aw, 0.05))
    assert poll(hung) is None
