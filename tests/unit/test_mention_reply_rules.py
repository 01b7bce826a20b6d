"""Who may draft, change and cancel a public reply to a mention, judged against the server's
winner: hostile writes first (a laptop forging ``posted``, rewriting a queued text, someone
else's name, a case not held, a re-synced laptop's old queued revision over a posted one)."""

from typing import Any

import pytest

from caseworker.access import rules
from caseworker.access.channels import ROUTES, root_of
from caseworker.access.people import Person
from caseworker.access.views import roots_rows
from caseworker.access.writes import judge
from caseworker.replies import public
from tests.unit.access_docs import (
    ADMIN,
    AGENT,
    AT,
    COLLEAGUE,
    OFFICER,
    SUPERVISOR,
    case,
    create,
    delete,
    doc,
    edit,
    forged,
    roots,
    side_edit,
)

HELD = case("case:1", queue_id="queue:contact", citizen_id="citizen:1")
NOT_HELD = case("case:3", queue_id="queue:planning", citizen_id="citizen:3")


def reply(doc_id: str = "mreply:1", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "mention_id": "mention:1",
        "case_id": "case:1",
        "text": "@a@mastodon.example Thank you: a crew is on its way today.",
        "visibility": "public",
        "language": "en",
        "by": "staff:agent",
        "at": AT,
        "state": "queued",
    }
    base.update(fields)
    return doc("mention_reply", doc_id, **{k: v for k, v in base.items() if v is not None})


POSTED = reply(
    _rev="3-c",
    state="posted",
    claimed_at=AT,
    claimed_by="poster-1",
    attempts=1,
    status_id="109",
    status_url="https://mastodon.example/@council/109",
    posted_at=AT,
)


def verdict(person: Person, write: Any) -> str | None:
    return judge(person, write, roots(person, HELD, NOT_HELD))


def test_a_reply_lives_under_its_case_and_the_gateway_views_route_it_so() -> None:
    r = reply()
    assert ROUTES["mention_reply"].parents == (("case_id", "case"),)
    assert root_of("mreply:1", r) == "case:1"
    assert [row[0] for row in roots_rows({**r, "_rev": "1-a"})] == ["case:1"]
    assert root_of("mreply:1", {**r, "case_id": "citizen:1"}) is None  # no root: admins only


def test_an_agent_or_supervisor_drafts_a_queued_reply_in_their_own_name_on_a_held_case() -> None:
    assert verdict(AGENT, create(reply())) is None
    assert verdict(SUPERVISOR, create(reply(by="staff:supervisor"))) is None


@pytest.mark.parametrize(
    ("person", "fields", "why"),
    [
        (OFFICER, {"by": "staff:officer"}, "agents and supervisors"),
        (AGENT, {"by": "staff:colleague"}, "own name"),
        (AGENT, {"case_id": "case:3"}, "case in your work"),
        (AGENT, {"state": "posted", "status_id": "1"}, "central service"),
        (AGENT, {"state": "queued", "status_url": "https://evil.example/"}, "central service"),
        (AGENT, {"state": "posting", "claimed_at": AT}, "central service"),
        (
            AGENT,
            {"state": "cancelled", "cancelled_at": AT, "cancelled_by": "staff:agent"},
            "queued",
        ),
        (AGENT, {"text": "Hi \u202egnp.exe"}, "invisible character U+202E"),
        (AGENT, {"text": "line\x1bcolour"}, "invisible character U+001B"),
        (AGENT, {"text": "   "}, "needs some text"),
    ],
)
def test_a_draft_that_is_not_a_plain_queued_reply_of_ones_own_is_refused(
    person: Person, fields: dict[str, Any], why: str
) -> None:
    reason = verdict(person, create(reply(**fields)))
    assert reason is not None and why in reason


def test_a_reply_longer_than_mastodons_limit_is_not_a_valid_record() -> None:
    long = {**reply(), "text": "x" * (public.TEXT_MAX + 1)}  # past the helper's own check
    reason = verdict(AGENT, create(long))
    assert reason is not None and "longer than 500" in reason


def test_a_laptop_cannot_forge_a_posted_status_on_a_queued_reply() -> None:
    queued = reply(_rev="1-a")
    claim = edit(queued, state="posted", status_id="1", status_url="https://evil.example/1")
    assert verdict(AGENT, claim) == rules.MREPLY_CENTRAL
    assert verdict(SUPERVISOR, side_edit(queued, state="posting", claimed_at=AT)) is not None


