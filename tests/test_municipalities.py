"""Tests for loaders/municipalities.py: the official list, long names and former names."""

from __future__ import annotations

import json
from pathlib import Path

from loaders.municipalities import FORMER, LONG_NAMES, OFFICIAL, SPLIT

ROOT = Path(__file__).resolve().parents[1]
GEOJSON = ROOT / "geo" / "latvia_municipalities.geojson"

#: 2021 novadi with a name that no former local government had.
NEW_NAMES_2021 = {"Augšdaugavas novads", "Dienvidkurzemes novads", "Valmieras novads"}


def _features() -> list[dict]:
    with GEOJSON.open(encoding="utf-8") as fh:
        return json.load(fh)["features"]


def test_official_has_43_unique_names() -> None:
    assert len(OFFICIAL) == 43
    assert len(set(OFFICIAL)) == 43
    assert list(OFFICIAL) == sorted(OFFICIAL)


def test_official_matches_geojson_names() -> None:
    names = {feature["properties"]["name"] for feature in _features()}
    assert set(OFFICIAL) == names


def test_official_counts_by_kind() -> None:
    novadi = [name for name in OFFICIAL if name.endswith(" novads")]
    assert len(novadi) == 36
    assert len(OFFICIAL) - len(novadi) == 7


def test_varaklani_is_official() -> None:
    # Still a separate unit in the 43-unit division of 1 July 2021 (merged into Madonas
    # novads only by the 2024 law, which this list does not follow).
    assert "Varakļānu novads" in OFFICIAL


def test_long_names_are_the_seven_cities() -> None:
    cities = {
        feature["properties"]["name_long"]: feature["properties"]["name"]
        for feature in _features()
        if feature["properties"]["kind"] == "valstspilsēta"
    }
    assert cities == LONG_NAMES
    assert LONG_NAMES["Rīgas valstspilsēta"] == "Rīga"
    assert LONG_NAMES["Jūrmalas valstspilsēta"] == "Jūrmala"
    assert not set(LONG_NAMES) & set(OFFICIAL)


def test_former_values_are_official() -> None:
    assert set(FORMER.values()) <= set(OFFICIAL)


def test_former_keys_are_not_official() -> None:
    assert not set(FORMER) & set(OFFICIAL)
    assert not set(FORMER) & set(LONG_NAMES)


def test_former_count() -> None:
    # Before 1 July 2021 there were 119 local governments: 110 novadi + 9 republic cities.
    # FORMER holds only the names that are no longer official:
    # - 33 of the 36 new novadi carry the name of a former novads (all but Augšdaugavas,
    #   Dienvidkurzemes and Valmieras novads), so 110 - 33 = 77 former novadi are in FORMER;
    # - 7 republic cities are still valstspilsētas; Jēkabpils and Valmiera are in FORMER.
    # 77 + 2 = 79, and 79 + 33 + 7 = 119.
    kept_novadi = [
        n for n in OFFICIAL if n.endswith(" novads") and n not in NEW_NAMES_2021
    ]
    assert len(kept_novadi) == 33
    assert len(FORMER) == 79
    assert len(FORMER) + len(kept_novadi) + 7 == 119
    former_novadi = [name for name in FORMER if name.endswith(" novads")]
    assert len(former_novadi) == 77
    assert sorted(set(FORMER) - set(former_novadi)) == ["Jēkabpils", "Valmiera"]


def test_every_new_name_has_a_predecessor() -> None:
    assert set(FORMER.values()) >= NEW_NAMES_2021


def test_former_spot_checks() -> None:
    expected = {
        "Babītes novads": "Mārupes novads",
        "Lielvārdes novads": "Ogres novads",
        "Ikšķiles novads": "Ogres novads",
        "Ķeguma novads": "Ogres novads",
        "Carnikavas novads": "Ādažu novads",
        "Garkalnes novads": "Ropažu novads",
        "Stopiņu novads": "Ropažu novads",
        "Baldones novads": "Ķekavas novads",
        "Sējas novads": "Saulkrastu novads",
        "Inčukalna novads": "Siguldas novads",
        "Krimuldas novads": "Siguldas novads",
        "Mālpils novads": "Siguldas novads",
        "Apes novads": "Smiltenes novads",
        "Raunas novads": "Smiltenes novads",
        "Strenču novads": "Valmieras novads",
        "Rūjienas novads": "Valmieras novads",
        "Naukšēnu novads": "Valmieras novads",
        "Mazsalacas novads": "Valmieras novads",
        "Viļakas novads": "Balvu novads",
        "Viļānu novads": "Rēzeknes novads",
        "Vārkavas novads": "Preiļu novads",
        "Jēkabpils": "Jēkabpils novads",
        "Valmiera": "Valmieras novads",
    }
    for former, official in expected.items():
        assert FORMER[former] == official, former


def test_unchanged_names_not_in_former() -> None:
    for name in ("Ogres novads", "Olaines novads", "Rīga", "Jūrmala", "Limbažu novads"):
        assert name not in FORMER


def test_split_entries_are_consistent() -> None:
    for former, units in SPLIT.items():
        assert FORMER[former] == units[0]
        assert len(units) >= 2
        assert set(units) <= set(OFFICIAL)
