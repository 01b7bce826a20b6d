"""Reading what Mastodon answers: a status's HTML as text, whether a status in the thread is
our reply (a remote mention shown without its host), and answers that are not statuses."""

import pytest

from sync.mention_post.mastodon import Refused, Unavailable, _safe_id, _status, plain, same_text


def test_a_status_html_reads_as_its_text_and_matches_our_reply() -> None:
    content = (
        '<p><span class="h-card"><a href="https://m.example/@carys" class="u-url mention">'
        "@<span>carys</span></a></span> Thanks &amp; sorry<br />"
        '<a href="https://council.example/bins"><span class="invisible">https://</span>'
        '<span class="">council.example/bins</span></a></p>'
    )
    text = plain(content)
    assert text == "@carys Thanks & sorry\nhttps://council.example/bins"
    assert same_text(text, "@carys@m.example Thanks & sorry\nhttps://council.example/bins")
    assert not same_text(text, "@carys@m.example Thanks & sorry")
    assert not same_text(plain("<p>@carys Thanks</p>"), "@carys@m.example Thank you")


@pytest.mark.parametrize(
    "answer",
    [None, [], "ok", {"id": "1"}, {"url": "https://x/1"}, {"id": True, "url": "https://x/1"}],
)
def test_an_answer_that_is_not_a_status_is_not_taken_for_one(answer: object) -> None:
    with pytest.raises(Unavailable):
        _status(answer)


def test_a_status_id_that_could_reach_another_path_is_refused() -> None:
    assert _safe_id("109876543210") == "109876543210"
    for bad in ("../../accounts/1", "1?x=2", "", "1/context"):
        with pytest.raises(Refused):
            _safe_id(bad)
