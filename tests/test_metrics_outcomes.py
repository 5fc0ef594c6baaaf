"""Jobs (FTE), businesses, cost per result, budget absorbed, population covered and per 1 000, counted
by hand on a small fixture.

Outcomes (recorded_on, type, fte, project, space, resident):

    O1 2019-06-01 job_created        0,5  CoLabora  colabora-lielvarde  R0001 female 1985 (34 in 2019)
    O2 2019-09-02 business_started    –   –         –                   R0002 unknown 1992 (27)
    O3 2019-11-15 job_created        1    CoLabora  kekava-library      R0003 male, no birth year
    O4 2019-12-01 job_created        0,5  –         colabora-lielvarde  R0002 (27 in 2019: under 30)
    O5 2020-03-01 job_created        0,25 CoLabora  colabora-lielvarde  –
    O6 2019-05-05 business_supported  –   CoLabora  kekava-library      –
    O7 2018-12-31 job_created        2    CoLabora  colabora-lielvarde  R0001 (outside 2019)

2019: jobs O1 + O3 + O4 = 2,0 FTE; started 1 (O2), supported 1 (O6).
2019, CoLabora only: O1 + O3 = 1,5 FTE (O4 has no project); started 0; supported 1.
2019 by gender: female 0,5 (O1), male 1 (O3), unknown 0,5 (O4: R0002 has no gender); under 30: 0,5 (O4).
2019, space colabora-lielvarde: O1 + O4 = 1,0; municipality Ķekavas novads (kekava-library): O3 = 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from loaders import Dataset, load_dataset
from metrics import Filters
from metrics.costs import BUDGET, SPENT, project_costs
from metrics.outcomes import (
    businesses,
    has_outcomes,
    jobs_created_fte,
    jobs_created_fte_by_gender,
    jobs_created_fte_under_30,
)
from metrics.population import per_thousand, population_covered, populations
from tests.helpers import PROJECT, valid_tables, write_folder

YEAR_2019 = Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31))


def outcome(oid: str, day: dt.date, kind: str, fte: float | None, project: str | None, space: str | None,
            resident: str | None) -> dict:
    return {"outcome_id": oid, "outcome_type": kind, "recorded_on": day, "fte": fte, "project_code": project,
            "space_id": space, "resident_id": resident, "description": None}


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    tables = valid_tables()
    tables["outcomes"] = [
        outcome("O1", dt.date(2019, 6, 1), "job_created", 0.5, PROJECT, "colabora-lielvarde", "R0001"),
        outcome("O2", dt.date(2019, 9, 2), "business_started", None, None, None, "R0002"),
        outcome("O3", dt.date(2019, 11, 15), "job_created", 1, PROJECT, "kekava-library", "R0003"),
        outcome("O4", dt.date(2019, 12, 1), "job_created", 0.5, None, "colabora-lielvarde", "R0002"),
        outcome("O5", dt.date(2020, 3, 1), "job_created", 0.25, PROJECT, "colabora-lielvarde", None),
        outcome("O6", dt.date(2019, 5, 5), "business_supported", None, PROJECT, "kekava-library", None),
        outcome("O7", dt.date(2018, 12, 31), "job_created", 2, PROJECT, "colabora-lielvarde", "R0001"),
    ]
    tables["municipalities"] = [
        {"municipality": "Ogres novads", "population": 55000, "population_on": dt.date(2024, 1, 1), "source": "x"},
        {"municipality": "Ķekavas novads", "population": 0, "population_on": dt.date(2024, 1, 1), "source": "x"},
    ]
    result = load_dataset(write_folder(tmp_path_factory.mktemp("outcomes"), tables))
    assert result.problems == [], result.problems
    assert result.dataset is not None
    return result.dataset


def test_jobs_in_full_time_equivalents(ds: Dataset) -> None:
    assert jobs_created_fte(ds, YEAR_2019) == 2.0  # O1 0,5 + O3 1 + O4 0,5; O7 (2018) and O5 (2020) outside
    assert jobs_created_fte(ds, Filters()) == 4.25
    assert jobs_created_fte(ds, Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31), projects=(PROJECT,))) == 1.5


def test_businesses_started_and_supported(ds: Dataset) -> None:
    assert businesses(ds, YEAR_2019) == {"business_started": 1, "business_supported": 1}
    colabora = Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31), projects=(PROJECT,))
    assert businesses(ds, colabora) == {"business_started": 0, "business_supported": 1}  # O2 has no project


def test_jobs_by_gender_and_youth_from_the_linked_resident(ds: Dataset) -> None:
    by_gender = jobs_created_fte_by_gender(ds, YEAR_2019)
    assert by_gender == {"female": 0.5, "male": 1.0, "other": 0.0, "unknown": 0.5}
    assert sum(by_gender.values()) == jobs_created_fte(ds, YEAR_2019)
    assert jobs_created_fte_under_30(ds, YEAR_2019) == 0.5  # O4: R0002, 2019 − 1992 = 27; R0003 has no birth year


def test_space_and_municipality_selections(ds: Dataset) -> None:
    assert jobs_created_fte(ds, Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31),
                                        spaces=("colabora-lielvarde",))) == 1.0
    assert jobs_created_fte(ds, Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31),
                                        venues=("colabora-lielvarde",))) == 1.0
    assert jobs_created_fte(ds, Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31),
                                        municipalities=("Ķekavas novads",))) == 1.0


def test_a_version_1_folder_has_no_outcomes(tmp_path: Path) -> None:
    tables = valid_tables()
    del tables["outcomes"], tables["municipalities"]
    plain = load_dataset(write_folder(tmp_path, tables)).dataset
    assert plain is not None and not has_outcomes(plain)
    assert jobs_created_fte(plain, YEAR_2019) == 0.0
    assert population_covered(plain, ["Ogres novads"]).population is None


def test_costs_per_result_and_budget_absorbed() -> None:
    project = pd.Series({"spent_eur": 90000.0, "budget_eur": 100000.0})
    costs = project_costs(project, participations=600, unique_participants=250, jobs_fte=1.5, events=30)
    assert costs.basis == SPENT and costs.budget_absorbed == 0.9
    assert (costs.cost_per_participation, costs.cost_per_unique_participant) == (150.0, 360.0)
    assert (costs.cost_per_job_fte, costs.cost_per_event) == (60000.0, 3000.0)


def test_costs_against_the_budget_when_nothing_is_spent_yet_and_none_for_a_zero_divisor() -> None:
    project = pd.Series({"spent_eur": float("nan"), "budget_eur": 97144.03})
    costs = project_costs(project, participations=0, unique_participants=7, jobs_fte=0.0, events=3)
    assert costs.basis == BUDGET and costs.budget_absorbed is None
    assert costs.cost_per_participation is None and costs.cost_per_job_fte is None
    assert costs.cost_per_unique_participant == 13877.72  # 97 144,03 / 7
    none = project_costs(None, participations=5, unique_participants=5, jobs_fte=1, events=1)
    assert none.basis is None and none.cost_per_event is None


def test_population_covered_and_per_thousand(ds: Dataset) -> None:
    coverage = population_covered(ds, ["Ogres novads", "Mārupes novads"])
    assert coverage.population == 55000 and coverage.missing == ("Mārupes novads",)
    assert per_thousand(110, 55000) == 2.0
    assert per_thousand(3, None) is None and per_thousand(3, 0) is None  # never against a missing population
    known = populations(ds)
    assert [per_thousand(value, known.get(name)) for name, value in
            (("Ogres novads", 55), ("Rīga", 10), ("Ķekavas novads", 1))] == [1.0, None, None]
