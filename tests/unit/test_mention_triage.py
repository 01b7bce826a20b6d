"""Triaging a mention from the inbox (``services.mention_triage``) on the demo council: linked
to its author with the matcher's reasons kept, turned into a case in the chosen service's queue,
dismissed, put back to new. Hostile cases first: an agent of no social-media queue, a colleague
who triaged it first, a mention deleted meanwhile or at its source, a citizen merged away or
never held."""

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from caseworker.access.rules import MENTION_TRIAGERS
from caseworker.errors import NotFoundError, ValidationError
from caseworker.mentions import suggest
from caseworker.models import Case, Citizen, Identifier, IdentityLink, Mention
from caseworker.routing import store as routing
from caseworker.services import merges
from caseworker.services.context import Actor
from caseworker.services.mention_triage import (
    Seen,
    TriagedMeanwhile,
    case_summary,
    dismiss,
    link,
    open_case,
    reopen,
)
from caseworker.store import docstore
from caseworker.store.store import STORE_FILENAME, Store

AGENT = Actor("staff:agent", "agent")  # a member of Contact Centre Triage (social)
COLLEAGUE = Actor("staff:rhys.smith", "agent")  # the same queue
REVENUES = Actor("staff:tomos.mitchell", "agent")  # an agent of no social-media queue
SUPERVISOR = Actor("staff:supervisor", "supervisor")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from caseworker.seed import seed_store

    folder = tmp_path_factory.mktemp("council")
    store = Store(folder / STORE_FILENAME)
    try:
        seed_store(store, citizens=300)
    finally:
        store.close()
    return folder


@pytest.fixture
def laptop(template: Path, tmp_path: Path) -> Iterator[Store]:
    shutil.copytree(template, tmp_path / "data")
    store = Store(tmp_path / "data" / STORE_FILENAME)
    yield store
    store.close()


def new_mention(store: Store, *, own_handle: bool = False) -> dict[str, Any]:
    """A new mention; with ``own_handle``, one posted from a citizen's handle on their record."""
    with store.read() as s:
        query = select(Mention).where(Mention.state == "new", Mention.deleted_at.is_(None))
        for row in s.scalars(query.order_by(Mention.published_at.desc())):
            held = s.scalar(select(Identifier.id).where(Identifier.value == row.author_handle))
            if bool(held) == own_handle:
                doc = docstore.get(s, row.id)
                assert doc is not None
                return doc
    raise AssertionError("the seed has no such mention")


def test_an_agent_of_no_social_media_queue_may_not_triage(laptop: Store) -> None:
    mention = new_mention(laptop)
    with laptop.read() as s:
        cases_before = s.scalar(select(func.count()).select_from(Case))
    with laptop.write() as s, pytest.raises(ValidationError, match=MENTION_TRIAGERS):
        dismiss(s, REVENUES, mention["_id"])
    with laptop.write() as s, pytest.raises(ValidationError, match=MENTION_TRIAGERS):
        open_case(s, REVENUES, mention["_id"], "pothole")
    with laptop.read() as s:
        assert docstore.get(s, mention["_id"]) == mention
        # Refused before anything was written: no case was left behind.
        assert s.scalar(select(func.count()).select_from(Case)) == cases_before


def test_a_colleague_who_triaged_first_is_not_overwritten(laptop: Store) -> None:
    mention = new_mention(laptop)
    seen = Seen(mention["state"], mention.get("triaged_at"))
    with laptop.write() as s:
        dismiss(s, COLLEAGUE, mention["_id"], seen=seen)
    with laptop.write() as s, pytest.raises(TriagedMeanwhile) as refused:
        open_case(s, AGENT, mention["_id"], "pothole", seen=seen)
    assert "Rhys Smith changed this mention meanwhile: it is now dismissed" in str(refused.value)
    with laptop.read() as s:
        doc = docstore.get(s, mention["_id"])
        assert doc is not None
        assert (doc["state"], doc["triaged_by"]) == ("dismissed", COLLEAGUE.staff_id)
        assert s.scalar(select(Case.id).where(Case.summary == case_summary(mention))) is None


def test_a_mention_removed_meanwhile_is_refused_plainly(laptop: Store) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        docstore.delete_doc(s, mention["_id"])
    with laptop.write() as s, pytest.raises(NotFoundError, match="removed meanwhile"):
        dismiss(s, AGENT, mention["_id"])


