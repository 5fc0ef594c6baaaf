"""Unique participants by gender, age band and home municipality, and the youth figures, counted by hand.

The contract's rule: each person once, with the fields of their first participation in scope
(events by ``starts_on``, then ``event_id``; residents.csv wins for residents); each anonymous row
is one person; head counts without a list are ``unknown``.

Fixture (one space in Ogres novads; period 2024)::

    E4 2023-12-31 list G2 male 1994 Ogres novads            (before the period)
    E2 2024-02-01 head count 7, no list                      → 7 people of unknown gender, age, home
    E1 2024-03-01 list R1 (the row says male 1970 Rīga; residents.csv: female 1990 Ogres novads),
                       G1 female 2000 Ķekavas novads, anonymous male 1995 Rīga, anonymous (nothing)
    E0 2024-05-10 list G2 male 1994 Salaspils novads          (same day as E3: E0 comes first)
    E3 2024-05-10 list G1 female 2000 Rīga (moved), R1, G2 male 1994 Ogres novads, anonymous female 2010

Participations 7 + 4 + 1 + 4 = 16. Unique: R1, G1, G2, 3 anonymous, 7 = 13. Ages (2024 − birth):
R1 34, G1 24, G2 30, the anonymous 29, unknown, 14.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

import metrics
from loaders import Dataset, load_dataset
from reports import assemble_report
from reports.json_export import build_json
from tests.helpers import write_rows

OGRE, KEKAVA, RIGA, SALASPILS = "Ogres novads", "Ķekavas novads", "Rīga", "Salaspils novads"
PROJECT = "P-1"
YEAR = metrics.Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))

TABLES = {
    "spaces": [["space_id", "name", "municipality", "latitude", "longitude", "space_type"],
               ["s1", "Ogres telpa", OGRE, "56.8162", "24.61401", "coworking"]],
    "residents": [["resident_id", "space_id", "joined_on", "gender", "birth_year", "home_municipality"],
                  ["R1", "s1", "2023-01-01", "female", "1990", OGRE]],
    "projects": [["project_code", "title", "starts_on", "ends_on"], [PROJECT, "Projekts", "2024-01-01", "2024-12-31"]],
    "events": [["event_id", "title", "event_type", "starts_on", "space_id", "project_code", "participants"],
               ["E4", "Pirms perioda", "networking", "2023-12-31", "s1", PROJECT, ""],
               ["E2", "Seminārs", "training", "2024-02-01", "s1", PROJECT, "7"],
               ["E1", "Atklāšana", "opening", "2024-03-01", "s1", PROJECT, ""],
               ["E0", "Rīta kafija", "networking", "2024-05-10", "s1", PROJECT, ""],
               ["E3", "Darbnīca", "workshop", "2024-05-10", "s1", PROJECT, ""]],
    "attendance": [["event_id", "person_id", "gender", "birth_year", "home_municipality"],
                   ["E4", "G2", "male", "1994", OGRE],
                   ["E1", "R1", "male", "1970", RIGA],
                   ["E1", "G1", "female", "2000", KEKAVA],
                   ["E1", "", "male", "1995", RIGA],
                   ["E1", "", "", "", ""],
                   ["E0", "G2", "male", "1994", SALASPILS],
                   ["E3", "G1", "female", "2000", RIGA],
                   ["E3", "R1", "", "", ""],
                   ["E3", "G2", "male", "1994", OGRE],
                   ["E3", "", "female", "2010", ""]],
}


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    folder = tmp_path_factory.mktemp("people") / "data"
    write_rows(folder, TABLES)
    result = load_dataset(folder)
    assert result.ok, [p.message("en") for p in result.problems]
    return result.dataset


def test_totals(ds: Dataset) -> None:
    assert metrics.participations(ds, YEAR) == 16
    assert metrics.unique_participants(ds, YEAR) == 13


def test_unique_participants_by_gender(ds: Dataset) -> None:
    # R1 female (residents.csv, not the row's "male"), G1 female, G2 male, anonymous male, unknown and
    # female, 7 unknown
    assert metrics.unique_participants_by_gender(ds, YEAR).to_dict() == {
        "female": 3, "male": 2, "other": 0, "unknown": 8}
    # participations count every row: female R1 ×2, G1 ×2, the anonymous woman; male the anonymous man, G2 ×2
    assert metrics.participations_by_gender(ds, YEAR).to_dict() == {"female": 5, "male": 3, "other": 0, "unknown": 8}


def test_unique_participants_by_age_band(ds: Dataset) -> None:
    # <25: G1 (24), the anonymous 14-year-old; 25-29: the anonymous man (29); 30-39: R1 (34), G2 (30)
    assert metrics.unique_participants_by_age_band(ds, YEAR).to_dict() == {
        "<25": 2, "25-29": 1, "30-39": 2, "40-54": 0, "55-64": 0, "65+": 0, "unknown": 8}


def test_unique_participants_by_municipality_takes_the_first_participation(ds: Dataset) -> None:
    # G1 first came from Ķekava (E1), later from Rīga; G2's first in the period is E0 (Salaspils), which
    # comes before E3 on the same day by its id; E4 (Ogre) is before the period
    assert metrics.unique_participants_by_municipality(ds, YEAR).to_dict() == {
        KEKAVA: 1, OGRE: 1, RIGA: 1, SALASPILS: 1, "unknown": 9}
    # without E1, G1's first participation is E3, from Rīga
    spring = metrics.Filters(dt.date(2024, 4, 1), dt.date(2024, 12, 31))
    assert metrics.unique_participants_by_municipality(ds, spring).to_dict() == {
        RIGA: 1, OGRE: 1, SALASPILS: 1, "unknown": 1}


def test_every_unique_breakdown_sums_to_unique_participants(ds: Dataset) -> None:
    for period in (YEAR, metrics.Filters(dt.date(2024, 4, 1), dt.date(2024, 12, 31)), metrics.Filters()):
        unique = metrics.unique_participants(ds, period)
        for breakdown in (metrics.unique_participants_by_gender, metrics.unique_participants_by_age_band,
                          metrics.unique_participants_by_municipality):
            assert int(breakdown(ds, period).sum()) == unique


def test_under_30(ds: Dataset) -> None:
    # unique: G1 (24), the anonymous 29 and 14; G2 is 30. Participations: G1 twice, the two anonymous rows
    assert metrics.under_30(ds, YEAR) == {"participations": 4, "unique_participants": 3}
    # all time: G2 first came on 2023-12-31, aged 29 that year
    assert metrics.under_30(ds, metrics.Filters())["unique_participants"] == 4


def test_the_report_json_has_the_same_figures(ds: Dataset) -> None:
    data = json.loads(build_json(assemble_report(ds, PROJECT)))
    assert data["unique_participants"] == 13
    assert data["unique_participants_by_gender"] == {"female": 3, "male": 2, "other": 0, "unknown": 8}
    assert data["unique_participants_by_age_band"]["<25"] == 2
    assert data["unique_participants_by_municipality"] == {KEKAVA: 1, OGRE: 1, RIGA: 1, SALASPILS: 1, "unknown": 9}
    assert data["under_30"] == {"participations": 4, "unique_participants": 3}


def test_the_public_report_merges_other_and_unknown(ds: Dataset) -> None:
    data = json.loads(build_json(assemble_report(ds, PROJECT, public=True)))
    # female 3 and male 2 are small; other or unknown 8 is shown: with the total 13 published, the two
    # hidden cells add up to 5 and neither can be worked out
    assert data["unique_participants_by_gender"] == {"female": "<5", "male": "<5", "other_or_unknown": 8}
    assert data["under_30"] == {"participations": "<5", "unique_participants": "<5"}


