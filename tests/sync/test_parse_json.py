"""A reply is read as JSON allows: an escaped lone surrogate, NaN or an integer beyond 64 bits
(which some faster parsers refuse, or turn into a float) is read, so one odd document never
fails a reply and a number is never changed; what is not JSON is one malformed reply."""

import math

import pytest

from sync.errors import MalformedResponse
from sync.http import parse_json


def test_a_plain_reply_is_read() -> None:
    assert parse_json(b'{"results": [{"id": "a", "n": 1.5}], "last_seq": 3}', "x") == {
        "results": [{"id": "a", "n": 1.5}],
        "last_seq": 3,
    }


@pytest.mark.parametrize(
    "digits", ["123456789012345678901234567890", "-9223372036854775809", "18446744073709551616"]
)
def test_an_integer_beyond_64_bits_stays_exact(digits: str) -> None:
    read = parse_json(f'{{"doc": {{"count": {digits}}}}}'.encode(), "x")
    assert read["doc"]["count"] == int(digits) and isinstance(read["doc"]["count"], int)


def test_an_escaped_lone_surrogate_is_read_as_json_allows() -> None:
    assert parse_json(b'{"text": "\\ud800"}', "x") == {"text": "\ud800"}


def test_nan_is_read_as_json_allows() -> None:
    assert math.isnan(parse_json(b'{"n": NaN}', "x")["n"])


@pytest.mark.parametrize(
    "content", [b"\xff\xfe not json", b"[" * 100_000 + b"]" * 100_000, b'{"a": 1'], ids=str
)
def test_what_is_not_json_is_one_malformed_reply(content: bytes) -> None:
    with pytest.raises(MalformedResponse, match="not JSON"):
        parse_json(content, "x")
