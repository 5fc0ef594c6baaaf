"""Contract-valid synthetic data at three scales, for the benchmark (seeded, reproducible).

    python scripts/make_synthetic.py --scale lag|country|eu --style iso|excel-lv --out DIR

| scale   | spaces | residents | events  | attendance rows |
|---------|--------|-----------|---------|-----------------|
| lag     | 20     | 2,000     | 1,000   | 30,000          |
| country | 500    | 100,000   | 50,000  | 1,000,000       |
| eu      | 5,000  | 1,000,000 | 500,000 | 10,000,000      |

``excel-lv`` writes what Latvian Excel writes: Windows-1257, ``;``, ``dd.mm.yyyy`` dates and
decimal commas; ``iso`` writes UTF-8, ``,`` and ISO dates. Everything is vectorised numpy, so
the country scale takes seconds. Never commit the output (``eu`` is about 0.5 GB).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

PROJECT_DIR = Path(__file__).resolve().parents[1]
GEOJSON = PROJECT_DIR / "geo" / "latvia_municipalities.geojson"
START, END = np.datetime64("2015-01-01"), np.datetime64("2025-12-31")
EVENT_TYPES = ["opening", "networking", "training", "workshop", "study_visit", "conference", "open_day", "other"]
SPACE_TYPES = ["coworking", "library", "business_incubator", "business_support_centre", "community_centre", "shop",
               "other"]
GENDERS = ["female", "male", "other", "unknown"]
OCCUPATIONS = ["entrepreneur", "self_employed", "remote_employee", "ngo", "student", "job_seeker", "other", "unknown"]


@dataclass(frozen=True)
class Scale:
    spaces: int
    residents: int
    events: int
    attendance: int
    projects: int


SCALES = {
    "lag": Scale(20, 2_000, 1_000, 30_000, 5),
    "country": Scale(500, 100_000, 50_000, 1_000_000, 40),
    "eu": Scale(5_000, 1_000_000, 500_000, 10_000_000, 200),
}


def municipality_points() -> pd.DataFrame:
    """Each municipality's name and a point inside Latvia near its middle (mean of its vertices)."""
    features = json.loads(GEOJSON.read_text("utf-8"))["features"]
    rows = []
    for feature in features:
        geometry = feature["geometry"]
        rings = geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]
        outer = np.asarray(rings[0])
        rows.append({"name": feature["properties"]["name"], "lon": outer[:, 0].mean(), "lat": outer[:, 1].mean()})
    return pd.DataFrame(rows)


def _dates(rng: np.random.Generator, n: int, low=START, high=END) -> np.ndarray:
    span = (np.asarray(high) - np.asarray(low)).astype("timedelta64[D]").astype(np.int64)
    return np.asarray(low) + (rng.random(n) * (span + 1)).astype("timedelta64[D]")


def _ids(prefix: str, n: int, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(np.arange(1, n + 1).astype(str), width))


