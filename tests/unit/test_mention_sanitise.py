"""A post is written by anyone on the internet: what of it is kept, and shown, is made safe."""

from caseworker import vocab
from caseworker.mentions.sanitise import ELLIPSIS, clean_html, clean_text, plain_text, safe_url

MASTODON_HTML = (
    '<p><span class="h-card" translate="no"><a href="https://mastodon.example/@council" '
    'class="u-url mention">@<span>council</span></a></span> the bins on Heol y Nant were '
    'missed again <a href="https://mastodon.example/tags/bins" class="mention hashtag" '
    'rel="tag">#<span>bins</span></a></p><p>second week running</p>'
)


def test_a_mastodon_post_keeps_its_paragraphs_links_and_words() -> None:
    html = clean_html(MASTODON_HTML)
    assert '<a href="https://mastodon.example/@council" rel="nofollow noopener noreferrer">' in html
    assert "class=" not in html and "translate=" not in html
    assert plain_text(html) == (
        "@council the bins on Heol y Nant were missed again #bins\n\nsecond week running"
    )


def test_scripts_frames_styles_and_their_content_are_dropped() -> None:
    raw = (
        "<p>hello<script>alert('x')</script><iframe src='https://evil.example'>framed</iframe>"
        "<style>p{display:none}</style><object data='x'>obj</object></p>"
    )
    html = clean_html(raw)
    for word in ("script", "alert", "iframe", "framed", "style", "display", "object", "obj"):
        assert word not in html
    assert plain_text(html) == "hello"


def test_no_image_or_style_survives_so_nothing_remote_loads_by_itself() -> None:
    raw = (
        '<p style="background:url(https://track.example/p.gif)">hi'
        '<img src="https://track.example/pixel.gif" onerror="alert(1)">'
        '<span style="color:red" onclick="steal()">there</span></p>'
    )
    html = clean_html(raw)
    assert "track.example" not in html and "onerror" not in html and "onclick" not in html
    assert "style" not in html and "<img" not in html
    assert plain_text(html) == "hithere"


def test_javascript_and_data_links_lose_their_address() -> None:
    for href in (
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\u200bscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
    ):
        html = clean_html(f'<a href="{href}">click</a>')
        assert "href" not in html, href
        assert plain_text(html) == "click"


def test_every_link_is_nofollow_noopener_whatever_rel_the_post_claimed() -> None:
    html = clean_html('<a href="https://x.example/" rel="opener" target="_blank">x</a>')
    assert html == '<a href="https://x.example/" rel="nofollow noopener noreferrer">x</a>'


def test_zero_width_and_bidirectional_tricks_are_removed_from_text_and_html() -> None:
    # "Pay at evil.example" spelt with a right-to-left override and zero-width joiners.
    raw = "<p>Pay\u200b at \u202eelpmaxe.live\u202c now\ufeff\u2066!\u2069</p>"
    html = clean_html(raw)
    assert plain_text(html) == "Pay at elpmaxe.live now!"
    for hidden in ("\u200b", "\u202e", "\u202c", "\ufeff", "\u2066", "\u2069"):
        assert hidden not in html
    assert clean_text("a\x00b\x1bc\r\nd\te") == "abc\nd\te"


def test_huge_text_is_cut_to_what_a_mention_holds_and_stays_well_formed() -> None:
    raw = "<p>" + ("pothole &amp; " * 40_000) + "</p>"
    html = clean_html(raw)
    assert len(html) <= vocab.MENTION_HTML_MAX
    assert html.startswith("<p>pothole &amp; ") and html.endswith("</p>")
    text = plain_text(html)
    assert len(text) == vocab.MENTION_TEXT_MAX and text.endswith(ELLIPSIS)


def test_html_that_never_closes_its_tags_is_closed() -> None:
    assert clean_html("<p><a href='https://x.example/'>open <span>and open") == (
        '<p><a href="https://x.example/" rel="nofollow noopener noreferrer">open '
        "<span>and open</span></a></p>"
    )


def test_only_plain_web_addresses_are_kept_as_links() -> None:
    assert safe_url("https://files.example/a.png") == "https://files.example/a.png"
    for bad in ("javascript:alert(1)", "data:image/png;base64,AAA", "https://x/ y", 42, None):
        assert safe_url(bad) is None
    assert safe_url("https://x.example/" + "a" * 2000) is None
