"""Checks across rows and tables: keys, duplicates, personal data, municipalities, coordinates.

All checks are vectorised over whole columns; each returns a list of problems with the
spreadsheet row (the frames' index) and the column. The municipality check also returns the
values mapped to their official names (a former name becomes its 2021 unit).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from loaders.contract import (
    LATITUDE_RANGE,
    LONGITUDE_RANGE,
    MUNICIPALITY_COLUMNS,
    TABLES,
    Kind,
    TableSpec,
)
from loaders.fast import arrow_text, is_in, positions, repeats
from loaders.municipalities import FORMER, LONG_NAMES, OFFICIAL
from loaders.personal import kind_of, mask, names_a_person, suspect_values
from loaders.problems import Problem, ProblemLog, error, warning


def mask_problem(problem: Problem) -> Problem:
    """``problem`` with any personal code, e-mail or phone number in its value or parameters hidden.

    Whatever rule a problem reports (a type error, a person listed twice, an unknown key...), it
    quotes the cell, and the report must never repeat personal data.
    """
    value = mask(problem.value) if isinstance(problem.value, str) else problem.value
    params = {k: mask(v) if isinstance(v, str) else v for k, v in problem.params.items()}
    if value == problem.value and params == problem.params:
        return problem
    return dataclasses.replace(problem, value=value, params=params)


def check_columns(raw: pd.DataFrame, spec: TableSpec, file: str) -> list[Problem]:
    """Missing required columns (error), columns of a person's details (error, in any table), unknown
    ones (warning). All are located in the header, row 1.
    """
    problems = [
        error(spec.name, "column_missing", row=1, column=name, file=file)
        for name in spec.required_columns
        if name not in raw.columns
    ]
    for name in raw.columns:
        if name in spec.column_names:
            continue
        if names_a_person(name):
            problems.append(error(spec.name, "forbidden_column", row=1, column=name, file=file))
        else:
            problems.append(warning(spec.name, "column_unknown", row=1, column=name, file=file))
    return problems


def check_personal_data(raw: pd.DataFrame, spec: TableSpec, file: str, log: ProblemLog,
                        unparsed: ProblemLog | None = None) -> None:
    """Any cell holding a personal code, an e-mail address or a phone number, in any table and
    column, is an error at its cell (:mod:`loaders.personal`); its value is shown masked.

    Number and date columns too: a code typed into ``birth_year`` is refused as a personal code,
    not only as "not a whole number". A valid number or date never matches, so in those columns
    only the cells that did not parse (already in ``log``, or in ``unparsed`` when the check runs
    on another thread with a log of its own) are searched.
    """
    unparsed = log if unparsed is None else unparsed
    typed = {c.name for c in spec.columns if c.kind in (Kind.INT, Kind.DECIMAL, Kind.DATE)}
    for name in raw.columns:
        column = raw[name]
        if name in typed:
            column = column[column.index.isin(list(unparsed.rows(spec.name, str(name))))]
        suspects = suspect_values(arrow_text(column))
        if not suspects:
            continue
        hits = column[is_in(column, pa.array(suspects, type=pa.large_string()))].astype("object")
        kinds = hits.map({value: kind_of(value) or "personal_code" for value in suspects})
        masked = hits.map({value: mask(value) for value in suspects})
        for kind, rows in hits.groupby(kinds, sort=False).groups.items():
            log.cells("error", spec.name, str(kind), str(name), rows, masked.loc[rows].array, file=file)


def check_foreign_keys(
    frames: dict[str, pd.DataFrame], files: dict[str, str], log: ProblemLog, unreadable: frozenset[str] = frozenset()
) -> None:
    """Every reference must name an id of its table; references into a table whose file could
    not be read are not checked (that file's own problem says what is wrong)."""
    for table, frame in frames.items():
        for column in TABLES[table].columns:
            if column.references is None or column.references in unreadable:
                continue
            target = TABLES[column.references]
            referenced = frames.get(column.references)
            known = referenced[target.id_column] if referenced is not None else pd.Series(dtype="str")
            values = frame[column.name]
            # judge each distinct value once; list rows only when a value is unknown
            distinct = pd.Series(values.dropna().unique())
            unknown = distinct[~is_in(distinct, known)]
            if unknown.empty:
                continue
            missing = values[is_in(values, unknown)]
            log.cells("error", table, "foreign_key", column.name, missing.index, missing.array, file=files.get(table),
                      params={"target": column.references, "target_file_missing": column.references not in frames})


def check_attendance_duplicates(attendance: pd.DataFrame, file: str | None) -> ProblemLog:
    """The same person twice on one event (error).

    First whether any (event, person) pair might repeat, by sorting one 64-bit key per row
    (:func:`loaders.fast.repeats`: no hash table; ids of up to 8 bytes are keyed by their bytes).
    Only then are the pairs numbered exactly (each one integer) and the repeated rows looked up.
    """
    log = ProblemLog()
    events, persons = arrow_text(attendance["event_id"]), arrow_text(attendance["person_id"])
    named = pc.is_valid(persons).to_numpy(zero_copy_only=False)
    if not repeats(events, persons, where=named):
        return log
    events = pc.dictionary_encode(events).combine_chunks()
    persons = pc.dictionary_encode(persons).combine_chunks()
    key = pc.fill_null(events.indices, -1).to_numpy().astype(np.int64) * (len(persons.dictionary) + 1)
    key += pc.fill_null(persons.indices, -1).to_numpy()
    del events, persons
    twice = attendance[named & pd.Series(key).duplicated(keep="first").to_numpy()]
    log.extend(
        error("attendance", "attendance_duplicate", row=int(row), column="person_id", value=person, file=file,
              params={"event_id": event})
        for row, event, person in zip(twice.index, twice["event_id"], twice["person_id"], strict=True)
    )
    return log


def check_head_counts(attendance: pd.DataFrame, events: pd.DataFrame, file: str | None) -> list[Problem]:
    """An event's head count below the number of people listed for it (warning)."""
    ids = arrow_text(events["event_id"])
    if pc.count_distinct(ids, mode="all").as_py() < len(ids):
        return []  # an event id twice: its own problem; whose head count would it be?
    listed = attendance["event_id"].value_counts()
    position = positions(listed.index.to_series(), events["event_id"])
    listed, position = listed.to_numpy()[position >= 0], position[position >= 0]
    head_count = events["participants"].to_numpy(dtype="float64", na_value=np.nan)[position]
    below = np.flatnonzero(head_count < listed)  # a missing head count (NaN) is never below
    return [
        warning("events", "participants_below_attendance", row=int(events.index[position[i]]),
                column="participants", value=str(int(head_count[i])), file=file, params={"listed": int(listed[i])})
        for i in below
    ]


def check_event_stops(stops: pd.DataFrame, files: dict[str, str], log: ProblemLog) -> None:
    """Stop numbers unique per event; every stop placed by a space or by coordinates.

    A stop whose coordinates already have a problem (unreadable, half a pair) is not reported
    again as unplaced.
    """
    file = files.get("event_stops")
    twice = stops[stops.duplicated(["event_id", "stop_no"], keep="first") & stops["stop_no"].notna()]
    log.extend(
        error("event_stops", "stop_duplicate", row=int(row), column="stop_no", value=str(stop), file=file,
              params={"event_id": event})
        for row, event, stop in zip(twice.index, twice["event_id"], twice["stop_no"], strict=True)
    )
    placed_elsewhere = log.rows("event_stops", "latitude") | log.rows("event_stops", "longitude")
    unplaced = stops["space_id"].isna() & (stops["latitude"].isna() | stops["longitude"].isna())
    unplaced &= ~stops.index.isin(list(placed_elsewhere))
    log.cells("error", "event_stops", "stop_location_missing", "space_id", stops.index[unplaced], file=file)


def check_outcome_fte(frame: pd.DataFrame, file: str, log: ProblemLog) -> None:
    """``fte`` is required and above 0 for a created job, and empty for every other outcome.

    A value that did not parse, or is below 0, already has its problem."""
    reported = log.rows("outcomes", "fte")
    job = frame["outcome_type"] == "job_created"
    fte = frame["fte"]
    missing = job & (fte.isna() | (fte == 0)) & ~frame.index.isin(list(reported))
    log.extend(error("outcomes", "fte_missing", row=int(row), column="fte",
                     value="" if pd.isna(fte[row]) else str(fte[row]), file=file)
               for row in frame.index[missing])
    stray = ~job & frame["outcome_type"].notna() & fte.notna()
    log.extend(error("outcomes", "fte_not_a_job", row=int(row), column="fte", value=str(fte[row]), file=file,
                     params={"outcome_type": str(frame.at[row, "outcome_type"])})
               for row in frame.index[stray])


def check_coordinates(frame: pd.DataFrame, spec: TableSpec, file: str, log: ProblemLog) -> None:
    """Report swapped latitude/longitude once (instead of two range errors); incomplete pairs."""
    for lat_name, lon_name in spec.coordinates:
        lat, lon = frame[lat_name], frame[lon_name]
        swapped = lat.between(*LONGITUDE_RANGE) & lon.between(*LATITUDE_RANGE)
        swapped_rows = sorted(frame.index[swapped])
        log.discard(spec.name, ("latitude_range", "longitude_range"), swapped_rows)
        log.extend(
            error(spec.name, "coordinates_swapped", row=int(row), column=lat_name,
                  value=f"{frame.at[row, lat_name]}; {frame.at[row, lon_name]}", file=file)
            for row in swapped_rows
        )
        if lat_name in spec.required_columns:
            continue
        # a coordinate that did not parse is already reported; the pair is not "incomplete" for that
        unparsed = log.rows(spec.name, lat_name, ("type_decimal",)) | log.rows(spec.name, lon_name, ("type_decimal",))
        half = (lat.isna() ^ lon.isna()) & ~frame.index.isin(list(unparsed))
        log.extend(
            error(spec.name, "coordinates_incomplete", row=int(row),
                  column=lat_name if pd.isna(frame.at[row, lat_name]) else lon_name, file=file)
            for row in frame.index[half]
        )


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form, spaces collapsed: for near-miss matching of names and
    for comparing the headers of a sign-in list."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


@cache
def _lookups() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    exact = {name.casefold(): name for name in OFFICIAL}
    exact.update({alias.casefold(): name for alias, name in LONG_NAMES.items()})
    former = {old.casefold(): new for old, new in FORMER.items()}
    folded = {fold(name): name for name in (*OFFICIAL, *LONG_NAMES, *FORMER)}
    return exact, former, folded


def match_municipality(value: str) -> tuple[str, str | None]:
    """Classify one name: ``("ok"|"former"|"near"|"unknown", official name or suggestion)``."""
    exact, former, folded = _lookups()
    key = " ".join(value.split()).casefold()
    key = re.sub(r"\bnov\.?$", "novads", key)
    if key in exact:
        return "ok", exact[key]
    if key in former:
        return "former", former[key]
    candidate = folded.get(fold(key))
    if candidate is None:
        close = difflib.get_close_matches(fold(key), list(folded), n=1, cutoff=0.8)
        candidate = folded[close[0]] if close else None
    if candidate is None and len(key) >= 4:
        # a town typed for its municipality: "Ogre" -> "Ogres novads"
        starting = [name for name in OFFICIAL if fold(name).startswith(fold(key))]
        candidate = starting[0] if len(starting) == 1 else None
    if candidate is None:
        return "unknown", None
    return "near", FORMER.get(candidate, LONG_NAMES.get(candidate, candidate))


_MUNICIPALITY_RULES = {
    "former": ("warning", "municipality_former", "official"),
    "near": ("error", "municipality_near_miss", "suggestion"),
    "unknown": ("error", "municipality_unknown", None),
}


def check_municipalities(frame: pd.DataFrame, table: str, file: str, log: ProblemLog) -> pd.DataFrame:
    """Check municipality columns; return the frame with official names.

    Each distinct name is judged once; only the rows of a name that is not official are listed.
    """
    for name in MUNICIPALITY_COLUMNS.get(table, ()):
        column = frame[name]
        verdicts = {value: match_municipality(str(value)) for value in column.dropna().unique()}
        to_official = {v: official for v, (verdict, official) in verdicts.items() if verdict in ("ok", "former")}
        if any(v != official for v, official in to_official.items()):
            frame[name] = column.map(to_official).where(column.isin(list(to_official)), column).astype("str")
        flagged = {value: verdict for value, verdict in verdicts.items() if verdict[0] in _MUNICIPALITY_RULES}
        if not flagged:
            continue
        listed = column[column.isin(list(flagged))].astype("object")
        for value, rows in listed.groupby(listed, sort=False).groups.items():
            verdict, official = flagged[value]
            severity, rule, param = _MUNICIPALITY_RULES[verdict]
            log.cells(severity, table, rule, name, rows, [value] * len(rows), file=file,
                      params={param: official} if param else {})
    return frame