def make(scale: Scale, seed: int = 2019) -> dict[str, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    places = municipality_points()

    where = rng.integers(0, len(places), scale.spaces)
    space_ids = _ids("S", scale.spaces, 5)
    opened = _dates(rng, scale.spaces, START, np.datetime64("2023-12-31"))
    spaces = pd.DataFrame({
        "space_id": space_ids,
        "name": np.char.add("Koprades telpa Nr. ", np.arange(1, scale.spaces + 1).astype(str)),
        "municipality": places["name"].to_numpy()[where],
        "latitude": (places["lat"].to_numpy()[where] + rng.normal(0, 0.02, scale.spaces)).round(5),
        "longitude": (places["lon"].to_numpy()[where] + rng.normal(0, 0.03, scale.spaces)).round(5),
        "space_type": rng.choice(SPACE_TYPES, scale.spaces, p=[0.5, 0.15, 0.1, 0.1, 0.1, 0.03, 0.02]),
        "opened_on": opened,
        "desks": rng.integers(2, 40, scale.spaces),
    })

    home_space = rng.integers(0, scale.spaces, scale.residents)
    joined = np.maximum(_dates(rng, scale.residents), opened[home_space])
    leaves = rng.random(scale.residents) < 0.3
    left = joined + (rng.random(scale.residents) * 900 + 30).astype("timedelta64[D]")
    left = np.where(leaves & (left <= END), left, np.datetime64("NaT"))
    birth = rng.integers(1950, 2006, scale.residents).astype(float)
    birth[rng.random(scale.residents) < 0.1] = np.nan
    residents = pd.DataFrame({
        "resident_id": _ids("R", scale.residents, 7),
        "space_id": space_ids[home_space],
        "joined_on": joined,
        "left_on": left,
        "gender": rng.choice(GENDERS, scale.residents, p=[0.52, 0.42, 0.01, 0.05]),
        "birth_year": pd.array(birth, dtype="Int64"),
        "home_municipality": places["name"].to_numpy()[rng.integers(0, len(places), scale.residents)],
        "occupation": rng.choice(OCCUPATIONS, scale.residents),
    })

    project_codes = np.char.add("SYN-", np.char.zfill(np.arange(1, scale.projects + 1).astype(str), 4))
    project_start = _dates(rng, scale.projects, START, np.datetime64("2023-01-01"))
    projects = pd.DataFrame({
        "project_code": project_codes,
        "title": np.char.add("Sintētisks projekts ", np.arange(1, scale.projects + 1).astype(str)),
        "funder": "ELFLA",
        "starts_on": project_start,
        "ends_on": project_start + np.timedelta64(3 * 365, "D"),
        "budget_eur": (rng.random(scale.projects) * 200_000).round(2),
        "target_events": rng.integers(10, 500, scale.projects),
        "target_participants": rng.integers(200, 20_000, scale.projects),
    })

    venue = rng.integers(0, scale.spaces, scale.events)
    event_type = rng.choice(EVENT_TYPES, scale.events, p=[0.03, 0.3, 0.2, 0.2, 0.07, 0.05, 0.05, 0.1])
    visit = event_type == "study_visit"
    starts = np.maximum(_dates(rng, scale.events), opened[venue])
    has_list = rng.random(scale.events) < 0.8
    project = np.where(rng.random(scale.events) < 0.4, project_codes[rng.integers(0, scale.projects, scale.events)], "")
    events = pd.DataFrame({
        "event_id": _ids("E", scale.events, 7),
        "title": np.char.add("Pasākums Nr. ", np.arange(1, scale.events + 1).astype(str)),
        "event_type": event_type,
        "starts_on": starts,
        "space_id": np.where(visit, "", space_ids[venue]),
        "project_code": project,
        "participants": pd.array(np.where(has_list, np.nan, rng.integers(5, 80, scale.events)), dtype="Int64"),
    })

    listed = np.flatnonzero(has_list)
    extra = int(scale.attendance * 1.05)
    event_of_row = listed[rng.integers(0, len(listed), extra)]
    kind = rng.random(extra)
    number = np.char.zfill(rng.integers(1, scale.residents + 1, extra).astype(str), 7)
    person = np.where(kind < 0.55, np.char.add("R", number), np.where(kind < 0.9, np.char.add("G", number), ""))
    attendance = pd.DataFrame({"event_id": events["event_id"].to_numpy()[event_of_row], "person_id": person})
    named = attendance["person_id"] != ""
    attendance = attendance[~(named & attendance.duplicated(["event_id", "person_id"]))].head(scale.attendance)
    guests = attendance["person_id"].str.startswith("G")
    n = len(attendance)
    attendance["gender"] = np.where(guests, rng.choice(GENDERS, n), "")
    attendance["birth_year"] = pd.array(np.where(guests, rng.integers(1950, 2006, n), np.nan), dtype="Int64")
    attendance["home_municipality"] = np.where(guests, places["name"].to_numpy()[rng.integers(0, len(places), n)], "")

    visits = np.flatnonzero(visit)
    stops = pd.DataFrame({
        "event_id": np.repeat(events["event_id"].to_numpy()[visits], 3),
        "stop_no": np.tile([1, 2, 3], len(visits)),
        "space_id": space_ids[rng.integers(0, scale.spaces, 3 * len(visits))],
    })
    return {"spaces": spaces, "residents": residents, "events": events, "attendance": attendance,
            "event_stops": stops, "projects": projects}


def write(tables: dict[str, pd.DataFrame], out: Path, style: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    latvian = style == "excel-lv"
    for name, frame in tables.items():
        frame = frame.copy()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%d.%m.%Y" if latvian else "%Y-%m-%d")
        frame.to_csv(
            out / f"{name}.csv", index=False, sep=";" if latvian else ",", decimal="," if latvian else ".",
            encoding="cp1257" if latvian else "utf-8", lineterminator="\r\n" if latvian else "\n",
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="lag")
    parser.add_argument("--style", choices=("iso", "excel-lv"), default="excel-lv")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2019)
    args = parser.parse_args(argv)
    write(make(SCALES[args.scale], args.seed), args.out, args.style)


if __name__ == "__main__":
    main()
