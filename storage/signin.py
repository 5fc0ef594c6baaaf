"""A sign-in list becomes pseudonymous attendance rows of one event.

1. :func:`guess_columns` (or the columns remembered for the list's header, :func:`remembered_columns`)
   says which column holds the name (or first name and surname), gender, birth year, municipality;
2. :func:`people_of` reads each row's details (``S`` / ``V`` / ``sieviete`` …, ``1985``, ``Ogre`` →
   ``Ogres novads``) and lists what it could not read, at its row;
3. :func:`near_duplicates` finds names in the list that are one person's however typed (case,
   diacritics, spaces): staff decide whether each is one person or namesakes;
4. :func:`pseudonymise` turns the names into keyed ids (:mod:`storage.pseudonyms`) and gives the
   attendance rows and the counts ("24 people, 3 new"): from there on no name exists;
5. :func:`attendance_after` puts the rows into the attendance table (replacing or adding to the
   event's list), for the usual checked save.

Names live only in the :class:`SheetPerson` objects of one script run; nothing here writes, logs or
caches them. The remembered column layouts hold header texts and positions only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from loaders.checks import fold, match_municipality
from loaders.contract import MIN_BIRTH_YEAR
from loaders.problems import Problem, warning
from loaders.signin import TABLE, SigninList
from storage.pseudonyms import KeyChain, normalise_name

log = logging.getLogger(__name__)

LAYOUTS_FILE = "signin_columns.json"
LAYOUTS_VERSION = 1
#: at most this many layouts are remembered (the most recent)
MAX_LAYOUTS = 50

ROLES = ("name", "first_name", "surname", "gender", "birth_year", "municipality")

#: header words (folded) that name each column: exact, or (for longer words) inside the header
_FULL_NAME_WORDS = ("vards, uzvards", "vards uzvards", "vards un uzvards", "name and surname", "name, surname",
                    "full name", "dalibnieks", "dalibnieka vards", "participant")
_SURNAME_WORDS = ("uzvards", "surname", "last name", "family name")
_FIRST_NAME_WORDS = ("vards", "first name", "given name", "name")
_DETAIL_WORDS: dict[str, tuple[str, ...]] = {
    "gender": ("dzimums", "gender", "sex"),
    "birth_year": ("dzimsanas gads", "dz. gads", "dz.gads", "year of birth", "birth year", "gads", "born"),
    "municipality": ("dzivesvietas pasvaldiba", "pasvaldiba", "novads", "dzivesvieta", "home municipality",
                     "municipality", "residence"),
}

#: what people write for gender on a sheet (folded) → the contract's code
GENDER_WORDS = {
    "s": "female", "sieviete": "female", "siev": "female", "f": "female", "female": "female", "woman": "female",
    "v": "male", "virietis": "male", "vir": "male", "m": "male", "male": "male", "man": "male",
    "cits": "other", "cits dzimums": "other", "other": "other",
    "nezinams": "unknown", "nav noradits": "unknown", "unknown": "unknown", "-": "unknown",
}
_YEAR = re.compile(r"^(\d{4})\.?$")


@dataclass(frozen=True)
class ColumnMap:
    """Positions of the list's columns (``None``: not in the list). A name is ``name``, or
    ``first_name`` and ``surname`` joined."""

    name: int | None = None
    first_name: int | None = None
    surname: int | None = None
    gender: int | None = None
    birth_year: int | None = None
    municipality: int | None = None

    @property
    def has_name(self) -> bool:
        return self.name is not None or self.first_name is not None or self.surname is not None

    def as_dict(self) -> dict[str, int | None]:
        return asdict(self)

    @classmethod
    def from_dict(cls, values: Mapping[str, object], width: int) -> ColumnMap | None:
        """From a remembered layout; ``None`` if it does not fit a header ``width`` columns wide."""
        chosen = {}
        for role in ROLES:
            value = values.get(role)
            if value is not None and (type(value) is not int or not 0 <= value < width):
                return None
            chosen[role] = value
        return cls(**chosen)


def guess_columns(header: Sequence[str]) -> ColumnMap:
    """The columns whose header names each role: ``Vārds, uzvārds`` is the name; ``Vārds`` with an
    ``Uzvārds`` column is the first name; ``Vārds`` alone is the name."""
    folded = [fold(cell).rstrip(":*").strip() for cell in header]
    taken: set[int] = set()

    def find(words: tuple[str, ...]) -> int | None:
        for word in words:
            exact = next((i for i, cell in enumerate(folded) if cell == word and i not in taken), None)
            inside = next((i for i, cell in enumerate(folded) if len(word) > 3 and word in cell and i not in taken),
                          None)
            found = exact if exact is not None else inside
            if found is not None:
                taken.add(found)
                return found
        return None

    found: dict[str, int | None] = {"name": find(_FULL_NAME_WORDS)}
    if found["name"] is None:
        found["surname"] = find(_SURNAME_WORDS)
        first = find(_FIRST_NAME_WORDS)
        found["first_name" if found["surname"] is not None else "name"] = first
    for role, words in _DETAIL_WORDS.items():
        found[role] = find(words)
    return ColumnMap(**found)


def layout_key(header: Sequence[str]) -> str:
    """The header layout, for remembering its columns: a hash of the folded header texts."""
    return hashlib.sha256("\x1f".join(fold(cell) for cell in header).encode("utf-8")).hexdigest()[:24]


def _layouts_path(folder: Path) -> Path:
    return folder / LAYOUTS_FILE


def _read_layouts(folder: Path) -> dict[str, dict]:
    try:
        document = json.loads(_layouts_path(folder).read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("%s cannot be read; no column layout is remembered", _layouts_path(folder))
        return {}
    layouts = document.get("layouts") if isinstance(document, dict) else None
    return layouts if isinstance(layouts, dict) else {}


def remembered_columns(folder: Path, header: Sequence[str]) -> ColumnMap | None:
    """The columns chosen the last time a list with this header was imported into ``folder``."""
    entry = _read_layouts(folder).get(layout_key(header))
    return ColumnMap.from_dict(entry.get("columns", {}), len(header)) if isinstance(entry, dict) else None


def remember_columns(folder: Path, header: Sequence[str], columns: ColumnMap, today: dt.date) -> None:
    """Keep ``columns`` for lists with this header (written atomically under the folder's lock)."""
    from storage.atomic import replace_atomically
    from storage.history import folder_lock

    with folder_lock(folder):
        layouts = _read_layouts(folder)
        layouts[layout_key(header)] = {"columns": columns.as_dict(), "used_on": today.isoformat()}
        newest = sorted(layouts.items(), key=lambda item: str(item[1].get("used_on", "")), reverse=True)
        document = {"version": LAYOUTS_VERSION, "layouts": dict(newest[:MAX_LAYOUTS])}
        replace_atomically(_layouts_path(folder), (json.dumps(document, indent=2) + "\n").encode("utf-8"))


@dataclass
class SheetPerson:
    """One row of the list. ``name`` exists only in memory, for this script run."""

    row: int
    name: str = field(repr=False)
    gender: str = "unknown"
    birth_year: int | None = None
    municipality: str | None = None

    @property
    def anonymous(self) -> bool:
        return not self.name


def _cell(cells: Sequence[str], position: int | None) -> str:
    return cells[position] if position is not None and position < len(cells) else ""


def name_of(cells: Sequence[str], columns: ColumnMap) -> str:
    if columns.name is not None:
        return _cell(cells, columns.name)
    return " ".join(part for part in (_cell(cells, columns.first_name), _cell(cells, columns.surname)) if part)


def people_of(listed: SigninList, columns: ColumnMap, today: dt.date) -> tuple[list[SheetPerson], list[Problem]]:
    """The people of the list and what could not be read (warnings at their row: the detail is left empty).

    A row without a name but with a detail is an anonymous participant; a row with nothing but a
    number in an unmapped column (the printed sheet's "Nr.") is not a person.
    """
    people: list[SheetPerson] = []
    problems: list[Problem] = []
    for row, cells in listed.rows:
        person = SheetPerson(row, name_of(cells, columns))
        gender = _cell(cells, columns.gender)
        year = _cell(cells, columns.birth_year)
        place = _cell(cells, columns.municipality)
        if person.anonymous and not (gender or year or place):
            continue
        person.gender = _gender(gender, row, problems)
        person.birth_year = _birth_year(year, row, today, problems)
        person.municipality = _municipality(place, row, problems)
        people.append(person)
    return people, problems


def _gender(text: str, row: int, problems: list[Problem]) -> str:
    if not text:
        return "unknown"
    code = GENDER_WORDS.get(fold(text).rstrip("."))
    if code is None:
        problems.append(warning(TABLE, "signin_gender", row=row, column="gender", value=text))
        return "unknown"
    return code


def _birth_year(text: str, row: int, today: dt.date, problems: list[Problem]) -> int | None:
    if not text:
        return None
    match = _YEAR.match(text.replace(" ", ""))
    year = int(match.group(1)) if match else None
    if year is None or not MIN_BIRTH_YEAR <= year <= today.year:
        problems.append(warning(TABLE, "signin_birth_year", row=row, column="birth_year", value=text,
                                params={"first": MIN_BIRTH_YEAR, "last": today.year}))
        return None
    return year


def _municipality(text: str, row: int, problems: list[Problem]) -> str | None:
    if not text:
        return None
    verdict, official = match_municipality(text)
    if official is None:
        problems.append(warning(TABLE, "signin_municipality", row=row, column="home_municipality", value=text))
        return None
    if verdict != "ok" and official != text:
        problems.append(warning(TABLE, "signin_municipality_read_as", row=row, column="home_municipality",
                                value=text, params={"official": official}))
    return official


@dataclass(frozen=True)
class NameGroup:
    """Rows of one list whose names are the same person's however typed; ``spellings`` differ."""

    rows: tuple[int, ...]
    spellings: tuple[str, ...] = field(repr=False)

    @property
    def exact_repeat(self) -> bool:
        """The very same text on several rows (a person signed twice, or namesakes)."""
        return len(set(self.spellings)) == 1


def near_duplicates(people: Sequence[SheetPerson]) -> list[NameGroup]:
    """Names on several rows that give one id (differing only in case, diacritics, spaces, hyphens)."""
    by_key: dict[str, list[SheetPerson]] = {}
    for person in people:
        if not person.anonymous:
            by_key.setdefault(normalise_name(person.name), []).append(person)
    return [NameGroup(tuple(p.row for p in group), tuple(p.name for p in group))
            for group in by_key.values() if len(group) > 1]


@dataclass(frozen=True)
class ImportedList:
    """An event's sign-in list as pseudonymous attendance rows, and what it amounts to."""

    event_id: str
    #: the attendance rows (contract columns): no name anywhere
    rows: pd.DataFrame
    people: int
    anonymous: int
    #: ids never seen before in the attendance or the residents
    new: int
    #: of them, residents of a space
    residents: int
    #: rows taken as a person already on the list (same person written twice)
    merged: int


ATTENDANCE_COLUMNS = ("event_id", "person_id", "gender", "birth_year", "home_municipality", "role")


def pseudonymise(
    event_id: str,
    people: Sequence[SheetPerson],
    chain: KeyChain,
    known_people: set[str],
    resident_ids: set[str],
    namesakes: set[int] = frozenset(),
) -> ImportedList:
    """The attendance rows of ``people`` at ``event_id``.

    A group of :func:`near_duplicates` is one person (one row, each detail from the first row that
    has it) unless its first row is in ``namesakes``: then each row is its own person, the second
    and later ones with the id of the name followed by their place in the group ("#2"), as the same
    name always gives the same id. ``known_people`` are the ids already in the data (other events'
    lists and the residents): the others are *new*.
    """
    rows: list[dict] = []
    by_id: dict[str, dict] = {}
    places: dict[str, int] = {}
    first_rows: dict[str, int] = {}
    for person in people:
        if not person.anonymous:
            first_rows.setdefault(normalise_name(person.name), person.row)
    merged = 0
    for person in people:
        record = {"event_id": event_id, "person_id": None, "gender": person.gender,
                  "birth_year": person.birth_year, "home_municipality": person.municipality, "role": None}
        if person.anonymous:
            rows.append(record)
            continue
        key = normalise_name(person.name)
        person_id = chain.pseudonym(person.name)
        if person_id in by_id and first_rows[key] in namesakes:
            places[key] = places.get(key, 1) + 1
            person_id = chain.pseudonym(f"{person.name} #{places[key]}")
        if person_id in by_id:
            _fill_missing(by_id[person_id], record)
            merged += 1
            continue
        record["person_id"] = person_id
        by_id[person_id] = record
        rows.append(record)
    frame = pd.DataFrame(rows, columns=list(ATTENDANCE_COLUMNS), dtype=object)
    new = [pid for pid in by_id if pid not in known_people]
    return ImportedList(
        event_id=event_id,
        rows=frame,
        people=len(rows),
        anonymous=sum(1 for r in rows if r["person_id"] is None),
        new=len(new),
        residents=sum(1 for pid in by_id if pid in resident_ids),
        merged=merged,
    )


def _fill_missing(kept: dict, other: dict) -> None:
    if kept["gender"] == "unknown":
        kept["gender"] = other["gender"]
    for column in ("birth_year", "home_municipality"):
        if kept[column] is None:
            kept[column] = other[column]


def attendance_after(current: pd.DataFrame, imported: ImportedList, *, replace: bool) -> tuple[pd.DataFrame, int]:
    """The attendance table with the imported rows: the event's earlier rows replaced, or kept with
    the new ones added (an id already on the event's list is not added twice). Also how many imported
    rows were already on the list."""
    of_event = current["event_id"].astype("object") == imported.event_id
    rows = imported.rows
    skipped = 0
    if replace:
        kept = current.loc[~of_event]
    else:
        kept = current
        listed = set(current.loc[of_event, "person_id"].dropna().astype(str))
        already = rows["person_id"].isin(listed)
        skipped = int(already.sum())
        rows = rows.loc[~already]
    columns = list(dict.fromkeys([*current.columns, *ATTENDANCE_COLUMNS]))
    after = pd.concat([kept.reindex(columns=columns), rows.reindex(columns=columns)], ignore_index=True)
    return after.astype(object).where(after.notna(), None), skipped


def known_ids(attendance: pd.DataFrame, residents: pd.DataFrame, except_event: str | None = None) -> set[str]:
    """Every person id already in the data: residents and the lists of events other than ``except_event``."""
    other = attendance if except_event is None else attendance.loc[attendance["event_id"].astype(str) != except_event]
    return set(other["person_id"].dropna().astype(str)) | set(residents["resident_id"].astype(str))
