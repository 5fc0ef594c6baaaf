"""Generate the demo data set of the coworking dashboard (deterministic, seeded).

The demo tells the story of the public article of the LEADER local action group biedrība
"Pierīgas partnerība" about the study visits of 18 and 25 March 2019 ("Notikusi rezidentu
satikšanās un vietējās koprades telpu iepazīšana"): the opening of the coworking space
"CoLabora Lielvārde" on 18.03.2019, the first study trip (Ogres Centrālā bibliotēka,
CoLabora Lielvārde), the second trip on 25.03.2019 (koprades telpa "Dzīvoklis", Olaines novada
uzņēmējdarbības atbalsta centrs, the Mārupe local producers' shop in Bebru iela, Biznesa
vēstniecība in Tīraine, Jūrmalas biznesa inkubators) and the two projects the article names
(18-00-A019.333-000015 "CoLabora" and 23-00-U31523.0-000003). Everything else (residents,
attendance, the other events, three later spaces, desks, targets, costs, outcomes) is
SYNTHETIC, except the population of the municipalities (municipalities.csv), which are REAL
published figures with their source and date (see POPULATION and data/municipalities_SOURCE.md).

The eight tables are written exactly as Latvian Excel on Windows saves "CSV (semikolu
atdalīts)": encoding cp1257, separator ``;``, dates ``dd.mm.yyyy``, decimal comma, CRLF line
ends, fields quoted only where needed. Running the script twice gives byte-identical files.

Usage::

    python scripts/make_demo_data.py [--out DIR]     # default: the project's data/
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SEED = 2019
ROOT = Path(__file__).resolve().parents[1]
PLACES_CSV = ROOT / "geo" / "places.csv"
DEFAULT_OUT = ROOT / "data"
LAST_DAY = date(2025, 12, 31)
ENCODING = "cp1257"

# --------------------------------------------------------------------------------------------
# Projects (both named in the article; the targets are synthetic)
# --------------------------------------------------------------------------------------------
COLABORA = "18-00-A019.333-000015"
ACTIVATION = "23-00-U31523.0-000003"
PROGRAMME = "Latvijas Lauku attīstības programma 2014–2020"


@dataclass(frozen=True)
class Project:
    project_code: str
    title: str
    programme: str
    measure: str
    funder: str
    starts_on: date
    ends_on: date
    budget_eur: float | None
    target_events: int
    target_participants: int
    target_unique_participants: int
    # contract version 2 (SYNTHETIC figures, see the comments of each project)
    spent_eur: float | None = None
    target_jobs_fte: float | None = None
    target_businesses: int | None = None
    final_payment_on: date | None = None


PROJECTS: tuple[Project, ...] = (
    Project(
        COLABORA,
        "European cooperation project on coworking spaces in rural areas (CoLabora)",
        PROGRAMME,
        "19.3 Starpteritoriālā un starpvalstu sadarbība",
        "ELFLA",
        date(2018, 9, 1),
        date(2020, 12, 31),
        97144.03,
        # SYNTHETIC targets; against the generated data: events 22/30 (73 %),
        # participations 587/600 (98 %), unique participants 344/250 (138 %).
        30,
        600,
        250,
        # SYNTHETIC costs and outcome targets: 91 284,16 EUR spent of 97 144,03 (94 % absorbed),
        # final payment by the paying agency on 15.04.2021 (the project ended on 31.12.2020);
        # against OUTCOMES: jobs 2,25/3 FTE (75 %), businesses started + supported 5/4 (125 %).
        spent_eur=91284.16,
        target_jobs_fte=3.0,
        target_businesses=4,
        final_payment_on=date(2021, 4, 15),
    ),
    Project(
        ACTIVATION,
        'Biedrības "Pierīgas partnerība" darbības nodrošināšana un teritorijas aktivizēšana',
        PROGRAMME,
        "19.4 Darbības nodrošināšana un aktivizēšana",
        "ELFLA",
        date(2023, 1, 1),
        date(2025, 12, 31),
        # SYNTHETIC budget (the article does not state it); the costs paid are not yet reported
        # (spent_eur empty), so the cost per unit is shown against the budget; no final payment.
        285000.00,
        # SYNTHETIC targets; against the generated data: events 40/36 (111 %),
        # participations 1057/1200 (88 %), unique participants 642/600 (107 %);
        # against OUTCOMES: jobs 2/2,5 FTE (80 %), businesses started + supported 4/5 (80 %).
        36,
        1200,
        600,
        spent_eur=None,
        target_jobs_fte=2.5,
        target_businesses=5,
        final_payment_on=None,
    ),
)

# --------------------------------------------------------------------------------------------
# Outcomes (contract version 2, all SYNTHETIC): what the residents' work led to
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    outcome_id: str
    outcome_type: str
    recorded_on: date
    fte: float | None
    project_code: str
    space_id: str
    resident_id: str  # an id of the generated residents ("" = none); checked in make_outcomes
    description: str  # Latvian, no personal data


#: A fixed table (no random draws, so the other tables stay byte-identical). The CoLabora
#: project (01.09.2018-31.12.2020) gets 2,25 FTE of jobs (1 + 0,5 + 0,5 + 0,25) and 3 businesses
#: started (residents of CoLabora Lielvārde and "Dzīvoklis") + 2 supported (Biznesa vēstniecība,
#: Jūrmalas biznesa inkubators); the calendar year 2024 has 1,5 FTE, 1 started, 1 supported and a
#: service; three outcomes belong to no project, and some to no resident or no space.
OUTCOMES: tuple[Outcome, ...] = (
    Outcome("O-2019-001", "job_created", date(2019, 6, 1), 1.0, COLABORA, "colabora-lielvarde",
            "R0014", "Pilna laika darba vieta rezidentes uzņēmumā"),
    Outcome("O-2019-002", "business_started", date(2019, 9, 12), None, COLABORA,
            "colabora-lielvarde", "R0011", "Rezidenta dibināts mikrouzņēmums (grafiskais dizains)"),
    Outcome("O-2019-003", "business_supported", date(2019, 10, 15), None, COLABORA,
            "biznesa-vestnieciba-tiraine", "",
            "Biznesa vēstniecības konsultācijas un vieta koncepveikalā vietējam mājražotājam"),
    Outcome("O-2019-004", "business_started", date(2019, 11, 4), None, COLABORA,
            "dzivoklis-olaine", "R0015",
            'Koprades telpas "Dzīvoklis" rezidentes jaundibināts uzņēmums (tulkošanas pakalpojumi)'),
    Outcome("O-2020-001", "job_created", date(2020, 3, 1), 0.5, COLABORA, "colabora-lielvarde",
            "R0021", "Pusslodzes darba vieta rezidentu kopīgā projektā"),
    Outcome("O-2020-002", "business_started", date(2020, 5, 20), None, COLABORA,
            "colabora-lielvarde", "R0020", "Rezidentes dibināts uzņēmums (e-komercija)"),
    Outcome("O-2020-003", "job_created", date(2020, 7, 1), 0.5, COLABORA, "dzivoklis-olaine",
            "R0023", "Pusslodzes darba vieta attālinātā darba uzņēmumā"),
    Outcome("O-2020-004", "job_created", date(2020, 10, 1), 0.25, COLABORA,
            "jurmala-business-incubator", "R0019",
            "Ceturtdaļslodzes darba vieta inkubatora uzņēmumā"),
    Outcome("O-2020-005", "business_supported", date(2020, 11, 10), None, COLABORA,
            "jurmala-business-incubator", "R0027",
            "Jaunuzņēmums uzņemts Jūrmalas biznesa inkubatora atbalsta programmā"),
    Outcome("O-2020-006", "service_created", date(2020, 12, 15), None, COLABORA,
            "colabora-lielvarde", "", "Jauns pakalpojums: darba vietas noma uz vienu dienu"),
    Outcome("O-2021-001", "business_started", date(2021, 6, 14), None, "", "olaine-coworking",
            "R0044", "Rezidentes dibināts uzņēmums (grāmatvedības pakalpojumi)"),
    Outcome("O-2022-001", "job_created", date(2022, 9, 1), 1.0, "", "kekava-community-centre",
            "R0051", "Pilna laika darba vieta rezidentes uzņēmumā"),
    Outcome("O-2023-001", "business_supported", date(2023, 3, 15), None, ACTIVATION,
            "biznesa-vestnieciba-tiraine", "R0055",
            "Biznesa vēstniecības mentoru atbalsts jaunam uzņēmumam"),
    Outcome("O-2023-002", "job_created", date(2023, 10, 1), 0.5, ACTIVATION, "sigulda-coworking",
            "R0073", "Pusslodzes darba vieta rezidentes uzņēmumā"),
    Outcome("O-2024-001", "business_started", date(2024, 2, 5), None, ACTIVATION,
            "olaine-coworking", "R0079", "Rezidenta dibināts uzņēmums (IT pakalpojumi)"),
    Outcome("O-2024-002", "job_created", date(2024, 4, 1), 1.0, ACTIVATION,
            "jurmala-business-incubator", "R0102", "Pilna laika darba vieta inkubatora uzņēmumā"),
    Outcome("O-2024-003", "business_supported", date(2024, 6, 18), None, ACTIVATION,
            "jurmala-business-incubator", "R0109",
            "Jūrmalas biznesa inkubatora atbalsts rezidentes uzņēmumam"),
    Outcome("O-2024-004", "service_created", date(2024, 9, 12), None, ACTIVATION,
            "kekava-community-centre", "",
            "Jauns pakalpojums: bērnu pieskatīšana koprades telpas apmeklētājiem"),
    Outcome("O-2024-005", "job_created", date(2024, 11, 1), 0.5, "", "", "",
            "Pusslodzes darba vieta partnerības teritorijā (nav saistīta ar telpu)"),
    Outcome("O-2025-001", "business_started", date(2025, 3, 10), None, ACTIVATION,
            "dzivoklis-olaine", "R0107",
            'Koprades telpas "Dzīvoklis" rezidentes jaundibināts uzņēmums (dizains)'),
    Outcome("O-2025-002", "other", date(2025, 5, 20), None, ACTIVATION, "sigulda-coworking", "",
            "Rezidentu kopīgs projekta pieteikums LEADER atklātajam konkursam"),
    Outcome("O-2025-003", "job_created", date(2025, 9, 1), 0.5, ACTIVATION, "colabora-lielvarde",
            "R0124", "Pusslodzes darba vieta rezidenta uzņēmumā"),
)

# --------------------------------------------------------------------------------------------
# Municipalities (contract version 2): REAL published population figures, not synthetic
# --------------------------------------------------------------------------------------------

#: (municipality, population, the date the figure refers to, source, where it was read).
#: Read on 02.12.2026 with the project's page search; see data/municipalities_SOURCE.md. Each
#: figure is the one a published page states for the post-2021 municipality (Wikipedia infoboxes
#: and lists, which cite the Central Statistical Bureau's, CSP, population at the beginning of the
#: year); CSP's own interactive tables (IRS030, IRD060) gave no figures to the page search, so the
#: source names the page actually read. A year-only figure is dated 1 January of that year.
#: Municipalities the demo uses but for which no dated published figure was found are LEFT OUT
#: (Olaines, Cēsu, Jelgavas, Ropažu, Salaspils, Saulkrastu, Tukuma novads): the dashboard then
#: shows no rate for them rather than one against an invented population.
POPULATION: tuple[tuple[str, int, date, str, str], ...] = (
    ("Ogres novads", 57689, date(2024, 1, 1), "et.wikipedia.org (Vikidati), 01.01.2024",
     "https://gpedia.com/et/Ogre_piirkond"),
    ("Siguldas novads", 31469, date(2024, 1, 1), "lv.wikipedia.org, 2024",
     "https://lv.wikipedia.org/wiki/Siguldas_novads"),
    ("Jūrmala", 52154, date(2024, 1, 1), "en.wikipedia.org, 2024",
     "https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/J%C5%ABrmala"),
    ("Ķekavas novads", 31143, date(2023, 1, 1), "en.wikipedia.org, 2023",
     "http://en.wikipedia.org/wiki/%C4%B6ekava_Municipality"),
    ("Mārupes novads", 34566, date(2022, 1, 1), "de.wikipedia.org, 01.01.2022",
     "https://wikipedia.jakami.de/content/wikipedia_de_all_mini_2023-10/A/Bezirk_M%C4%81rupe"),
    ("Rīga", 591882, date(2025, 1, 1), "en.wikipedia.org, 2025",
     "https://wiki.munthe.me/content/wikipedia_en_all_maxi_2025-08/List_of_populated_places_in_Latvia"),
    ("Ādažu novads", 21134, date(2021, 1, 1), "en.wikipedia.org, 2021 (novērtējums)",
     "https://wikiclassic.com/wiki/Republican_cities_of_Latvia"),
    ("Aizkraukles novads", 29367, date(2021, 1, 1), "en.wikipedia.org, 2021 (novērtējums)",
     "https://wikiclassic.com/wiki/Republican_cities_of_Latvia"),
    ("Bauskas novads", 41755, date(2021, 1, 1), "en.wikipedia.org, 2021 (novērtējums)",
     "https://wikiclassic.com/wiki/Republican_cities_of_Latvia"),
)

# --------------------------------------------------------------------------------------------
# Spaces
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Space:
    space_id: str
    name: str
    municipality: str
    settlement: str
    address: str
    latitude: float
    longitude: float
    space_type: str
    opened_on: date | None
    desks: int | None
    operator: str
    short: str  # short label used in synthetic event titles (not written)
    usable_from: date  # first day events / residents may use it (not written)
    weight: float  # how often it hosts synthetic events (not written)


@dataclass(frozen=True)
class RealSpace:
    """A space from geo/places.csv: its id and what the CSV does not say."""

    place_name: str
    space_id: str
    name: str | None
    settlement: str
    space_type: str
    opened_on: date | None
    desks: int | None  # SYNTHETIC desk counts
    operator: str
    short: str
    usable_from: date
    weight: float


REAL_SPACES: tuple[RealSpace, ...] = (
    RealSpace("CoLabora Lielvārde", "colabora-lielvarde", None, "Lielvārde", "coworking",
              date(2019, 3, 18), 14, "", "CoLabora Lielvārde", date(2019, 3, 18), 3.0),
    RealSpace('Koprades telpa "Dzīvoklis"', "dzivoklis-olaine", None, "Olaine", "coworking",
              None, 8, "", "Dzīvoklis", date(2018, 4, 1), 2.0),
    RealSpace("Ogres Centrālā bibliotēka", "ogre-library", None, "Ogre", "library",
              None, 6, "Ogres novada pašvaldība", "Ogres Centrālā bibliotēka",
              date(2018, 1, 1), 1.5),
    RealSpace('Biznesa vēstniecība (SIA "Silja")', "biznesa-vestnieciba-tiraine",
              "Biznesa vēstniecība", "Tīraine", "coworking", None, 10, 'SIA "Silja"',
              "Biznesa vēstniecība", date(2018, 3, 1), 1.5),
    RealSpace("Mārupes vietējo mājražotāju tirdzniecības vieta un tūrisma informācijas punkts",
              "marupe-local-producers-shop", None, "Mārupe", "shop", None, None, "",
              "Mārupe, Bebru iela", date(2019, 3, 1), 0.6),
    RealSpace("Jūrmalas biznesa inkubators", "jurmala-business-incubator", None, "Jūrmala",
              "business_incubator", None, 20, "",
              "Jūrmalas biznesa inkubators", date(2018, 1, 1), 1.5),
    RealSpace("Olaines novada uzņēmējdarbības atbalsta centrs", "olaine-business-support-centre",
              None, "Olaine", "business_support_centre", None, None, "Olaines novada pašvaldība",
              "Olaines uzņēmējdarbības atbalsta centrs", date(2018, 1, 1), 1.0),
)

# Town-centre points (WGS84, well-known town coordinates rounded as in GeoNames, not buildings)
# for the SYNTHETIC spaces and for events held elsewhere. Each was checked to lie inside the
# polygon of the municipality named (geo/latvia_municipalities.geojson).
TOWN = {
    "Ķekava": ("Ķekavas novads", 56.82780, 24.23060),
    "Sigulda": ("Siguldas novads", 57.15375, 24.85953),
    "Salaspils": ("Salaspils novads", 56.86014, 24.34994),
    "Ādaži": ("Ādažu novads", 57.07500, 24.32300),
    "Rīga": ("Rīga", 56.94600, 24.10589),
    "Valmiera": ("Valmieras novads", 57.54108, 25.42751),
    "Cēsis": ("Cēsu novads", 57.31188, 25.27456),
    "Tukums": ("Tukuma novads", 56.96764, 23.15554),
}


def _synthetic_spaces(olaine: tuple[float, float]) -> list[Space]:
    """SYNTHETIC later spaces (not in the article, except that a new Olaine space was being
    prepared in March 2019). Coordinates are the town centres of real towns."""
    kekava, sigulda = TOWN["Ķekava"], TOWN["Sigulda"]
    return [
        # SYNTHETIC: "topošā Olaines koprades telpa" of the article, here opened in 2020.
        Space("olaine-coworking", "Olaines koprades telpa", "Olaines novads", "Olaine", "",
              olaine[0], olaine[1], "coworking", date(2020, 9, 10), 16,
              "Olaines novada pašvaldība", "Olaines koprades telpa", date(2020, 9, 10), 2.5),
        # SYNTHETIC
        Space("kekava-community-centre", "Ķekavas kopienas centrs ar koprades telpu",
              kekava[0], "Ķekava", "", kekava[1], kekava[2], "community_centre",
              date(2021, 10, 14), 10, "", "Ķekavas kopienas centrs", date(2021, 10, 14), 2.0),
        # SYNTHETIC
        Space("sigulda-coworking", "Siguldas koprades centrs", sigulda[0], "Sigulda", "",
              sigulda[1], sigulda[2], "coworking", date(2023, 4, 20), 12, "",
              "Siguldas koprades centrs", date(2023, 4, 20), 2.0),
    ]


def load_spaces(places_csv: Path = PLACES_CSV) -> list[Space]:
    """Real network places from geo/places.csv plus the synthetic later spaces."""
    with places_csv.open(encoding="utf-8", newline="") as fh:
        places = {row["name"]: row for row in csv.DictReader(fh)}
    spaces: list[Space] = []
    for rs in REAL_SPACES:
        row = places[rs.place_name]
        spaces.append(
            Space(rs.space_id, rs.name or rs.place_name, row["municipality"], rs.settlement,
                  row["address"], float(row["latitude"]), float(row["longitude"]),
                  rs.space_type, rs.opened_on, rs.desks, rs.operator, rs.short,
                  rs.usable_from, rs.weight)
        )
    olaine = next(s for s in spaces if s.space_id == "olaine-business-support-centre")
    spaces.extend(_synthetic_spaces((olaine.latitude, olaine.longitude)))
    return spaces


# --------------------------------------------------------------------------------------------
# People (all SYNTHETIC and pseudonymous)
# --------------------------------------------------------------------------------------------

#: home municipalities of people around each space (first = the space's own)
NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "Ogres novads": ("Ogres novads", "Salaspils novads", "Ropažu novads", "Aizkraukles novads",
                     "Rīga", "Ķekavas novads"),
    "Olaines novads": ("Olaines novads", "Mārupes novads", "Jelgavas novads", "Rīga",
                       "Ķekavas novads", "Jūrmala"),
    "Mārupes novads": ("Mārupes novads", "Rīga", "Olaines novads", "Jūrmala", "Ķekavas novads"),
    "Jūrmala": ("Jūrmala", "Rīga", "Mārupes novads", "Tukuma novads", "Olaines novads"),
    "Ķekavas novads": ("Ķekavas novads", "Rīga", "Salaspils novads", "Bauskas novads",
                       "Olaines novads"),
    "Siguldas novads": ("Siguldas novads", "Ropažu novads", "Ādažu novads", "Cēsu novads",
                        "Rīga", "Saulkrastu novads"),
}

OCCUPATIONS = (
    ("entrepreneur", 25), ("self_employed", 24), ("remote_employee", 22), ("ngo", 8),
    ("student", 6), ("job_seeker", 5), ("other", 4), ("unknown", 2), ("", 4),
)
GENDERS = (("female", 56), ("male", 37), ("other", 1), ("unknown", 2), ("", 4))

#: residents per home space: (number, founding residents on the opening day)
RESIDENT_PLAN: dict[str, tuple[int, int]] = {
    "colabora-lielvarde": (32, 6),
    "dzivoklis-olaine": (22, 0),
    "olaine-coworking": (24, 4),
    "kekava-community-centre": (19, 3),
    "sigulda-coworking": (17, 4),
    "biznesa-vestnieciba-tiraine": (14, 0),
    "jurmala-business-incubator": (18, 0),
    "ogre-library": (5, 0),
}


def pick(rng: random.Random, weighted: Sequence[tuple[str, int]]) -> str:
    values = [v for v, _ in weighted]
    weights = [w for _, w in weighted]
    return rng.choices(values, weights=weights)[0]


def rand_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def birth_year(rng: random.Random, latest: int, mean: float = 1986.0) -> int:
    year = round(rng.gauss(mean, 10.5))
    return max(1950, min(year, latest, 2005))


def home_municipality(rng: random.Random, space_muni: str) -> str:
    near = NEIGHBOURS[space_muni]
    r = rng.random()
    if r < 0.07:
        return ""
    if r < 0.62:
        return near[0]
    return rng.choice(near[1:])


@dataclass
class Resident:
    resident_id: str
    space_id: str
    joined_on: date
    left_on: date | None
    gender: str
    birth_year: int | None
    home_municipality: str
    occupation: str

    def active(self, day: date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on >= day)


def make_residents(rng: random.Random, spaces: dict[str, Space]) -> list[Resident]:
    drafts: list[tuple[date, str, Resident]] = []
    horizon = date(2025, 11, 30)
    for space_id, (count, founders) in RESIDENT_PLAN.items():
        sp = spaces[space_id]
        start = sp.usable_from
        span = (horizon - start).days
        for i in range(count):
            # founders join on the opening day; u ** 0.8 skews the others towards later
            # years, so the network grows
            offset = 0 if i < founders else int(span * rng.random() ** 0.8)
            joined = start + timedelta(days=offset)
            left: date | None = None
            incubator = sp.space_type == "business_incubator"
            if rng.random() < (0.7 if incubator else 0.33):
                months = rng.randint(12, 36) if incubator else rng.randint(3, 44)
                candidate = joined + timedelta(days=30 * months + rng.randint(0, 29))
                left = candidate if candidate <= LAST_DAY else None
            gender = pick(rng, GENDERS)
            by: int | None = None if rng.random() < 0.08 else birth_year(rng, joined.year - 18)
            res = Resident("", space_id, joined, left, gender, by,
                           home_municipality(rng, sp.municipality), pick(rng, OCCUPATIONS))
            drafts.append((joined, space_id, res))
    drafts.sort(key=lambda t: (t[0], t[1]))
    residents = []
    for n, (_, _, res) in enumerate(drafts, start=1):
        res.resident_id = f"R{n:04d}"
        residents.append(res)
    return residents


@dataclass(frozen=True)
class Guest:
    """A repeat guest (not a resident) with their own attributes."""

    person_id: str
    gender: str
    birth_year: int | None
    home_municipality: str
    popularity: float
    kind: str  # staff / speaker / visitor


def make_guests(rng: random.Random, n_visitors: int = 300) -> list[Guest]:
    guests: list[Guest] = []
    areas = sorted({m for near in NEIGHBOURS.values() for m in near})

    def one(kind: str, popularity: float) -> Guest:
        gender = pick(rng, GENDERS)
        latest = 2005 if kind == "visitor" else 1996
        by = None if rng.random() < 0.15 else birth_year(rng, latest, 1982.0)
        muni = "" if rng.random() < 0.12 else rng.choice(areas)
        return Guest(f"G{len(guests) + 1:04d}", gender, by, muni, popularity, kind)

    for _ in range(3):  # the partnership's staff: organisers of project events
        guests.append(one("staff", 1.0))
    for _ in range(15):  # trainers, experts, hosts of visited places
        guests.append(one("speaker", 1.0))
    for i in range(n_visitors):  # Zipf-like: a few come often, most once or twice
        guests.append(one("visitor", 1.0 / (1 + i) ** 0.7))
    return guests


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------


@dataclass
class Event:
    starts_on: date
    event_type: str
    title: str
    space_id: str = ""
    project_code: str = ""
    description: str = ""
    ends_on: date | None = None
    municipality: str = ""
    latitude: float | None = None
    longitude: float | None = None
    participants: int | None = None
    #: attendance list size wanted (None = no list, only the head count)
    list_size: int | None = None
    #: stops: space ids or (place_name, lat, lon)
    stops: list[str | tuple[str, float, float]] = field(default_factory=list)
    #: person ids that must be on the list (story events)
    must_attend: list[str] = field(default_factory=list)
    event_id: str = ""


TITLES: dict[str, tuple[str, ...]] = {
    "networking": (
        "Rezidentu tīklošanās vakars", "Uzņēmēju brokastis", "Kopstrādes kafija",
        "Rezidentu satikšanās", "Vietējo uzņēmēju tīklošanās", "Jauno uzņēmēju kafija",
        "Koprades telpu rezidentu tikšanās", "Attālināto darbinieku tīklošanās",
    ),
    "training": (
        "Seminārs: grāmatvedības pamati mazajiem uzņēmējiem",
        "Apmācības: digitālais mārketings", "Seminārs: LEADER projektu pieteikumu sagatavošana",
        "Apmācības: saturs sociālajiem tīkliem", "Seminārs: attālinātā darba rīki",
        "Apmācības: pārdošanas prasmes", "Seminārs: datu aizsardzība mazajā uzņēmumā",
        "Apmācības: e-komercijas pamati", "Seminārs: finansējuma iespējas lauku uzņēmējiem",
        "Apmācības: mājražotāju produktu marķēšana",
    ),
    "workshop": (
        "Darbnīca: biznesa modeļa audekls", "Darbnīca: produkta fotografēšana",
        "Ideju darbnīca: koprades telpas nākotne", "Darbnīca: zīmola veidošana",
        "Darbnīca: prezentēšanas prasmes", "Darbnīca: pakalpojumu dizains",
        "Jauniešu biznesa ideju darbnīca", "Darbnīca: sadarbības projektu idejas",
    ),
    "open_day": (
        "Atvērto durvju diena", "Kopstrādes diena", "Atvērto durvju diena uzņēmējiem",
    ),
    "conference": (
        "Pierīgas uzņēmēju forums", "Konference: koprade laukos",
        "Konference: vietējā ekonomika un kopienas",
    ),
    "other": (
        "Mājražotāju tirdziņš", "Ziemassvētku tirdziņš", "Pierīgas partnerības biedru sapulce",
        "Vasaras piknika tīklošanās",
    ),
    "study_visit": ("Pieredzes apmaiņas brauciens",),
}

#: SYNTHETIC places outside the network visited on later study trips (town centres)
TRIP_PLACES: tuple[tuple[str, str], ...] = (
    ("Valmieras uzņēmējdarbības atbalsta vietas (Valmiera)", "Valmiera"),
    ("Cēsu koprades telpas (Cēsis)", "Cēsis"),
    ("Tukuma uzņēmēju atbalsta vietas (Tukums)", "Tukums"),
)

#: events planned per year on top of the story events: (year, count)
YEAR_PLAN: tuple[tuple[int, int], ...] = (
    (2019, 16), (2020, 8), (2021, 11), (2022, 15), (2023, 18), (2024, 21), (2025, 18),
)
TYPE_WEIGHTS = (
    ("networking", 28), ("training", 23), ("workshop", 21), ("open_day", 9),
    ("study_visit", 6), ("conference", 4), ("other", 9),
)
#: venues big enough for a conference
LARGE_VENUES = ("jurmala-business-incubator", "ogre-library", "olaine-business-support-centre",
                "olaine-coworking", "sigulda-coworking")
#: no events in these periods (COVID-19 emergency situations in Latvia)
CLOSED: tuple[tuple[date, date], ...] = (
    (date(2020, 3, 12), date(2020, 6, 9)),
    (date(2020, 11, 9), date(2021, 4, 30)),
)


def story_events(spaces: dict[str, Space]) -> list[Event]:
    """The events of the article, plus a few fixed milestones (openings, conferences)."""
    lv = spaces["colabora-lielvarde"]
    riga, salaspils = TOWN["Rīga"], TOWN["Salaspils"]
    return [
        Event(date(2018, 9, 20), "other", "CoLabora projekta uzsākšanas sanāksme",
              "ogre-library", COLABORA,
              "Sadarbības projekta partneru un Pierīgas koprades telpu pārstāvju sanāksme.",
              list_size=12),
        Event(date(2018, 10, 24), "workshop", "Ideju darbnīca: kāda ir laba koprades telpa",
              "dzivoklis-olaine", COLABORA, list_size=14),
        Event(date(2018, 11, 21), "training",
              "Seminārs: kā izveidot koprades telpu laukos", "jurmala-business-incubator",
              COLABORA, list_size=18),
        Event(date(2018, 12, 12), "networking", "Koprades telpu rezidentu Ziemassvētku tikšanās",
              "biznesa-vestnieciba-tiraine", COLABORA, list_size=16),
        # --- the article: 18.03.2019, first trip and the opening of CoLabora Lielvārde ---
        Event(date(2019, 3, 18), "study_visit",
              "Pieredzes apmaiņas brauciens pa Pierīgas koprades telpām (1. brauciens)",
              "", COLABORA,
              "Pirmais pieredzes apmaiņas brauciens: koprades koncepts Ogres Centrālās "
              'bibliotēkas telpās un koprades telpas "CoLabora Lielvārde" atklāšana.',
              municipality="Ogres novads", list_size=22,
              stops=["ogre-library", "colabora-lielvarde"]),
        Event(date(2019, 3, 18), "opening", 'Koprades telpas "CoLabora Lielvārde" atklāšana',
              lv.space_id, COLABORA,
              "Koprades telpa vēra durvis un aicināja iepazīt telpu, tās rezidentus, stāstus un "
              "pieredzi.",
              list_size=38, participants=45),
        # --- the article: 25.03.2019, second trip ---
        Event(date(2019, 3, 25), "study_visit",
              "Pieredzes apmaiņas brauciens pa Pierīgas koprades telpām (2. brauciens)",
              "", COLABORA,
              'Otrais pieredzes apmaiņas brauciens: koprades telpa "Dzīvoklis", Olaines novada '
              "uzņēmējdarbības atbalsta centrs un topošā Olaines koprades telpa, Mārupes vietējo "
              "mājražotāju tirdzniecības vieta un tūrisma informācijas punkts Bebru ielā, "
              'Biznesa vēstniecība Tīrainē (SIA "Silja") un Jūrmalas biznesa inkubators.',
              list_size=32,
              stops=["dzivoklis-olaine", "olaine-business-support-centre",
                     "marupe-local-producers-shop", "biznesa-vestnieciba-tiraine",
                     "jurmala-business-incubator"]),
        Event(date(2019, 5, 18), "open_day", 'Atvērto durvju diena "CoLabora Lielvārde"',
              lv.space_id, COLABORA, participants=40),
        # --- later milestones (SYNTHETIC) ---
        Event(date(2020, 9, 10), "opening", "Olaines koprades telpas atklāšana",
              "olaine-coworking", COLABORA,
              "Atklāta Olaines koprades telpa, kuras ieceri Olaines novada uzņēmējdarbības "
              "atbalsta centrs rādīja 2019. gada pieredzes braucienā.",
              list_size=34),
        Event(date(2020, 10, 8), "conference", "CoLabora projekta noslēguma konference",
              "", COLABORA, "Projekta rezultāti un koprades telpu tīkla nākotne Pierīgā.",
              municipality=riga[0], latitude=riga[1], longitude=riga[2], participants=72),
        Event(date(2021, 10, 14), "opening", "Ķekavas kopienas centra koprades telpas atklāšana",
              "kekava-community-centre", list_size=26),
        Event(date(2023, 4, 20), "opening", "Siguldas koprades centra atklāšana",
              "sigulda-coworking", ACTIVATION, list_size=36, participants=50),
        Event(date(2023, 11, 9), "conference", "Pierīgas koprades telpu forums",
              "", ACTIVATION, "Koprades telpu, pašvaldību un uzņēmēju forums.",
              municipality=salaspils[0], latitude=salaspils[1], longitude=salaspils[2],
              list_size=64),
        Event(date(2025, 11, 20), "conference", "Pierīgas koprades tīkla konference 2025",
              "", ACTIVATION, "Tīkla pārskats: telpas, rezidenti un pasākumi 2018–2025.",
              municipality=riga[0], latitude=riga[1], longitude=riga[2], participants=90),
    ]


def is_closed(day: date) -> bool:
    return any(a <= day <= b for a, b in CLOSED)


#: (first month, last month) for seasonal titles
SEASONS = {"Vasaras": (6, 8), "Ziemassvētku": (12, 12)}
#: titles of events held on a Saturday
WEEKEND_WORDS = ("Atvērto durvju", "Kopstrādes diena", "tirdziņš", "piknik")


def event_day(rng: random.Random, year: int, title: str) -> date:
    start = date(year, 1, 10)
    end = date(year, 12, 18) if year < 2025 else date(2025, 12, 15)
    for word, (first, last) in SEASONS.items():
        if word in title:
            start, end = date(year, first, 1), min(end, date(year, last, 28))
    while True:
        day = rand_date(rng, start, end)
        if day.month in (7, 8) and rng.random() < 0.5 and "Vasaras" not in title:
            continue  # quieter summers
        if is_closed(day):
            continue
        if any(word in title for word in WEEKEND_WORDS):
            day += timedelta(days=(5 - day.weekday()) % 7)  # next Saturday
        elif day.weekday() >= 5:
            day += timedelta(days=7 - day.weekday())  # next Monday
        if day <= end and not is_closed(day):
            return day


def project_for(day: date, rng: random.Random) -> str:
    if date(2018, 9, 1) <= day <= date(2020, 12, 31):
        return COLABORA if rng.random() < 0.7 else ""
    if date(2023, 1, 1) <= day <= LAST_DAY:
        return ACTIVATION if rng.random() < 0.62 else ""
    return ""


def filler_events(rng: random.Random, spaces: dict[str, Space]) -> list[Event]:
    events: list[Event] = []
    used_titles: dict[str, list[str]] = {}
    hosts = [s for s in spaces.values()]
    for year, count in YEAR_PLAN:
        types = [pick(rng, TYPE_WEIGHTS) for _ in range(count)]
        for event_type in types:
            pool = used_titles.setdefault(event_type, [])
            if not pool:
                pool.extend(TITLES[event_type])
                rng.shuffle(pool)
            base = pool.pop()
            day = event_day(rng, year, base)
            open_hosts = _possible_hosts(hosts, event_type, day)
            host = rng.choices(open_hosts, weights=[s.weight for s in open_hosts])[0]
            ev = Event(day, event_type, f"{base} ({host.short})", host.space_id,
                       project_for(day, rng))
            if event_type == "conference" and rng.random() < 0.4:  # in a hall elsewhere
                town = rng.choice(("Salaspils", "Ādaži", "Ķekava"))
                muni, lat, lon = TOWN[town]
                ev.title = f"{base} ({town})"
                ev.space_id, ev.municipality, ev.latitude, ev.longitude = "", muni, lat, lon
            if event_type == "study_visit":
                _route(rng, ev, base, open_hosts, spaces)
            else:
                _head_count_or_list(rng, ev, base, year)
            if event_type == "training" and rng.random() < 0.2:
                ev.ends_on = day + timedelta(days=1)
            if rng.random() < 0.25 and ev.space_id:  # optional: the venue's own
                ev.municipality = spaces[ev.space_id].municipality
            events.append(ev)
    return events


def _possible_hosts(hosts: list[Space], event_type: str, day: date) -> list[Space]:
    open_hosts = [s for s in hosts if s.usable_from <= day]
    if event_type in ("other", "open_day"):
        open_hosts = [s for s in open_hosts if s.space_type != "business_support_centre"]
    if event_type == "conference":  # only the larger venues
        open_hosts = [s for s in open_hosts if s.space_id in LARGE_VENUES]
    return open_hosts


def _route(rng: random.Random, ev: Event, base: str, open_hosts: list[Space], spaces: dict[str, Space]) -> None:
    """A study visit: 2–4 spaces from west to east, often a place outside the network too."""
    n = rng.randint(2, 4)
    visited = rng.sample(open_hosts, min(n, len(open_hosts)))
    visited.sort(key=lambda s: s.longitude)  # a route from west to east
    stops: list[str | tuple[str, float, float]] = [s.space_id for s in visited]
    if rng.random() < 0.6:
        place, town = rng.choice(TRIP_PLACES)
        stops.append((place, TOWN[town][1], TOWN[town][2]))
    names = ", ".join(spaces[s].short if isinstance(s, str) else s[0].split(" (")[0] for s in stops)
    ev.title = f"{base}: {names}"
    ev.space_id = ""
    ev.stops = stops
    ev.list_size = rng.randint(14, 30)


def _head_count_or_list(rng: random.Random, ev: Event, base: str, year: int) -> None:
    """How an event other than a study visit was counted: a head count, or a sign-in list of a size."""
    event_type = ev.event_type
    if event_type == "open_day":
        ev.participants = rng.randint(18, 60)
    elif event_type == "conference":
        if rng.random() < 0.5:
            ev.participants = rng.randint(45, 110)
        else:
            ev.list_size = rng.randint(30, 48)
    elif event_type == "other" and "tirdziņš" in base:
        ev.participants = rng.randint(30, 80)
    elif rng.random() < 0.06:  # a sign-in sheet got lost: head count only
        ev.participants = rng.randint(8, 25)
    else:
        size = {"networking": (12, 28), "training": (10, 28), "workshop": (8, 20), "other": (10, 24)}[event_type]
        ev.list_size = rng.randint(*size) + (year - 2019) // 3


def assign_ids(events: list[Event]) -> list[Event]:
    events = sorted(events, key=lambda e: e.starts_on)  # stable: story order kept on a day
    per_year: dict[int, int] = {}
    for ev in events:
        n = per_year[ev.starts_on.year] = per_year.get(ev.starts_on.year, 0) + 1
        ev.event_id = f"E{ev.starts_on.year}-{n:03d}"
    return events


# --------------------------------------------------------------------------------------------
# Attendance
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attendance:
    event_id: str
    person_id: str
    gender: str
    birth_year: int | None
    home_municipality: str
    role: str


def event_area(ev: Event, spaces: dict[str, Space]) -> set[str]:
    ids = [ev.space_id] if ev.space_id else [s for s in ev.stops if isinstance(s, str)]
    return {spaces[s].municipality for s in ids} or {ev.municipality}


class _SignInSheet:
    """One event's attendance rows as a sign-in sheet holds them: each person once, details not always filled."""

    def __init__(self, rng: random.Random, ev: Event) -> None:
        self.rng, self.ev = rng, ev
        self.seen: set[str] = set()
        self.rows: list[Attendance] = []

    def add_guest(self, g: Guest, role: str) -> None:
        if g.person_id in self.seen or (g.birth_year and self.ev.starts_on.year - g.birth_year < 16):
            return
        self.seen.add(g.person_id)
        full = self.rng.random() < 0.85  # sign-in sheets are not always complete
        self.rows.append(Attendance(self.ev.event_id, g.person_id, g.gender if full else "",
                                    g.birth_year if full else None, g.home_municipality if full else "", role))

    def add_resident(self, r: Resident, role: str) -> None:
        if r.resident_id in self.seen:
            return
        self.seen.add(r.resident_id)
        roll = self.rng.random()
        ev_id = self.ev.event_id
        if roll < 0.75:  # residents.csv has the details
            self.rows.append(Attendance(ev_id, r.resident_id, "", None, "", role))
        elif roll < 0.97:
            self.rows.append(Attendance(ev_id, r.resident_id, r.gender, r.birth_year, r.home_municipality, role))
        else:  # an out-of-date sheet: residents.csv wins
            by = r.birth_year - 1 if r.birth_year and r.birth_year > 1950 else None
            self.rows.append(Attendance(ev_id, r.resident_id, r.gender, by, "", role))


