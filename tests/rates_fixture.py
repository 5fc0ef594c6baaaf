"""A small folder with a ``municipalities`` table for the per 1 000 inhabitants map, counted by hand.

``tests.helpers.valid_tables`` plus 36 anonymous participants from Ogres novads at E2019-001 (its head
count raised to the 40 listed), and populations for two municipalities, one source:

* participations by home: Ogres novads 1 + 36 = 37, Ķekavas novads 2, unknown 14 (53 in all);
* Ogres novads 2 983 inhabitants: 37 × 1000 ÷ 2 983 = 12,40… → **12,4**; Ķekavas novads 1 000:
  2 × 1000 ÷ 1 000 = **2,0** (in a public view ``<5`` → the rate ``–``); no other municipality has
  a population figure;
* active residents by home (all time): Ogres novads 1 (1 × 1000 ÷ 2 983 = 0,34 → **0,3**),
  Ķekavas novads 1 (**1,0**), both ``<5`` in public.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.helpers import Tables, valid_tables, write_folder

OGRE, KEKAVA = "Ogres novads", "Ķekavas novads"
SOURCE = "CSP, 01.01.2024"


def rate_tables(*, municipalities: bool = True, outcomes: bool = True) -> Tables:
    tables = valid_tables()
    tables["events"][0]["participants"] = 40
    tables["attendance"] += [
        {"event_id": "E2019-001", "person_id": None, "gender": None, "birth_year": None,
         "home_municipality": OGRE, "role": None}
        for _ in range(36)
    ]
    tables["municipalities"] = [
        {"municipality": OGRE, "population": 2983, "population_on": dt.date(2024, 1, 1), "source": SOURCE},
        {"municipality": KEKAVA, "population": 1000, "population_on": dt.date(2024, 1, 1), "source": SOURCE},
    ]
    if not municipalities:
        del tables["municipalities"]
    if not outcomes:
        del tables["outcomes"]
    return tables


def write_rate_folder(tmp_path: Path, *, municipalities: bool = True, outcomes: bool = True) -> Path:
    return write_folder(tmp_path, rate_tables(municipalities=municipalities, outcomes=outcomes))
