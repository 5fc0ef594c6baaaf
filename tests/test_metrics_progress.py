"""``metrics.progress``: the cumulative figures of ``tests/reports_v2_fixture.py`` counted by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from loaders import load_dataset
from metrics import Filters
from metrics.progress import cumulative_progress, period_ends
from tests.reports_fixture import END, PROJECT, START
from tests.reports_v2_fixture import EXPECTED_PROGRESS, MONTHS, write_fixture_v2


@pytest.fixture(scope="module")
def ds(tmp_path_factory: pytest.TempPathFactory):
    result = load_dataset(write_fixture_v2(tmp_path_factory.mktemp("v2") / "data"))
    assert result.ok and result.dataset is not None
    return result.dataset


@pytest.mark.parametrize("indicator", sorted(EXPECTED_PROGRESS))
def test_cumulative_by_month(ds, indicator: str) -> None:
    series = cumulative_progress(ds, Filters(START, END, projects=(PROJECT,)), indicator)
    assert list(series.index) == [pd.Timestamp(m) for m in MONTHS]
    assert series.tolist() == EXPECTED_PROGRESS[indicator]


def test_the_last_point_is_the_whole_period(ds) -> None:
    # unique participants are distinct people to date, not a sum of months: 4 + 12 + 5 + 1 = 22
    assert cumulative_progress(ds, Filters(START, END, projects=(PROJECT,)), "unique_participants").iloc[-1] == 22


def test_quarters_and_a_period_cut_in_a_month(ds) -> None:
    f = Filters(START, dt.date(2024, 6, 15), projects=(PROJECT,))
    series = cumulative_progress(ds, f, "jobs_fte", "quarter")
    # Q1: O1 1 + O2 0,5; Q2 to 15 June: + O3 0,5 (O6 on 30 June is a business, not a job)
    assert series.tolist() == [1.5, 2.0]
    assert cumulative_progress(ds, f, "events", "quarter").tolist() == [2, 3]  # E4 (30 June) is after the 15th


def test_period_ends() -> None:
    assert period_ends(dt.date(2024, 1, 10), dt.date(2024, 3, 5), "month") == [
        dt.date(2024, 1, 31), dt.date(2024, 2, 29), dt.date(2024, 3, 5)]
    assert period_ends(dt.date(2023, 11, 1), dt.date(2024, 4, 1), "quarter") == [
        dt.date(2023, 12, 31), dt.date(2024, 3, 31), dt.date(2024, 4, 1)]


def test_an_open_period_is_refused(ds) -> None:
    with pytest.raises(ValueError):
        cumulative_progress(ds, Filters(None, END), "events")