def test_a_post_deleted_at_its_source_still_becomes_a_case_named_by_its_author(
    laptop: Store,
) -> None:
    mention = new_mention(laptop)
    gone = {**mention, "content_text": "", "deleted_at": "2026-12-01T12:00:00Z"}
    for field in ("content_html", "attachments", "tags", "mentioned"):
        gone.pop(field, None)
    with laptop.write() as s:
        docstore.put(s, gone)
        case_id, _ = open_case(s, AGENT, mention["_id"], "pothole")
    with laptop.read() as s:
        case = s.get(Case, case_id)
        assert case is not None
        assert case.summary == (
            f"Social-media mention by {mention['author_handle']} (deleted at its source)"
        )


def test_a_case_opened_from_a_mention_lands_in_the_chosen_services_queue(laptop: Store) -> None:
    """Done when: it becomes a case in the right queue."""
    mention = new_mention(laptop, own_handle=True)
    with laptop.write() as s:
        suggestion = suggest.suggest_citizen(s, mention)
        assert suggestion is not None
        link(s, AGENT, mention["_id"], suggestion.match.right, suggested=suggestion.match)
    with laptop.write() as s:
        case_id, changes = open_case(s, AGENT, mention["_id"], "pothole")
    with laptop.read() as s:
        case = s.get(Case, case_id)
        doc = docstore.get(s, mention["_id"])
        service = routing.service_by_code(s, "pothole")
    assert case is not None and doc is not None
    assert (case.service_code, case.channel) == ("pothole", "social")
    # Triaged already: its service's queue, not back to the social-media triage queue.
    assert case.queue_id == service.default_queue_id == "queue:highways"
    assert case.citizen_id == suggestion.match.right  # the mention's citizen is the case's
    assert (doc["state"], doc["case_id"], doc["citizen_id"]) == (
        "case_opened",
        case_id,
        suggestion.match.right,
    )
    assert doc["triaged_by"] == AGENT.staff_id
    assert mention["_id"] in changes.ids_of("mention")
    with laptop.write() as s, pytest.raises(ValidationError, match="already opened"):
        open_case(s, AGENT, mention["_id"], "pothole")


def test_linking_to_the_suggestion_keeps_its_probability_and_reasons(laptop: Store) -> None:
    mention = new_mention(laptop, own_handle=True)
    with laptop.write() as s:
        suggestion = suggest.suggest_citizen(s, mention)
        assert suggestion is not None
        assert "handle.exact" in [r.code for r in suggestion.match.reasons]
        changes = link(s, AGENT, mention["_id"], suggestion.match.right, suggested=suggestion.match)
    (link_id,) = changes.ids_of("identity_link")
    with laptop.read() as s:
        linked = docstore.get(s, link_id)
        doc = docstore.get(s, mention["_id"])
    assert doc is not None and linked is not None
    assert (doc["state"], doc["citizen_id"]) == ("linked", suggestion.match.right)
    assert linked["subject_id"] == mention["_id"]
    assert linked["method"] == "person" and linked["by"] == AGENT.staff_id
    assert linked["probability"] == suggestion.match.probability
    assert linked["reasons"] == [r.code for r in suggestion.match.reasons]


def test_a_citizen_chosen_by_hand_is_linked_with_how_alike_they_are(laptop: Store) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        citizen = s.scalars(select(Citizen.id).order_by(Citizen.id)).first()
        assert citizen is not None
        changes = link(s, AGENT, mention["_id"], citizen)
        (link_id,) = changes.ids_of("identity_link")
        linked = docstore.get(s, link_id)
    assert linked is not None and linked["citizen_id"] == citizen
    assert 0.0 <= linked["probability"] < 0.7  # a stranger's handle: not alike, and said so


def test_a_citizen_merged_away_is_linked_as_the_survivor_and_a_missing_one_refused(
    laptop: Store,
) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        survivor, merged = s.scalars(select(Citizen.id).order_by(Citizen.id).limit(2)).all()
        merges.merge(s, SUPERVISOR, survivor, merged, "the same person, twice")
    with laptop.write() as s:
        link(s, AGENT, mention["_id"], merged)
        doc = docstore.get(s, mention["_id"])
        assert doc is not None and doc["citizen_id"] == survivor
    with laptop.write() as s, pytest.raises(NotFoundError, match="no citizen"):
        link(s, AGENT, mention["_id"], "citizen:nobody")


