"""AppTest: the Reports page in both languages, its choices in the URL, and its figures equal to the
Overview's for the same project and period."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import metrics
from i18n import t
from i18n.formatting import fmt_int
from reports import assemble_report
from reports.labels import indicator_label
from tests.metrics_fixture import write_fixture as write_metrics_fixture
from ui.report_page import downloads as report_downloads
from ui.report_page.downloads import FILES_KEY

PAGE = "app_pages/reports.py"
COLABORA = "18-00-A019.333-000015"
LAG_PROJECT = "23-00-U31523.0-000003"


def achieved(at: AppTest) -> dict[str, str]:
    """The preview's indicator table: label → achieved."""
    table = at.dataframe[0].value
    return dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_page_in_both_languages(app, demo, lang: str) -> None:
    at = app(PAGE, lang=lang)
    assert at.title[0].value == t("page.reports", lang)
    assert any(t("app.demo_notice", lang) == info.value for info in at.info)
    assert at.selectbox(key="report_project").value == COLABORA
    assert (at.date_input(key="report_from").value, at.date_input(key="report_to").value) == (
        dt.date(2018, 9, 1), dt.date(2020, 12, 31))  # the project's own period
    table = at.dataframe[0].value
    assert list(table.columns) == [t(f"report.col.{c}", lang) for c in ("indicator", "achieved", "target", "percent")]
    report = assemble_report(demo, COLABORA, lang=lang)
    assert report.indicators["participations"] > 0
    assert achieved(at)[indicator_label(report, "participations")] == fmt_int(report.indicators["participations"],
                                                                              lang)
    # a button per format; each file is built when its button is pressed, not on every run of the page
    assert [(b.key, b.label) for b in at.button if b.key.startswith("report-")] == [
        (f"report-prepare-{f}", t(f"report.download.{f}", lang)) for f in ("xlsx", "docx", "pdf", "json", "csv")]
    assert not at.get("download_button")
    assert at.session_state[FILES_KEY][1] == {}


def test_figures_equal_the_overview_for_the_same_project_and_period(app, demo) -> None:
    overview = app(period="project", project_period=COLABORA, project=COLABORA)
    kpis = {m.label: m.value for m in overview.metric}
    at = app(PAGE)
    shown = achieved(at)
    report = assemble_report(demo, COLABORA)
    for kpi, indicator in (("events", "events"), ("participations", "participations"),
                           ("unique_participants", "unique_participants"),
                           ("active_residents", "residents_active_at_end")):
        assert report.indicators[indicator] > 0, indicator
        assert shown[indicator_label(report, indicator)] == kpis[t(f"kpi.{kpi}", "lv")], kpi


def test_sidebar_filters_do_not_change_the_report(app, demo) -> None:
    at = app(PAGE, type="study_visit", muni="Ogres novads", period="all")
    expected = metrics.participations(demo, metrics.Filters(dt.date(2018, 9, 1), dt.date(2020, 12, 31),
                                                            projects=(COLABORA,)))
    assert expected > 0
    assert achieved(at)[t("report.indicator.participations")] == fmt_int(expected, "lv")


def test_choices_come_from_and_go_to_the_url(app, demo) -> None:
    at = app(PAGE, report_project=LAG_PROJECT, report_from="2024-01-01", report_to="2024-12-31", report_public="1",
             report_lang="en")
    assert at.selectbox(key="report_project").value == LAG_PROJECT
    assert at.date_input(key="report_from").value == dt.date(2024, 1, 1)
    assert at.toggle(key="report_public").value is True
    report = assemble_report(demo, LAG_PROJECT, dt.date(2024, 1, 1), dt.date(2024, 12, 31), public=True, lang="en")
    assert report.indicators["events"] > 0
    assert achieved(at)[t("report.indicator.events", "en")] == fmt_int(report.indicators["events"], "en")
    assert t("report.mode.public", "en") in " ".join(c.value for c in at.caption)
    assert at.query_params["report_project"] == LAG_PROJECT
    assert at.query_params["report_public"] == "1"


def test_picking_a_project_fills_in_its_period(app) -> None:
    at = app(PAGE)
    at.selectbox(key="report_project").set_value(LAG_PROJECT).run()
    assert not at.exception
    assert (at.date_input(key="report_from").value, at.date_input(key="report_to").value) == (
        dt.date(2023, 1, 1), dt.date(2025, 12, 31))
    at.date_input(key="report_from").set_value(dt.date(2024, 1, 1)).run()
    assert at.query_params["report_from"] == "2024-01-01"
    assert "report_to" not in at.query_params  # the project's own end is the default


def test_reversed_period_is_swapped_with_a_warning(app, demo) -> None:
    at = app(PAGE, report_from="2020-12-31", report_to="2019-01-01")
    assert at.warning[0].value == t("report.page.bad_range", "lv")
    expected = metrics.event_count(demo, metrics.Filters(dt.date(2019, 1, 1), dt.date(2020, 12, 31),
                                                         projects=(COLABORA,)))
    assert expected > 0
    assert achieved(at)[t("report.indicator.events")] == fmt_int(expected, "lv")


def test_without_projects_the_page_says_what_to_add(app, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_metrics_fixture(tmp_path / "data", without=("projects",))))
    at = app(PAGE, lang="en")
    assert any(t("report.page.no_projects", "en") == info.value for info in at.info)
    assert len(at.get("download_button")) == 0


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_pressed_format_is_made_and_offered_for_download(app, demo, lang: str) -> None:
    at = app(PAGE, lang=lang)
    at.button(key="report-prepare-json").click().run()
    assert not at.exception and not at.error
    (button,) = at.get("download_button")
    assert button.proto.label == t("report.page.download_ready", lang, file=t("report.download.json", lang))
    assert button.proto.url and not button.proto.deferred_file_id  # the bytes are made: a plain download
    made = json.loads(at.session_state[FILES_KEY][1]["json"])
    report = assemble_report(demo, COLABORA, lang=lang)
    assert made["project_code"] == COLABORA
    assert made["participations"] == report.indicators["participations"] > 0
    assert "report-prepare-json" not in [b.key for b in at.button]  # its place holds the download now
    assert "report-prepare-xlsx" in [b.key for b in at.button]

    at.date_input(key="report_from").set_value(dt.date(2019, 1, 1)).run()  # another period: made afresh
    assert not at.get("download_button") and at.session_state[FILES_KEY][1] == {}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_failing_build_says_so_in_the_ui_language(app, lang: str, monkeypatch, caplog) -> None:
    def broken(*_args, **_kwargs):
        raise ValueError("All strings must be XML compatible")

    monkeypatch.setattr(report_downloads, "build", broken)
    at = app(PAGE, lang=lang)
    with caplog.at_level(logging.ERROR, logger="ui.report_page.downloads"):
        at.button(key="report-prepare-docx").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("report.page.build_failed", lang, file=t("report.download.docx", lang))]
    assert not at.get("download_button")
    assert "report-prepare-docx" in [b.key for b in at.button]  # it can be tried again
    assert any("docx" in r.getMessage() and r.exc_info for r in caplog.records), "the traceback is logged"

    monkeypatch.undo()
    at.button(key="report-prepare-docx").click().run()  # once the fault is gone, the same button works
    assert not at.error and len(at.get("download_button")) == 1