@dataclass(frozen=True)
class _People:
    residents: list[Resident]
    by_id: dict[str, Resident]
    staff: list[Guest]
    speakers: list[Guest]
    visitors: list[Guest]


def make_attendance(rng: random.Random, events: list[Event], residents: list[Resident],
                    guests: list[Guest], spaces: dict[str, Space]) -> list[Attendance]:
    people = _People(residents, {r.resident_id: r for r in residents}, [g for g in guests if g.kind == "staff"],
                     [g for g in guests if g.kind == "speaker"], [g for g in guests if g.kind == "visitor"])
    rows: list[Attendance] = []
    for ev in events:
        if ev.list_size is None:
            continue
        sheet = _SignInSheet(rng, ev)
        _organisers_and_speakers(rng, ev, sheet, people)
        rows.extend(_attendees(rng, ev, sheet, people, spaces, event_area(ev, spaces)))
    return rows


def _organisers_and_speakers(rng: random.Random, ev: Event, sheet: _SignInSheet, people: _People) -> None:
    day = ev.starts_on
    if ev.project_code:
        active_staff = people.staff[:2] if day.year < 2022 else people.staff[1:]
        for g in rng.sample(active_staff, 1 if ev.list_size < 25 else 2):
            sheet.add_guest(g, "organiser")
    if ev.event_type in ("training", "conference", "workshop") or ev.stops:
        n_speakers = {"conference": rng.randint(2, 4), "training": 1}.get(ev.event_type, 0)
        if ev.event_type == "workshop" and rng.random() < 0.5:
            n_speakers = 1
        if ev.stops:
            n_speakers = min(len(ev.stops) - 1, 3)
        for g in rng.sample(people.speakers, n_speakers):
            sheet.add_guest(g, "speaker")
    for pid in ev.must_attend:
        sheet.add_resident(people.by_id[pid], "")


