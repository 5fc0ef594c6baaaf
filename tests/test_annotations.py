"""Which dates the Overview's and Attendance's time charts mark, where on the axis, and how they are
drawn (``tests.helpers.valid_tables``: CoLabora Lielvārde opened 18.03.2019, Ķekavas bibliotēka has no
opening date; the project runs 01.09.2018–31.12.2020)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

import charts
import metrics
from loaders import Dataset, load_dataset
from metrics.annotations import (
    PROJECT_END,
    PROJECT_START,
    SPACE_OPENED,
    Annotation,
    annotation_positions,
    chart_annotations,
)
from metrics.kpis import outcome_changes, outcome_kpis
from tests.helpers import PROJECT, valid_tables, write_folder

OPENED = Annotation(dt.date(2019, 3, 18), SPACE_OPENED, "CoLabora Lielvārde")
YEAR_2019 = metrics.Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
PROJECT_PERIOD = metrics.Filters(dt.date(2018, 9, 1), dt.date(2020, 12, 31))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    result = load_dataset(write_folder(tmp_path_factory.mktemp("marks")))
    assert result.dataset is not None
    return result.dataset


@pytest.fixture(scope="module")
def no_outcomes(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    tables = valid_tables()
    del tables["outcomes"]
    result = load_dataset(write_folder(tmp_path_factory.mktemp("v1"), tables))
    assert result.dataset is not None
    return result.dataset


def test_a_year_marks_the_openings_in_it(small: Dataset) -> None:
    assert chart_annotations(small, YEAR_2019) == [OPENED]
    assert chart_annotations(small, metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))) == []


def test_the_space_and_municipality_filters_apply(small: Dataset) -> None:
    assert chart_annotations(small, metrics.Filters(YEAR_2019.start, YEAR_2019.end,
                                                    municipalities=("Ķekavas novads",))) == []
    assert chart_annotations(small, metrics.Filters(YEAR_2019.start, YEAR_2019.end,
                                                    spaces=("kekava-library",))) == []
    assert chart_annotations(small, metrics.Filters(YEAR_2019.start, YEAR_2019.end,
                                                    spaces=("colabora-lielvarde",))) == [OPENED]


def test_one_project_marks_its_start_and_end_in_the_period(small: Dataset) -> None:
    # the project chosen in the sidebar: its dates where they fall in the period (neither is in 2019)
    one = metrics.Filters(YEAR_2019.start, YEAR_2019.end, projects=(PROJECT,))
    assert chart_annotations(small, one) == [OPENED]
    # the project's own period: both ends
    assert chart_annotations(small, PROJECT_PERIOD) == [
        Annotation(dt.date(2018, 9, 1), PROJECT_START, PROJECT), OPENED,
        Annotation(dt.date(2020, 12, 31), PROJECT_END, PROJECT),
    ]


def test_positions_on_a_month_and_a_quarter_axis(small: Dataset) -> None:
    months = pd.date_range("2019-01-01", "2019-12-01", freq="MS")
    assert annotation_positions([OPENED], months, "month") == [(2, OPENED)]  # March
    unit = metrics.time_unit(small, PROJECT_PERIOD)
    assert unit == "quarter"  # 28 months
    rows = metrics.participations_by_period(small, PROJECT_PERIOD, unit).index
    placed = annotation_positions(chart_annotations(small, PROJECT_PERIOD), rows, unit)
    assert [row for row, _ in placed] == [0, 2, 9]  # III 2018, I 2019, IV 2020
    years = pd.DatetimeIndex(["2019-01-01", "2020-01-01"])
    assert annotation_positions([OPENED], years, "year") == [(0, OPENED)]
    assert annotation_positions([OPENED], pd.DatetimeIndex(["2020-01-01"]), "year") == []  # not on the axis


def _figure(periods: int = 12) -> go.Figure:
    labels = [f"m{i}" for i in range(periods)]
    table = pd.DataFrame({"training": range(1, periods + 1)}, index=range(periods))
    return charts.stacked_bar(table, x_labels=labels, title="t", x_title="x", y_title="y",
                              series_labels={}, colours={}, lang="lv")


def test_few_marks_are_labelled_and_staggered() -> None:
    fig = charts.add_annotations(_figure(), [(2, "Atvērta: CoLabora Lielvārde"), (3, "Atvērta: Ogre")],
                                 legend_name="marks")
    assert [s.x0 for s in fig.layout.shapes] == [2, 3]
    assert all(s.line.dash == "dash" for s in fig.layout.shapes)
    texts = [(a.text, a.y) for a in fig.layout.annotations]
    assert texts == [("Atvērta: CoLabora Lielvārde", 1), ("Atvērta: Ogre", pytest.approx(0.915))]
    assert fig.layout.annotations[1].xanchor == "left"
    assert fig.layout.yaxis.range[1] > 12 * 1.15  # room above the bars for the labels


def test_many_marks_go_to_the_hover_and_legend() -> None:
    marks = [(i, f"Atvērta: telpa {i}") for i in range(5)] + [(4, "Projekta beigas: X")]
    fig = charts.add_annotations(_figure(), marks, legend_name="Telpu atvēršana")
    assert len(fig.layout.shapes) == 5 and not fig.layout.annotations
    trace = fig.data[-1]
    assert trace.name == "Telpu atvēršana" and trace.showlegend
    assert list(trace.x) == ["m0", "m1", "m2", "m3", "m4"]
    assert trace.hovertext[-1] == "Atvērta: telpa 4<br>Projekta beigas: X"


def test_no_marks_leave_the_figure_alone() -> None:
    fig = _figure()
    assert charts.add_annotations(fig, [], legend_name="x") is fig and not fig.layout.shapes


def test_outcome_cards(small: Dataset, no_outcomes: Dataset) -> None:
    # O1: a 0,5 FTE job on 01.06.2019; O2: a business started on 02.09.2019
    assert outcome_kpis(small, YEAR_2019) == {"jobs_fte": 0.5, "businesses": 1}
    assert outcome_kpis(small, metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))) == {
        "jobs_fte": 0.0, "businesses": 0}
    assert outcome_kpis(no_outcomes, YEAR_2019) is None
    assert outcome_changes(small, YEAR_2019) is None  # 2018 is before the first data
    # 2020 against 2019: one job of 0,5 FTE and one business fewer
    assert outcome_changes(small, metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))) == {
        "jobs_fte": -0.5, "businesses": -1}
    assert outcome_changes(no_outcomes, metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))) is None
