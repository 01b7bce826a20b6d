"""What the inbox suggests for a mention (``mentions.suggest``), on the demo council's catalogue:
the service a post in English or Welsh is about, with the words that matched, and the citizen
who wrote it, with the matcher's reasons. Nothing is suggested when nothing fits well, or two
fit alike: no made-up confidence."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.mentions import suggest
from caseworker.models import Citizen, Identifier
from caseworker.store.store import STORE_FILENAME, Store


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    from caseworker.seed import seed_store

    folder: Path = tmp_path_factory.mktemp("council")
    store = Store(folder / STORE_FILENAME)
    try:
        seed_store(store, citizens=300)
        with store.read() as s:
            yield s
    finally:
        store.close()


def post(text: str, **more: object) -> dict[str, object]:
    return {"_id": "mention:t", "content_text": f"@council {text}", **more}


@pytest.mark.parametrize(
    ("text", "service", "words"),
    [
        ("the bins on our street haven't been collected", "missed-bin", {"bins", "collected"}),
        ("street light out again, pitch dark by 5", "street-light", {"street", "light", "dark"}),
        ("twll mawr yn y ffordd ger y capel", "pothole", {"twll", "ffordd"}),  # dwll → twll
        ("golau stryd wedi diffodd eto", "street-light", {"golau", "stryd"}),  # olau → golau
        ("dydy'r biniau ddim wedi cael eu casglu", "missed-bin", {"biniau"}),
    ],
)
def test_a_post_in_english_or_welsh_suggests_its_service_and_says_which_words(
    session: Session, text: str, service: str, words: set[str]
) -> None:
    found = suggest.suggest_service(session, post(text))
    assert found is not None
    assert found.code == service
    assert set(found.words) == words


def test_nothing_is_suggested_for_a_post_about_no_service(session: Session) -> None:
    assert suggest.suggest_service(session, post("thank you council, what a lovely day")) is None
    assert suggest.suggest_service(session, post("")) is None
    # One word of a Welsh name is not enough ("adael" is in "Cerbyd wedi'i adael").
    assert suggest.suggest_service(session, post("sbwriel wedi'i adael ar ochr y lôn")) is None


def test_two_services_that_fit_alike_are_not_decided_for_the_person(session: Session) -> None:
    mention = post("huge pothole on the hill by the school")
    ranked = suggest.rank_services(session, mention)
    assert [s.code for s in ranked[:2]] == ["pothole", "school-admissions"]
    assert ranked[0].score == ranked[1].score
    assert suggest.suggest_service(session, mention) is None


def test_the_council_named_in_every_post_says_nothing_of_the_service(session: Session) -> None:
    assert suggest.rank_services(session, post("council council @council")) == []


def test_a_post_from_a_handle_on_a_record_suggests_that_citizen_with_reasons(
    session: Session,
) -> None:
    row = session.execute(
        select(Identifier.value, Citizen)
        .join(Citizen, Citizen.id == Identifier.citizen_id)
        .where(Identifier.kind == "social")
    ).first()
    assert row is not None
    handle, citizen = row
    citizen_id = citizen.id
    name = f"{citizen.given_name} {citizen.family_name} 🏴"
    found = suggest.suggest_citizen(session, post("bins", author_handle=handle, author_name=name))
    assert found is not None
    assert found.match.right == citizen_id
    assert "handle.exact" in [r.code for r in found.match.reasons]


def test_a_stranger_or_a_bare_display_name_suggests_no_one(session: Session) -> None:
    stranger = post("bins", author_handle="@nobody@elsewhere.example", author_name="Resident 4")
    assert suggest.suggest_citizen(session, stranger) is None
    citizen = session.scalars(select(Citizen)).first()
    assert citizen is not None
    # A common first name alone is nobody in particular.
    alone = post("bins", author_handle="@x@elsewhere.example", author_name=citizen.given_name)
    assert suggest.suggest_citizen(session, alone) is None


def test_welsh_mutations_are_read_back_to_the_radical() -> None:
    assert "twll" in suggest.forms("dwll")
    assert "golau" in suggest.forms("olau")
    assert "tipio" in suggest.forms("dipio")
    assert "bin" in suggest.forms("biniau")
    assert all(len(f) >= 3 for f in suggest.forms("bus"))
