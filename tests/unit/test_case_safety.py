"""Safe changes on a case: resolving or closing needs an outcome from the service's list, a
closed case changes only by reopening (in the services and in the write rules), and the last
change can be undone as a new change unless someone changed the case since."""

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

import main
from caseworker.access.people import Person
from caseworker.access.writes import Write, judge
from caseworker.documents.codec import new_document
from caseworker.documents.types import SERVICE
from caseworker.errors import CaseworkerError, ConflictError, ValidationError
from caseworker.models import Case, CaseEvent, Service
from caseworker.seed import seed_store
from caseworker.services import cases, outcomes, undo
from caseworker.services.cases import NewCase
from caseworker.store import docstore
from caseworker.store.schema import HEAD_REVISION
from caseworker.store.store import STORE_FILENAME, Store
from tests.support.council import council_docs
from tests.support.old_store import store_at
from tests.unit.conftest import AGENT, SUPERVISOR
from tests.unit.test_uniqueness import case_doc

NOISE_OUTCOMES = [
    {"code": "warning", "en": "Warning letter sent", "cy": "Llythyr rhybudd wedi'i anfon"},
    {"code": "no-evidence", "en": "Not enough evidence", "cy": "Dim digon o dystiolaeth"},
    {"code": "warning", "en": "A second label for the same code", "cy": "Ail label"},
    {"code": "mediation", "en": "Referred to mediation"},  # no Welsh yet: English shown
]


def _noise_service() -> dict[str, object]:
    return new_document(
        SERVICE,
        "service:noise",
        {
            "code": "noise",
            "name": "Noise complaint",
            "group": "Environmental health",
            "keywords": ["noise"],
            "resolve_hours": 240,
            "response_hours": 48,
            "default_queue_id": "queue:waste",
            "active": True,
            "outcomes": NOISE_OUTCOMES,
        },
    )


def _open(store: Store, service: str = "missed-bin") -> str:
    with store.write() as s:
        if service == "noise" and docstore.get(s, "service:noise") is None:
            docstore.put(s, _noise_service())
        case_id, _ = cases.open_case(s, AGENT, NewCase(service, "Loud music at night", "phone"))
    return case_id


def _closed(store: Store) -> str:
    case_id = _open(store)
    with store.write() as s:
        cases.transition(s, AGENT, case_id, "closed", "Reported twice", outcome="duplicate")
    return case_id


def test_resolving_without_an_outcome_is_refused_in_one_line_listing_the_codes(
    council: Store,
) -> None:
    case_id = _open(council, "noise")
    for code, words in (
        (None, "outcome: warning, no-evidence, mediation"),
        ("fixed", "'fixed' is not"),
    ):
        with pytest.raises(ValidationError) as caught, council.write() as s:
            cases.transition(s, AGENT, case_id, "resolved", outcome=code)
        assert words in str(caught.value) and "\n" not in str(caught.value)
    with council.read() as s:
        assert cases.get_case(s, case_id).status == "new"


def test_the_outcome_is_stored_on_the_case_and_the_comment_in_its_history(
    council: Store,
) -> None:
    case_id = _open(council, "noise")
    with council.write() as s:
        cases.transition(s, AGENT, case_id, "resolved", "  Letter sent  ", outcome="warning")
    with council.read() as s:
        case = cases.get_case(s, case_id)
        doc = docstore.require(s, case_id)
        last = cases.history(s, case_id)[-1]
    assert (case.status, case.outcome, doc["outcome"], doc["schema"]) == (
        "resolved",
        "warning",
        "warning",
        1,
    )
    assert (last.new, last.comment) == ("resolved", "Letter sent")


def test_a_service_without_its_own_list_offers_the_general_one(council: Store) -> None:
    with council.read() as s:
        assert outcomes.for_service(s, "missed-bin") == outcomes.GENERAL
        assert outcomes.for_service(s, "no-such-service") == outcomes.GENERAL
    _open(council, "noise")
    with council.read() as s:
        listed = outcomes.for_service(s, "noise")
    # A code listed twice by a careless edit is offered once, with its first label.
    assert [(o.code, o.label("cy")) for o in listed] == [
        ("warning", "Llythyr rhybudd wedi'i anfon"),
        ("no-evidence", "Dim digon o dystiolaeth"),
        ("mediation", "Referred to mediation"),
    ]


def test_a_case_written_before_outcomes_is_read_and_closes_in_the_same_schema(
    council: Store,
) -> None:
    case_id = _open(council)
    with council.write() as s:  # as an older laptop wrote it
        docstore.put(s, {**docstore.require(s, case_id), "schema": 1})
    with council.write() as s:
        cases.transition(s, AGENT, case_id, "closed", outcome="withdrawn")
    with council.read() as s:
        doc = docstore.require(s, case_id)
    assert (doc["schema"], doc["outcome"]) == (1, "withdrawn")  # an optional field, no bump


def test_an_outcome_on_a_status_that_is_not_an_end_is_refused(council: Store) -> None:
    case_id = _open(council)
    with pytest.raises(ValidationError, match="only a resolved or closed"), council.write() as s:
        cases.transition(s, AGENT, case_id, "triaged", outcome="resolved")


