"""The calendar periods (``metrics.periods``), the period picker's URL codes and the time axes'
labels, against dates worked out by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from i18n.formatting import fmt_month, month_abbreviation, quarter_name, quarter_option
from metrics import periods as p
from ui.labels import time_axis
from ui.period_picker import url_codes

D = dt.date


# --------------------------------------------------------------------------- the days of a period


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [
        (2024, 2, D(2024, 2, 29)),  # leap year: divisible by 4
        (2023, 2, D(2023, 2, 28)),
        (1900, 2, D(1900, 2, 28)),  # divisible by 100, not by 400: not a leap year
        (2000, 2, D(2000, 2, 29)),  # divisible by 400: a leap year
        (2024, 4, D(2024, 4, 30)),
        (2024, 12, D(2024, 12, 31)),
        (2024, 1, D(2024, 1, 31)),
    ],
)
def test_month_bounds(year: int, month: int, last: dt.date) -> None:
    assert p.month_bounds(year, month) == (D(year, month, 1), last)


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [
        (1, D(2024, 1, 1), D(2024, 3, 31)),
        (2, D(2024, 4, 1), D(2024, 6, 30)),  # June has 30 days
        (3, D(2024, 7, 1), D(2024, 9, 30)),
        (4, D(2024, 10, 1), D(2024, 12, 31)),
    ],
)
def test_quarter_bounds(quarter: int, first: dt.date, last: dt.date) -> None:
    assert p.quarter_bounds(2024, quarter) == (first, last)


@pytest.mark.parametrize("quarter", [0, 5])
def test_there_are_four_quarters(quarter: int) -> None:
    with pytest.raises(ValueError, match="quarter"):
        p.quarter_bounds(2024, quarter)


def test_months_bounds_and_order() -> None:
    assert p.months_bounds((2019, 1), (2020, 6)) == (D(2019, 1, 1), D(2020, 6, 30))
    assert p.months_bounds((2023, 12), (2024, 2)) == (D(2023, 12, 1), D(2024, 2, 29))  # over the new year
    assert p.months_bounds((2024, 3), (2024, 3)) == (D(2024, 3, 1), D(2024, 3, 31))  # one month
    assert p.in_order((2020, 6), (2019, 1)) == ((2019, 1), (2020, 6), True)  # swapped
    assert p.in_order((2019, 12), (2020, 1)) == ((2019, 12), (2020, 1), False)  # December before January


def test_next_and_previous_month_cross_the_year() -> None:
    assert p.next_month((2024, 12)) == (2025, 1)
    assert p.next_month((2024, 1)) == (2024, 2)
    assert p.previous_month((2025, 1)) == (2024, 12)
    assert p.quarter_of(3) == 1 and p.quarter_of(4) == 2 and p.quarter_of(12) == 4


def test_month_count() -> None:
    assert p.month_count(D(2024, 1, 1), D(2024, 12, 31)) == 12
    assert p.month_count(D(2024, 1, 31), D(2024, 2, 1)) == 2  # two days, two months
    assert p.month_count(D(2024, 3, 5), D(2024, 3, 5)) == 1
    assert p.month_count(D(2018, 9, 1), D(2020, 12, 31)) == 28  # 4 + 12 + 12
    assert p.month_count(D(2024, 2, 1), D(2024, 1, 1)) == 0


def test_months_covering_days() -> None:
    assert p.months_covering(D(2019, 1, 1), D(2019, 12, 31)) == ((2019, 1), (2019, 12))
    assert p.months_covering(D(2019, 3, 18), D(2019, 3, 25)) == ((2019, 3), (2019, 3))
    assert p.months_covering(None, D(2019, 3, 25)) == (None, (2019, 3))


# --------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2019-01", (2019, 1)),
        ("2019-12", (2019, 12)),
        ("2019-01-31", (2019, 1)),  # an older link's day
        ("2024-02-29", (2024, 2)),
        ("2023-02-29", None),  # not a day
        ("2019-13", None),
        ("2019-1", None),
        ("19-01", None),
        ("", None),
        (None, None),
        ("2019-01; DROP", None),
    ],
)
def test_parse_month(text: str | None, month: tuple[int, int] | None) -> None:
    assert p.parse_month(text) == month


def test_month_code() -> None:
    assert p.month_code((2019, 1)) == "2019-01"
    assert p.parse_month(p.month_code((2024, 12))) == (2024, 12)  # read back


# --------------------------------------------------------------------------- defaults


DATES = [D(2018, 9, 20), D(2019, 3, 18), D(2019, 3, 25), D(2024, 11, 5), D(2025, 2, 10), D(2025, 12, 11)]


@pytest.mark.parametrize(
    ("today", "unit", "expected"),
    [
        (D(2026, 12, 1), "year", (2025, 1)),  # after the data: its last year
        (D(2026, 12, 1), "quarter", (2025, 4)),
        (D(2026, 12, 1), "month", (2025, 12)),
        (D(2025, 6, 1), "year", (2025, 1)),  # events later this year count
        (D(2025, 6, 1), "quarter", (2025, 1)),  # the last quarter with events up to Q2: Q1 (February)
        (D(2025, 6, 1), "month", (2025, 2)),
        (D(2025, 12, 1), "month", (2025, 12)),  # later this month counts
        (D(2019, 3, 20), "month", (2019, 3)),
        (D(2010, 1, 1), "year", (2018, 1)),  # only later events: the first
        (D(2010, 1, 1), "month", (2018, 9)),
    ],
)
def test_latest_with_data(today: dt.date, unit: str, expected: tuple[int, int]) -> None:
    assert p.latest_with_data(DATES, today, unit) == expected


@pytest.mark.parametrize(
    ("today", "unit", "expected"),
    [
        (D(2026, 1, 15), "month", (2025, 12)),  # no data: last month, over the new year
        (D(2026, 1, 15), "quarter", (2025, 4)),
        (D(2026, 5, 15), "quarter", (2026, 1)),
        (D(2026, 5, 15), "year", (2025, 1)),
    ],
)
def test_without_data_the_period_before_today(today: dt.date, unit: str, expected: tuple[int, int]) -> None:
    assert p.latest_with_data([], today, unit) == expected


def test_period_defaults() -> None:
    defaults = p.period_defaults(DATES, D(2026, 12, 1))
    assert defaults == p.PeriodDefaults(year=2025, quarter=(2025, 4), month=(2025, 12), months=((2018, 9), (2025, 12)))
    before = p.period_defaults(DATES, D(2010, 1, 1))  # every event later: the first year, quarter, month
    assert before == p.PeriodDefaults(year=2018, quarter=(2018, 3), month=(2018, 9), months=((2018, 9), (2018, 9)))
    empty = p.period_defaults([], D(2026, 1, 15))
    assert empty == p.PeriodDefaults(year=2025, quarter=(2025, 4), month=(2025, 12), months=((2025, 12), (2025, 12)))


def test_project_defaults() -> None:
    data = p.period_defaults(DATES, D(2026, 12, 1))
    ended = p.project_defaults(D(2018, 9, 1), D(2020, 12, 31), data)  # the project ended before the data did
    assert ended == p.PeriodDefaults(year=2020, quarter=(2020, 4), month=(2020, 12), months=((2018, 9), (2020, 12)))
    ongoing = p.project_defaults(D(2023, 1, 1), D(2027, 6, 30), data)  # ends after the data: the data's last month
    assert ongoing == p.PeriodDefaults(year=2025, quarter=(2025, 4), month=(2025, 12), months=((2023, 1), (2027, 6)))
    open_ended = p.project_defaults(None, None, data)
    assert open_ended == data


def test_year_options() -> None:
    assert p.year_options([2018, 2019, 2025], D(2026, 12, 1), 2025) == list(range(2026, 2017, -1))
    assert p.year_options([2018, 2030], D(2026, 12, 1), 2026) == list(range(2030, 2017, -1))  # to the last event
    assert p.year_options([], D(2026, 12, 1), 2025) == [2026, 2025]
    assert p.year_options([2018], D(2019, 1, 1), 2018, extra=[1995]) == [2019, 2018, 1995]  # a link's year


# --------------------------------------------------------------------------- the unit of a time axis


@pytest.mark.parametrize(
    ("start", "end", "unit"),
    [
        (D(2024, 3, 1), D(2024, 3, 31), "month"),
        (D(2024, 1, 1), D(2024, 12, 31), "month"),
        (D(2023, 1, 1), D(2024, 12, 31), "month"),  # 24 months
        (D(2023, 1, 1), D(2025, 1, 1), "quarter"),  # 25 months
        (D(2018, 9, 1), D(2020, 12, 31), "quarter"),  # CoLabora's 28 months
        (D(2018, 1, 1), D(2025, 12, 31), "quarter"),  # 96 months, 8 years
        (D(2018, 1, 1), D(2026, 1, 1), "year"),  # 97
    ],
)
def test_axis_unit(start: dt.date, end: dt.date, unit: str) -> None:
    assert p.axis_unit(start, end) == unit


def test_period_starts() -> None:
    starts = p.period_starts(pd.Timestamp("2023-11-15"), pd.Timestamp("2024-02-01"), "month")
    assert list(starts) == [pd.Timestamp(d) for d in ("2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01")]
    quarters = p.period_starts(pd.Timestamp("2024-02-29"), pd.Timestamp("2024-10-01"), "quarter")
    assert list(quarters) == [pd.Timestamp(d) for d in ("2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01")]
    years = p.period_starts(pd.Timestamp("2018-09-20"), pd.Timestamp("2020-01-01"), "year")
    assert list(years) == [pd.Timestamp(d) for d in ("2018-01-01", "2019-01-01", "2020-01-01")]
    assert p.period_starts(pd.NaT, pd.Timestamp("2020-01-01"), "year").empty


# --------------------------------------------------------------------------- a link's period codes


TODAY = D(2026, 12, 1)


def codes(prefix: str = "", **query: str) -> dict[str, str]:
    return url_codes(query.get, TODAY, prefix)


def test_url_codes_today() -> None:
    assert codes(period="quarter", year="2024", quarter="3") == {"period": "quarter", "year": "2024", "quarter": "3"}
    assert codes(period="months", **{"from": "2019-01", "to": "2020-06"}) == {
        "period": "months", "from": "2019-01", "to": "2020-06"}
    assert codes() == {}


def test_url_codes_of_older_links() -> None:
    # a custom range of days: the months covering them
    assert codes(period="custom", **{"from": "2019-01-01", "to": "2019-12-31"}) == {
        "period": "months", "from": "2019-01", "to": "2019-12"}
    assert codes(**{"from": "2019-03-18"}) == {"period": "months", "from": "2019-03"}  # only a start
    assert codes(period="custom", **{"from": "2019-02-30"}) == {"period": "months"}  # not a day: the default
    assert codes(period="last_year") == {"period": "year", "year": "2025"}
    assert codes(period="this_year") == {"period": "year", "year": "2026"}
    assert codes(period="last_year", year="2019") == {"period": "year", "year": "2019"}
    # the Reports page's keys
    assert codes(prefix="report_", report_from="2024-01-01", report_to="2024-12-31") == {
        "period": "months", "from": "2024-01", "to": "2024-12"}


# --------------------------------------------------------------------------- labels


def test_month_abbreviations_from_babel() -> None:
    assert [month_abbreviation(m, "lv") for m in (1, 2, 3, 5, 9, 12)] == ["janv.", "febr.", "marts", "maijs", "sept.",
                                                                         "dec."]
    assert [month_abbreviation(m, "en") for m in (1, 6, 9, 12)] == ["Jan", "Jun", "Sep", "Dec"]  # not "Sept"
    # the report charts' month labels too
    assert fmt_month(dt.date(2019, 9, 1), "en", "abbreviated") == "Sep 2019"
    assert fmt_month(dt.date(2019, 9, 1), "lv", "abbreviated") == "2019. sept."


def test_quarter_names() -> None:
    assert quarter_name(2025, 1, "lv") == "I cet. 2025"
    assert quarter_name(2025, 4, "lv") == "IV cet. 2025"
    assert quarter_name(2025, 1, "en") == "Q1 2025"
    assert quarter_option(3, "lv") == "III ceturksnis (jūl.–sept.)"
    assert quarter_option(3, "en") == "Q3 (Jul–Sep)"


def test_time_axis_of_one_year_of_months() -> None:
    axis = time_axis(pd.date_range("2024-01-01", "2024-12-01", freq="MS"), "month", "lv")
    assert axis.title == "Mēnesis"
    assert axis.labels[:3] == ["2024. janvāris", "2024. februāris", "2024. marts"]  # unique, for the hover
    assert list(axis.ticks.values())[:3] == ["janv.<br>2024", "febr.", "marts"]  # the year once
    assert len(axis.ticks) == 12
    en = time_axis(pd.date_range("2024-08-01", "2024-09-01", freq="MS"), "month", "en")
    assert en.labels == ["August 2024", "September 2024"]
    assert list(en.ticks.values()) == ["Aug<br>2024", "Sep"]


def test_time_axis_of_two_years_labels_every_other_month() -> None:
    # 24 months from November 2023: every other month labelled (January, March, ...), the year under January
    axis = time_axis(pd.date_range("2023-11-01", "2025-10-01", freq="MS"), "month", "en")
    assert len(axis.labels) == 24
    assert list(axis.ticks.values())[:4] == ["Nov<br>2023", "Jan<br>2024", "Mar", "May"]
    assert len(axis.ticks) == 12


def test_time_axis_of_quarters_and_years() -> None:
    # CoLabora: 2018-09 … 2020-12 is 10 quarters: every other one labelled (I and III)
    quarters = pd.period_range("2018Q3", "2020Q4", freq="Q")
    lv = time_axis(quarters, "quarter", "lv")
    assert lv.title == "Ceturksnis"
    assert lv.labels[:2] == ["III cet. 2018", "IV cet. 2018"]
    assert list(lv.ticks.items())[:3] == [("III cet. 2018", "III cet.<br>2018"), ("I cet. 2019", "I cet.<br>2019"),
                                          ("III cet. 2019", "III cet.")]
    en = time_axis(pd.period_range("2025Q1", "2025Q4", freq="Q").start_time, "quarter", "en")
    assert en.labels == ["Q1 2025", "Q2 2025", "Q3 2025", "Q4 2025"]
    assert list(en.ticks.values()) == ["Q1<br>2025", "Q2", "Q3", "Q4"]
    # 8 years of quarters: only each year's first
    long = time_axis(pd.period_range("2018Q1", "2025Q4", freq="Q"), "quarter", "en")
    assert list(long.ticks.values()) == [f"Q1<br>{year}" for year in range(2018, 2026)]
    years = time_axis(pd.date_range("2018-12-31", "2025-12-31", freq="YE"), "year", "lv")
    assert years.title == "Gads"
    assert years.labels == [str(year) for year in range(2018, 2026)] == list(years.ticks.values())
