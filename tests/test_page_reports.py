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
from i18n.formatting import fmt_int, period_text
from reports import assemble_report
from reports.labels import indicator_label
from reports.logos import read_logos
from tests.metrics_fixture import write_fixture as write_metrics_fixture
from ui.report_page import downloads as report_downloads
from ui.report_page.downloads import FILES_KEY

PAGE = "app_pages/reports.py"
COLABORA = "18-00-A019.333-000015"
LAG_PROJECT = "23-00-U31523.0-000003"


def report_buttons(at) -> list:
    """The report's download buttons (not the charts' own PNG buttons nor the monitoring calendar's)."""
    return [b for b in at.get("download_button") if b.key.startswith("report-download-")]


def shown_period(at: AppTest, lang: str) -> str:
    """The period under the Reports page's period choice (``Rāda: …``), without the word."""
    prefix = t("filter.period_shown", lang, period="")
    return next(c.value[len(prefix):] for c in at.caption if c.value.startswith(prefix))


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
    assert at.selectbox(key="report_period").value == "project"  # the project's own period
    assert shown_period(at, lang) == period_text(dt.date(2018, 9, 1), dt.date(2020, 12, 31), lang)
    table = at.dataframe[0].value
    assert list(table.columns) == [t(f"report.col.{c}", lang) for c in ("indicator", "achieved", "target", "percent")]
    report = assemble_report(demo, COLABORA, lang=lang)
    assert report.indicators["participations"] > 0
    assert achieved(at)[indicator_label(report, "participations")] == fmt_int(report.indicators["participations"],
                                                                              lang)
    # a button per format; each file is built when its button is pressed, not on every run of the page
    assert [(b.key, b.label) for b in at.button if b.key.startswith("report-")] == [
        (f"report-prepare-{f}", t(f"report.download.{f}", lang)) for f in ("xlsx", "docx", "pdf", "json", "csv")]
    assert not report_buttons(at)
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
    # an older link's days: the months covering them
    assert [at.selectbox(key=f"report_{key}").value for key in ("period", "from_year", "from_month", "to_month")] == [
        "months", "2024", "1", "12"]
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
    assert at.selectbox(key="report_period").value == "project"
    assert shown_period(at, "lv") == period_text(dt.date(2023, 1, 1), dt.date(2025, 12, 31), "lv")
    at.selectbox(key="report_period").set_value("months").run()  # the project's months to start with
    at.selectbox(key="report_from_year").set_value("2024").run()
    assert at.query_params["report_from"] == "2024-01"
    assert at.query_params["report_to"] == "2025-12"  # a chosen range is written whole: the link keeps it
    assert shown_period(at, "lv") == period_text(dt.date(2024, 1, 1), dt.date(2025, 12, 31), "lv")


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
    assert len(report_buttons(at)) == 0


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_a_pressed_format_is_made_and_offered_for_download(app, demo, lang: str) -> None:
    at = app(PAGE, lang=lang)
    at.button(key="report-prepare-json").click().run()
    assert not at.exception and not at.error
    (button,) = report_buttons(at)
    assert button.proto.label == t("report.page.download_ready", lang, file=t("report.download.json", lang))
    assert button.proto.url and not button.proto.deferred_file_id  # the bytes are made: a plain download
    made = json.loads(at.session_state[FILES_KEY][1]["json"])
    report = assemble_report(demo, COLABORA, lang=lang)
    assert made["project_code"] == COLABORA
    assert made["participations"] == report.indicators["participations"] > 0
    assert "report-prepare-json" not in [b.key for b in at.button]  # its place holds the download now
    assert "report-prepare-xlsx" in [b.key for b in at.button]

    at.selectbox(key="report_period").set_value("year").run()  # another period: made afresh
    assert not report_buttons(at) and at.session_state[FILES_KEY][1] == {}


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
    assert not report_buttons(at)
    assert "report-prepare-docx" in [b.key for b in at.button]  # it can be tried again
    assert any("docx" in r.getMessage() and r.exc_info for r in caplog.records), "the traceback is logged"

    monkeypatch.undo()
    at.button(key="report-prepare-docx").click().run()  # once the fault is gone, the same button works
    assert not at.error and len(report_buttons(at)) == 1


def test_the_data_folders_logos_are_named_and_go_into_the_word_report(app, tmp_path: Path, monkeypatch) -> None:
    import io
    import zipfile

    from PIL import Image

    folder = write_metrics_fixture(tmp_path / "data")
    (folder / "logos").mkdir()
    picture = io.BytesIO()
    Image.new("RGB", (300, 200), (0, 51, 153)).save(picture, format="PNG")
    (folder / "logos" / "01_es.png").write_bytes(picture.getvalue())
    (folder / "logos" / "02_broken.png").write_bytes(b"not a picture")
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))
    at = app(PAGE)
    assert t("report.page.logos", "lv", files="01\\_es\\.png") in [c.value for c in at.caption]
    (warning,) = at.warning
    assert warning.value == t("report.logo.left_out", "lv", file="02\\_broken\\.png",
                              reason=t("report.logo.not_png", "lv"))
    at.button(key="report-prepare-docx").click().run()
    assert not at.exception and not at.error
    (logo,) = read_logos(folder)[0]
    with zipfile.ZipFile(io.BytesIO(at.session_state[FILES_KEY][1]["docx"])) as docx:
        assert logo.png in [docx.read(name) for name in docx.namelist() if name.startswith("word/media/")]


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_network_annual_report_choice(app, demo, lang: str) -> None:
    from reports import assemble_network_report, report_years
    from ui.report_page.network import default_year

    at = app(PAGE, lang=lang)
    kind = at.get("button_group")[0]
    assert [t(f"report.page.kind.{k}", lang) for k in ("project", "network")] == list(kind.proto.options[i].content
                                                                                       for i in range(2))
    kind.set_value("network").run()
    assert not at.exception
    years = report_years(demo)
    year = default_year(years, dt.date.today())
    assert at.selectbox(key="report_annual_year").options == [str(y) for y in years]
    assert at.selectbox(key="report_annual_year").value == str(year)
    assert at.query_params["report_kind"] == "network"
    report = assemble_network_report(demo, year, lang=lang)
    assert achieved(at)[indicator_label(report, "events")] == fmt_int(report.indicators["events"], lang)
    at.button(key="report-prepare-json").click().run()
    made = json.loads(at.session_state[FILES_KEY][1]["json"])
    assert made["year"] == year and made["report"] == "network_annual" and made["events"] == report.indicators["events"]

    at.selectbox(key="report_annual_year").set_value(str(years[-1])).run()  # another year: made afresh
    assert at.session_state[FILES_KEY][1] == {}
    assert achieved(at)[indicator_label(report, "events")] == fmt_int(
        assemble_network_report(demo, years[-1]).indicators["events"], lang)


def test_the_annual_report_from_the_url(app, demo) -> None:
    from reports import report_years

    year = report_years(demo)[-1]
    at = app(PAGE, report_kind="network", report_annual_year=str(year))
    assert not at.exception
    assert at.selectbox(key="report_annual_year").value == str(year)
    assert at.selectbox(key="report_annual_year").label == t("report.page.year", "lv")