def _attendees(rng: random.Random, ev: Event, sheet: _SignInSheet, people: _People, spaces: dict[str, Space],
               area: set[str]) -> list[Attendance]:
    """Residents and visitors who came, anonymous lines, then the sheet as it was handed in."""
    day = ev.starts_on
    active = [r for r in people.residents if r.active(day)]
    home = [r for r in active if r.space_id == ev.space_id]
    if ev.space_id and home and rng.random() < 0.2:
        sheet.add_resident(rng.choice(home), "organiser")
    if ev.event_type == "opening":
        for _ in range(rng.randint(1, 3)):  # officials of the municipality
            sheet.add_guest(rng.choice(people.visitors[:40]), "guest")
    stop_spaces = {s for s in ev.stops if isinstance(s, str)}
    candidates = [r for r in active if rng.random() < _chance_to_come(r, ev, spaces, area, stop_spaces)]
    rng.shuffle(candidates)
    n_anon = rng.choice((0, 0, 0, 1, 1, 2, 3))
    room = max(ev.list_size - len(sheet.rows) - n_anon, 0)
    for r in candidates[: int(room * 0.65) + 1]:
        sheet.add_resident(r, "")
    weights = [g.popularity * (4.0 if g.home_municipality in area else 1.0) for g in people.visitors]
    tries = 0
    while len(sheet.rows) < ev.list_size - n_anon and tries < 500:
        tries += 1
        sheet.add_guest(rng.choices(people.visitors, weights=weights)[0], "")
    for _ in range(n_anon):
        gender = pick(rng, GENDERS)
        by = None if rng.random() < 0.5 else birth_year(rng, min(2005, day.year - 16))
        muni = "" if rng.random() < 0.5 else rng.choice(sorted(area))
        sheet.rows.append(Attendance(ev.event_id, "", gender, by, muni, ""))
    return _handed_in(rng, ev, sheet.rows)


