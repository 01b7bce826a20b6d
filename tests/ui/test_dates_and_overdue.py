"""Dates read the same everywhere, with a four-digit year in both languages, and lateness is
said in proportion: "2 days overdue", never "50 hours"."""

import re
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui import i18n, labels

ROOT = Path(__file__).resolve().parents[2]
DUE = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.fixture(params=["en", "cy"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    if request.param == "cy" and not i18n.qm_path("cy").exists():
        subprocess.run([str(ROOT / "scripts" / "build-translations")], check=True)
    yield i18n.install(qapp, request.param)
    i18n.install(qapp, "en")


def test_a_date_keeps_its_four_digit_year_in_either_language(language: str) -> None:
    assert labels.date_text(date(2007, 1, 9)) == "09/01/2007"
    assert labels.iso_date_text("1948-07-05") == "05/07/1948"
    shown = labels.date_time_text(datetime(2025, 11, 28, 14, 5, tzinfo=UTC))
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", shown), shown


def test_the_dialogs_and_lists_share_the_one_format(language: str) -> None:
    from ui.dialogs.shared import local_date, local_time

    moment = datetime(1999, 12, 31, 23, 30, tzinfo=UTC)
    assert local_time(moment) == labels.date_time_text(moment)
    assert local_date(moment) == labels.date_text(moment)
    assert "1999" in local_time(moment) or "2000" in local_time(moment)  # a local time zone


def test_a_date_of_birth_that_is_not_a_date_is_shown_not_dropped() -> None:
    assert labels.iso_date_text("31/02/1980\u202e") == "31/02/1980\\u202e"
    assert labels.iso_date_text(None) == labels.iso_date_text("") == ""


@pytest.mark.parametrize(
    ("late", "english", "count"),
    [
        (timedelta(hours=50), "2 days overdue", "2"),
        (timedelta(days=1), "1 day overdue", None),
        (timedelta(hours=23, minutes=59), "23 hours overdue", "23"),
        (timedelta(hours=1), "1 hour overdue", None),
        (timedelta(minutes=59), "59 min overdue", "59"),
        (timedelta(seconds=1), "0 min overdue", "0"),
        (timedelta(days=400), "400 days overdue", "400"),
    ],
)
def test_overdue_is_said_in_whole_days_then_hours_then_minutes(
    language: str, late: timedelta, english: str, count: str | None
) -> None:
    text, state = labels.countdown(DUE, DUE + late, "in_progress")
    assert state == "overdue"
    if language == "en":
        assert text == english
    elif count is not None:
        assert count in text and "50" not in text
    assert "h " not in text and " d " not in text  # never the old "2 d 2 h"


@pytest.mark.parametrize(
    ("left", "english"),
    [
        (timedelta(days=3, hours=23), "due in 3 days"),
        (timedelta(hours=30), "due in 1 day"),
        (timedelta(hours=5, minutes=59), "due in 5 hours"),
        (timedelta(minutes=20), "due in 20 min"),
    ],
)
def test_time_left_is_said_in_proportion(left: timedelta, english: str) -> None:
    text, state = labels.countdown(DUE, DUE - left, "assigned", opened_at=DUE - timedelta(days=8))
    assert text == english
    assert state in ("ok", "due_soon")


def test_amber_when_due_soon_and_red_when_late_and_finished_cases_say_met_or_missed() -> None:
    opened = DUE - timedelta(days=4)
    assert labels.countdown(DUE, DUE - timedelta(days=2), "new", opened_at=opened)[1] == "ok"
    assert labels.countdown(DUE, DUE - timedelta(hours=2), "new", opened_at=opened)[1] == (
        "due_soon"
    )
    assert labels.countdown(DUE, DUE + timedelta(hours=2), "new", opened_at=opened)[1] == (
        "overdue"
    )
    done = labels.countdown(DUE, DUE + timedelta(days=9), "closed", finished_at=DUE)
    assert done == ("Service level met", "met")


def test_in_proportion_never_rounds_up_past_what_has_happened() -> None:
    assert labels.in_proportion(timedelta(hours=47, minutes=59)) == (1, "day")
    assert labels.in_proportion(timedelta(minutes=-90)) == (1, "hour")


def test_an_identifiers_usual_labels_are_translated_and_others_shown_as_typed(
    language: str,
) -> None:
    from PySide6.QtCore import QCoreApplication

    assert labels.identifier_label("Mobile") == QCoreApplication.translate("Vocab", "mobile")
    assert labels.identifier_label(" home ") == QCoreApplication.translate("Vocab", "home")
    assert labels.identifier_label("Nain's flat\u202e") == "Nain's flat\\u202e"
    assert labels.identifier_label(None) == ""
