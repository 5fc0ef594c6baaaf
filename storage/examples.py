"""One example row per table, consistent across tables (the event's venue is the example space,
its project the example project...), so a folder of filled-in templates loads without errors."""

from __future__ import annotations

import datetime as dt

Value = str | int | float | dt.date | None

EXAMPLE_ROWS: dict[str, dict[str, Value]] = {
    "spaces": {
        "space_id": "colabora-lielvarde",
        "name": "CoLabora Lielvārde",
        "municipality": "Ogres novads",
        "settlement": "Lielvārde",
        "address": "Parka iela 1",
        "latitude": 56.72066,
        "longitude": 24.80743,
        "space_type": "coworking",
        "opened_on": dt.date(2019, 3, 18),
        "closed_on": None,
        "desks": 14,
        "operator": "Ogres novada pašvaldība",
        "website": "https://example.lv/colabora",
    },
    "residents": {
        "resident_id": "R0001",
        "space_id": "colabora-lielvarde",
        "joined_on": dt.date(2019, 4, 1),
        "left_on": None,
        "gender": "female",
        "birth_year": 1990,
        "home_municipality": "Ogres novads",
        "occupation": "remote_employee",
    },
    "events": {
        "event_id": "E2019-001",
        "title": "Koprades telpas atklāšana",
        "event_type": "opening",
        "starts_on": dt.date(2019, 3, 18),
        "ends_on": None,
        "space_id": "colabora-lielvarde",
        "municipality": None,
        "latitude": None,
        "longitude": None,
        "project_code": "18-00-A019.333-000015",
        "participants": 25,
        "description": "Atklāšanas pasākums ar ekskursiju pa telpām",
    },
    "attendance": {
        "event_id": "E2019-001",
        "person_id": "R0001",
        "gender": None,
        "birth_year": None,
        "home_municipality": None,
        "role": "participant",
    },
    "event_stops": {
        "event_id": "E2019-001",
        "stop_no": 1,
        "space_id": "colabora-lielvarde",
        "place_name": None,
        "latitude": None,
        "longitude": None,
    },
    "projects": {
        "project_code": "18-00-A019.333-000015",
        "title": "Sadarbības projekts par koprades telpām laukos (CoLabora)",
        "programme": "Latvijas Lauku attīstības programma 2014–2020",
        "measure": "19.3 Starpteritoriālā un starpvalstu sadarbība",
        "funder": "ELFLA",
        "starts_on": dt.date(2018, 9, 1),
        "ends_on": dt.date(2020, 12, 31),
        "budget_eur": 97144.03,
        "target_events": 30,
        "target_participants": 600,
        "target_unique_participants": 250,
    },
}
