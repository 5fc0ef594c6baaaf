"""Tests for metrics/: every figure against numbers counted by hand on a tiny dataset.

The dataset (``tests/metrics_fixture.py``, whose docstring lists every row) is written as CSV
and read with the real loader. The reference period P is 2024-01-01 … 2024-06-30. Next to each
expected number is the hand computation; "E1: 4 rows" means E1's attendance list has 4 rows.

Ages in P are 2024 − birth year (residents.csv wins for residents):
R1 1990 → 34, R2 2000 → 24, R3 1960 → 64, R4 1985 → 39, R5 1999 → 25,
G1 1995 → 29, G2 2004 → 20, G3 1950 → 74. R1's E1 row says 1970 (→ 54): must be ignored.

The rows in P (E1, E4, E5; E2 is a head count of 12, E3 has nothing)::

    E1: R1 female 34 Ogres   | G1 male 29 Ķekava | anon unknown | R3 unknown 64 (no home)
    E4: G1 male 29 Ķekava    | R4 female 39 Ķekava | anon unknown | G2 female 20 Rīga | R5 other 25 Ogres
    E5: R2 male 24 Ķekava    | G3 female 74 Rīga   | R1 female 34 Ogres
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import metrics as m
from loaders import Dataset, load_dataset
from tests.metrics_fixture import KEKAVA, OGRE, PERIOD_END, PERIOD_START, PRJ_A, PRJ_B, RIGA, SPACE_NAMES, write_fixture

D = dt.date


# --------------------------------------------------------------------------- helpers


def P(**selections: tuple[str, ...]) -> m.Filters:
    """The reference period with the given selections."""
    return m.Filters(PERIOD_START, PERIOD_END, **selections)


def event_ids(ds: Dataset, filters: m.Filters) -> list[str]:
    """Ids of the events in scope, oldest first (via events_table, newest first)."""
    return list(reversed(m.events_table(ds, filters)["event_id"].tolist()))


def as_dict(series: pd.Series) -> dict:
    return {key: int(value) for key, value in series.items()}


# --------------------------------------------------------------------------- the fixture itself


def test_fixture_goes_through_the_loader(metrics_ds: Dataset) -> None:
    assert len(metrics_ds.spaces) == 4
    assert len(metrics_ds.residents) == 5
    assert len(metrics_ds.events) == 7
    assert len(metrics_ds.attendance) == 14
    assert int(metrics_ds.attendance["person_id"].isna().sum()) == 2
    assert len(metrics_ds.event_stops) == 2
    # an empty role is a participant, an empty gender unknown (loader defaults)
    assert int((metrics_ds.attendance["role"] == "participant").sum()) == 10  # 14 rows − speaker, organiser, 2 guests


def test_default_age_bands_are_the_contracts() -> None:
    assert [band.label for band in m.DEFAULT_AGE_BANDS] + [m.UNKNOWN] == [
        "<25", "25-29", "30-39", "40-54", "55-64", "65+", "unknown",
    ]


# --------------------------------------------------------------------------- events


def test_event_count(metrics_ds: Dataset) -> None:
    # E1 (01-01, first day), E2, E3, E4, E5 (06-30, last day); not E0 (12-31) nor E6 (07-01)
    assert m.event_count(metrics_ds, P()) == 5
    # no period: E0 … E6
    assert m.event_count(metrics_ds, m.Filters()) == 7


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (PERIOD_START, PERIOD_END, ["E1", "E2", "E3", "E4", "E5"]),
        (D(2024, 1, 1), D(2024, 1, 1), ["E1"]),  # first day only (E0 runs into it but starts 12-31)
        (D(2024, 6, 30), D(2024, 6, 30), ["E5"]),  # last day only
        (D(2024, 1, 2), D(2024, 6, 29), ["E2", "E3", "E4"]),  # both bounds one day inside
        (D(2023, 12, 31), D(2023, 12, 31), ["E0"]),  # starts_on decides, not ends_on
        (D(2024, 4, 21), D(2024, 4, 30), []),  # E4 ends on 04-21 but starts on 04-20
        (D(2024, 7, 1), None, ["E6"]),  # open end
        (None, D(2023, 12, 31), ["E0"]),  # open start
    ],
)
def test_period_bounds_are_inclusive_and_starts_on_decides(
    metrics_ds: Dataset, start: dt.date | None, end: dt.date | None, expected: list[str]
) -> None:
    filters = m.Filters(start, end)
    assert event_ids(metrics_ds, filters) == expected
    assert m.event_count(metrics_ds, filters) == len(expected)


def test_events_by_type(metrics_ds: Dataset) -> None:
    result = m.events_by_type(metrics_ds, P())
    # E1 opening, E2 training, E3 workshop, E4 study_visit, E5 networking; every type listed
    assert as_dict(result) == {
        "opening": 1, "networking": 1, "training": 1, "workshop": 1, "study_visit": 1,
        "conference": 0, "open_day": 0, "other": 0,
    }
    assert result.dtype == "int64"
    # no period: + E0 networking, + E6 conference
    assert as_dict(m.events_by_type(metrics_ds, m.Filters()))["networking"] == 2
    assert as_dict(m.events_by_type(metrics_ds, m.Filters()))["conference"] == 1


def test_participations(metrics_ds: Dataset) -> None:
    # E1: 4 rows (its head count 5 is ignored: it has a list), E2: head count 12 (no list),
    # E3: neither -> 0, E4: 5 rows, E5: 3 rows -> 4 + 12 + 0 + 5 + 3 = 24
    assert m.participations(metrics_ds, P()) == 24
    # no period: + E0 2 rows + E6 head count 40 -> 24 + 2 + 40 = 66
    assert m.participations(metrics_ds, m.Filters()) == 66


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2024, 1, 1), 4),  # E1: list of 4 rows wins over its head count 5
        (D(2024, 2, 14), 12),  # E2: no list -> head count 12
        (D(2024, 3, 5), 0),  # E3: no list, no head count -> 0
        (D(2024, 4, 20), 5),  # E4: 5 rows
    ],
)
def test_participations_of_one_event(metrics_ds: Dataset, day: dt.date, expected: int) -> None:
    assert m.participations(metrics_ds, m.Filters(day, day)) == expected


def test_head_count_is_used_when_there_is_no_attendance_table(tmp_path: Path) -> None:
    result = load_dataset(write_fixture(tmp_path / "data", without=("attendance", "event_stops", "projects")))
    assert result.ok, result.problems
    bare = result.dataset
    assert bare is not None
    # E1: head count 5, E2: 12, E3: 0, E4: nothing (its list is gone), E5: nothing -> 17
    assert m.participations(bare, P()) == 17
    assert m.unique_participants(bare, P()) == 17  # head counts of events with no list
    assert as_dict(m.participations_by_gender(bare, P())) == {"female": 0, "male": 0, "other": 0, "unknown": 17}
    assert as_dict(m.first_time_vs_returning(bare, P())) == {"first_time": 0, "returning": 0, "unknown": 17}
    assert pd.isna(m.events_table(bare, P()).set_index("event_id").loc["E4", "venue"])  # no venue, no stops
    assert m.spaces_involved(bare, P()) == 2  # alpha (E1, E3, E5), beta (E2)


def test_unique_participants(metrics_ds: Dataset) -> None:
    # named ids in E1, E4, E5: R1, G1, R3 | G1, R4, G2, R5 | R2, G3, R1
    #   -> distinct R1, G1, R3, R4, G2, R5, R2, G3 = 8 (G1 and R1 twice, counted once)
    # + 2 anonymous rows (E1, E4) + head count of E2 (12; E3 has none) -> 8 + 2 + 12 = 22
    assert m.unique_participants(metrics_ds, P()) == 22
    # no period: same 8 named ids (E0 brings R1, G2: already there) + 2 anonymous
    #   + head counts E2 12 + E6 40 -> 8 + 2 + 52 = 62
    assert m.unique_participants(metrics_ds, m.Filters()) == 62
    # E0 only: R1, G2 -> 2
    assert m.unique_participants(metrics_ds, m.Filters(D(2023, 12, 31), D(2023, 12, 31))) == 2


def test_participations_by_gender_residents_csv_wins(metrics_ds: Dataset) -> None:
    result = m.participations_by_gender(metrics_ds, P())
    # female: R1@E1 (residents.csv; its row says male), R4, G2, G3, R1@E5 = 5
    # male: G1@E1, G1@E4, R2 = 3;  other: R5 = 1
    # unknown: anon@E1, R3 (residents.csv empty), anon@E4 = 3, + head count E2 12 -> 15
    assert as_dict(result) == {"female": 5, "male": 3, "other": 1, "unknown": 15}
    assert sum(as_dict(result).values()) == 24  # = participations


def test_participations_by_age_band_default(metrics_ds: Dataset) -> None:
    result = m.participations_by_age_band(metrics_ds, P())
    assert as_dict(result) == {
        "<25": 2,  # G2 20, R2 24
        "25-29": 3,  # G1 29 (E1), G1 29 (E4), R5 25
        "30-39": 3,  # R1 34 (E1; its row's 1970 would give 54), R4 39, R1 34 (E5)
        "40-54": 0,  # nobody: R1's own row (1970) is overruled by residents.csv
        "55-64": 1,  # R3 64
        "65+": 1,  # G3 74
        "unknown": 14,  # 2 anonymous rows + head count E2 12
    }


def test_participations_by_age_band_youth_bound_30(metrics_ds: Dataset) -> None:
    bands = (m.AgeBand("<30", None, 29), m.AgeBand("30+", 30, None))
    result = m.participations_by_age_band(metrics_ds, P(), bands)
    # <30: G2 20, R2 24, R5 25, G1 29 twice = 5;  30+: R1 34 twice, R4 39, R3 64, G3 74 = 5
    # unknown: 2 anonymous + 12 head count = 14
    assert as_dict(result) == {"<30": 5, "30+": 5, "unknown": 14}


def test_age_is_event_year_minus_birth_year(metrics_ds: Dataset) -> None:
    # E0 (2023): R1 2023 − 1990 = 33, G2 2023 − 2004 = 19
    e0 = m.Filters(D(2023, 12, 31), D(2023, 12, 31))
    assert as_dict(m.participations_by_age_band(metrics_ds, e0)) == {
        "<25": 1, "25-29": 0, "30-39": 1, "40-54": 0, "55-64": 0, "65+": 0, "unknown": 0,
    }
    # R2 (born 2000) at E5 in 2024 is 24: "<25", whatever today's year is
    e5 = m.Filters(D(2024, 6, 30), D(2024, 6, 30))
    assert as_dict(m.participations_by_age_band(metrics_ds, e5))["<25"] == 1


def test_participations_by_municipality(metrics_ds: Dataset) -> None:
    result = m.participations_by_municipality(metrics_ds, P())
    # Ķekavas novads: G1@E1, G1@E4, R4, R2 = 4
    # Ogres novads: R1@E1 (residents.csv; its row says Ķekava), R5, R1@E5 = 3
    # Rīga: G2, G3 = 2
    # unknown: anon@E1, R3 (no home municipality), anon@E4 = 3, + head count 12 -> 15
    assert as_dict(result) == {KEKAVA: 4, OGRE: 3, RIGA: 2, "unknown": 15}
    assert list(result.index) == [KEKAVA, OGRE, RIGA, "unknown"]  # largest first, unknown last


def test_participations_by_event_type(metrics_ds: Dataset) -> None:
    result = m.participations_by_event_type(metrics_ds, P())
    # opening E1 4, networking E5 3, training E2 12, workshop E3 0, study_visit E4 5
    assert as_dict(result) == {
        "opening": 4, "networking": 3, "training": 12, "workshop": 0, "study_visit": 5,
        "conference": 0, "open_day": 0, "other": 0,
    }


def test_participations_by_space(metrics_ds: Dataset) -> None:
    result = m.participations_by_space(metrics_ds, P())
    # beta: E2 12;  alpha: E1 4 + E3 0 + E5 3 = 7;  no venue: E4 (study visit) 5
    assert as_dict(result) == {"beta": 12, "alpha": 7, m.NO_VENUE: 5}
    assert list(result.index) == ["beta", "alpha", m.NO_VENUE]  # most first


def test_participations_by_month(metrics_ds: Dataset) -> None:
    result = m.participations_by_month(metrics_ds, P())
    months = pd.date_range("2024-01-01", "2024-06-01", freq="MS")
    assert list(result.index) == list(months)  # every month of P, May (no event) included
    assert list(result.columns) == ["opening", "networking", "training", "workshop", "study_visit",
                                    "conference", "open_day", "other"]
    expected = pd.DataFrame(0, index=months, columns=result.columns, dtype="int64")
    expected.loc["2024-01-01", "opening"] = 4  # E1
    expected.loc["2024-02-01", "training"] = 12  # E2 head count
    expected.loc["2024-04-01", "study_visit"] = 5  # E4; E3 in March is 0
    expected.loc["2024-06-01", "networking"] = 3  # E5
    pd.testing.assert_frame_equal(result, expected, check_names=False, check_freq=False)


def test_events_by_month(metrics_ds: Dataset) -> None:
    result = m.events_by_month(metrics_ds, P())
    # Jan E1, Feb E2, Mar E3, Apr E4, May none, Jun E5
    assert list(result.index) == list(pd.date_range("2024-01-01", "2024-06-01", freq="MS"))
    assert result.tolist() == [1, 1, 1, 1, 0, 1]


def test_first_time_vs_returning(metrics_ds: Dataset) -> None:
    result = m.first_time_vs_returning(metrics_ds, P())
    # first time: G1@E1, R3@E1, R4@E4, R5@E4, R2@E5, G3@E5 = 6
    # returning: R1@E1 and G2@E4 (both first came to E0, BEFORE the period), G1@E4, R1@E5 = 4
    # unknown: 2 anonymous rows + head count 12 = 14
    assert as_dict(result) == {m.FIRST_TIME: 6, m.RETURNING: 4, m.UNKNOWN: 14}
    # from April: E4, E5 -> first: R4, R5, R2, G3 = 4; returning: G1, G2, R1 = 3; unknown: anon@E4 = 1
    april = m.Filters(D(2024, 4, 1), PERIOD_END)
    assert as_dict(m.first_time_vs_returning(metrics_ds, april)) == {m.FIRST_TIME: 4, m.RETURNING: 3, m.UNKNOWN: 1}
    # the first-ever event does not depend on the selection: PRJ-B in P = E2 (12), E5 (R2, G3 first; R1 returning)
    assert as_dict(m.first_time_vs_returning(metrics_ds, P(projects=(PRJ_B,)))) == {
        m.FIRST_TIME: 2, m.RETURNING: 1, m.UNKNOWN: 12,
    }


def test_events_table(metrics_ds: Dataset) -> None:
    table = m.events_table(metrics_ds, P())
    assert list(table.columns) == ["event_id", "starts_on", "title", "event_type", "venue", "space_id",
                                   "municipality", "project_code", "participations", "has_list"]
    assert table["event_id"].tolist() == ["E5", "E4", "E3", "E2", "E1"]  # newest first
    rows = table.set_index("event_id")
    assert rows.loc["E4", "venue"] == "Beta bibliotēka → Gamma centrs"  # study visit: route of its stops
    assert rows.loc["E1", "venue"] == SPACE_NAMES["alpha"]
    assert rows.loc["E2", "venue"] == SPACE_NAMES["beta"]
    assert rows.loc["E1", "municipality"] == OGRE  # defaults to the venue's municipality
    assert rows["participations"].to_dict() == {"E5": 3, "E4": 5, "E3": 0, "E2": 12, "E1": 4}
    assert rows["has_list"].to_dict() == {"E5": True, "E4": True, "E3": False, "E2": False, "E1": True}
    assert rows.loc["E1", "starts_on"] == pd.Timestamp("2024-01-01")
    assert int(table["participations"].sum()) == m.participations(metrics_ds, P())


# --------------------------------------------------------------------------- residents


def test_active_residents_at_the_end_of_the_period(metrics_ds: Dataset) -> None:
    # on 06-30: R1 yes, R2 yes (joined that day), R3 yes (left that day), R4 no (left 06-29), R5 yes -> 4
    assert m.active_residents(metrics_ds, P()) == 4


@pytest.mark.parametrize(
    ("space", "on", "expected"),
    [
        ("alpha", D(2024, 6, 30), 2),  # R1 + R2 (joined_on == date counts)
        ("alpha", D(2024, 6, 29), 1),  # R1 only: R2 joins tomorrow
        ("beta", D(2024, 6, 30), 1),  # R3 (left_on == date counts)
        ("beta", D(2024, 7, 1), 0),  # R3 left yesterday
        ("gamma", D(2024, 6, 30), 1),  # R5; R4 left the day before: not counted
        ("gamma", D(2024, 6, 29), 2),  # R4 (left that day) + R5
        ("gamma", D(2024, 1, 31), 1),  # R4; R5 joins 02-01
        ("delta", D(2024, 6, 30), 0),  # nobody's home space
    ],
)
def test_active_residents_on_a_date(metrics_ds: Dataset, space: str, on: dt.date, expected: int) -> None:
    assert m.active_residents(metrics_ds, m.Filters(spaces=(space,)), on=on) == expected
    # the same via the period's end
    assert m.active_residents(metrics_ds, m.Filters(end=on, spaces=(space,))) == expected


def test_active_residents_all_spaces_around_the_end(metrics_ds: Dataset) -> None:
    assert m.active_residents(metrics_ds, m.Filters(), on=D(2024, 6, 29)) == 4  # R1, R3, R4, R5 (R2 not yet)
    assert m.active_residents(metrics_ds, m.Filters(), on=D(2024, 7, 1)) == 3  # R1, R2, R5
    assert m.active_residents(metrics_ds, m.Filters(), on=D(2021, 8, 31)) == 0  # before R4 (2021-09-01), the first
    # open-ended period: active today (after 2024-06-30): R1, R2, R5
    assert m.active_residents(metrics_ds, m.Filters(start=PERIOD_START)) == 3


def test_new_and_left_residents(metrics_ds: Dataset) -> None:
    # joined in P: R5 (02-01), R2 (06-30, the last day) -> 2
    assert m.new_residents(metrics_ds, P()) == 2
    # left in P: R4 (06-29), R3 (06-30, the last day) -> 2
    assert m.left_residents(metrics_ds, P()) == 2
    last_day = m.Filters(D(2024, 6, 30), D(2024, 6, 30))
    assert m.new_residents(metrics_ds, last_day) == 1  # R2
    assert m.left_residents(metrics_ds, last_day) == 1  # R3
    day_before = m.Filters(D(2024, 6, 29), D(2024, 6, 29))
    assert m.new_residents(metrics_ds, day_before) == 0
    assert m.left_residents(metrics_ds, day_before) == 1  # R4
    # no period: all 5 joined, R3 and R4 left
    assert m.new_residents(metrics_ds, m.Filters()) == 5
    assert m.left_residents(metrics_ds, m.Filters()) == 2


def test_residents_follow_the_home_space_selection(metrics_ds: Dataset) -> None:
    # Ķekavas novads = spaces gamma, delta -> residents R4, R5 (not R2, whose HOME municipality is Ķekava)
    kekava = P(municipalities=(KEKAVA,))
    assert m.active_residents(metrics_ds, kekava) == 1  # R5 (R4 left 06-29)
    assert m.new_residents(metrics_ds, kekava) == 1  # R5
    assert m.left_residents(metrics_ds, kekava) == 1  # R4
    # Ogres novads = alpha, beta -> R1, R2, R3, all active on 06-30
    assert m.active_residents(metrics_ds, P(municipalities=(OGRE,))) == 3


def test_active_residents_by_space(metrics_ds: Dataset) -> None:
    result = m.active_residents_by_space(metrics_ds, P())
    # alpha: R1, R2 = 2; beta: R3 = 1; gamma: R5 = 1 (R4 left 06-29)
    assert as_dict(result) == {"alpha": 2, "beta": 1, "gamma": 1}
    assert result.index[0] == "alpha"  # most first
    # on 06-29: alpha R1 = 1; beta R3 = 1; gamma R4, R5 = 2 (zeros would be kept)
    assert as_dict(m.active_residents_by_space(metrics_ds, P(), on=D(2024, 6, 29))) == {
        "gamma": 2, "alpha": 1, "beta": 1}
    assert as_dict(m.active_residents_by_space(metrics_ds, m.Filters(), on=D(2022, 1, 1))) == {
        "gamma": 1, "alpha": 0, "beta": 0,  # only R4 (2021-09-01); R3 joins 2022-01-15, R1 2023
    }


def test_active_residents_over_time(metrics_ds: Dataset) -> None:
    result = m.active_residents_over_time(metrics_ds, P())
    assert list(result.index) == list(pd.date_range("2024-01-31", "2024-06-30", freq="ME"))
    assert list(result.columns) == ["alpha", "beta", "gamma"]
    # alpha: R1 all months; + R2 from 06-30 -> 1, 1, 1, 1, 1, 2
    assert result["alpha"].tolist() == [1, 1, 1, 1, 1, 2]
    # beta: R3 until 06-30 inclusive -> 1 every month end
    assert result["beta"].tolist() == [1, 1, 1, 1, 1, 1]
    # gamma: R4 until 06-29, R5 from 02-01 -> Jan 1 (R4), Feb–May 2, Jun 30 1 (R5)
    assert result["gamma"].tolist() == [1, 2, 2, 2, 2, 1]


def test_active_residents_over_time_ends_on_the_periods_last_day(metrics_ds: Dataset) -> None:
    result = m.active_residents_over_time(metrics_ds, m.Filters(D(2024, 1, 1), D(2024, 3, 15)))
    assert list(result.index) == [pd.Timestamp("2024-01-31"), pd.Timestamp("2024-02-29"), pd.Timestamp("2024-03-15")]
    # gamma: Jan 31 R4 = 1; Feb 29 R4, R5 = 2; Mar 15 R4, R5 = 2
    assert result["gamma"].tolist() == [1, 2, 2]


def test_joined_and_left_by_quarter(metrics_ds: Dataset) -> None:
    result = m.joined_and_left_by_quarter(metrics_ds, P())
    # 2024Q1: joined R5 (02-01);  2024Q2: joined R2 (06-30), left R4 (06-29), R3 (06-30)
    assert list(result.index) == [pd.Period("2024Q1"), pd.Period("2024Q2")]
    assert result["joined"].tolist() == [1, 1]
    assert result["left"].tolist() == [0, 2]


def test_residents_by_occupation(metrics_ds: Dataset) -> None:
    result = m.residents_by_occupation(metrics_ds, P())
    # active on 06-30: R1 entrepreneur, R2 student, R3 remote_employee, R5 ngo (R4 self_employed left)
    assert as_dict(result) == {
        "entrepreneur": 1, "self_employed": 0, "remote_employee": 1, "ngo": 1, "student": 1,
        "job_seeker": 0, "other": 0, "unknown": 0,
    }
    # on 06-29: R4 (self_employed) still active, R2 not yet
    on_29 = as_dict(m.residents_by_occupation(metrics_ds, P(), on=D(2024, 6, 29)))
    assert on_29["self_employed"] == 1
    assert on_29["student"] == 0


def test_residents_by_home_municipality(metrics_ds: Dataset) -> None:
    result = m.residents_by_home_municipality(metrics_ds, P())
    # active on 06-30: R1 Ogres, R2 Ķekava, R3 (none), R5 Ogres -> Ogres 2, Ķekava 1, unknown 1
    assert as_dict(result) == {OGRE: 2, KEKAVA: 1, "unknown": 1}
    assert list(result.index) == [OGRE, KEKAVA, "unknown"]


# --------------------------------------------------------------------------- spaces


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # P: delta closed 2023-12-31, before the start
        (PERIOD_START, PERIOD_END, ["alpha", "beta", "gamma"]),
        # closed on the start day still counts
        (D(2023, 12, 31), D(2024, 1, 31), ["alpha", "beta", "gamma", "delta"]),
        # alpha opens 2019-03-18, after the end; gamma 2020, delta 2020-05; beta has no opened_on and
        # counts from its first resident (R3, 2022-01-15) or event (E2, 2024-02-14), whichever is first
        (D(2019, 1, 1), D(2019, 3, 17), []),
        # opened on the end day counts
        (D(2019, 1, 1), D(2019, 3, 18), ["alpha"]),
        # delta opens 2020-05-01, after the end
        (D(2020, 1, 1), D(2020, 4, 30), ["alpha", "gamma"]),
        # beta: open from the day R3 joined
        (D(2022, 1, 1), D(2022, 1, 14), ["alpha", "gamma", "delta"]),
        (D(2022, 1, 1), D(2022, 1, 15), ["alpha", "beta", "gamma", "delta"]),
        # open-ended: every space
        (None, None, ["alpha", "beta", "gamma", "delta"]),
    ],
)
def test_open_spaces_and_space_count(
    metrics_ds: Dataset, start: dt.date | None, end: dt.date | None, expected: list[str]
) -> None:
    filters = m.Filters(start, end)
    assert m.open_spaces(metrics_ds, filters)["space_id"].tolist() == expected
    assert m.space_count(metrics_ds, filters) == len(expected)


def test_space_count_with_selections(metrics_ds: Dataset) -> None:
    assert m.space_count(metrics_ds, P(municipalities=(KEKAVA,))) == 1  # gamma (delta closed)
    assert m.space_count(metrics_ds, P(spaces=("alpha", "delta"))) == 1  # alpha
    assert m.space_count(metrics_ds, P(municipalities=(OGRE,))) == 2  # alpha, beta


def test_space_figures_and_spaces_involved(metrics_ds: Dataset) -> None:
    figures = m.space_figures(metrics_ds, P())
    assert list(figures.columns) == list(m.SPACE_FIGURES) == ["events", "visits", "participations"]
    # alpha: venue of E1, E3, E5 (4 + 0 + 3 participations); beta: venue of E2 (12) and stop 1 of E4 (a visit,
    # not an event: its 5 participations are no space's); gamma: stop 2 of E4; delta: nothing
    assert figures.to_dict("index") == {
        "alpha": {"events": 3, "visits": 0, "participations": 7},
        "beta": {"events": 1, "visits": 1, "participations": 12},
        "gamma": {"events": 0, "visits": 1, "participations": 0},
        "delta": {"events": 0, "visits": 0, "participations": 0},
    }
    assert m.spaces_involved(metrics_ds, P()) == 3
    # the study visit alone involves its two stops
    visit = P(event_types=("study_visit",))
    assert as_dict(m.space_figures(metrics_ds, visit)["visits"]) == {"alpha": 0, "beta": 1, "gamma": 1, "delta": 0}
    assert m.spaces_involved(metrics_ds, visit) == 2
    # PRJ-B in P: E2 at beta, E5 at alpha
    assert m.spaces_involved(metrics_ds, P(projects=(PRJ_B,))) == 2


def test_spaces_table(metrics_ds: Dataset) -> None:
    table = m.spaces_table(metrics_ds, P())
    assert list(table.columns) == ["space_id", "name", "space_type", "municipality", "settlement", "desks",
                                   "opened_on", "closed_on", "active_residents", "events", "visits", "participations"]
    rows = table.set_index("space_id")
    assert rows.index.tolist() == ["alpha", "beta", "gamma", "delta"]
    assert rows.loc["beta", "name"] == SPACE_NAMES["beta"]
    # active on 06-30: alpha R1, R2; beta R3; gamma R5 (R4 left 06-29); delta none
    assert rows["active_residents"].to_dict() == {"alpha": 2, "beta": 1, "gamma": 1, "delta": 0}
    # events held there: alpha E1, E3, E5; beta E2; visits: beta and gamma are stops of E4
    assert rows["events"].to_dict() == {"alpha": 3, "beta": 1, "gamma": 0, "delta": 0}
    assert rows["visits"].to_dict() == {"alpha": 0, "beta": 1, "gamma": 1, "delta": 0}
    # participations by venue: alpha 4 + 0 + 3 = 7; beta E2 12; the study visit (5) has no venue
    assert rows["participations"].to_dict() == {"alpha": 7, "beta": 12, "gamma": 0, "delta": 0}


# --------------------------------------------------------------------------- KPIs and periods


def test_overview_kpis(metrics_ds: Dataset) -> None:
    assert m.overview_kpis(metrics_ds, P()) == {
        "spaces": 3,  # alpha, beta, gamma (delta closed 2023-12-31)
        "active_residents": 4,  # R1, R2, R3, R5 on 06-30
        "events": 5,  # E1 … E5
        "participations": 24,  # 4 + 12 + 0 + 5 + 3
        "unique_participants": 22,  # 8 named + 2 anonymous + 12 head count
    }
    assert tuple(m.overview_kpis(metrics_ds, P())) == m.KPI_KEYS


def test_previous_period() -> None:
    previous = m.previous_period(P(spaces=("alpha",)))
    assert previous is not None
    # P has 182 days (2024 is a leap year): the 182 days right before end on 2023-12-31
    assert (previous.start, previous.end) == (D(2023, 7, 3), D(2023, 12, 31))
    assert previous.end - previous.start == PERIOD_END - PERIOD_START  # same length
    assert previous.spaces == ("alpha",)  # the selections are kept
    march = m.previous_period(m.Filters(D(2024, 3, 1), D(2024, 3, 31)))
    assert march is not None
    assert (march.start, march.end) == (D(2024, 1, 30), D(2024, 2, 29))  # 31 days, right before
    one_day = m.previous_period(m.Filters(D(2024, 1, 1), D(2024, 1, 1)))
    assert one_day is not None
    assert (one_day.start, one_day.end) == (D(2023, 12, 31), D(2023, 12, 31))
    assert m.previous_period(m.Filters()) is None
    assert m.previous_period(m.Filters(start=PERIOD_START)) is None
    assert m.previous_period(m.Filters(end=PERIOD_END)) is None


def test_year_period() -> None:
    assert m.year_period(2024) == (D(2024, 1, 1), D(2024, 12, 31))


def test_kpi_changes(metrics_ds: Dataset) -> None:
    # previous period 2023-07-03 … 2023-12-31: spaces alpha, beta, gamma, delta (closed on its
    # last day) = 4; active on 12-31: R1, R3, R4 = 3; events E0 = 1; participations 2 rows;
    # unique R1, G2 = 2
    assert m.overview_kpis(metrics_ds, m.Filters(D(2023, 7, 3), D(2023, 12, 31))) == {
        "spaces": 4, "active_residents": 3, "events": 1, "participations": 2, "unique_participants": 2,
    }
    assert m.kpi_changes(metrics_ds, P()) == {
        "spaces": -1,  # 3 − 4
        "active_residents": 1,  # 4 − 3
        "events": 4,  # 5 − 1
        "participations": 22,  # 24 − 2
        "unique_participants": 20,  # 22 − 2
    }
    assert m.kpi_changes(metrics_ds, m.Filters()) is None
    assert m.kpi_changes(metrics_ds, m.Filters(start=PERIOD_START)) is None


def test_no_change_arrows_after_a_period_without_data(metrics_ds: Dataset) -> None:
    # 2021 after 2020: no event in 2020 and no resident yet (R4 joins 2021-09-01, R3 2022-01-15), though
    # alpha, gamma and delta were open: the whole of 2021 would show as a rise
    assert m.event_count(metrics_ds, m.Filters(*m.year_period(2020))) == 0
    assert m.kpi_changes(metrics_ds, m.Filters(*m.year_period(2021))) is None
    # 2019 after 2018: before the first data (alpha opens 2019-03-18)
    assert m.kpi_changes(metrics_ds, m.Filters(*m.year_period(2019))) is None
    # 2022 after 2021: R4 was active in 2021 (no event): arrows.
    # 2022: spaces alpha, beta (open from R3's joining), gamma, delta = 4; active on 12-31: R3, R4 = 2
    # 2021: alpha, gamma, delta = 3; active on 12-31: R4 = 1; no events either year
    assert m.kpi_changes(metrics_ds, m.Filters(*m.year_period(2022))) == {
        "spaces": 1, "active_residents": 1, "events": 0, "participations": 0, "unique_participants": 0,
    }
    # the selection counts: delta had no event and no resident in the previous half-year
    assert m.kpi_changes(metrics_ds, P(spaces=("delta",))) is None


def test_has_activity(metrics_ds: Dataset) -> None:
    assert m.kpis.has_activity(metrics_ds, m.Filters(D(2023, 12, 31), D(2023, 12, 31)))  # E0
    assert not m.kpis.has_activity(metrics_ds, m.Filters(*m.year_period(2020)))
    # R4 joined on 2021-09-01: active on the period's last day is enough
    assert m.kpis.has_activity(metrics_ds, m.Filters(D(2021, 8, 1), D(2021, 9, 1)))
    assert not m.kpis.has_activity(metrics_ds, m.Filters(D(2021, 8, 1), D(2021, 8, 31)))
    # R3 (beta) left on 2024-06-30: active on a period's first day is enough too; beta has no event after
    assert m.kpis.has_activity(metrics_ds, m.Filters(D(2024, 6, 30), D(2024, 7, 31), spaces=("beta",)))
    assert not m.kpis.has_activity(metrics_ds, m.Filters(D(2024, 7, 1), D(2024, 7, 31), spaces=("beta",)))
    assert not m.kpis.has_activity(metrics_ds, m.Filters(D(2024, 7, 2), D(2024, 12, 31), spaces=("delta",)))


# --------------------------------------------------------------------------- periods: months, quarters, years


def test_participations_by_quarter(metrics_ds: Dataset) -> None:
    result = m.participations_by_period(metrics_ds, m.Filters(D(2023, 1, 1), D(2024, 12, 31)), "quarter")
    assert list(result.index) == list(pd.date_range("2023-01-01", "2024-10-01", freq="QS"))  # 8 quarters
    assert int(result.loc["2023-10-01", "networking"]) == 2  # E0 (2023-12-31): 2 rows
    assert as_dict(result.loc["2024-01-01"][lambda row: row > 0]) == {"opening": 4, "training": 12}  # E1, E2
    assert as_dict(result.loc["2024-04-01"][lambda row: row > 0]) == {"networking": 3, "study_visit": 5}  # E5, E4
    assert as_dict(result.loc["2024-07-01"][lambda row: row > 0]) == {"conference": 40}  # E6 head count
    assert int(result.to_numpy().sum()) == 2 + 4 + 12 + 0 + 5 + 3 + 40


def test_participations_by_year(metrics_ds: Dataset) -> None:
    result = m.participations_by_period(metrics_ds, m.Filters(), "year")
    # all time: from the first event's year (E0, 2023) to the last's (E6, 2024)
    assert list(result.index) == [pd.Timestamp("2023-01-01"), pd.Timestamp("2024-01-01")]
    assert result.sum(axis=1).tolist() == [2, 4 + 12 + 0 + 5 + 3 + 40]
    by_month = m.participations_by_period(metrics_ds, P(), "month")
    pd.testing.assert_frame_equal(by_month, m.participations_by_month(metrics_ds, P()))


def test_active_residents_at_each_quarters_end(metrics_ds: Dataset) -> None:
    result = m.active_residents_over_time(metrics_ds, P(), "quarter")
    assert list(result.index) == [pd.Timestamp("2024-03-31"), pd.Timestamp("2024-06-30")]
    assert result["alpha"].tolist() == [1, 2]  # R1; R1 + R2 (joined 06-30)
    assert result["beta"].tolist() == [1, 1]  # R3 until 06-30 inclusive
    assert result["gamma"].tolist() == [2, 1]  # R4 + R5; R5 (R4 left 06-29)
    # a period ending inside a quarter ends on its last day
    partial = m.active_residents_over_time(metrics_ds, m.Filters(D(2024, 1, 1), D(2024, 5, 15)), "quarter")
    assert list(partial.index) == [pd.Timestamp("2024-03-31"), pd.Timestamp("2024-05-15")]
    years = m.active_residents_over_time(metrics_ds, m.Filters(D(2022, 1, 1), D(2024, 6, 30)), "year")
    assert list(years.index) == [pd.Timestamp("2022-12-31"), pd.Timestamp("2023-12-31"), pd.Timestamp("2024-06-30")]
    # 2022-12-31: R3, R4; 2023-12-31: R1, R3, R4; 2024-06-30: R1, R2, R3, R5
    assert years.sum(axis=1).tolist() == [2, 3, 4]


def test_time_unit_follows_the_length_of_the_period(metrics_ds: Dataset) -> None:
    assert m.time_unit(metrics_ds, P()) == "month"
    assert m.time_unit(metrics_ds, m.Filters(D(2022, 7, 1), D(2024, 6, 30))) == "month"  # 24 months
    assert m.time_unit(metrics_ds, m.Filters(D(2022, 1, 1), D(2024, 6, 30))) == "quarter"  # 30 months
    # all time: from the first data (alpha opens 2019-03-18) to today
    assert m.time_unit(metrics_ds, m.Filters(), today=D(2024, 6, 30)) == "quarter"  # 64 months
    assert m.time_unit(metrics_ds, m.Filters(), today=D(2030, 1, 1)) == "year"  # 131 months
    assert m.time_unit(metrics_ds, m.Filters(start=D(2024, 1, 1)), today=D(2024, 6, 30)) == "month"


# --------------------------------------------------------------------------- selections


@pytest.mark.parametrize(
    ("selections", "expected_events", "expected_participations"),
    [
        # municipality: through venue or stops
        ({"municipalities": (OGRE,)}, ["E1", "E2", "E3", "E4", "E5"], 24),  # E4 via its stop at beta
        ({"municipalities": (KEKAVA,)}, ["E4"], 5),  # only the study visit's stop at gamma
        ({"municipalities": (RIGA,)}, [], 0),  # guests from Rīga do not make an event Rīga's
        # space: the study visit matches through its stops
        ({"spaces": ("gamma",)}, ["E4"], 5),
        ({"spaces": ("beta",)}, ["E2", "E4"], 17),  # 12 + 5
        ({"spaces": ("alpha",)}, ["E1", "E3", "E5"], 7),  # 4 + 0 + 3
        ({"spaces": ("alpha", "gamma")}, ["E1", "E3", "E4", "E5"], 12),  # 4 + 0 + 5 + 3
        ({"spaces": ("delta",)}, [], 0),
        # event type
        ({"event_types": ("networking",)}, ["E5"], 3),  # E0 is networking too but before P
        ({"event_types": ("training", "study_visit")}, ["E2", "E4"], 17),
        # project
        ({"projects": (PRJ_A,)}, ["E1", "E4"], 9),  # 4 + 5 (E0 is PRJ-A but before P)
        ({"projects": (PRJ_B,)}, ["E2", "E5"], 15),  # 12 + 3 (E6 is PRJ-B but after P)
        # combined: every selection must match
        ({"municipalities": (OGRE,), "event_types": ("networking", "opening")}, ["E1", "E5"], 7),
        ({"spaces": ("beta",), "projects": (PRJ_A,)}, ["E4"], 5),
        ({"spaces": ("gamma",), "event_types": ("training",)}, [], 0),
    ],
)
def test_selections(
    metrics_ds: Dataset,
    selections: dict[str, tuple[str, ...]],
    expected_events: list[str],
    expected_participations: int,
) -> None:
    filters = P(**selections)
    assert event_ids(metrics_ds, filters) == expected_events
    assert m.event_count(metrics_ds, filters) == len(expected_events)
    assert m.participations(metrics_ds, filters) == expected_participations


def test_selection_unique_participants(metrics_ds: Dataset) -> None:
    # PRJ-A in P: E1 R1, G1, anon, R3 + E4 G1, R4, anon, G2, R5 -> named R1, G1, R3, R4, G2, R5 = 6 + 2 anon = 8
    assert m.unique_participants(metrics_ds, P(projects=(PRJ_A,))) == 8
    # PRJ-B in P: E2 head count 12 + E5 R2, G3, R1 = 15
    assert m.unique_participants(metrics_ds, P(projects=(PRJ_B,))) == 15
    # space gamma: E4 -> G1, R4, G2, R5 + 1 anonymous = 5
    assert m.unique_participants(metrics_ds, P(spaces=("gamma",))) == 5
    # gender within the Ķekava selection (E4): G1 male, R4 female, anon unknown, G2 female, R5 other
    assert as_dict(m.participations_by_gender(metrics_ds, P(municipalities=(KEKAVA,)))) == {
        "female": 2, "male": 1, "other": 1, "unknown": 1,
    }


# --------------------------------------------------------------------------- empty results


EMPTY = m.Filters(D(2030, 1, 1), D(2030, 3, 31))  # no event, no resident change


def test_a_period_without_events_gives_zeros(metrics_ds: Dataset) -> None:
    assert m.event_count(metrics_ds, EMPTY) == 0
    assert m.participations(metrics_ds, EMPTY) == 0
    assert m.unique_participants(metrics_ds, EMPTY) == 0
    assert m.spaces_involved(metrics_ds, EMPTY) == 0
    assert m.new_residents(metrics_ds, EMPTY) == 0
    assert m.left_residents(metrics_ds, EMPTY) == 0
    for series, keys in [
        (m.events_by_type(metrics_ds, EMPTY), 8),
        (m.participations_by_event_type(metrics_ds, EMPTY), 8),
        (m.participations_by_gender(metrics_ds, EMPTY), 4),
        (m.participations_by_age_band(metrics_ds, EMPTY), 7),
        (m.first_time_vs_returning(metrics_ds, EMPTY), 3),
        (m.participations_by_municipality(metrics_ds, EMPTY), 1),  # just "unknown"
    ]:
        assert len(series) == keys
        assert int(series.sum()) == 0
        assert series.dtype == "int64"
    assert m.participations_by_space(metrics_ds, EMPTY).empty
    assert int(m.space_figures(metrics_ds, EMPTY).to_numpy().sum()) == 0
    by_month = m.participations_by_month(metrics_ds, EMPTY)
    assert by_month.shape == (3, 8)  # January … March 2030, every event type
    assert int(by_month.to_numpy().sum()) == 0
    assert m.events_by_month(metrics_ds, EMPTY).tolist() == [0, 0, 0]
    table = m.events_table(metrics_ds, EMPTY)
    assert table.empty
    assert "venue" in table.columns and "participations" in table.columns
    quarters = m.joined_and_left_by_quarter(metrics_ds, EMPTY)
    assert quarters.empty
    assert list(quarters.columns) == ["joined", "left"]
    # residents still active in 2030: R1, R2, R5 (no left_on)
    assert m.active_residents(metrics_ds, EMPTY) == 3
    assert m.overview_kpis(metrics_ds, EMPTY) == {
        "spaces": 3,  # alpha, beta, gamma (delta closed 2023)
        "active_residents": 3,
        "events": 0, "participations": 0, "unique_participants": 0,
    }


def test_a_selection_matching_nothing_gives_well_formed_frames(metrics_ds: Dataset) -> None:
    nothing = m.Filters(spaces=("delta",))  # no event, no resident, open-ended period
    assert m.event_count(metrics_ds, nothing) == 0
    assert m.participations(metrics_ds, nothing) == 0
    assert m.unique_participants(metrics_ds, nothing) == 0
    assert m.events_by_month(metrics_ds, nothing).empty
    assert m.participations_by_month(metrics_ds, nothing).empty
    assert list(m.participations_by_month(metrics_ds, nothing).columns) == list(
        m.events_by_type(metrics_ds, nothing).index)
    assert m.active_residents(metrics_ds, nothing) == 0
    assert m.active_residents_by_space(metrics_ds, nothing).empty
    assert m.active_residents_over_time(metrics_ds, nothing).empty
    assert int(m.residents_by_occupation(metrics_ds, nothing).sum()) == 0
    assert as_dict(m.residents_by_home_municipality(metrics_ds, nothing)) == {"unknown": 0}
    assert m.spaces_table(metrics_ds, nothing)["space_id"].tolist() == ["delta"]
    assert m.kpi_changes(metrics_ds, nothing) is None
    before_everything = m.Filters(D(2000, 1, 1), D(2000, 3, 31))
    # beta has no opened_on, but no event or resident before 2022: no space was open yet
    assert m.space_count(metrics_ds, before_everything) == 0
    assert m.active_residents_over_time(metrics_ds, before_everything).to_numpy().sum() == 0
    # the previous period (1999-10-02 … 1999-12-31) lies before the first data: nothing to compare with
    assert m.kpi_changes(metrics_ds, before_everything) is None


# --------------------------------------------------------------------------- demo data: breakdowns add up


DEMO_FILTERS = [
    m.Filters(),
    m.Filters(*m.year_period(2019)),
    m.Filters(*m.year_period(2023)),
    m.Filters(D(2019, 3, 18), D(2019, 3, 25)),  # the two study trips of March 2019
    m.Filters(spaces=("ogre-library",)),
    m.Filters(municipalities=("Olaines novads",)),
    m.Filters(event_types=("study_visit",)),
    m.Filters(projects=("23-00-U31523.0-000003",)),
    m.Filters(*m.year_period(2024), municipalities=("Ogres novads", "Mārupes novads"), event_types=("workshop",)),
    m.Filters(D(2030, 1, 1), D(2030, 12, 31)),
]


@pytest.mark.parametrize("filters", DEMO_FILTERS)
def test_every_participations_breakdown_adds_up_on_demo_data(demo: Dataset, filters: m.Filters) -> None:
    total = m.participations(demo, filters)
    youth_30 = (m.AgeBand("<30", None, 29), m.AgeBand("30+", 30, None))
    breakdowns = {
        "gender": int(m.participations_by_gender(demo, filters).sum()),
        "age_band": int(m.participations_by_age_band(demo, filters).sum()),
        "age_band_30": int(m.participations_by_age_band(demo, filters, youth_30).sum()),
        "municipality": int(m.participations_by_municipality(demo, filters).sum()),
        "event_type": int(m.participations_by_event_type(demo, filters).sum()),
        "space": int(m.participations_by_space(demo, filters).sum()),
        "month": int(m.participations_by_month(demo, filters).to_numpy().sum()),
        "first_time": int(m.first_time_vs_returning(demo, filters).sum()),
        "events_table": int(m.events_table(demo, filters)["participations"].sum()),
    }
    assert breakdowns == dict.fromkeys(breakdowns, total)
    # and the event counts agree too
    count = m.event_count(demo, filters)
    assert int(m.events_by_type(demo, filters).sum()) == count
    assert int(m.events_by_month(demo, filters).sum()) == count
    assert len(m.events_table(demo, filters)) == count
    assert m.unique_participants(demo, filters) <= total


def test_demo_data_has_something_to_add_up(demo: Dataset) -> None:
    # guard against the sums above passing on an empty scope
    assert m.participations(demo, m.Filters()) > 0
    assert m.participations(demo, DEMO_FILTERS[3]) > 0
    assert m.event_count(demo, m.Filters(event_types=("study_visit",))) > 0
    assert m.event_count(demo, DEMO_FILTERS[-1]) == 0
