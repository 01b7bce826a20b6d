"""The Mastodon adapter against a local instance that plays back Mastodon's API: the rate
limit, failures, pagination and hostile posts are handled as a careful client would."""

from collections.abc import Iterator

import pytest

from sync.mentions.adapter import GONE, NetworkError, TokenRefused
from sync.mentions.api import DEFAULT_WINDOW, Api
from sync.mentions.mastodon import Mastodon
from tests.support.mastodon import TOKEN, FakeMastodon, status

NOTIFICATIONS = "/api/v1/notifications"


class Clock:
    """Time that passes only when slept (no test waits for a real reset)."""

    def __init__(self) -> None:
        self.now = 1_767_600_000.0
        self.slept: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def fake() -> Iterator[FakeMastodon]:
    with FakeMastodon() as instance:
        yield instance


def network(fake: FakeMastodon, clock: Clock, token: str | None = TOKEN) -> Mastodon:
    return Mastodon(Api(fake.base, token, sleep=clock.sleep, clock=clock.time))


def test_a_refused_token_stops_at_once_without_retrying(fake: FakeMastodon) -> None:
    clock = Clock()
    with pytest.raises(TokenRefused, match="connect again"):
        network(fake, clock, token="stolen").page(None)
    assert len(fake.requests_to(NOTIFICATIONS)) == 1 and clock.slept == []


def test_429_waits_until_the_reset_the_instance_names_and_tries_again(fake: FakeMastodon) -> None:
    clock = Clock()
    fake.mention("1", status("101", "<p>bins</p>"))
    reset = "2026-01-05T08:02:00.000Z"  # 120 s after the clock's now (08:00:00)
    clock.now = 1_767_600_000.0  # 2026-01-05T08:00:00Z
    fake.fail(
        NOTIFICATIONS,
        429,
        headers={
            "X-RateLimit-Limit": "300",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": reset,
        },
    )
    page = network(fake, clock).page(None)
    assert [p.remote_id for p in page.posts] == ["101"]
    assert clock.slept == [pytest.approx(120.0)]


def test_429_with_only_retry_after_waits_that_long(fake: FakeMastodon) -> None:
    clock = Clock()
    fake.fail(NOTIFICATIONS, 429, headers={"Retry-After": "42"})
    network(fake, clock).page(None)
    assert clock.slept == [pytest.approx(42.0)]


def test_no_requests_left_means_waiting_for_the_reset_before_the_next(fake: FakeMastodon) -> None:
    clock = Clock()
    fake.state.headers = {
        "X-RateLimit-Limit": "300",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset": "2026-01-05T08:01:00.000Z",
    }
    mastodon = network(fake, clock)
    mastodon.page(None)
    assert clock.slept == []
    mastodon.page(None)
    assert clock.slept == [pytest.approx(60.0)]


def test_without_headers_it_keeps_to_300_requests_in_5_minutes_itself(fake: FakeMastodon) -> None:
    clock = Clock()
    mastodon = network(fake, clock)
    for _ in range(301):
        mastodon.api.get(NOTIFICATIONS)
    assert clock.slept == [pytest.approx(DEFAULT_WINDOW)]


def test_a_failing_instance_is_tried_again_with_growing_waits(fake: FakeMastodon) -> None:
    clock = Clock()
    fake.mention("1", status("101", "<p>bins</p>"))
    fake.fail(NOTIFICATIONS, 500, times=2)
    fake.fail(NOTIFICATIONS, 503)
    assert len(network(fake, clock).page(None).posts) == 1
    assert clock.slept == [2.0, 4.0, 8.0]
    fake.fail(NOTIFICATIONS, 502, times=5)
    with pytest.raises(NetworkError, match="failed"):
        network(fake, clock).page(None)


def test_a_reply_that_is_not_json_is_an_error_not_a_crash(fake: FakeMastodon) -> None:
    fake.fail(NOTIFICATIONS, 200, body=b"<html>Bad gateway</html>")
    with pytest.raises(NetworkError, match="not JSON"):
        network(fake, Clock()).page(None)
    fake.fail(NOTIFICATIONS, 200, body=b'{"not": "a list"}')
    with pytest.raises(NetworkError, match="without notifications"):
        network(fake, Clock()).page(None)


def test_link_pagination_walks_to_the_newest_page(fake: FakeMastodon) -> None:
    for n in range(1, 91):
        fake.mention(str(n), status(str(1000 + n), f"<p>post {n}</p>"))
    mastodon = network(fake, Clock())
    page = mastodon.page(None)
    seen = [p.remote_id for p in page.posts]
    while page.newer is not None:
        page = mastodon.page(page.cursor, page.newer)
        seen += [p.remote_id for p in page.posts]
    assert seen == [str(1000 + n) for n in range(1, 91)]  # each once, oldest first
    assert len(fake.requests_to(NOTIFICATIONS)) == 4  # 40 + 40 + 10 + the empty end


def test_a_link_to_another_host_is_not_followed_with_the_token(fake: FakeMastodon) -> None:
    mastodon = network(fake, Clock())
    with pytest.raises(NetworkError, match="not followed"):
        mastodon.page("5", "https://evil.example/api/v1/notifications?min_id=5")
    assert all(token in (None, f"Bearer {TOKEN}") for token in fake.state.tokens)


def test_a_hostile_post_is_made_safe(fake: FakeMastodon) -> None:
    hostile = status(
        "101",
        '<p>Fix this <script>steal()</script><iframe src="https://x"></iframe>'
        '<a href="javascript:alert(1)">now</a><img src="https://track.example/p.gif">'
        "\u202eesrever\u202c</p>",
        media_attachments=[
            {"id": "1", "type": "image", "url": "https://files.example/a.jpg", "description": "x"},
            {"id": "2", "type": "image", "url": "javascript:alert(1)"},
            {"id": "3", "type": "hologram", "url": "https://files.example/b.bin"},
        ],
        visibility="everyone",
        language="<script>",
        spoiler_text="",
    )
    fake.mention("1", hostile)
    content = network(fake, Clock()).page(None).posts[0].content
    assert content is not None
    assert content["content_text"] == "Fix this nowesrever"
    assert "script" not in content["content_html"] and "javascript" not in content["content_html"]
    assert [a["kind"] for a in content["attachments"]] == ["image", "unknown"]
    assert content["visibility"] is None and content["language"] is None
    assert content["author_handle"] == "@bryn@127.0.0.1"


def test_a_notification_without_a_readable_post_is_reported_not_fatal(fake: FakeMastodon) -> None:
    broken = status("101", "<p>x</p>")
    broken["account"] = "nobody"
    fake.mention("1", broken)
    fake.mention("2", status("102", "<p>fine</p>"))
    posts = network(fake, Clock()).page(None).posts
    assert posts[0].content is None and posts[0].problem is not None
    assert posts[1].content is not None


def test_a_post_read_again_is_gone_once_deleted(fake: FakeMastodon) -> None:
    fake.mention("1", status("101", "<p>x</p>"))
    mastodon = network(fake, Clock())
    assert mastodon.status("101") != GONE
    fake.delete("101")
    assert mastodon.status("101") == GONE
    assert mastodon.status("../../admin") == GONE  # never sent as a path
