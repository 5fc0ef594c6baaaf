"""Contract version 2 in the reports: results (jobs in FTE, businesses), costs (per spent or, labelled,
per budget), the population covered, the targets jobs_fte and businesses, the cumulative progress, and
the network's annual report, in JSON, Excel, Word and PDF, counted by hand in
``tests/reports_v2_fixture.py``; and a version-1 folder's reports exactly as before in every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from i18n import t
from loaders import load_dataset
from reports import assemble_network_report, assemble_report, cli
from reports.build import build, file_name
from reports.chart_images import ChartImages
from reports.layout import cost_lines, indicator_table, outcome_lines
from reports.report_charts import report_charts
from tests.reports_fixture import OTHER_PROJECT, PROJECT
from tests.reports_snapshot import NOW, SNAPSHOT, snapshot
from tests.reports_v2_fixture import (
    EXPECTED_NETWORK,
    EXPECTED_PROGRESS,
    EXPECTED_V2,
    EXPECTED_V2_TARGETS,
    MONTHS,
    TERRITORY,
    write_fixture_v2,
)

NO_CHARTS = ChartImages((), (), missing_reason="test")


@pytest.fixture
def no_chart_rendering(monkeypatch):
    monkeypatch.setattr(cli, "render_charts", lambda _report, _browser=None: NO_CHARTS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_fixture_v2(tmp_path_factory.mktemp("v2") / "data")


@pytest.fixture(scope="module")
def ds(folder: Path):
    result = load_dataset(folder)
    assert result.ok, [p.message("en") for p in result.problems]
    return result.dataset


def as_json(report) -> dict:
    return json.loads(build(report, "json").decode("utf-8"))


def test_version_1_reports_are_as_before_in_every_format(reports_ds) -> None:
    before = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = json.loads(json.dumps({"P": snapshot(reports_ds, PROJECT), "Q": snapshot(reports_ds, OTHER_PROJECT)},
                                ensure_ascii=False))
    assert now.keys() == before.keys()
    for project, files in before.items():
        for name, content in files.items():
            assert now[project][name] == content, f"{project} {name}"


def test_version_1_report_has_no_version_2_keys(reports_ds) -> None:
    data = as_json(assemble_report(reports_ds, PROJECT, territory=TERRITORY))
    assert not {"jobs_created_fte", "spent_eur", "population_covered", "progress"} & set(data)
    assert set(data["targets"]) == {"events", "participations"}


def test_project_json_has_the_hand_counted_version_2_figures(ds) -> None:
    data = as_json(assemble_report(ds, PROJECT, territory=TERRITORY))
    for key, value in EXPECTED_V2.items():
        assert data[key] == value, key
    assert data["targets"] == EXPECTED_V2_TARGETS
    assert data["population_missing"] == ["Mārupes novads"]
    for key, values in EXPECTED_PROGRESS.items():
        if key == "unique_participants":
            assert key not in data["progress"]  # no such target
            continue
        assert list(data["progress"][key]["cumulative"]) == MONTHS
        assert list(data["progress"][key]["cumulative"].values()) == values, key
        assert data["progress"][key]["unit"] == "month"


def test_contract_keys(ds) -> None:
    data = as_json(assemble_report(ds, PROJECT, territory=TERRITORY))
    contract = {"unique_participants_by_gender", "unique_participants_by_age_band",
                "unique_participants_by_municipality", "under_30", "jobs_created_fte", "businesses_started",
                "businesses_supported", "spent_eur", "budget_absorbed", "cost_per_participation",
                "cost_per_unique_participant", "cost_per_job_fte", "jobs_created_fte_by_gender",
                "jobs_created_fte_under_30", "population_covered"}
    assert contract <= set(data)
    assert {"jobs_fte", "businesses"} <= set(data["targets"])
    assert set(data["jobs_created_fte_by_gender"]) == {"female", "male", "other", "unknown"}


def test_costs_per_budget_are_labelled_as_such(ds) -> None:
    report = assemble_report(ds, OTHER_PROJECT, territory=TERRITORY)
    data = as_json(report)
    assert data["cost_basis"] == "budget" and data["spent_eur"] is None and data["budget_absorbed"] is None
    assert (data["cost_per_participation"], data["cost_per_unique_participant"], data["cost_per_job_fte"],
            data["cost_per_event"]) == (200.0, 200.0, 6000.0, 6000.0)
    assert "jobs_fte" not in data["targets"]
    labels = [line.label for line in cost_lines(report)]
    assert t("report.cost.cost_per_participation", "lv", basis=t("report.cost.basis_short.budget", "lv")) in labels
    assert all("no budžeta" in label for label in labels[3:])


def test_no_job_no_cost_per_job(ds) -> None:
    import datetime as dt

    data = as_json(assemble_report(ds, PROJECT, dt.date(2024, 1, 1), dt.date(2024, 1, 31), territory=TERRITORY))
    assert data["jobs_created_fte"] == 0.0 and data["cost_per_job_fte"] is None


def test_public_version_keeps_outcomes_exact_and_hides_costs_of_hidden_divisors(ds) -> None:
    import datetime as dt

    report = assemble_report(ds, PROJECT, dt.date(2024, 1, 1), dt.date(2024, 1, 31), public=True, territory=TERRITORY)
    data = as_json(report)
    assert data["participations"] == "<5" and data["unique_participants"] == "<5"
    assert data["cost_per_participation"] is None and data["cost_per_unique_participant"] is None
    assert data["cost_per_event"] == 10000.0  # events are not person counts
    full = as_json(assemble_report(ds, PROJECT, public=True, territory=TERRITORY))
    assert full["jobs_created_fte"] == 2.0 and full["jobs_created_fte_by_gender"]["female"] == 1.0
    assert full["businesses_started"] == 1 and full["jobs_created_fte_under_30"] == 0.5
    assert set(full["progress"]) == {"events", "jobs_fte", "businesses"}  # no person counts month by month


def test_network_annual_report(ds) -> None:
    report = assemble_network_report(ds, 2024, territory=TERRITORY)
    data = as_json(report)
    for key, value in EXPECTED_NETWORK.items():
        assert data[key] == value, key
    assert data["report"] == "network_annual" and data["year"] == 2024 and data["project_code"] is None
    assert (data["from"], data["to"]) == ("2024-01-01", "2024-12-31")
    assert [e["event_id"] for e in data["events_list"]] == ["E1", "E2", "E3", "E5", "E4", "E6"]  # E5: no project
    assert data["targets"] == {} and "spent_eur" not in data
    assert data["provenance"]["filters"]["year"] == 2024
    assert "period_network" in data["provenance"]["counting_rules"]
    assert file_name(report, "xlsx") == "gada_parskats_2024.xlsx"


def test_indicator_table_rows(ds) -> None:
    rows = {row[0]: row[1:] for row in indicator_table(assemble_report(ds, PROJECT, territory=TERRITORY)).rows}
    assert rows[t("report.indicator.jobs_fte", "lv")] == ("2", "2", "100\u00a0%")
    assert rows[t("report.indicator.businesses", "lv")] == ("2", "3", "67\u00a0%")
    assert rows[t("report.indicator.population_covered", "lv")] == ("19\u00a0000", "–", "–")
    en = {row[0]: row[1] for row in indicator_table(assemble_report(ds, PROJECT, lang="en")).rows}
    assert en[t("report.indicator.population_covered", "en")] == "19,000"  # the default territory: Olaines
    lines = {line.key: line for line in outcome_lines(assemble_report(ds, PROJECT, territory=TERRITORY))}
    assert lines["jobs_created_fte_under_30"].value == 0.5


def _xlsx_values(data: bytes) -> dict[str, list]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [v for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
            for sheet in book.worksheets}


def test_excel_has_the_same_numbers(ds) -> None:
    values = _xlsx_values(build(assemble_report(ds, PROJECT, territory=TERRITORY), "xlsx"))
    summary = values[t("report.sheet.summary", "lv")]
    for label, value in ((t("report.outcome.jobs_fte", "lv"), 2), (t("report.outcome.jobs_under_30", "lv"), 0.5),
                         (t("report.outcome.started", "lv"), 1), (t("report.cost.spent", "lv"), 10000),
                         (t("report.cost.absorbed", "lv"), 0.8)):
        assert summary[summary.index(label) + 1] == value, label
    assert 344.83 in summary and 454.55 in summary and 5000 in summary and 19000 in summary
    network = _xlsx_values(build(assemble_network_report(ds, 2024, territory=TERRITORY), "xlsx"))
    projects = network[t("report.sheet.projects", "lv")]
    assert PROJECT in projects and 12500 in projects and 6000 in projects and 0.8 in projects
    assert 4.5 in network[t("report.sheet.summary", "lv")]


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_word_and_pdf_show_results_costs_and_the_annual_report(ds, fmt: str) -> None:
    text_of = _docx_text if fmt == "docx" else _pdf_text
    text = text_of(build(assemble_report(ds, PROJECT, territory=TERRITORY, now=NOW), fmt, NO_CHARTS))
    for expected in (t("report.section.results", "lv"), t("report.section.costs", "lv"), "344,83", "454,55",
                     "5\u00a0000,00", "10\u00a0000,00", "80\u00a0%", t("report.cost.basis.spent", "lv")[:30]):
        assert expected.replace("\u00a0", " ") in text.replace("\u00a0", " "), expected
    budget = text_of(build(assemble_report(ds, OTHER_PROJECT, territory=TERRITORY), fmt, NO_CHARTS))
    assert "no budžeta" in budget
    network = text_of(build(assemble_network_report(ds, 2024, territory=TERRITORY), fmt, NO_CHARTS))
    for expected in (t("report.network.heading", "lv"), t("report.section.projects", "lv"), "4,5", "12 500,00"):
        assert expected in network.replace("\u00a0", " "), expected


def test_progress_chart_has_a_panel_per_target(ds) -> None:
    charts = report_charts(assemble_report(ds, PROJECT, territory=TERRITORY))
    assert charts[0].key == "progress"
    figure = charts[0].figure
    lines = [trace for trace in figure.data if trace.name == t("report.progress.achieved", "lv")]
    targets = [trace for trace in figure.data if trace.name == t("report.progress.target", "lv")]
    assert [list(trace.y) for trace in lines] == [EXPECTED_PROGRESS[k] for k in ("events", "participations",
                                                                                  "jobs_fte", "businesses")]
    assert [trace.y[0] for trace in targets] == [8, 50, 2, 3]
    assert report_charts(assemble_network_report(ds, 2024))[0].key != "progress"


@pytest.mark.usefixtures("no_chart_rendering")
def test_cli_year(folder: Path, capsys, tmp_path: Path) -> None:
    assert cli.main([str(folder), "--year", "2024", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["events"] == 6 and data["year"] == 2024
    out = tmp_path / "gads.pdf"
    assert cli.main([str(folder), "--year", "2024", "--format", "pdf", "--lang", "en", "--out", str(out)]) == 0
    assert t("report.network.heading", "en") in _pdf_text(out.read_bytes())
    for fmt in ("xlsx", "docx", "csv"):
        assert cli.main([str(folder), "--year", "2024", "--format", fmt, "--public", "--out",
                         str(tmp_path / f"x.{fmt}")]) == 0


@pytest.mark.parametrize("args, key", [
    (["--year", "2024", "--project", PROJECT], "report.cli.year_and_project"),
    ([], "report.cli.project_or_year"),
    (["--year", "2024", "--from", "2024-01-01"], "report.cli.year_and_period"),
])
def test_cli_year_usage_errors(folder: Path, capsys, args: list[str], key: str) -> None:
    assert cli.main([str(folder), *args, "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert t(key, "lv") in err
    assert t(key, "en").split(" / ")[0] in err  # both languages in one message


def test_version_2_without_an_outcomes_table_says_no_data(tmp_path: Path) -> None:
    from tests.helpers import write_rows
    from tests.reports_v2_fixture import TABLES_V2

    tables = {name: rows for name, rows in TABLES_V2.items() if name not in ("outcomes", "municipalities")}
    write_rows(tmp_path / "data", tables)
    result = load_dataset(tmp_path / "data")
    assert result.ok
    report = assemble_report(result.dataset, PROJECT, territory=TERRITORY)
    data = as_json(report)
    assert data["jobs_created_fte"] is None and data["jobs_created_fte_by_gender"] is None
    assert data["population_covered"] is None and data["cost_per_job_fte"] is None
    assert data["spent_eur"] == 10000.0 and data["cost_per_event"] == 2500.0
    assert data["targets"]["jobs_fte"]["target"] == 2.0
    rows = {row[0]: row[1] for row in indicator_table(report).rows}
    assert rows[t("report.indicator.jobs_fte", "lv")] == t("report.no_data", "lv")
    assert rows[t("report.indicator.population_covered", "lv")] == t("report.no_data", "lv")
    assert outcome_lines(report) == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_english_documents_and_the_public_progress_note(ds, fmt: str) -> None:
    text_of = _docx_text if fmt == "docx" else _pdf_text
    text = text_of(build(assemble_report(ds, OTHER_PROJECT, lang="en", territory=TERRITORY), fmt, NO_CHARTS))
    for expected in (t("report.section.results", "en"), t("report.section.costs", "en"), "6,000.00", "200.00",
                     t("report.cost.basis_short.budget", "en")):
        assert expected in text, expected
    public = text_of(build(assemble_report(ds, PROJECT, public=True, territory=TERRITORY), fmt, NO_CHARTS))
    assert t("report.progress.public_note", "lv")[:40] in public.replace("\n", " ")
