"""A small dataset for the report tests, every figure worked out by hand below.

Written as CSV (UTF-8, ``,``, ISO dates) and read back with the real loader. Project ``P``
(``PROJECT``) runs 2024-01-01 … 2024-06-30, the report's default period; ``Q`` has no dates
and no targets.

Spaces: lielvarde "CoLabora Lielvārde" (Ogres novads), kekava "Ķekavas bibliotēka"
(Ķekavas novads), olaine "Olaines atbalsta centrs" (Olaines novads).

Residents (home space, joined – left, gender, birth year, home municipality)::

    R1 lielvarde 2023-02-01 –            female 1990 Ogres novads
    R2 lielvarde 2024-03-10 –            male   1970 Ķekavas novads
    R3 kekava    2022-05-01 – 2024-06-30 (none) 2001 Olaines novads   left on the last day: still active
    R4 kekava    2024-01-01 – 2024-06-29 female 1995 Olaines novads   left the day before the end
    R5 olaine    2024-07-01 –            male   1980 Rīga             joined the day after the end

Events::

    E0 2023-12-31 networking  lielvarde P  list R1, G1                 (the day before the period)
    E1 2024-01-15 opening     lielvarde P  head count 10, list R1, R2, G1, anonymous        → 4
    E2 2024-02-20 training    kekava    P  head count 12, no list (title: every Latvian letter) → 12
    E3 2024-04-10 study_visit (no venue) P  stops kekava → olaine,
                                           list R1, G1, G2, R3, G4, G5, G3                  → 7
    E4 2024-06-30 networking  lielvarde P  list R2, G4, G5, G2, R1, anonymous               → 6
                                           (title: a spreadsheet formula)
    E5 2024-05-05 workshop    lielvarde -  head count 7                  (not the project's)
    E6 2024-07-01 conference  olaine    Q  head count 30                 (the day after the period)

Guests: G1 male 1999 Rīga; G2 female 1960 Ogres novads; G3 female 1940 (no municipality);
G4 female 1985 Ogres novads; G5 female 2000 Ķekavas novads. Ages are 2024 − birth year:
R1 34, R2 54, R3 23, G1 25, G2 64, G3 84, G4 39, G5 24.

Project P, 2024-01-01 … 2024-06-30 (E1–E4):

* events 4: opening 1, training 1, study_visit 1, networking 1, the other types 0
* participations 4 + 12 + 7 + 6 = 29
* unique participants: named R1 R2 G1 R3 G2 G4 G5 G3 = 8, anonymous rows 2, head count of
  E2 12 → 22
* by gender: female E1 R1 + E3 R1 G2 G4 G5 G3 + E4 G4 G5 G2 R1 = 10; male E1 R2 G1 + E3 G1 +
  E4 R2 = 4; other 0; unknown E1 anon + E3 R3 + E4 anon + 12 = 15 (10 + 4 + 15 = 29)
* by age band: <25 R3, G5 ×2 = 3; 25-29 G1 ×2 = 2; 30-39 R1 ×3 + G4 ×2 = 5; 40-54 R2 ×2 = 2;
  55-64 G2 ×2 = 2; 65+ G3 = 1; unknown 2 anon + 12 = 14 (sum 29)
* by home municipality: Ogres novads R1 ×3 + G2 ×2 + G4 ×2 = 7; Ķekavas novads R2 ×2 + G5 ×2
  = 4; Rīga G1 ×2 = 2; Olaines novads R3 = 1; unknown 2 anon + G3 + 12 = 15 (sum 29)
* unique participants, each with their first participation in the period (E1 R1 R2 G1 anon; E3 G2
  R3 G4 G5 G3; E4 anon; E2's 12): by gender female R1 G2 G4 G5 G3 = 5, male R2 G1 = 2, other 0,
  unknown R3 + 2 anon + 12 = 15 (sum 22); by age band <25 R3 G5 = 2, 25-29 G1 = 1, 30-39 R1 G4
  = 2, 40-54 R2 = 1, 55-64 G2 = 1, 65+ G3 = 1, unknown 14; by municipality Ogres novads R1 G2
  G4 = 3, Ķekavas novads R2 G5 = 2, Rīga G1 = 1, Olaines novads R3 = 1, unknown G3 + 2 + 12 = 15
* under 30: participations R3, G5 ×2, G1 ×2 = 5; unique R3, G5, G1 = 3
* spaces involved: lielvarde (E1, E4), kekava (E2, stop of E3), olaine (stop of E3) = 3; by space
  (events, visits, participations of its events): lielvarde 2, 0, 4 + 6 = 10; kekava 1, 1, 12;
  olaine 0, 1, 0 (E3, the study visit, has no venue: its 7 are no space's)
* residents active on 2024-06-30: R1, R2, R3 = 3; new in the period: R2, R4 = 2
* targets: events 4 / 8 = 50 %; participations 29 / 50 = 58 %; no unique-participants target

Public mode, same period: residents 3 and 2 → ``<5``; gender breakdowns merge other + unknown
(``other_or_unknown``: 15 and 15); by gender only male (4; unique 2) is small, so the smallest
other non-zero cell, female (10; unique 5), is hidden too (``≥5``); by age band five cells are
small (and the under-30 participations, 5 = <25 + 25-29, stay: both those bands are hidden);
unique by age band every band is small, and so is the unique under 30 (3); by municipality
Ķekavas novads, Rīga, Olaines novads are small (unique: Ogres novads too); in the events list only
E1 (4) is small: with lielvarde's 10 = E1 + E4 published, E4 (6), the smallest other, is hidden too.
Events, participations (29), unique participants (22) and the spaces' figures stay.

January 2024 only (E1): events 1, participations 4 and unique participants R1 R2 G1 + 1
anonymous = 4 (both ``<5`` in public mode, so the participations target's percent is hidden; so
is every cell under them, lielvarde's 4 included).

Project Q (no dates: all time): E6 only: events 1, participations 30, unique 30 (a head
count), gender/age/municipality all unknown 30, spaces involved 1 (olaine), no targets.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers import write_rows

PROJECT = "18-00-A019.333-000099"
OTHER_PROJECT = "23-00-U31523.0-000099"
PROJECT_TITLE = "Koprades tīkls Pierīgā: jauniešu un ģimeņu uzņēmējdarbība"
START, END = dt.date(2024, 1, 1), dt.date(2024, 6, 30)
#: E2's title holds every lower-case Latvian letter (and Ē)
LATVIAN_TITLE = "Ēdienu darbnīca: ķiploki, čipsi, ļoti garšīgas šūnas, ģimeņu žāvēti augļi"
LATVIAN_LETTERS = "āčēģīķļņšūž"
INJECTION = '=HYPERLINK("http://x","y")'
E3_ROUTE = "Ķekavas bibliotēka → Olaines atbalsta centrs"

OGRE, KEKAVA, OLAINE, RIGA = "Ogres novads", "Ķekavas novads", "Olaines novads", "Rīga"

TABLES: dict[str, list[list[str]]] = {
    "spaces": [
        ["space_id", "name", "municipality", "latitude", "longitude", "space_type", "opened_on"],
        ["lielvarde", "CoLabora Lielvārde", OGRE, "56.72066", "24.80743", "coworking", "2019-03-18"],
        ["kekava", "Ķekavas bibliotēka", KEKAVA, "56.8283", "24.2326", "library", ""],
        ["olaine", "Olaines atbalsta centrs", OLAINE, "56.7852", "23.9383", "business_support_centre", ""],
    ],
    "residents": [
        ["resident_id", "space_id", "joined_on", "left_on", "gender", "birth_year", "home_municipality",
         "occupation"],
        ["R1", "lielvarde", "2023-02-01", "", "female", "1990", OGRE, "entrepreneur"],
        ["R2", "lielvarde", "2024-03-10", "", "male", "1970", KEKAVA, "remote_employee"],
        ["R3", "kekava", "2022-05-01", "2024-06-30", "", "2001", OLAINE, "student"],
        ["R4", "kekava", "2024-01-01", "2024-06-29", "female", "1995", OLAINE, "ngo"],
        ["R5", "olaine", "2024-07-01", "", "male", "1980", RIGA, "other"],
    ],
    "projects": [
        ["project_code", "title", "programme", "measure", "funder", "starts_on", "ends_on", "budget_eur",
         "target_events", "target_participants", "target_unique_participants"],
        [PROJECT, PROJECT_TITLE, "Latvijas Lauku attīstības programma 2014–2020",
         "19.3 Starpteritoriālā un starpvalstu sadarbība", "ELFLA", "2024-01-01", "2024-06-30", "12345.67", "8",
         "50", ""],
        [OTHER_PROJECT, "Otrs projekts", "", "", "", "", "", "", "", "", ""],
    ],
    "events": [
        ["event_id", "title", "event_type", "starts_on", "ends_on", "space_id", "municipality", "project_code",
         "participants"],
        ["E0", "Gada noslēguma tikšanās", "networking", "2023-12-31", "", "lielvarde", "", PROJECT, ""],
        ["E1", "Koprades telpas atklāšana Lielvārdē", "opening", "2024-01-15", "", "lielvarde", "", PROJECT, "10"],
        ["E2", LATVIAN_TITLE, "training", "2024-02-20", "", "kekava", "", PROJECT, "12"],
        ["E3", "Pieredzes brauciens uz Ķekavu un Olaini", "study_visit", "2024-04-10", "2024-04-11", "", "", PROJECT,
         ""],
        ["E4", INJECTION, "networking", "2024-06-30", "", "lielvarde", "", PROJECT, ""],
        ["E5", "Darbnīca bez projekta", "workshop", "2024-05-05", "", "lielvarde", "", "", "7"],
        ["E6", "Konference", "conference", "2024-07-01", "", "olaine", "", OTHER_PROJECT, "30"],
    ],
    "attendance": [
        ["event_id", "person_id", "gender", "birth_year", "home_municipality", "role"],
        ["E0", "R1", "", "", "", ""],
        ["E0", "G1", "male", "1999", RIGA, ""],
        ["E1", "R1", "", "", "", "speaker"],
        ["E1", "R2", "", "", "", ""],
        ["E1", "G1", "male", "1999", RIGA, "guest"],
        ["E1", "", "", "", "", ""],
        ["E3", "R1", "", "", "", ""],
        ["E3", "G1", "male", "1999", RIGA, ""],
        ["E3", "G2", "female", "1960", OGRE, ""],
        ["E3", "R3", "", "", "", ""],
        ["E3", "G4", "female", "1985", OGRE, ""],
        ["E3", "G5", "female", "2000", KEKAVA, ""],
        ["E3", "G3", "female", "1940", "", ""],
        ["E4", "R2", "", "", "", ""],
        ["E4", "G4", "female", "1985", OGRE, ""],
        ["E4", "G5", "female", "2000", KEKAVA, ""],
        ["E4", "G2", "female", "1960", OGRE, ""],
        ["E4", "R1", "", "", "", "organiser"],
        ["E4", "", "", "", "", ""],
    ],
    "event_stops": [
        ["event_id", "stop_no", "space_id", "place_name", "latitude", "longitude"],
        ["E3", "1", "kekava", "", "", ""],
        ["E3", "2", "olaine", "", "", ""],
    ],
}

#: the hand-counted figures of project P over its own period (internal report)
EXPECTED = {
    "project_code": PROJECT,
    "from": "2024-01-01",
    "to": "2024-06-30",
    "events": 4,
    "events_by_type": {"opening": 1, "networking": 1, "training": 1, "workshop": 0, "study_visit": 1,
                       "conference": 0, "open_day": 0, "other": 0},
    "participations": 29,
    "unique_participants": 22,
    "participations_by_gender": {"female": 10, "male": 4, "other": 0, "unknown": 15},
    "participations_by_age_band": {"<25": 3, "25-29": 2, "30-39": 5, "40-54": 2, "55-64": 2, "65+": 1,
                                   "unknown": 14},
    "participations_by_municipality": {OGRE: 7, KEKAVA: 4, RIGA: 2, OLAINE: 1, "unknown": 15},
    "unique_participants_by_gender": {"female": 5, "male": 2, "other": 0, "unknown": 15},
    "unique_participants_by_age_band": {"<25": 2, "25-29": 1, "30-39": 2, "40-54": 1, "55-64": 1, "65+": 1,
                                        "unknown": 14},
    "unique_participants_by_municipality": {OGRE: 3, KEKAVA: 2, RIGA: 1, OLAINE: 1, "unknown": 15},
    "under_30": {"participations": 5, "unique_participants": 3},
    "spaces_involved": 3,
    "by_space": {"lielvarde": {"events": 2, "visits": 0, "participations": 10},
                 "kekava": {"events": 1, "visits": 1, "participations": 12},
                 "olaine": {"events": 0, "visits": 1, "participations": 0}},
    "residents_active_at_end": 3,
    "residents_new": 2,
    "targets": {
        "events": {"target": 8, "achieved": 4, "percent": 50.0},
        "participations": {"target": 50, "achieved": 29, "percent": 58.0},
    },
}
#: the events list of project P, oldest first: (id, participations)
EXPECTED_EVENTS = [("E1", 4), ("E2", 12), ("E3", 7), ("E4", 6)]

#: the same in public mode
EXPECTED_PUBLIC = {
    **EXPECTED,
    "residents_active_at_end": "<5",
    "residents_new": "<5",
    "participations_by_gender": {"female": "≥5", "male": "<5", "other_or_unknown": 15},
    "participations_by_age_band": {"<25": "<5", "25-29": "<5", "30-39": 5, "40-54": "<5", "55-64": "<5",
                                   "65+": "<5", "unknown": 14},
    "participations_by_municipality": {OGRE: 7, KEKAVA: "<5", RIGA: "<5", OLAINE: "<5", "unknown": 15},
    "unique_participants_by_gender": {"female": "≥5", "male": "<5", "other_or_unknown": 15},
    "unique_participants_by_age_band": {"<25": "<5", "25-29": "<5", "30-39": "<5", "40-54": "<5", "55-64": "<5",
                                        "65+": "<5", "unknown": 14},
    "unique_participants_by_municipality": {OGRE: "<5", KEKAVA: "<5", RIGA: "<5", OLAINE: "<5", "unknown": 15},
    "under_30": {"participations": 5, "unique_participants": "<5"},
}
EXPECTED_PUBLIC_EVENTS = [("E1", "<5"), ("E2", 12), ("E3", 7), ("E4", "≥5")]


def write_fixture(folder: Path) -> Path:
    """Write the tables as ``<table>.csv`` into ``folder`` (created if needed) and return it."""
    write_rows(folder, TABLES)
    return folder
