"""Refreshing the bank holidays from GOV.UK: a good reply is kept in the store and wins over
the bundled file; anything else (a broken or hostile server) keeps nothing, says why in one
line, and the bundled holidays still stand. Against a local server, never the internet."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caseworker.cli.app import Context
from caseworker.clocks import bank_holidays as bh
from caseworker.clocks import council
from caseworker.store.store import Store
from sync import bank_holidays
from sync.errors import MalformedResponse, NetworkError, RedirectRefused, ServerError, SyncError
from tests.support.hostile_server import HostileServer, Reply, gzip_bomb

PATH = "/bank-holidays.json"


def govuk(**extra: list[dict[str, Any]]) -> dict[str, Any]:
    """A reply in GOV.UK's shape: 2027 as it will be, plus anything a test adds."""
    events = {
        "england-and-wales": [
            {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": True},
            {
                "title": "Boxing Day",
                "date": "2027-12-28",
                "notes": "Substitute day",
                "bunting": True,
            },
        ],
        "scotland": [
            {"title": "St Andrew’s Day", "date": "2027-11-30", "notes": "", "bunting": True},
        ],
        "northern-ireland": [
            {
                "title": "Battle of the Boyne (Orangemen’s Day)",
                "date": "2027-07-12",
                "notes": "",
                "bunting": False,
            },
        ],
    }
    for division, more in extra.items():
        events[division.replace("_", "-")] += more
    return {d: {"division": d, "events": e} for d, e in events.items()}


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as s:
        yield s


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Context]:
    Store(tmp_path / "caseworker.db").close()
    context = Context(tmp_path)
    yield context
    context.close()


def kept(ctx: Context) -> bool:
    with ctx.store().read() as session:
        return council.refreshed(session)


def url(server: HostileServer) -> str:
    return server.url + PATH


def test_a_refresh_keeps_govuks_list_and_it_wins_for_the_years_it_lists(
    server: HostileServer, ctx: Context
) -> None:
    # GOV.UK moves a holiday (a royal occasion): the refreshed year replaces the bundled one.
    extra = {
        "england_and_wales": [
            {
                "title": "Bank holiday for a coronation",
                "date": "2027-06-07",
                "notes": "",
                "bunting": True,
            }
        ]
    }
    server.on(PATH, Reply(200, govuk(**extra)))
    bank_holidays.refresh(ctx, url(server))
    assert kept(ctx)
    with ctx.store().read() as session:
        found = council.holidays(session)
    ew = bh.dates(found, bh.ENGLAND_AND_WALES)
    assert date(2027, 6, 7) in ew
    assert date(2027, 3, 29) not in ew  # 2027 is GOV.UK's now: only what it lists
    assert date(2026, 4, 6) in ew  # a year it does not list stays bundled
    with ctx.store().read() as session:
        cal = council.load(session)
    assert not cal.working.is_working_day(date(2027, 6, 7))


def test_the_refreshed_copy_survives_a_restart(server: HostileServer, tmp_path: Path) -> None:
    server.on(PATH, Reply(200, govuk()))
    Store(tmp_path / "caseworker.db").close()
    first = Context(tmp_path)
    bank_holidays.refresh(first, url(server))
    first.close()
    again = Context(tmp_path)
    try:
        with again.store().read() as session:
            assert date(2027, 11, 30) in bh.dates(council.holidays(session), bh.SCOTLAND)
    finally:
        again.close()


def _refused(server: HostileServer, ctx: Context, reply: Reply) -> SyncError:
    server.on(PATH, reply)
    with pytest.raises(SyncError) as caught:
        bank_holidays.refresh(ctx, url(server))
    assert not kept(ctx)
    message = str(caught.value)
    assert message and "\n" not in message and len(message) < 300
    return caught.value


def test_a_server_error_keeps_nothing(server: HostileServer, ctx: Context) -> None:
    assert isinstance(_refused(server, ctx, Reply(500, b"oops")), ServerError)


