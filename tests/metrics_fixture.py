"""A tiny dataset for the metrics tests, small enough to count every figure by hand.

Written as CSV files (UTF-8, ``,``, ISO dates) and read back with the real loader, so the
tests see exactly the frames the dashboard sees. The reference period is the first half of
2024 (``PERIOD_START`` … ``PERIOD_END``); the hand computations live next to the expected
numbers in ``tests/test_metrics.py``.

Spaces (4, in 2 municipalities)::

    alpha  Alfa koprade       Ogres novads    opened 2019-03-18
    beta   Beta bibliotēka    Ogres novads    no dates
    gamma  Gamma centrs       Ķekavas novads  opened 2020-01-01
    delta  Delta inkubators   Ķekavas novads  opened 2020-05-01, closed 2023-12-31

Residents (5)::

    R1 alpha  joined 2023-05-10            female 1990 Ogres novads    entrepreneur
    R2 alpha  joined 2024-06-30 (= end)    male   2000 Ķekavas novads  student
    R3 beta   joined 2022-01-15, left 2024-06-30 (= end)  (unknown) 1960 (none) remote_employee
    R4 gamma  joined 2021-09-01, left 2024-06-29 (day before end)  female 1985 Ķekavas novads self_employed
    R5 gamma  joined 2024-02-01            other  1999 Ogres novads    ngo

Events (7; E1…E5 are in the period)::

    E0 2023-12-31 networking  alpha  PRJ-A  list: R1, G2                      (day before; ends 2024-01-02)
    E1 2024-01-01 opening     alpha  PRJ-A  head count 5, list: R1, G1, -, R3  (first day)
    E2 2024-02-14 training    beta   PRJ-B  head count 12, no list
    E3 2024-03-05 workshop    alpha  -      neither list nor head count
    E4 2024-04-20 study_visit (none) PRJ-A  stops beta → gamma, list: G1, R4, -, G2, R5
    E5 2024-06-30 networking  alpha  PRJ-B  list: R2, G3, R1                  (last day; ends 2024-07-01)
    E6 2024-07-01 conference  alpha  PRJ-B  head count 40, no list             (day after the period)

Attendance (14 rows, 2 anonymous). R1's row at E1 says male / 1970 / Ķekavas novads, but
residents.csv (female / 1990 / Ogres novads) wins. Guests: G1 male 1995 Ķekavas novads
(E1, E4), G2 female 2004 Rīga (E0, E4), G3 female 1950 Rīga (E5).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

PERIOD_START = dt.date(2024, 1, 1)
PERIOD_END = dt.date(2024, 6, 30)

OGRE = "Ogres novads"
KEKAVA = "Ķekavas novads"
RIGA = "Rīga"

PRJ_A = "PRJ-A"
PRJ_B = "PRJ-B"

SPACE_NAMES = {
    "alpha": "Alfa koprade",
    "beta": "Beta bibliotēka",
    "gamma": "Gamma centrs",
    "delta": "Delta inkubators",
}

TABLES: dict[str, list[list[str]]] = {
    "spaces": [
        ["space_id", "name", "municipality", "latitude", "longitude", "space_type", "opened_on", "closed_on",
         "desks"],
        ["alpha", "Alfa koprade", OGRE, "56.72066", "24.80743", "coworking", "2019-03-18", "", "10"],
        ["beta", "Beta bibliotēka", OGRE, "56.8162", "24.61401", "library", "", "", "4"],
        ["gamma", "Gamma centrs", KEKAVA, "56.8283", "24.2326", "community_centre", "2020-01-01", "", ""],
        ["delta", "Delta inkubators", KEKAVA, "56.83", "24.24", "business_incubator", "2020-05-01", "2023-12-31",
         "6"],
    ],
    "residents": [
        ["resident_id", "space_id", "joined_on", "left_on", "gender", "birth_year", "home_municipality",
         "occupation"],
        ["R1", "alpha", "2023-05-10", "", "female", "1990", OGRE, "entrepreneur"],
        ["R2", "alpha", "2024-06-30", "", "male", "2000", KEKAVA, "student"],
        ["R3", "beta", "2022-01-15", "2024-06-30", "", "1960", "", "remote_employee"],
        ["R4", "gamma", "2021-09-01", "2024-06-29", "female", "1985", KEKAVA, "self_employed"],
        ["R5", "gamma", "2024-02-01", "", "other", "1999", OGRE, "ngo"],
    ],
    "projects": [
        ["project_code", "title"],
        [PRJ_A, "Projekts A"],
        [PRJ_B, "Projekts B"],
    ],
    "events": [
        ["event_id", "title", "event_type", "starts_on", "ends_on", "space_id", "municipality", "project_code",
         "participants"],
        ["E0", "Gada noslēgums", "networking", "2023-12-31", "2024-01-02", "alpha", "", PRJ_A, ""],
        ["E1", "Atklāšana", "opening", "2024-01-01", "", "alpha", "", PRJ_A, "5"],
        ["E2", "Seminārs", "training", "2024-02-14", "", "beta", "", PRJ_B, "12"],
        ["E3", "Darbnīca", "workshop", "2024-03-05", "", "alpha", "", "", ""],
        ["E4", "Pieredzes brauciens", "study_visit", "2024-04-20", "2024-04-21", "", "", PRJ_A, ""],
        ["E5", "Vasaras tikšanās", "networking", "2024-06-30", "2024-07-01", "alpha", "", PRJ_B, ""],
        ["E6", "Konference", "conference", "2024-07-01", "", "alpha", "", PRJ_B, "40"],
    ],
    "attendance": [
        ["event_id", "person_id", "gender", "birth_year", "home_municipality", "role"],
        ["E0", "R1", "", "", "", ""],
        ["E0", "G2", "female", "2004", RIGA, ""],
        ["E1", "R1", "male", "1970", KEKAVA, "speaker"],
        ["E1", "G1", "male", "1995", KEKAVA, "guest"],
        ["E1", "", "", "", "", ""],
        ["E1", "R3", "", "", "", "organiser"],
        ["E4", "G1", "male", "1995", KEKAVA, ""],
        ["E4", "R4", "", "", "", ""],
        ["E4", "", "", "", "", ""],
        ["E4", "G2", "female", "2004", RIGA, ""],
        ["E4", "R5", "", "", "", "participant"],
        ["E5", "R2", "", "", "", ""],
        ["E5", "G3", "female", "1950", RIGA, "guest"],
        ["E5", "R1", "", "", "", ""],
    ],
    "event_stops": [
        ["event_id", "stop_no", "space_id", "place_name", "latitude", "longitude"],
        ["E4", "1", "beta", "", "", ""],
        ["E4", "2", "gamma", "", "", ""],
    ],
}


def write_fixture(folder: Path, *, without: tuple[str, ...] = ()) -> Path:
    """Write the tables as ``<table>.csv`` into ``folder`` (created if needed) and return it.

    ``without`` names optional tables to leave out (without ``projects`` the events' project
    codes are left empty, as the foreign key demands).
    """
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in TABLES.items():
        if table in without:
            continue
        if table == "events" and "projects" in without:
            column = rows[0].index("project_code")
            rows = [rows[0]] + [[*row[:column], "", *row[column + 1:]] for row in rows[1:]]
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    return folder
