"""Every string exists in both languages, with the same placeholders."""

import re
import string
from types import ModuleType

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


def _module(name: str, strings: dict) -> ModuleType:
    module = ModuleType(name)
    module.STRINGS = strings
    return module


def test_a_key_defined_in_two_modules_is_an_error() -> None:
    from i18n import CatalogueError, build_catalogues

    one = _module("i18n.strings_one", {"page.x": {"lv": "X", "en": "X"}, "page.y": {"lv": "Y", "en": "Y"}})
    two = _module("i18n.strings_two", {"page.y": {"lv": "Y2", "en": "Y2"}})
    with pytest.raises(CatalogueError, match=r"'page.y' is defined twice: in i18n.strings_one and in i18n.strings_two"):
        build_catalogues([one, two])
    assert build_catalogues([one]) == {"lv": {"page.x": "X", "page.y": "Y"}, "en": {"page.x": "X", "page.y": "Y"}}


def test_a_key_written_twice_in_one_module_is_an_error(tmp_path) -> None:
    import importlib.util

    from i18n import CatalogueError, build_catalogues

    path = tmp_path / "strings_twice.py"
    path.write_text('STRINGS = {\n    "a.b": {"lv": "1", "en": "1"},\n    "a.b": {"lv": "2", "en": "2"},\n}\n', "utf-8")
    spec = importlib.util.spec_from_file_location("strings_twice", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert len(module.STRINGS) == 1  # Python kept the last one silently
    with pytest.raises(CatalogueError, match=r"strings_twice: key\(s\) defined twice in the module: a\.b"):
        build_catalogues([module])


def test_an_entry_missing_a_language_is_an_error() -> None:
    from i18n import CatalogueError, build_catalogues

    with pytest.raises(CatalogueError, match=r"'page\.x' must have exactly the languages"):
        build_catalogues([_module("i18n.strings_one", {"page.x": {"lv": "X"}})])


def test_datetime_format() -> None:
    import datetime as dt

    from i18n.formatting import fmt_datetime

    assert fmt_datetime(dt.datetime(2026, 12, 1, 23, 59, 30), "lv") == "01.12.2026 23:59"
    assert fmt_datetime(dt.datetime(2026, 12, 1, 23, 59, 30), "en") == "1 Dec 2026 23:59"
    aware = dt.datetime(2026, 12, 1, 23, 59, tzinfo=dt.UTC)
    assert fmt_datetime(aware, "lv") == fmt_datetime(aware.astimezone().replace(tzinfo=None), "lv")
    assert fmt_datetime(None, "lv") == "–"


def test_code_labels() -> None:
    from i18n.labels import UNKNOWN, code_label, code_labels
    from metrics import UNKNOWN as METRICS_UNKNOWN

    assert UNKNOWN == METRICS_UNKNOWN
    assert code_label("event_type", "study_visit", "lv") == "Pieredzes brauciens"
    assert code_label("event_type", "unknown", "en") == "Not known"  # no event_type.unknown: value.unknown
    assert code_label("visit", "unknown", "lv") == "Nav zināms (anonīmi vai skaits)"  # its own label wins
    assert code_label("age_band", "<30", "lv") == "<30"  # a configured band without a translation
    assert code_label("municipality", "Ogres novads", "xx") == "Ogres novads"
    assert code_labels("gender", ["female", "unknown"], "en") == {"female": "Women", "unknown": "Not known"}
