"""AppTest: every page runs in both languages and shows the figures ``metrics`` gives.

Every test that looks at figures pins its period (``YEAR_2024``, a custom range, a project's
period or all time): the default period follows the calendar, and a test on it would test
something else every year.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import metrics
from i18n import t
from i18n.formatting import fmt_int
from reports import assemble_report
from reports.json_export import report_to_dict
from ui import sidebar
from ui.text import md

PROJECT_DIR = Path(__file__).resolve().parents[1]
PAGES = ["app_pages/overview.py", "app_pages/attendance.py", "app_pages/residents.py", "app_pages/spaces.py"]
COLABORA = "18-00-A019.333-000015"
#: a year of the demo data with events, residents and attendance everywhere
YEAR_2024 = {"period": "year", "year": "2024"}
EMPTY_PERIOD = {"period": "custom", "from": "1995-01-01", "to": "1995-12-31"}
#: the demo data's last year with events (it ends on 2025-12-11)
DEMO_LAST_YEAR = 2025

#: plotly charts each page draws for ``YEAR_2024`` (the Spaces page for the profile ``SPACE_WITH_EVERYTHING``);
#: change the number here when a page gets a chart more or less
CHARTS_OVERVIEW = 1  # the monthly trend
CHARTS_ATTENDANCE = 6  # monthly, by venue, first-time, gender, age band, home municipality
CHARTS_RESIDENTS = 4  # active over time, joined and left, occupations, home municipalities
CHARTS_SPACES = 2  # the profile's residents over time and its monthly participations
SPACE_WITH_EVERYTHING = "colabora-lielvarde"  # residents and events in 2024


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def plotly_charts(at: AppTest) -> int:
    """How many ``st.plotly_chart`` the run drew (AppTest knows them only as unknown elements)."""
    return len(at.get("plotly_chart"))


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_in_both_languages(app, page: str, lang: str) -> None:
    at = app(page, lang=lang, **YEAR_2024)
    assert not at.exception
    title_key = "page." + Path(page).stem
    assert at.title[0].value == t(title_key, lang)
    assert any(t("app.demo_notice", lang) == info.value for info in at.info), "demo data must be marked"
    period, year = at.sidebar.selectbox(key="period"), at.sidebar.selectbox(key="year")
    assert (period.label, period.value) == (t("filter.period", lang), "year")
    assert period.options[0] == t("period.year", lang)
    assert (year.label, year.value) == (t("filter.year", lang), "2024")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_overview_kpis_equal_metrics(app, demo, lang: str) -> None:
    at = app(lang=lang, period="custom", **{"from": "2019-01-01", "to": "2019-12-31"}, project=COLABORA)
    expected = metrics.overview_kpis(
        demo, metrics.Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31), projects=(COLABORA,))
    )
    shown = metric_values(at)
    assert all(expected.values()), expected
    for key, value in expected.items():
        assert shown[t(f"kpi.{key}", lang)] == fmt_int(value, lang)


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (dt.date(2026, 12, 1), DEMO_LAST_YEAR),  # the year after the data: its last year, not the empty 2026
        (dt.date(2025, 6, 1), DEMO_LAST_YEAR),  # a year with events so far
        (dt.date(2030, 1, 1), DEMO_LAST_YEAR),  # years later: still the last year with data
        (dt.date(2021, 3, 1), 2021),  # events later than today do not count
        (dt.date(2018, 1, 1), 2018),
        (dt.date(2010, 1, 1), 2018),  # only later events: the first year with data
    ],
)
def test_default_year_is_the_latest_year_with_events(demo, today: dt.date, year: int) -> None:
    assert sidebar.default_year(demo, today) == year


def test_default_year_without_events_is_last_year(demo) -> None:
    no_events = dataclasses.replace(demo, events=demo.events.iloc[0:0])
    assert sidebar.default_year(no_events, dt.date(2026, 12, 1)) == 2025
    assert sidebar.year_options(no_events, dt.date(2026, 12, 1)) == [2026, 2025]


def test_year_options_run_newest_first_from_the_first_event_to_today(demo) -> None:
    assert sidebar.year_options(demo, dt.date(2026, 12, 1)) == list(range(2026, 2017, -1))
    assert sidebar.year_options(demo, dt.date(2025, 6, 1)) == list(range(2025, 2017, -1))
    assert sidebar.year_options(demo, dt.date(2021, 3, 1)) == list(range(2025, 2017, -1))  # to the last event


def test_default_run_shows_the_latest_year_with_data(app, demo) -> None:
    """On the real date: the demo data ends in 2025 and today is after it, in every later year too."""
    assert dt.date.today().year >= DEMO_LAST_YEAR
    at = app()
    assert (at.sidebar.selectbox(key="period").value, at.sidebar.selectbox(key="year").value) == (
        "year", str(DEMO_LAST_YEAR))
    expected = metrics.event_count(demo, metrics.Filters(*metrics.year_period(DEMO_LAST_YEAR)))
    assert expected > 0
    assert metric_values(at)[t("kpi.events", "lv")] == fmt_int(expected, "lv")
    assert "period" not in at.query_params and "year" not in at.query_params  # defaults stay out of the URL


def test_a_chosen_year_goes_to_the_url_as_a_code(app, demo) -> None:
    at = app(lang="en", **YEAR_2024)
    assert at.query_params["year"] == "2024" and "period" not in at.query_params
    at.sidebar.selectbox(key="year").set_value("2019").run()
    assert not at.exception
    assert at.query_params["year"] == "2019"
    expected = metrics.event_count(demo, metrics.Filters(*metrics.year_period(2019)))
    assert expected > 0
    assert metric_values(at)[t("kpi.events", "en")] == fmt_int(expected, "en")
    at.sidebar.selectbox(key="period").set_value("all").run()
    assert at.query_params["period"] == "all" and "year" not in at.query_params


@pytest.mark.parametrize(("old", "years_back"), [("last_year", 1), ("this_year", 0)])
def test_old_links_open_the_year_preset(app, old: str, years_back: int) -> None:
    """``?period=last_year`` and ``?period=this_year`` from before the year choice keep working."""
    at = app(period=old)
    assert not at.exception
    year = str(dt.date.today().year - years_back)
    assert (at.sidebar.selectbox(key="period").value, at.sidebar.selectbox(key="year").value) == ("year", year)
    assert at.query_params.get("period") is None  # rewritten in today's codes
    assert at.query_params.get("year") in (year, None)  # left out when it is the default year


def test_project_period_preset(app, demo) -> None:
    at = app(period="project", project_period=COLABORA)
    expected = metrics.participations(demo, metrics.Filters(dt.date(2018, 9, 1), dt.date(2020, 12, 31)))
    assert expected > 0
    assert metric_values(at)[t("kpi.participations", "lv")] == fmt_int(expected, "lv")


def test_project_labels(demo) -> None:
    labels = sidebar.project_labels(demo)
    assert list(labels) == demo.projects["project_code"].tolist()
    title = "European cooperation project on coworking spaces in rural areas (CoLabora)"
    assert labels[COLABORA] == f"{COLABORA} · {title}"


def test_selections_from_the_url(app, demo) -> None:
    at = app(period="all", type=["study_visit", "nonsense"], muni="Ogres novads")
    expected = metrics.event_count(
        demo, metrics.Filters(event_types=("study_visit",), municipalities=("Ogres novads",))
    )
    assert expected > 0
    assert metric_values(at)[t("kpi.events", "lv")] == fmt_int(expected, "lv")
    assert at.sidebar.multiselect(key="type").value == ["study_visit"]


def test_residents_page_figures(app, demo) -> None:
    at = app(PAGES[2], period="custom", **{"from": "2020-01-01", "to": "2020-12-31"})
    f = metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    shown = list(metric_values(at).values())
    assert metrics.active_residents(demo, f) and metrics.new_residents(demo, f) and metrics.left_residents(demo, f)
    assert shown == [fmt_int(metrics.active_residents(demo, f), "lv"), fmt_int(metrics.new_residents(demo, f), "lv"),
                     fmt_int(metrics.left_residents(demo, f), "lv")]


def test_which_space_had_most_active_residents_at_end_of_2020(app, demo) -> None:
    f = metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    leader = metrics.active_residents_by_space(demo, f).index[0]
    at = app(PAGES[3], period="custom", **{"from": "2020-01-01", "to": "2020-12-31"}, profile=leader)
    assert at.selectbox(key="profile").value == leader
    table = at.dataframe[0].value
    top = table.sort_values(t("col.active_residents", "lv"), ascending=False).iloc[0]
    assert top[t("col.name", "lv")] == demo.spaces.set_index("space_id").at[leader, "name"]


def test_empty_selection_shows_a_friendly_message(app) -> None:
    at = app(PAGES[1], **EMPTY_PERIOD)
    assert not at.exception
    assert any(t("app.empty", "lv") == info.value for info in at.info)


@pytest.mark.parametrize(
    ("page", "charts"),
    [(PAGES[0], CHARTS_OVERVIEW), (PAGES[1], CHARTS_ATTENDANCE), (PAGES[2], CHARTS_RESIDENTS)],
    ids=["overview", "attendance", "residents"],
)
def test_page_draws_its_charts_and_none_for_an_empty_period(app, demo, page: str, charts: int) -> None:
    assert metrics.event_count(demo, metrics.Filters(*metrics.year_period(2024))) > 0
    at = app(page, **YEAR_2024)
    assert not at.exception
    assert plotly_charts(at) == charts
    assert all(t("app.empty", "lv") != info.value for info in at.info)

    empty = app(page, **EMPTY_PERIOD)
    assert not empty.exception
    assert plotly_charts(empty) == 0
    assert any(t("app.empty", "lv") == info.value for info in empty.info)


def test_spaces_page_draws_the_profiles_charts_and_none_for_an_empty_period(app) -> None:
    at = app(PAGES[3], **YEAR_2024, profile=SPACE_WITH_EVERYTHING)
    assert not at.exception
    assert at.selectbox(key="profile").value == SPACE_WITH_EVERYTHING
    assert plotly_charts(at) == CHARTS_SPACES

    # the spaces table still lists the spaces; the profile says it has nothing in the period
    empty = app(PAGES[3], **EMPTY_PERIOD, profile=SPACE_WITH_EVERYTHING)
    assert not empty.exception
    assert plotly_charts(empty) == 0
    shown = [info.value for info in empty.info]
    assert t("spaces.no_residents", "lv") in shown and t("spaces.no_events", "lv") in shown


@pytest.mark.parametrize("year", ["2019", "2025"])
def test_spaces_table_row_and_profile_show_the_same_figures(app, demo, year: str) -> None:
    """For every space: the table's events, visits and participations are the profile's (one rule each)."""
    at = app(PAGES[3], period="year", year=year)
    assert not at.exception
    table = at.dataframe[0].value.set_index(t("col.name", "lv"))
    names = dict(zip(demo.spaces["space_id"], demo.spaces["name"], strict=True))
    expected = metrics.space_figures(demo, metrics.Filters(*metrics.year_period(int(year))))
    assert expected["events"].sum() > 0 and expected["visits"].sum() > 0 and expected["participations"].sum() > 0
    for space, name in names.items():
        at.selectbox(key="profile").set_value(space).run()
        assert not at.exception
        cards = metric_values(at)
        for key, column in (("events", "col.events"), ("visits", "col.visits"),
                            ("participations", "col.participations")):
            label = t(f"spaces.kpi.{key}", "lv")
            assert cards[label] == fmt_int(int(table.at[name, t(column, "lv")]), "lv"), (space, key)
            assert cards[label] == fmt_int(int(expected.at[space, key]), "lv"), (space, key)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_how_many_different_people_colabora_reached_in_2019(app, demo, lang: str) -> None:
    """By clicking only: the year 2019, the project, "unique participants"; the report's JSON agrees."""
    at = app(PAGES[1], lang=lang, period="year", year="2019", project=COLABORA)
    at.segmented_control(key="count").set_value("unique_participants").run()
    assert not at.exception
    assert at.query_params["count"] == "unique_participants"
    report = report_to_dict(assemble_report(demo, COLABORA, dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    assert report["unique_participants"] > report["unique_participants_by_gender"]["female"] > 0
    cards, gender = metric_values(at), report["unique_participants_by_gender"]
    assert cards[t("kpi.unique_participants", lang)] == fmt_int(report["unique_participants"], lang)
    assert cards[t("attendance.of_whom.female", lang)] == fmt_int(gender["female"], lang)
    assert cards[t("attendance.of_whom.male", lang)] == fmt_int(gender["male"], lang)
    assert cards[t("attendance.of_whom.under_30", lang)] == fmt_int(report["under_30"]["unique_participants"], lang)
    # and the participations view counts every time
    at.segmented_control(key="count").set_value("participations").run()
    assert metric_values(at)[t("kpi.participations", lang)] == fmt_int(report["participations"], lang)


def test_attendance_offers_the_events_csv(app) -> None:
    at = app(PAGES[1], period="all")
    assert not at.exception
    assert len(at.dataframe) == 1
    assert len(at.dataframe[0].value) == 121  # every demo event


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def test_broken_folder_without_earlier_good_data_shows_problems(app, tmp_path: Path, monkeypatch) -> None:
    folder = _copy_demo(tmp_path)
    (folder / "events.csv").write_bytes(b"event_id;title\nE1;x\n")
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    at = app(lang="en")
    assert not at.exception
    assert at.error[0].value == t("app.cannot_load", "en", folder=md(folder))
    problems = at.dataframe[0].value
    assert "column_missing" not in problems.to_string()  # messages, not codes
    assert t("problem.column_missing", "en", column="event_type") in problems[t("cli.col.message", "en")].tolist()


def test_broken_folder_keeps_showing_the_last_good_data(app, tmp_path: Path, monkeypatch, demo) -> None:
    folder = _copy_demo(tmp_path)
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    good = app(period="all")
    events_before = metric_values(good)[t("kpi.events", "lv")]
    assert len(demo.events) > 0
    assert events_before == fmt_int(len(demo.events), "lv")

    with (folder / "events.csv").open("ab") as handle:
        handle.write("E-BAD;Salauzts;opening;31.02.2024\r\n".encode("cp1257"))
    at = app(period="all")
    assert not at.exception
    assert metric_values(at)[t("kpi.events", "lv")] == events_before
    assert any(t("app.showing_last_good", "lv") == w.value for w in at.warning)
    assert all(t("app.demo_notice", "lv") != info.value for info in at.info), "real data is not marked as demo"


def test_data_page_opens_when_nothing_could_be_loaded(app, tmp_path: Path, monkeypatch) -> None:
    folder = _copy_demo(tmp_path)
    (folder / "spaces.csv").write_bytes(b"space_id;name\nx;X\n")
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    at = app("app_pages/data.py")
    assert not at.exception
    assert at.title[0].value == t("page.data", "lv")
    assert not at.sidebar.multiselect, "the Data page has no use for the filters"


def test_reports_page_has_no_sidebar_filters(app) -> None:
    at = app("app_pages/reports.py")
    assert not at.exception
    assert not at.sidebar.multiselect


# --------------------------------------------------------------------------- outcomes (contract version 2)


def test_overview_shows_the_outcome_cards_with_outcomes(app, tmp_path: Path, monkeypatch) -> None:
    from tests.rates_fixture import write_rate_folder

    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_rate_folder(tmp_path / "v2")))
    at = app(period="year", year="2019")
    shown = metric_values(at)
    # O1: a job of 0,5 FTE on 01.06.2019; O2: a business started on 02.09.2019
    assert shown[t("overview.kpi.jobs_fte", "lv")] == "0,5"
    assert shown[t("overview.kpi.businesses", "lv")] == "1"
    helps = {m.label: m.help for m in at.metric}
    assert helps[t("overview.kpi.jobs_fte", "lv")] == t("overview.kpi.jobs_fte.help", "lv")
    en = app(lang="en", period="year", year="2019")
    assert metric_values(en)[t("overview.kpi.jobs_fte", "en")] == "0.5"


def test_overview_without_outcomes_looks_as_before(app, tmp_path: Path, monkeypatch) -> None:
    from tests.rates_fixture import write_rate_folder

    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_rate_folder(tmp_path / "v1", outcomes=False)))
    at = app(period="year", year="2019")
    assert set(metric_values(at)) == {t(f"kpi.{key}", "lv") for key in metrics.KPI_KEYS}  # as before


def test_trend_charts_mark_the_space_openings(app, tmp_path: Path, monkeypatch) -> None:
    from tests.rates_fixture import write_rate_folder

    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_rate_folder(tmp_path)))
    for page in (None, "app_pages/attendance.py"):
        at = app(page, period="year", year="2019")
        figure = at.get("plotly_chart")[0].proto.spec
        assert "Atvērta: CoLabora Lielvārde" in figure
