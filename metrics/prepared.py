"""Per-dataset derived frames that several figures share (computed once per loaded dataset).

Nothing here is a figure: these are the joins the counting rules work on.

* ``events``: one row per event with its place in time (``event_order``: by ``starts_on``, then
  ``event_id``), its effective municipality (its own, else its venue's) and its *participations*
  (attendance rows if it has a list, else the head count, else 0);
* ``event_places``: every (event, space, municipality) an event touches: venue and stops;
* ``attendance``: attendance rows with the person's fields, residents.csv winning for
  residents, the event's date, type and venue, the age at the event, the event's ``event_order``
  (so a selection of events selects its rows by number, not by text), the person as a number
  (``person_code``, −1 for an anonymous row) and whether the row is the person's first
  participation ever;
* ``stops``: (event, space) for every stop of an event at a space that is not the event's own
  venue: the *visits* of that space;
* ``first_activity``: per space id, the first day it had an event (as venue) or a resident:
  when a space without ``opened_on`` counts as open.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from loaders import Dataset
from loaders.fast import arrow_text, positions
from loaders.snapshot import derived_frames


@dataclass(frozen=True)
class Prepared:
    events: pd.DataFrame
    event_places: pd.DataFrame
    attendance: pd.DataFrame
    stops: pd.DataFrame
    first_activity: pd.Series


#: the frames are kept with the folder's typed snapshot under a hash of this file: other joins, other frames
_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
_FRAMES = ("events", "event_places", "attendance", "stops", "first_activity")
#: attendance columns that are the table's own: taken from it when the frames are read back, not kept twice
_OWN_COLUMNS = ("event_id", "person_id", "role")


@lru_cache(maxsize=4)
def prepare(ds: Dataset) -> Prepared:
    """The joins, computed once per change of the data: a dataset loaded from a folder keeps them
    with its typed snapshot (:func:`loaders.snapshot.derived_frames`), so the next start reads them
    (a second at EU scale) instead of computing them (ten)."""
    kept = derived_frames(ds)
    stored = kept.read("prepared", _VERSION) if kept is not None else None
    if stored is not None and set(stored) == set(_FRAMES):
        return _from_frames(ds, stored)
    events = _events(ds)
    prepared = Prepared(events=events, event_places=_event_places(ds),
                        attendance=_attendance(ds, events["event_order"].to_numpy()),
                        stops=_stops(ds), first_activity=_first_activity(ds))
    if kept is not None:
        kept.write("prepared", _VERSION, _to_frames(prepared))
    return prepared


def _to_frames(prepared: Prepared) -> dict[str, pd.DataFrame]:
    frames = {name: getattr(prepared, name) for name in _FRAMES}
    frames["attendance"] = prepared.attendance.drop(columns=list(_OWN_COLUMNS))
    frames["first_activity"] = prepared.first_activity.rename("first_activity").to_frame()
    return frames


def _from_frames(ds: Dataset, frames: dict[str, pd.DataFrame]) -> Prepared:
    attendance = pd.concat([ds.attendance[list(_OWN_COLUMNS)], frames["attendance"]], axis=1)
    first_activity = frames["first_activity"]["first_activity"]
    first_activity.index = first_activity.index.astype("object")
    return Prepared(events=frames["events"], event_places=frames["event_places"], attendance=attendance,
                    stops=frames["stops"], first_activity=first_activity.rename(None))


def _stops(ds: Dataset) -> pd.DataFrame:
    stops = ds.event_stops.loc[ds.event_stops["space_id"].notna(), ["event_id", "space_id"]]
    venue = stops["event_id"].map(ds.events.set_index("event_id")["space_id"])
    stops = stops[venue.isna() | (venue.astype("object") != stops["space_id"].astype("object"))]
    return stops.drop_duplicates().reset_index(drop=True)


def _first_activity(ds: Dataset) -> pd.Series:
    held = ds.events.groupby(ds.events["space_id"].astype("object"))["starts_on"].min()
    joined = ds.residents.groupby(ds.residents["space_id"].astype("object"))["joined_on"].min()
    first = pd.concat([held, joined]).groupby(level=0).min()
    return first.reindex(ds.spaces["space_id"].astype("object"))


def _events(ds: Dataset) -> pd.DataFrame:
    events = ds.events
    venue_municipality = events["space_id"].map(ds.spaces.set_index("space_id")["municipality"])
    listed = ds.attendance.groupby("event_id", observed=True).size()
    listed_rows = events["event_id"].map(listed).fillna(0).astype("int64")
    has_list = listed_rows > 0
    head_count = events["participants"].fillna(0).astype("int64")
    return pd.DataFrame(
        {
            "event_id": events["event_id"],
            "event_order": event_ranks(events),
            "title": events["title"],
            "event_type": events["event_type"],
            "starts_on": events["starts_on"],
            "ends_on": events["ends_on"],
            "space_id": events["space_id"],
            "project_code": events["project_code"],
            "municipality": events["municipality"].fillna(venue_municipality),
            "has_list": has_list,
            "participations": np.where(has_list, listed_rows, head_count),
            # head counts of events without a list: people we know only as a number
            "unlisted_head_count": np.where(has_list, 0, head_count),
        }
    )


def _event_places(ds: Dataset) -> pd.DataFrame:
    """(event, space, municipality) rows: the venue with the event's effective municipality, and each stop."""
    space_municipality = ds.spaces.set_index("space_id")["municipality"]
    events = ds.events
    venues = pd.DataFrame(
        {
            "event_id": events["event_id"],
            "space_id": events["space_id"],
            "municipality": events["municipality"].fillna(events["space_id"].map(space_municipality)),
        }
    )
    stops = pd.DataFrame(
        {
            "event_id": ds.event_stops["event_id"],
            "space_id": ds.event_stops["space_id"],
            "municipality": ds.event_stops["space_id"].map(space_municipality),
        }
    )
    places = pd.concat([venues, stops], ignore_index=True)
    places = places[places["space_id"].notna() | places["municipality"].notna()]
    return places.drop_duplicates().reset_index(drop=True)