def test_dismissed_then_back_to_new_forgets_its_links(laptop: Store) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        citizen = s.scalars(select(Citizen.id).order_by(Citizen.id)).first()
        assert citizen is not None
        link(s, AGENT, mention["_id"], citizen)
        dismiss(s, AGENT, mention["_id"])
        dismissed = docstore.get(s, mention["_id"])
        assert dismissed is not None
        assert (dismissed["state"], dismissed["citizen_id"]) == ("dismissed", citizen)
        with pytest.raises(ValidationError, match="already dismissed"):
            dismiss(s, AGENT, mention["_id"])
        reopen(s, AGENT, mention["_id"])
        back = docstore.get(s, mention["_id"])
        assert back is not None
        assert back["state"] == "new" and "citizen_id" not in back
        with pytest.raises(ValidationError, match="already new"):
            reopen(s, AGENT, mention["_id"])


def links_in_force(store: Store, mention_id: str) -> list[str]:
    with store.read() as s:
        return list(
            s.scalars(
                select(IdentityLink.citizen_id).where(
                    IdentityLink.subject_id == mention_id, IdentityLink.undone_at.is_(None)
                )
            )
        )


def test_back_to_new_undoes_the_link_so_no_timeline_still_claims_it(laptop: Store) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        citizen = s.scalars(select(Citizen.id).order_by(Citizen.id)).first()
        assert citizen is not None
        link(s, AGENT, mention["_id"], citizen)
    assert links_in_force(laptop, mention["_id"]) == [citizen]
    with laptop.write() as s:
        changes = reopen(s, AGENT, mention["_id"])
    assert changes.ids_of("identity_link"), "the undone link is written"
    assert links_in_force(laptop, mention["_id"]) == []


def test_linking_to_someone_else_undoes_the_first_link_and_keeps_the_new_one(
    laptop: Store,
) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        first, second = s.scalars(select(Citizen.id).order_by(Citizen.id).limit(2)).all()
        link(s, AGENT, mention["_id"], first)
    with laptop.write() as s:
        link(s, COLLEAGUE, mention["_id"], second)
    assert links_in_force(laptop, mention["_id"]) == [second]
    with laptop.read() as s:
        undone = s.scalars(
            select(IdentityLink).where(
                IdentityLink.subject_id == mention["_id"], IdentityLink.citizen_id == first
            )
        ).one()
    assert undone.undone_by == COLLEAGUE.staff_id


def cli(folder: Path, *args: str) -> int:
    import main

    return main.run(["--data-dir", str(folder), "mention", *args])


def test_the_command_line_lists_shows_and_triages_with_one_line_refusals(
    laptop: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mention = new_mention(laptop)
    hostile = {**mention, "content_text": "@council bins \u202egnorw\u202c \x1b[2J", "tags": []}
    with laptop.write() as s:
        docstore.put(s, hostile)
    laptop.close()
    folder = tmp_path / "data"
    assert cli(folder, "list", "--limit", "500") == 0
    listed = capsys.readouterr().out
    assert mention["_id"] in listed and "\u202e" not in listed and "\x1b" not in listed
    assert cli(folder, "show", mention["_id"]) == 0
    shown = capsys.readouterr().out
    assert "suggested service: missed-bin (words: bins)" in shown
    assert "\\u202e" in shown and "\u202e" not in shown
    assert cli(folder, "dismiss", mention["_id"], "--as", "tomos.mitchell") == 1
    err = capsys.readouterr().err
    assert err.strip() == f"caseworker: {MENTION_TRIAGERS}" and "Traceback" not in err
    assert cli(folder, "case", mention["_id"], "--service", "missed-bin", "--as", "agent") == 0
    assert "case " in capsys.readouterr().out
    assert cli(folder, "list", "--state", "case_opened", "--limit", "500") == 0
    assert mention["_id"] in capsys.readouterr().out
    assert cli(folder, "reopen", mention["_id"], "--as", "agent") == 0
    assert cli(folder, "link", mention["_id"], "citizen:nobody", "--as", "agent") == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_a_citizen_anonymised_by_an_erasure_is_refused(laptop: Store) -> None:
    mention = new_mention(laptop)
    with laptop.write() as s:
        citizen = s.scalars(select(Citizen.id).order_by(Citizen.id.desc())).first()
        assert citizen is not None
        doc = docstore.get(s, citizen)
        assert doc is not None
        docstore.put(s, {**doc, "anonymised": "erasure:e1"})
    with laptop.write() as s, pytest.raises(ValidationError, match="was erased"):
        link(s, AGENT, mention["_id"], citizen)
