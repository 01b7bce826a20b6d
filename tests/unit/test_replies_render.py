"""Reply templates: ``((placeholders))`` filled from the case, in English or Welsh, where a
value can never smuggle in another placeholder or markup."""

from datetime import date

import pytest

from caseworker.errors import ValidationError
from caseworker.replies.render import long_date, render, safe_value, template_problem
from caseworker.seed.reference import reply_templates

TEMPLATE = {
    "subject_en": "Your case ((reference))",
    "subject_cy": "Eich achos ((reference))",
    "body_en": "Dear ((citizen_name)), about ((service)) by ((due_date)). ((officer_name))",
    "body_cy": "Annwyl ((citizen_name)), am ((service)) erbyn ((due_date)). ((officer_name))",
}
VALUES = {
    "reference": "2EVQ-W146-S0DJ",
    "citizen_name": "Carys Jones",
    "service": "Missed bin collection",
    "due_date": "5 December 2026",
    "officer_name": "Alys Morgan",
}


def test_each_placeholder_is_filled_in_the_language_asked_for() -> None:
    welsh = render(TEMPLATE, "cy", VALUES)
    assert welsh.subject == "Eich achos 2EVQ-W146-S0DJ"
    assert welsh.body == (
        "Annwyl Carys Jones, am Missed bin collection erbyn 5 December 2026. Alys Morgan"
    )
    assert welsh.complete


def test_a_value_the_case_lacks_is_named_and_left_visible_never_silently_blank() -> None:
    rendered = render(TEMPLATE, "en", {**VALUES, "due_date": None, "officer_name": "  "})
    assert rendered.missing == ("due_date", "officer_name")
    assert "((due_date))" in rendered.body and not rendered.complete


def test_a_value_cannot_bring_in_another_placeholder_or_markup() -> None:
    hostile = {
        **VALUES,
        "citizen_name": "((reference)) <script>alert(1)</script> [click](https://evil.example)",
        "service": "Bins\n\n# Heading\r\n---\u202etxt.exe",
    }
    body = render(TEMPLATE, "en", hostile).body
    assert "2EVQ" not in body.split("about")[0]  # the name's ((reference)) stayed text
    for opener in ("((", "<", "[", "](", "\n", "\r", "\u202e"):
        assert opener not in body
    assert "# Heading ---txt.exe" in body  # one line: a heading or rule needs a line's start


def test_a_value_is_cut_short_so_a_name_cannot_carry_a_letter() -> None:
    assert len(safe_value("x" * 100_000)) == 200


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"body_cy": "Annwyl ((national_insurance))"},
            "unknown placeholder ((national_insurance))",
        ),
        ({"subject_en": "Case ((reference)"}, "unmatched"),
        ({"body_en": "  "}, "body_en is empty"),
        ({"subject_cy": None}, "subject_cy is empty"),
    ],
)
def test_a_template_with_an_unknown_placeholder_or_a_gap_is_refused(
    change: dict[str, object], problem: str
) -> None:
    broken = {**TEMPLATE, **change}
    found = template_problem(broken)
    assert found is not None and problem in found
    with pytest.raises(ValidationError, match=r"placeholder|unmatched|empty"):
        render(broken, "en", VALUES)


def test_dates_are_written_out_with_their_year_in_each_language() -> None:
    assert long_date(date(2026, 12, 5), "en") == "5 December 2026"
    assert long_date(date(2026, 12, 5), "cy") == "5 Rhagfyr 2026"


def test_every_seeded_template_is_usable_in_both_languages() -> None:
    made = reply_templates(["missed-bin", "pothole", "council-tax", "graffiti"])
    assert len(made) == 4 * 3 + 3
    for template in made:
        assert template_problem(template) is None, template["_id"]
        assert template["body_en"] != template["body_cy"]