@pytest.mark.parametrize(
    "change",
    [
        lambda s, case_id: cases.set_priority(s, SUPERVISOR, case_id, "urgent"),
        lambda s, case_id: cases.set_queue(s, SUPERVISOR, case_id, "queue:highways"),
        lambda s, case_id: cases.assign(s, SUPERVISOR, case_id, "staff:agent"),
        lambda s, case_id: cases.transition(s, SUPERVISOR, case_id, "in_progress"),
    ],
)
def test_nothing_changes_on_a_closed_case_but_reopening(council: Store, change: object) -> None:
    case_id = _closed(council)
    with council.read() as s:
        before = docstore.require(s, case_id)
    with pytest.raises(CaseworkerError, match=r"closed|cannot move"), council.write() as s:
        change(s, case_id)  # type: ignore[operator]
    with council.read() as s:
        assert docstore.require(s, case_id) == before
    with council.write() as s:
        cases.transition(s, AGENT, case_id, "reopened", "The bin was missed again")
        cases.set_priority(s, AGENT, case_id, "high")
    with council.read() as s:
        case = cases.get_case(s, case_id)
    assert (case.status, case.priority, case.outcome) == ("reopened", "high", None)


CLOSED_CASE = {
    "_id": "case:c1",
    "_rev": "3-abc",
    "type": "case",
    "schema": 1,
    "reference": "ABCD-EFGH-JKMN",
    "service_code": "missed-bin",
    "summary": "Bin",
    "status": "closed",
    "priority": "normal",
    "channel": "phone",
    "queue_id": "queue:waste",
    "opened_at": "2026-12-01T09:00:00+00:00",
    "due_at": "2026-12-04T09:00:00+00:00",
    "resolved_at": "2026-12-02T09:00:00+00:00",
    "closed_at": "2026-12-02T10:00:00+00:00",
    "outcome": "resolved",
    "updated_at": "2026-12-02T10:00:00+00:00",
}
REOPENED = {
    **{k: v for k, v in CLOSED_CASE.items() if k not in ("closed_at", "resolved_at", "outcome")},
    "status": "reopened",
    "updated_at": "2026-12-02T11:00:00+00:00",
}


@pytest.mark.parametrize(
    ("new", "refused"),
    [
        (REOPENED, False),
        ({**CLOSED_CASE, "priority": "urgent"}, True),
        ({**REOPENED, "priority": "urgent"}, True),  # reopening carries nothing else with it
        ({**CLOSED_CASE, "status": "in_progress"}, True),  # an offline edit from before the close
        ({**CLOSED_CASE, "summary": "Bin, rewritten"}, True),
    ],
)
def test_the_write_rules_refuse_any_change_to_a_closed_case_but_reopening(
    new: dict[str, object], refused: bool
) -> None:
    for role in ("agent", "supervisor"):
        person = Person("staff:x", role, "staff:x")
        write = Write("case:c1", new, CLOSED_CASE, True, True, True)
        reason = judge(person, write, frozenset({"case:c1"}))
        assert (reason is not None) == refused, (role, reason)
        if refused:
            assert reason is not None and ("closed" in reason or "cannot" in reason)
    admin = Person("admin", "admin", None)
    assert judge(admin, Write("case:c1", new, CLOSED_CASE, True, True, True), frozenset()) is None


def _changed(store: Store, job: object) -> undo.LastChange:
    with store.write() as s:
        changes = job(s)  # type: ignore[operator]
        last = undo.last_change(s, changes)
    assert last is not None
    return last


def test_undoing_a_priority_change_sets_it_back_as_a_new_event(council: Store) -> None:
    case_id = _open(council)
    last = _changed(council, lambda s: cases.set_priority(s, AGENT, case_id, "urgent"))
    assert (last.field, last.old, last.new) == ("priority", "normal", "urgent")
    with council.write() as s:
        undo.undo(s, AGENT, last)
    with council.read() as s:
        assert cases.get_case(s, case_id).priority == "normal"
        steps = [(e.old, e.new) for e in cases.history(s, case_id) if e.field == "priority"]
    assert steps == [("normal", "urgent"), ("urgent", "normal")]  # history kept, not rewritten


def test_undoing_a_close_reopens_the_case(council: Store) -> None:
    case_id = _open(council)
    last = _changed(
        council, lambda s: cases.transition(s, AGENT, case_id, "closed", outcome="no-action")
    )
    with council.write() as s:
        undo.undo(s, AGENT, last)
    with council.read() as s:
        case = cases.get_case(s, case_id)
        kinds = [e.new for e in cases.history(s, case_id) if e.field == "status"]
    assert (case.status, case.outcome, case.closed_at) == ("reopened", None, None)
    assert kinds == ["new", "closed", "reopened"]