def test_the_text_of_a_queued_reply_never_changes_a_new_draft_is_written_instead() -> None:
    queued = reply(_rev="1-a")
    assert verdict(AGENT, edit(queued, text="@a@mastodon.example something else")) == (
        rules.MREPLY_FIXED
    )
    assert verdict(AGENT, edit(queued, visibility="direct")) == rules.MREPLY_FIXED


def test_a_queued_reply_is_cancelled_in_the_cancellers_own_name_and_nothing_else_changes() -> None:
    queued = reply(_rev="1-a")
    cancel = {"state": "cancelled", "cancelled_at": AT}
    assert verdict(AGENT, edit(queued, **cancel, cancelled_by="staff:agent")) is None
    assert verdict(SUPERVISOR, edit(queued, **cancel, cancelled_by="staff:supervisor")) is None
    assert verdict(AGENT, edit(queued, **cancel, cancelled_by="staff:colleague")) is not None
    assert verdict(AGENT, edit(queued, state="cancelled", cancelled_by="staff:agent")) is not None
    sneaky = edit(queued, **cancel, cancelled_by="staff:agent", text="@a changed")
    assert verdict(AGENT, sneaky) is not None
    assert verdict(OFFICER, edit(queued, **cancel, cancelled_by="staff:officer")) is not None


def test_once_claimed_or_posted_nobody_but_the_central_service_changes_it() -> None:
    claimed = reply(_rev="2-b", state="posting", claimed_at=AT, claimed_by="poster-1")
    cancel = {"state": "cancelled", "cancelled_at": AT, "cancelled_by": "staff:agent"}
    assert verdict(AGENT, edit(claimed, **cancel)) == rules.MREPLY_CENTRAL
    # A re-synced laptop's old queued revision, on a branch beside the posted winner.
    assert verdict(AGENT, side_edit(POSTED, **reply(_rev="2-z"))) == rules.MREPLY_CENTRAL
    assert verdict(AGENT, forged(POSTED, state="queued")) is not None
    assert verdict(AGENT, delete(POSTED)) is not None
    assert verdict(ADMIN, edit(claimed, state="posted", status_id="1")) is None


def test_a_colleague_holding_the_case_may_cancel_it_too() -> None:
    # Replies are the team's: whoever triages the case's mentions may withdraw one.
    queued = reply(_rev="1-a")
    cancel = {"state": "cancelled", "cancelled_at": AT, "cancelled_by": "staff:colleague"}
    assert verdict(COLLEAGUE, edit(queued, **cancel)) is None


def test_text_checks_and_addressing_the_author() -> None:
    assert public.addressed("Thanks", "@bob@x.example") == "@bob@x.example Thanks"
    assert public.addressed("@BOB@x.example thanks", "@bob@x.example").startswith("@BOB")
    assert public.addressed("@bob@x.examples hi", "@bob@x.example").startswith("@bob@x.example ")
    assert public.tidy("  a\r\n\tb  \n\n") == "a\n b"
    assert public.text_problem("two\nlines") is None


def test_a_reply_on_a_case_opened_in_the_same_push_is_judged_as_the_writer_will_hold_it() -> None:
    """A case opened offline from a mention goes up with its reply in one push, judged before
    the writer's scope knows the case: it counts as held when the writer will hold it (their
    own queue), and only then."""
    from caseworker.access.writes import judge_batch

    own = case("case:new", queue_id="queue:contact", citizen_id="citizen:1")
    mine = reply("mreply:new", case_id="case:new")
    assert judge_batch(AGENT, [create(mine), create(own)], roots(AGENT, HELD)) == [None, None]
    assert verdict(AGENT, create(mine)) is not None, "alone, a case the server never saw"
    # Opened for another queue, which the agent does not work: the reply is not theirs to write.
    theirs = case("case:new2", queue_id="queue:planning", citizen_id="citizen:1")
    away = reply("mreply:new2", case_id="case:new2")
    verdicts = judge_batch(AGENT, [create(away), create(theirs)], roots(AGENT, HELD))
    assert verdicts[1] is None and verdicts[0] is not None


def test_a_refused_case_in_the_same_push_lets_no_reply_through() -> None:
    """Only a case the server accepts counts: a forged case (another's queue, written over a
    case the agent does not hold) does not make its reply the agent's."""
    from caseworker.access.writes import judge_batch

    taken = edit(NOT_HELD, queue_id="queue:contact")  # moving a planning case into one's queue
    sneaky = reply("mreply:sneaky", case_id=NOT_HELD["_id"])
    verdicts = judge_batch(AGENT, [create(sneaky), taken], roots(AGENT, HELD))
    assert verdicts[1] is not None, "the case edit is refused"
    assert verdicts[0] is not None, "so is the reply that hung on it"
