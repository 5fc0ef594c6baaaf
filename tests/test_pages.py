"""AppTest: every page runs in both languages and shows the figures ``metrics`` gives."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import metrics
from i18n import t
from i18n.formatting import fmt_int
from loaders import load_dataset
from ui import sidebar

PROJECT_DIR = Path(__file__).resolve().parents[1]
DASHBOARD = str(PROJECT_DIR / "dashboard.py")
PAGES = ["app_pages/overview.py", "app_pages/attendance.py", "app_pages/residents.py", "app_pages/spaces.py"]
COLABORA = "18-00-A019.333-000015"


@pytest.fixture(scope="module")
def demo():
    return load_dataset(PROJECT_DIR / "data").dataset


def run_app(page: str = PAGES[0], **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    return at


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_runs_in_both_languages(page: str, lang: str) -> None:
    at = run_app(page, lang=lang)
    assert not at.exception
    title_key = "page." + Path(page).stem
    assert at.title[0].value == t(title_key, lang)
    assert any(t("app.demo_notice", lang) == info.value for info in at.info), "demo data must be marked"


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_overview_kpis_equal_metrics(demo, lang: str) -> None:
    at = run_app(lang=lang, period="custom", **{"from": "2019-01-01", "to": "2019-12-31"}, project=COLABORA)
    expected = metrics.overview_kpis(
        demo, metrics.Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31), projects=(COLABORA,))
    )
    shown = metric_values(at)
    for key, value in expected.items():
        assert shown[t(f"kpi.{key}", lang)] == fmt_int(value, lang)


def test_default_period_is_last_year(demo) -> None:
    at = run_app()
    last_year = dt.date.today().year - 1
    expected = metrics.event_count(demo, metrics.Filters(*metrics.year_period(last_year)))
    assert metric_values(at)[t("kpi.events", "lv")] == fmt_int(expected, "lv")


def test_project_period_preset(demo) -> None:
    at = run_app(period="project", project_period=COLABORA)
    expected = metrics.participations(demo, metrics.Filters(dt.date(2018, 9, 1), dt.date(2020, 12, 31)))
    assert metric_values(at)[t("kpi.participations", "lv")] == fmt_int(expected, "lv")


def test_project_labels(demo) -> None:
    labels = sidebar.project_labels(demo)
    assert list(labels) == demo.projects["project_code"].tolist()
    title = "European cooperation project on coworking spaces in rural areas (CoLabora)"
    assert labels[COLABORA] == f"{COLABORA} · {title}"


def test_selections_from_the_url(demo) -> None:
    at = run_app(period="all", type=["study_visit", "nonsense"], muni="Ogres novads")
    expected = metrics.event_count(
        demo, metrics.Filters(event_types=("study_visit",), municipalities=("Ogres novads",))
    )
    assert metric_values(at)[t("kpi.events", "lv")] == fmt_int(expected, "lv")
    assert at.sidebar.multiselect(key="type").value == ["study_visit"]


def test_residents_page_figures(demo) -> None:
    at = run_app(PAGES[2], period="custom", **{"from": "2020-01-01", "to": "2020-12-31"})
    f = metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    shown = list(metric_values(at).values())
    assert shown == [fmt_int(metrics.active_residents(demo, f), "lv"), fmt_int(metrics.new_residents(demo, f), "lv"),
                     fmt_int(metrics.left_residents(demo, f), "lv")]


def test_which_space_had_most_active_residents_at_end_of_2020(demo) -> None:
    f = metrics.Filters(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    leader = metrics.active_residents_by_space(demo, f).index[0]
    at = run_app(PAGES[3], period="custom", **{"from": "2020-01-01", "to": "2020-12-31"}, profile=leader)
    assert at.selectbox(key="profile").value == leader
    table = at.dataframe[0].value
    top = table.sort_values(t("col.active_residents", "lv"), ascending=False).iloc[0]
    assert top[t("col.name", "lv")] == demo.spaces.set_index("space_id").at[leader, "name"]


def test_empty_selection_shows_a_friendly_message() -> None:
    at = run_app(PAGES[1], period="custom", **{"from": "1995-01-01", "to": "1995-12-31"})
    assert not at.exception
    assert any(t("app.empty", "lv") == info.value for info in at.info)


def test_attendance_offers_the_events_csv() -> None:
    at = run_app(PAGES[1], period="all")
    assert not at.exception
    assert len(at.dataframe) == 1
    assert len(at.dataframe[0].value) == 121  # every demo event


def _copy_demo(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


def test_broken_folder_without_earlier_good_data_shows_problems(tmp_path: Path, monkeypatch) -> None:
    folder = _copy_demo(tmp_path)
    (folder / "events.csv").write_bytes(b"event_id;title\nE1;x\n")
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    at = run_app(lang="en")
    assert not at.exception
    assert at.error[0].value == t("app.cannot_load", "en", folder=folder)
    problems = at.dataframe[0].value
    assert "column_missing" not in problems.to_string()  # messages, not codes
    assert t("problem.column_missing", "en", column="event_type") in problems[t("cli.col.message", "en")].tolist()


def test_broken_folder_keeps_showing_the_last_good_data(tmp_path: Path, monkeypatch, demo) -> None:
    folder = _copy_demo(tmp_path)
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    good = run_app(period="all")
    events_before = metric_values(good)[t("kpi.events", "lv")]
    assert events_before == fmt_int(len(demo.events), "lv")

    with (folder / "events.csv").open("ab") as handle:
        handle.write("E-BAD;Salauzts;opening;31.02.2024\r\n".encode("cp1257"))
    at = run_app(period="all")
    assert not at.exception
    assert metric_values(at)[t("kpi.events", "lv")] == events_before
    assert any(t("app.showing_last_good", "lv") == w.value for w in at.warning)
    assert all(t("app.demo_notice", "lv") != info.value for info in at.info), "real data is not marked as demo"


def test_data_page_opens_when_nothing_could_be_loaded(tmp_path: Path, monkeypatch) -> None:
    folder = _copy_demo(tmp_path)
    (folder / "spaces.csv").write_bytes(b"space_id;name\nx;X\n")
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    at = run_app("app_pages/data.py")
    assert not at.exception
    assert at.title[0].value == t("page.data", "lv")
    assert not at.sidebar.multiselect, "the Data page has no use for the filters"


def test_reports_page_has_no_sidebar_filters() -> None:
    at = run_app("app_pages/reports.py")
    assert not at.exception
    assert not at.sidebar.multiselect
