"""The data contract (``shared/spec/data-contract.md``) as data.

One :class:`TableSpec` per table lists its columns with their type and whether they are
required. Parsing, the pandera schemas, the templates and the documentation are all derived
from these declarations, so a column is declared exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """Column types of the contract."""

    ID = "id"
    TEXT = "text"
    INT = "int"
    DECIMAL = "decimal"
    DATE = "date"
    ENUM = "enum"


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    kind: Kind
    required: bool = False
    #: allowed codes for ``Kind.ENUM`` (stored lower-case)
    values: tuple[str, ...] = ()
    #: code an empty enum cell stands for (``gender`` empty = ``unknown``)
    default: str | None = None
    #: the table this column must reference (foreign key)
    references: str | None = None
    #: lower bound for numbers (inclusive)
    minimum: float | None = None


@dataclass(frozen=True)
class TableSpec:
    name: str
    required: bool
    columns: tuple[ColumnSpec, ...]
    #: the column that identifies a row (unique), if any
    id_column: str | None = None
    #: (earlier, later) date columns where later must not be before earlier
    date_order: tuple[tuple[str, str], ...] = ()
    #: (latitude, longitude) column pairs
    coordinates: tuple[tuple[str, str], ...] = field(default=())

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> ColumnSpec:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


SPACE_TYPES = (
    "coworking",
    "library",
    "business_incubator",
    "business_support_centre",
    "community_centre",
    "shop",
    "other",
)
GENDERS = ("female", "male", "other", "unknown")
OCCUPATIONS = (
    "entrepreneur",
    "self_employed",
    "remote_employee",
    "ngo",
    "student",
    "job_seeker",
    "other",
    "unknown",
)
EVENT_TYPES = (
    "opening",
    "networking",
    "training",
    "workshop",
    "study_visit",
    "conference",
    "open_day",
    "other",
)
ROLES = ("participant", "speaker", "organiser", "guest")

#: Latvian words staff type for gender, mapped to the contract's codes.
GENDER_SYNONYMS = {
    "sieviete": "female",
    "s": "female",
    "vīrietis": "male",
    "v": "male",
    "cits": "other",
    "nezināms": "unknown",
    "nav norādīts": "unknown",
}

LATITUDE_RANGE = (55.6, 58.1)
LONGITUDE_RANGE = (20.9, 28.3)
MIN_BIRTH_YEAR = 1900

_C = ColumnSpec

SPACES = TableSpec(
    name="spaces",
    required=True,
    id_column="space_id",
    date_order=(("opened_on", "closed_on"),),
    coordinates=(("latitude", "longitude"),),
    columns=(
        _C("space_id", Kind.ID, required=True),
        _C("name", Kind.TEXT, required=True),
        _C("municipality", Kind.TEXT, required=True),
        _C("settlement", Kind.TEXT),
        _C("address", Kind.TEXT),
        _C("latitude", Kind.DECIMAL, required=True),
        _C("longitude", Kind.DECIMAL, required=True),
        _C("space_type", Kind.ENUM, required=True, values=SPACE_TYPES),
        _C("opened_on", Kind.DATE),
        _C("closed_on", Kind.DATE),
        _C("desks", Kind.INT, minimum=0),
        _C("operator", Kind.TEXT),
        _C("website", Kind.TEXT),
    ),
)

RESIDENTS = TableSpec(
    name="residents",
    required=True,
    id_column="resident_id",
    date_order=(("joined_on", "left_on"),),
    columns=(
        _C("resident_id", Kind.ID, required=True),
        _C("space_id", Kind.TEXT, required=True, references="spaces"),
        _C("joined_on", Kind.DATE, required=True),
        _C("left_on", Kind.DATE),
        _C("gender", Kind.ENUM, values=GENDERS, default="unknown"),
        _C("birth_year", Kind.INT),
        _C("home_municipality", Kind.TEXT),
        _C("occupation", Kind.ENUM, values=OCCUPATIONS, default="unknown"),
    ),
)

EVENTS = TableSpec(
    name="events",
    required=True,
    id_column="event_id",
    date_order=(("starts_on", "ends_on"),),
    coordinates=(("latitude", "longitude"),),
    columns=(
        _C("event_id", Kind.ID, required=True),
        _C("title", Kind.TEXT, required=True),
        _C("event_type", Kind.ENUM, required=True, values=EVENT_TYPES),
        _C("starts_on", Kind.DATE, required=True),
        _C("ends_on", Kind.DATE),
        _C("space_id", Kind.TEXT, references="spaces"),
        _C("municipality", Kind.TEXT),
        _C("latitude", Kind.DECIMAL),
        _C("longitude", Kind.DECIMAL),
        _C("project_code", Kind.TEXT, references="projects"),
        _C("participants", Kind.INT, minimum=0),
        _C("description", Kind.TEXT),
    ),
)

ATTENDANCE = TableSpec(
    name="attendance",
    required=False,
    columns=(
        _C("event_id", Kind.TEXT, required=True, references="events"),
        _C("person_id", Kind.TEXT),
        _C("gender", Kind.ENUM, values=GENDERS, default="unknown"),
        _C("birth_year", Kind.INT),
        _C("home_municipality", Kind.TEXT),
        _C("role", Kind.ENUM, values=ROLES, default="participant"),
    ),
)

EVENT_STOPS = TableSpec(
    name="event_stops",
    required=False,
    coordinates=(("latitude", "longitude"),),
    columns=(
        _C("event_id", Kind.TEXT, required=True, references="events"),
        _C("stop_no", Kind.INT, required=True, minimum=1),
        _C("space_id", Kind.TEXT, references="spaces"),
        _C("place_name", Kind.TEXT),
        _C("latitude", Kind.DECIMAL),
        _C("longitude", Kind.DECIMAL),
    ),
)

PROJECTS = TableSpec(
    name="projects",
    required=False,
    id_column="project_code",
    date_order=(("starts_on", "ends_on"),),
    columns=(
        _C("project_code", Kind.ID, required=True),
        _C("title", Kind.TEXT, required=True),
        _C("programme", Kind.TEXT),
        _C("measure", Kind.TEXT),
        _C("funder", Kind.TEXT),
        _C("starts_on", Kind.DATE),
        _C("ends_on", Kind.DATE),
        _C("budget_eur", Kind.DECIMAL, minimum=0),
        _C("target_events", Kind.INT, minimum=0),
        _C("target_participants", Kind.INT, minimum=0),
        _C("target_unique_participants", Kind.INT, minimum=0),
        # version 2
        _C("spent_eur", Kind.DECIMAL, minimum=0),
        _C("target_jobs_fte", Kind.DECIMAL, minimum=0),
        _C("target_businesses", Kind.INT, minimum=0),
        _C("final_payment_on", Kind.DATE),
    ),
)

OUTCOME_TYPES = ("job_created", "business_started", "business_supported", "service_created", "other")

OUTCOMES = TableSpec(
    name="outcomes",
    required=False,
    id_column="outcome_id",
    columns=(
        _C("outcome_id", Kind.ID, required=True),
        _C("outcome_type", Kind.ENUM, required=True, values=OUTCOME_TYPES),
        _C("recorded_on", Kind.DATE, required=True),
        _C("fte", Kind.DECIMAL, minimum=0),
        _C("project_code", Kind.TEXT, references="projects"),
        _C("space_id", Kind.TEXT, references="spaces"),
        _C("resident_id", Kind.TEXT, references="residents"),
        _C("description", Kind.TEXT),
    ),
)

MUNICIPALITIES = TableSpec(
    name="municipalities",
    required=False,
    id_column="municipality",
    columns=(
        _C("municipality", Kind.TEXT, required=True),
        _C("population", Kind.INT, required=True, minimum=0),
        _C("population_on", Kind.DATE, required=True),
        _C("source", Kind.TEXT),
    ),
)

#: All tables in the order they are read and reported.
TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (SPACES, RESIDENTS, EVENTS, ATTENDANCE, EVENT_STOPS, PROJECTS, OUTCOMES, MUNICIPALITIES)
}

#: Columns holding municipality names (checked against the official list).
MUNICIPALITY_COLUMNS: dict[str, tuple[str, ...]] = {
    "spaces": ("municipality",),
    "residents": ("home_municipality",),
    "events": ("municipality",),
    "attendance": ("home_municipality",),
    "municipalities": ("municipality",),
}