def _chance_to_come(r: Resident, ev: Event, spaces: dict[str, Space], area: set[str], stop_spaces: set[str]) -> float:
    if r.space_id == ev.space_id or r.space_id in stop_spaces:
        return 0.55
    if spaces[r.space_id].municipality in area:
        return 0.2
    return 0.06 if not ev.stops and ev.event_type != "conference" else 0.15


def _handed_in(rng: random.Random, ev: Event, rows: list[Attendance]) -> list[Attendance]:
    """A few sheets spell the default role out; a head count is noted beside some lists."""
    if rng.random() < 0.03:
        rows = [a if a.role else Attendance(a.event_id, a.person_id, a.gender, a.birth_year, a.home_municipality,
                                            "participant") for a in rows]
    if ev.participants is None and rng.random() < 0.35:
        ev.participants = len(rows) + rng.randint(0, 8)  # some did not sign in
    elif ev.participants is not None:
        ev.participants = max(ev.participants, len(rows))
    return rows


# --------------------------------------------------------------------------------------------
# Writing CSV the way Latvian Excel does
# --------------------------------------------------------------------------------------------


def fmt(value: object, decimals: int = 5) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("no booleans in the contract")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        return f"{value:.{decimals}f}".replace(".", ",")
    return str(value)


def fmt_decimal(value: float | None) -> str:
    """A decimal with no trailing zeros, as Excel shows it: 1 -> "1", 0.25 -> "0,25"."""
    if value is None:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")