def test_malformed_json_keeps_nothing(server: HostileServer, ctx: Context) -> None:
    error = _refused(server, ctx, Reply(200, b'{"england-and-wales": {"division": '))
    assert isinstance(error, MalformedResponse)


@pytest.mark.parametrize(
    "body",
    [
        [],
        {"england-and-wales": {"division": "england-and-wales", "events": []}},
        {**govuk(), "wales": {"division": "wales", "events": []}},
        {**govuk(), "scotland": {"division": "england-and-wales", "events": []}},
        {**govuk(), "scotland": {"division": "scotland", "events": {}}},
        govuk(scotland=[{"title": "x", "date": "2027-01-04", "notes": ""}]),
        govuk(scotland=[{"title": "x", "date": "2027-01-04", "notes": "", "bunting": "yes"}]),
        govuk(scotland=[{"title": 7, "date": "2027-01-04", "notes": "", "bunting": True}]),
        govuk(scotland=[{"title": "x" * 5000, "date": "2027-01-04", "notes": "", "bunting": True}]),
        govuk(scotland=[{"title": "x", "date": "2027-11-30", "notes": "", "bunting": True}]),
    ],
    ids=[
        "list",
        "divisions-missing",
        "unknown-division",
        "wrong-division",
        "events-not-list",
        "field-missing",
        "bunting-not-bool",
        "title-not-text",
        "title-huge",
        "day-twice",
    ],
)
def test_a_reply_in_another_shape_keeps_nothing(
    server: HostileServer, ctx: Context, body: object
) -> None:
    assert isinstance(_refused(server, ctx, Reply(200, body)), MalformedResponse)


@pytest.mark.parametrize("bad", ["2027-02-30", "27-01-01", "2027-1-4", "tomorrow", "2027-01-04T00"])
def test_dates_that_are_not_dates_keep_nothing(
    server: HostileServer, ctx: Context, bad: str
) -> None:
    body = govuk(scotland=[{"title": "x", "date": bad, "notes": "", "bunting": True}])
    error = _refused(server, ctx, Reply(200, body))
    assert isinstance(error, MalformedResponse) and "not a date" in str(error)


def test_a_huge_reply_is_cut_off_and_keeps_nothing(server: HostileServer, ctx: Context) -> None:
    huge = b'{"england-and-wales": "' + b"x" * (bank_holidays.MAX_BYTES + 10) + b'"}'
    assert isinstance(_refused(server, ctx, Reply(200, huge)), MalformedResponse)


def test_a_compressed_bomb_is_cut_off_and_keeps_nothing(
    server: HostileServer, ctx: Context
) -> None:
    bomb = Reply(200, gzip_bomb(64), headers={"Content-Encoding": "gzip"})
    assert isinstance(_refused(server, ctx, bomb), MalformedResponse)


def test_a_redirect_elsewhere_is_not_followed(server: HostileServer, ctx: Context) -> None:
    with HostileServer() as elsewhere:
        elsewhere.on("", Reply(200, govuk()))
        redirect = Reply(302, headers={"Location": elsewhere.url + PATH})
        assert isinstance(_refused(server, ctx, redirect), RedirectRefused)
        assert elsewhere.requests == []


def test_a_server_that_never_finishes_is_given_up(server: HostileServer, ctx: Context) -> None:
    server.on(PATH, Reply(200, json.dumps(govuk()).encode(), trickle=0.2))
    with pytest.raises(NetworkError):
        bank_holidays.fetch(url(server), deadline=1.0)


def test_plain_http_to_another_machine_is_refused() -> None:
    with pytest.raises(SyncError, match="https only"):
        bank_holidays.fetch("http://www.gov.uk.example/bank-holidays.json")


def test_an_unreadable_stored_copy_leaves_the_bundled_holidays(ctx: Context) -> None:
    with ctx.store().write() as session:
        council.settings.write(session, bh.SETTING_KEY, '{"scotland": "not what was kept"}')
    with ctx.store().read() as session:
        assert council.holidays(session) == bh.bundled()