def test_undo_is_refused_when_the_case_changed_since(council: Store) -> None:
    case_id = _open(council)
    last = _changed(council, lambda s: cases.set_priority(s, AGENT, case_id, "high"))
    with council.write() as s:  # a colleague, after
        cases.assign(s, SUPERVISOR, case_id, "staff:officer")
    with pytest.raises(ConflictError, match="changed since") as caught, council.write() as s:
        undo.undo(s, AGENT, last)
    assert "\n" not in str(caught.value)
    with council.read() as s:
        assert cases.get_case(s, case_id).priority == "high"
        count = s.query(CaseEvent).filter(CaseEvent.case_id == case_id).count()
    assert count == 3  # created, priority, assigned: the undo wrote nothing


@pytest.mark.parametrize(
    ("old", "new", "undoable"),
    [
        ("new", "closed", True),
        ("in_progress", "resolved", True),
        ("assigned", "in_progress", True),  # the workflow goes back that way
        ("new", "triaged", False),  # it does not
        ("closed", "reopened", False),
    ],
)
def test_only_a_status_change_that_can_be_put_back_is_offered(
    old: str, new: str, undoable: bool
) -> None:
    assert undo.LastChange("case:x", "2-a", "status", old, new).undoable is undoable
    assert undo.LastChange("case:x", "2-a", "priority", "low", "high").undoable


def test_reopening_is_not_offered_as_undoable(council: Store) -> None:
    case_id = _closed(council)
    last = _changed(council, lambda s: cases.transition(s, AGENT, case_id, "reopened", "Again"))
    assert not last.undoable
    with pytest.raises(ValidationError), council.write() as s:
        undo.undo(s, AGENT, last)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    store = Store(folder / STORE_FILENAME)
    seed_store(store, citizens=60)
    store.close()
    return folder


def test_every_demo_service_has_bilingual_outcomes_and_closed_cases_carry_one(demo: Path) -> None:
    store = Store(demo / STORE_FILENAME)
    try:
        with store.read() as s:
            for service in s.query(Service):
                listed = outcomes.for_service(s, service.code)
                assert listed != outcomes.GENERAL and len(listed) >= 3, service.code
                assert all(o.en and o.cy and o.en != o.cy for o in listed), service.code
            ended = s.query(Case).filter(Case.status.in_(("resolved", "closed"))).all()
            assert ended and all(c.outcome for c in ended)
            for case in ended:
                assert case.outcome in {o.code for o in outcomes.for_service(s, case.service_code)}
    finally:
        store.close()


def test_the_cli_closes_only_with_a_valid_outcome_and_says_which_in_one_line(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(demo / STORE_FILENAME)
    with store.read() as s:
        case = s.query(Case).filter(Case.status == "awaiting_citizen").first()
        assert case is not None
        reference, valid = (
            case.reference,
            [o.code for o in outcomes.for_service(s, case.service_code)],
        )
    store.close()
    base = ["--data-dir", str(demo), "case", "close", reference, "--as", "agent"]
    for extra, words in (([], "outcome: " + ", ".join(valid)), (["--outcome", "nope"], "'nope'")):
        assert main.run([*base, *extra]) == 1
        err = capsys.readouterr().err
        assert err.startswith("caseworker: ") and err.count("\n") == 1 and words in err, err
    assert main.run([*base, "--outcome", valid[0], "--comment", "No reply in 14 days"]) == 0
    assert "closed, " in capsys.readouterr().out
    shown = ["--data-dir", str(demo), "show", "case", reference, "--json"]
    assert main.run(shown) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["outcome"], record["outcomes"]) == (valid[0], valid)
    assert record["history"][-1]["comment"] == "No reply in 14 days"
    reopen = ["--data-dir", str(demo), "case", "reopen", reference, "--as", "agent"]
    with pytest.raises(SystemExit) as usage:  # reopening says why
        main.run(reopen)
    assert usage.value.code == 2 and "--comment" in capsys.readouterr().err
    assert main.run([*reopen, "--comment", "Citizen replied after all"]) == 0
    assert "reopened" in capsys.readouterr().out


def test_a_store_from_before_outcomes_gets_the_column_filled_from_stored_cases(
    tmp_path: Path,
) -> None:
    """An older laptop keeps a colleague's ``outcome`` in the stored body without projecting
    it; the migration that adds the column fills it in."""
    path = tmp_path / "old.db"

    def fill(s: Session) -> None:
        for doc in council_docs():
            docstore.put(s, doc)
        docstore.put(s, case_doc("case:open", "REF-0001"))
        docstore.put(
            s, {**case_doc("case:done", "REF-0002"), "status": "closed", "outcome": "no-action"}
        )

    store_at(path, "0005", fill)  # the revision before the outcome column
    store = Store(path)
    try:
        with store.read() as s:
            version = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == HEAD_REVISION
            rows = s.execute(text("SELECT id, outcome FROM cases ORDER BY id")).all()
            assert rows == [("case:done", "no-action"), ("case:open", None)]
        with store.write() as s:
            cases.transition(s, AGENT, "case:open", "closed", outcome="no-action")
        with store.read() as s:
            closed = s.get(Case, "case:open")
            assert closed is not None and closed.outcome == "no-action"
    finally:
        store.close()