def _take(values: pd.Series, at: np.ndarray, index: pd.Index) -> pd.Series:
    """``values`` at positions ``at`` (−1 = missing), as a Series on ``index``: one array take,
    not a pandas ``iloc`` and ``where`` (seconds at ten million rows)."""
    return pd.Series(pd.api.extensions.take(values.array, at, allow_fill=True), index=index, name=values.name)


def _codes(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Each value as a number (first appearance order, −1 for a missing one, as ``pd.factorize``)
    and the distinct values in that order: one hash pass over the text."""
    encoded = pc.dictionary_encode(arrow_text(values)).combine_chunks()
    codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    return codes, pd.Series(encoded.dictionary.to_pandas().array)


def _first_time(event_order: np.ndarray, person_code: np.ndarray) -> pd.arrays.BooleanArray:
    """Whether each row is its person's first participation ever (earliest ``event_order``; of two
    rows of one person at one event, the earlier row), ``<NA>`` for anonymous rows."""
    named = np.flatnonzero(person_code >= 0)
    earliest = np.full(int(person_code.max(initial=-1)) + 1, np.iinfo(np.int64).max)
    np.minimum.at(earliest, person_code[named], event_order[named])
    at_earliest = named[event_order[named] == earliest[person_code[named]]]
    first_rows = at_earliest[~pd.Series(person_code[at_earliest]).duplicated().to_numpy()]
    first = np.zeros(len(person_code), dtype=bool)
    first[first_rows] = True
    return pd.arrays.BooleanArray(first, mask=person_code < 0)


def _attendance(ds: Dataset, rank: np.ndarray) -> pd.DataFrame:
    """``rank``: each event's ``event_order``, in the events table's order (:func:`event_ranks`)."""
    rows = ds.attendance
    person = rows["person_id"]
    # numbers instead of lookups by text: one hash pass per key, then plain array takes
    person_code, people = _codes(person)
    person_resident_at = positions(people, ds.residents["resident_id"])
    # the anonymous rows (−1) are nobody's: no resident, even where no row names anyone
    resident_at = np.full(len(person_code), -1, dtype=np.int64)
    named = person_code >= 0
    resident_at[named] = person_resident_at[person_code[named]]
    is_resident = resident_at >= 0
    frame = pd.DataFrame({"event_id": rows["event_id"], "person_id": person, "role": rows["role"],
                          "is_resident": is_resident}, index=rows.index)
    for column in ("gender", "birth_year", "home_municipality"):
        own = rows[column]
        from_resident = _take(ds.residents[column], resident_at, rows.index)
        if isinstance(own.dtype, pd.CategoricalDtype):
            codes = np.where(is_resident, from_resident.cat.codes, own.cat.codes)
            frame[column] = pd.Categorical.from_codes(codes, dtype=own.dtype)
        else:
            frame[column] = own.where(~is_resident, from_resident)

    events = ds.events
    event_at = positions(rows["event_id"], events["event_id"])
    for column in ("starts_on", "event_type", "space_id"):
        frame[column] = _take(events[column], event_at, rows.index)
    frame["age"] = (frame["starts_on"].dt.year - frame["birth_year"].astype("float64")).astype("float64")
    event_order = rank[event_at]
    frame["event_order"] = event_order
    frame["person_code"] = person_code
    frame["first_time"] = pd.Series(_first_time(event_order, person_code), index=rows.index)
    return frame


def event_ranks(events: pd.DataFrame) -> np.ndarray:
    """Each event's place in time: by ``starts_on``, then ``event_id`` (0 = the first)."""
    rank = np.empty(len(events), dtype=np.int64)
    rank[np.lexsort((events["event_id"].to_numpy(dtype=object), events["starts_on"].to_numpy()))] = np.arange(
        len(events)
    )
    return rank
