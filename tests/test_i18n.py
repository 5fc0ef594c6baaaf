"""Every string exists in both languages, with the same placeholders."""

import re
import string

import pytest

from i18n import CATALOGUES, t
from i18n.formatting import fmt_date, fmt_int, fmt_month, sort_names
from loaders.contract import EVENT_TYPES, GENDERS, OCCUPATIONS, ROLES, SPACE_TYPES
from metrics import DEFAULT_AGE_BANDS

LV, EN = CATALOGUES["lv"], CATALOGUES["en"]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_same_keys_in_both_languages() -> None:
    assert set(LV) - set(EN) == set()
    assert set(EN) - set(LV) == set()


@pytest.mark.parametrize("key", sorted(LV))
def test_same_placeholders_and_not_empty(key: str) -> None:
    assert LV[key].strip() and EN[key].strip()
    assert placeholders(LV[key]) == placeholders(EN[key])


@pytest.mark.parametrize(
    ("kind", "codes"),
    [
        ("event_type", EVENT_TYPES),
        ("gender", GENDERS),
        ("occupation", OCCUPATIONS),
        ("space_type", SPACE_TYPES),
        ("role", ROLES),
        ("age_band", [band.label for band in DEFAULT_AGE_BANDS] + ["unknown"]),
    ],
)
def test_every_code_has_a_label(kind: str, codes: list[str]) -> None:
    for code in codes:
        assert f"{kind}.{code}" in LV, f"{kind}.{code}"
        assert LV[f"{kind}.{code}"] != EN[f"{kind}.{code}"] or code in ("25-29", "30-39", "40-54", "55-64")


def test_every_problem_rule_of_the_loaders_has_a_message() -> None:
    from pathlib import Path

    source = "\n".join(p.read_text("utf-8") for p in (Path(__file__).resolve().parents[1] / "loaders").glob("*.py"))
    rules = set(re.findall(r'(?:error|warning)\([^,()]*, "([a-z_0-9]+)"', source))
    rules |= set(re.findall(r'ArchiveRefused\(\s*"([a-z_]+)"', source))
    rules |= set(re.findall(r'name="([a-z_]+)", ignore_na', source))
    rules |= {"required", "duplicate_id", "date_order", "type_int", "type_decimal", "date_format", "date_invalid",
              "date_two_digit_year", "date_implausible"}
    assert len(rules) > 30
    missing = sorted(rule for rule in rules if f"problem.{rule}" not in LV)
    assert missing == []


def test_unknown_key_falls_back_to_the_key() -> None:
    assert t("no.such.key", "lv") == "no.such.key"


def test_latvian_formats() -> None:
    import datetime as dt

    assert fmt_int(1234567, "lv") == "1\xa0234\xa0567"
    assert fmt_int(1234567, "en") == "1,234,567"
    assert fmt_date(dt.date(2019, 3, 18), "lv") == "18.03.2019"
    assert fmt_month(dt.date(2019, 3, 1), "lv") == "2019. marts"
    assert fmt_month(dt.date(2019, 3, 1), "en") == "March 2019"


def test_latvian_alphabetical_order() -> None:
    assert sort_names(["Ogre", "Ādaži", "Bauska", "Alūksne", "Cēsis", "Čornaja", "Zilupe", "Ķekava", "Kuldīga"]) == [
        "Alūksne", "Ādaži", "Bauska", "Cēsis", "Čornaja", "Kuldīga", "Ķekava", "Ogre", "Zilupe",
    ]
