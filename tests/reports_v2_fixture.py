"""The report fixture (``tests/reports_fixture.py``) with contract version 2 data, every figure by hand.

Projects: P spent 10 000,00 of a 12 500,00 budget (absorbed 80 %), targets jobs 2 FTE and businesses
3; Q a budget of 6 000,00 and nothing spent (its costs per unit are per budget).

Outcomes (type, recorded_on, fte, project, space, resident)::

    O1  job_created        2024-02-01 1    P  lielvarde R1 (female, 1990: 34)
    O2  job_created        2024-03-15 0,5  P  kekava    R3 (no gender: unknown; 2001: 23, young)
    O3  job_created        2024-05-10 0,5  P  -         -  (no resident: unknown)
    O4  job_created        2024-07-15 1    P  lielvarde R2   after P's period
    O5  business_started   2024-04-01      P
    O6  business_supported 2024-06-30      P
    O7  business_started   2024-03-01      -               no project: the network's only
    O8  job_created        2024-01-20 0,5  -  -         R2 (male, 1970)  no project
    O9  service_created    2024-02-02      P               counted in nothing here
    O10 job_created        2024-08-01 1    Q  olaine    R5 (male, 1980)

P over 2024-01-01 … 2024-06-30: jobs 1 + 0,5 + 0,5 = 2 FTE (female 1, unknown 1; under 30 0,5);
started 1, supported 1 (2 of the target 3: 66,7 %); jobs 2 of 2: 100 %. Costs per spent 10 000:
per participation 10 000 / 29 = 344,83; per unique participant / 22 = 454,55; per FTE job / 2 =
5 000; per event / 4 = 2 500. Progress by month (Jan … Jun): events 1 2 2 3 3 4; participations
4 16 16 23 23 29; unique participants 4 16 16 21 21 22; jobs 0 1 1,5 1,5 2 2; businesses 0 0 0 1 1 2.

Q (all time): jobs 1 FTE (male); costs per budget 6 000: per participation and per unique participant
6 000 / 30 = 200, per FTE job and per event 6 000.

Municipalities: Ogres novads 55 000, Ķekavas novads 27 000, Olaines novads 19 000 (no Mārupes novads):
the territory ("Olaines novads", "Mārupes novads") covers 19 000, Mārupes novads missing.

The network's 2024 report: events E1–E6 = 6; participations 4 + 12 + 7 + 6 + 7 + 30 = 66; jobs
1 + 0,5 + 0,5 + 1 + 0,5 + 1 = 4,5 FTE (female 1, male 1 + 0,5 + 1 = 2,5, unknown 1; under 30 0,5);
started O5, O7 = 2, supported 1; projects P (4 events of 2024, 10 000 of 12 500, 80 %) and Q (1
event, budget 6 000, nothing spent).
"""

from __future__ import annotations

import copy
from pathlib import Path

from tests.helpers import write_rows
from tests.reports_fixture import KEKAVA, OGRE, OLAINE, OTHER_PROJECT, PROJECT, TABLES

TERRITORY = (OLAINE, "Mārupes novads")
TABLES_V2: dict[str, list[list[str]]] = copy.deepcopy(TABLES)
_projects = TABLES_V2["projects"]
_projects[0] += ["spent_eur", "target_jobs_fte", "target_businesses", "final_payment_on"]
_projects[1][7] = "12500"
_projects[1] += ["10000", "2", "3", ""]
_projects[2][7] = "6000"  # Q's budget
_projects[2] += ["", "", "", ""]
TABLES_V2["outcomes"] = [
    ["outcome_id", "outcome_type", "recorded_on", "fte", "project_code", "space_id", "resident_id", "description"],
    ["O1", "job_created", "2024-02-01", "1", PROJECT, "lielvarde", "R1", "Pilna slodze"],
    ["O2", "job_created", "2024-03-15", "0.5", PROJECT, "kekava", "R3", ""],
    ["O3", "job_created", "2024-05-10", "0.5", PROJECT, "", "", ""],
    ["O4", "job_created", "2024-07-15", "1", PROJECT, "lielvarde", "R2", ""],
    ["O5", "business_started", "2024-04-01", "", PROJECT, "", "", ""],
    ["O6", "business_supported", "2024-06-30", "", PROJECT, "", "", ""],
    ["O7", "business_started", "2024-03-01", "", "", "", "", ""],
    ["O8", "job_created", "2024-01-20", "0.5", "", "", "R2", ""],
    ["O9", "service_created", "2024-02-02", "", PROJECT, "", "", ""],
    ["O10", "job_created", "2024-08-01", "1", OTHER_PROJECT, "olaine", "R5", ""],
]
TABLES_V2["municipalities"] = [
    ["municipality", "population", "population_on", "source"],
    [OGRE, "55000", "2024-01-01", "CSP"],
    [KEKAVA, "27000", "2024-01-01", "CSP"],
    [OLAINE, "19000", "2024-01-01", "CSP"],
]

#: project P over its own period (internal report): the version-2 keys of the JSON
EXPECTED_V2 = {
    "jobs_created_fte": 2.0,
    "businesses_started": 1,
    "businesses_supported": 1,
    "spent_eur": 10000.0,
    "budget_absorbed": 0.8,
    "cost_basis": "spent",
    "cost_per_participation": 344.83,
    "cost_per_unique_participant": 454.55,
    "cost_per_job_fte": 5000.0,
    "cost_per_event": 2500.0,
    "jobs_created_fte_by_gender": {"female": 1.0, "male": 0.0, "other": 0.0, "unknown": 1.0},
    "jobs_created_fte_under_30": 0.5,
    "population_covered": 19000,
}
EXPECTED_V2_TARGETS = {
    "events": {"target": 8, "achieved": 4, "percent": 50.0},
    "participations": {"target": 50, "achieved": 29, "percent": 58.0},
    "jobs_fte": {"target": 2.0, "achieved": 2.0, "percent": 100.0},
    "businesses": {"target": 3, "achieved": 2, "percent": 66.7},
}
MONTHS = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"]
EXPECTED_PROGRESS = {
    "events": [1, 2, 2, 3, 3, 4],
    "participations": [4, 16, 16, 23, 23, 29],
    "unique_participants": [4, 16, 16, 21, 21, 22],
    "jobs_fte": [0, 1, 1.5, 1.5, 2, 2],
    "businesses": [0, 0, 0, 1, 1, 2],
}
#: the network's annual report of 2024
EXPECTED_NETWORK = {
    "events": 6,
    "participations": 66,
    "jobs_created_fte": 4.5,
    "businesses_started": 2,
    "businesses_supported": 1,
    "jobs_created_fte_by_gender": {"female": 1.0, "male": 2.5, "other": 0.0, "unknown": 1.0},
    "jobs_created_fte_under_30": 0.5,
    "population_covered": 19000,
    "projects": [
        {"project_code": PROJECT, "title": TABLES["projects"][1][1], "events": 4, "spent_eur": 10000.0,
         "budget_eur": 12500.0, "budget_absorbed": 0.8},
        {"project_code": OTHER_PROJECT, "title": "Otrs projekts", "events": 1, "spent_eur": None, "budget_eur": 6000.0,
         "budget_absorbed": None},
    ],
}


def write_fixture_v2(folder: Path) -> Path:
    write_rows(folder, TABLES_V2)
    return folder