def write_table(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    count = 0
    with path.open("w", encoding=ENCODING, errors="strict", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([fmt(value) for value in row])
            count += 1
    return count


def generate(out: Path, places_csv: Path = PLACES_CSV) -> dict[str, int]:
    rng = random.Random(SEED)
    space_list = load_spaces(places_csv)
    spaces = {s.space_id: s for s in space_list}
    residents = make_residents(rng, spaces)
    guests = make_guests(rng)
    events = assign_ids(story_events(spaces) + filler_events(rng, spaces))

    # the article: residents of "Dzīvoklis" shared their ideas on the second trip, and the
    # founding residents of CoLabora Lielvārde were there at its opening
    for ev in events:
        if ev.starts_on == date(2019, 3, 25):
            ev.must_attend = [r.resident_id for r in residents
                              if r.space_id == "dzivoklis-olaine" and r.active(ev.starts_on)]
        if ev.event_type == "opening" and ev.space_id:
            ev.must_attend = [r.resident_id for r in residents
                              if r.space_id == ev.space_id and r.joined_on == ev.starts_on]
    attendance = make_attendance(rng, events, residents, guests, spaces)

    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    counts["spaces"] = write_table(
        out / "spaces.csv",
        ("space_id", "name", "municipality", "settlement", "address", "latitude", "longitude",
         "space_type", "opened_on", "closed_on", "desks", "operator", "website"),
        ((s.space_id, s.name, s.municipality, s.settlement, s.address, s.latitude, s.longitude,
          s.space_type, s.opened_on, None, s.desks, s.operator, "") for s in space_list),
    )
    counts["residents"] = write_table(
        out / "residents.csv",
        ("resident_id", "space_id", "joined_on", "left_on", "gender", "birth_year",
         "home_municipality", "occupation"),
        ((r.resident_id, r.space_id, r.joined_on, r.left_on, r.gender, r.birth_year,
          r.home_municipality, r.occupation) for r in residents),
    )
    counts["events"] = write_table(
        out / "events.csv",
        ("event_id", "title", "event_type", "starts_on", "ends_on", "space_id", "municipality",
         "latitude", "longitude", "project_code", "participants", "description"),
        ((e.event_id, e.title, e.event_type, e.starts_on, e.ends_on, e.space_id, e.municipality,
          e.latitude, e.longitude, e.project_code, e.participants, e.description)
         for e in events),
    )
    counts["attendance"] = write_table(
        out / "attendance.csv",
        ("event_id", "person_id", "gender", "birth_year", "home_municipality", "role"),
        ((a.event_id, a.person_id, a.gender, a.birth_year, a.home_municipality, a.role)
         for a in attendance),
    )
    stop_rows: list[tuple[object, ...]] = []
    for ev in events:
        for n, stop in enumerate(ev.stops, start=1):
            if isinstance(stop, str):
                stop_rows.append((ev.event_id, n, stop, "", None, None))
            else:
                stop_rows.append((ev.event_id, n, "", stop[0], stop[1], stop[2]))
    counts["event_stops"] = write_table(
        out / "event_stops.csv",
        ("event_id", "stop_no", "space_id", "place_name", "latitude", "longitude"),
        stop_rows,
    )
    counts["projects"] = write_table(
        out / "projects.csv",
        ("project_code", "title", "programme", "measure", "funder", "starts_on", "ends_on",
         "budget_eur", "target_events", "target_participants", "target_unique_participants",
         "spent_eur", "target_jobs_fte", "target_businesses", "final_payment_on"),
        ((p.project_code, p.title, p.programme, p.measure, p.funder, p.starts_on, p.ends_on,
          fmt(p.budget_eur, 2), p.target_events, p.target_participants,
          p.target_unique_participants, fmt(p.spent_eur, 2), fmt_decimal(p.target_jobs_fte),
          p.target_businesses, p.final_payment_on) for p in PROJECTS),
    )
    # contract version 2: no random draws here, so the tables above stay byte-identical
    counts["outcomes"] = write_table(
        out / "outcomes.csv",
        ("outcome_id", "outcome_type", "recorded_on", "fte", "project_code", "space_id",
         "resident_id", "description"),
        ((o.outcome_id, o.outcome_type, o.recorded_on, fmt_decimal(o.fte), o.project_code,
          o.space_id, o.resident_id, o.description) for o in make_outcomes(spaces, residents)),
    )
    counts["municipalities"] = write_table(
        out / "municipalities.csv",
        ("municipality", "population", "population_on", "source"),
        ((name, population, on, source) for name, population, on, source, _url in POPULATION),
    )
    return counts


def make_outcomes(spaces: dict[str, Space], residents: list[Resident]) -> list[Outcome]:
    """The fixed OUTCOMES, checked against the generated spaces and residents: a linked resident
    belongs to the outcome's space and is a resident on the day it is recorded."""
    by_id = {r.resident_id: r for r in residents}
    projects = {p.project_code for p in PROJECTS}
    for o in OUTCOMES:
        assert (o.fte is not None and o.fte > 0) == (o.outcome_type == "job_created"), o
        assert not o.project_code or o.project_code in projects, o
        assert not o.space_id or o.space_id in spaces, o
        if o.resident_id:
            r = by_id[o.resident_id]
            assert r.space_id == o.space_id and r.active(o.recorded_on), (o, r)
    return list(OUTCOMES)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="folder to write the eight CSV files to (default: data/)")
    args = parser.parse_args(argv)
    counts = generate(args.out)
    for table, n in counts.items():
        print(f"{table}: {n} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
