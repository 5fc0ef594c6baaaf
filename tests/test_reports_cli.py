"""``python -m reports``: JSON to stdout, files with --out, exit codes 1 (data errors) and 2 (unknown
project and other usage errors), and never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import metrics
from i18n import t
from loaders import load_dataset
from reports import cli
from reports.chart_images import ChartImages
from tests.reports_fixture import EXPECTED, EXPECTED_PUBLIC, OTHER_PROJECT, PROJECT, write_fixture

PROJECT_DIR = Path(__file__).resolve().parents[1]
COLABORA = "18-00-A019.333-000015"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_fixture(tmp_path / "data")


@pytest.fixture(autouse=True)
def no_chart_rendering(monkeypatch):
    """Word/PDF from the CLI without starting a browser (charts are tested in test_reports_formats)."""
    monkeypatch.setattr(cli, "render_charts", lambda _report, _browser=None: ChartImages((), (), missing_reason="test"))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_goes_to_stdout(capsys, folder: Path) -> None:
    code, out, err = run(capsys, folder, "--project", PROJECT, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    for key, value in EXPECTED.items():
        assert data[key] == value, key
    assert data["fingerprint"] == load_dataset(folder).fingerprint


def test_public_english_and_period(capsys, folder: Path) -> None:
    code, out, _ = run(capsys, folder, "--project", PROJECT, "--public", "--lang", "en", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["participations_by_gender"] == EXPECTED_PUBLIC["participations_by_gender"]
    assert data["lang"] == "en" and data["public"] is True
    code, out, _ = run(capsys, folder, "--project", PROJECT, "--from", "2024-04-01", "--to", "2024-06-30",
                       "--format", "json")
    assert code == 0 and (json.loads(out)["events"], json.loads(out)["participations"]) == (2, 13)


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf", "csv"])
def test_out_file(capsys, folder: Path, tmp_path: Path, fmt: str) -> None:
    out_file = tmp_path / f"report.{fmt}"
    code, out, err = run(capsys, folder, "--project", PROJECT, "--format", fmt, "--out", out_file)
    assert code == 0, err
    assert out.strip() == t("report.cli.saved", "lv", path=out_file)
    assert out_file.stat().st_size > 300
    if fmt == "xlsx":
        assert openpyxl.load_workbook(out_file)["Pasākumi"]["A2"].value == "E1"
    if fmt in ("docx", "pdf"):
        assert t("report.charts_missing", "lv", reason="test") in err  # told, and the file is still there


def test_without_out_a_file_gets_its_default_name(capsys, folder: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(capsys, folder, "--project", PROJECT, "--format", "xlsx")
    assert code == 0
    assert (tmp_path / f"atskaite_{PROJECT}_2024-01-01_2024-06-30.xlsx").is_file()


def test_data_folder_with_errors_exits_1_and_prints_the_problems(capsys, folder: Path) -> None:
    with (folder / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("E9,Salauzts,opening,31.02.2024,,lielvarde,,,\n")
    code, out, err = run(capsys, folder, "--project", PROJECT, "--format", "json")
    assert code == 1
    assert out == ""
    assert t("report.cli.cannot_load", "lv") in err
    assert "31.02.2024" in err and "events.csv" in err
    assert "Traceback" not in err


def test_unknown_project_exits_2_with_the_known_codes(capsys, folder: Path) -> None:
    code, out, err = run(capsys, folder, "--project", "NO-SUCH", "--format", "json", "--lang", "en")
    assert code == 2 and out == ""
    assert t("report.cli.unknown_project", "en", code="NO-SUCH") in err
    assert PROJECT in err and OTHER_PROJECT in err


def test_usage_errors_exit_2(capsys, folder: Path, tmp_path: Path) -> None:
    assert run(capsys, tmp_path / "missing", "--project", PROJECT, "--format", "json")[0] == 2
    code, _, err = run(capsys, folder, "--project", PROJECT, "--from", "2024-06-01", "--to", "2024-01-01",
                       "--format", "json")
    assert code == 2 and t("report.cli.bad_period", "lv", start="2024-06-01", end="2024-01-01") in err
    for bad in (["--from", "01.02.2024"], ["--format", "odt"], []):
        with pytest.raises(SystemExit) as raised:  # argparse: a usage message, exit 2
            cli.main([str(folder), "--project", PROJECT, *(bad or ["--public"])])
        assert raised.value.code == 2
    capsys.readouterr()


def test_unwritable_out_exits_3_without_a_traceback(capsys, folder: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, folder, "--project", PROJECT, "--format", "csv", "--out", tmp_path / "no" / "x.csv")
    assert code == 3
    assert "Traceback" not in err and str(tmp_path / "no" / "x.csv") in err


def test_python_m_reports_on_the_demo_data_prints_the_indicators(demo) -> None:
    """The issue's "done means": ``python -m reports data --project 18-00-A019.333-000015 --format json``."""
    done = subprocess.run(
        [sys.executable, "-m", "reports", "data", "--project", COLABORA, "--format", "json"],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    f = metrics.Filters(dt.date(2018, 9, 1), dt.date(2020, 12, 31), projects=(COLABORA,))
    assert (data["from"], data["to"]) == ("2018-09-01", "2020-12-31")
    assert data["events"] == metrics.event_count(demo, f)
    assert data["participations"] == metrics.participations(demo, f)
    assert data["unique_participants"] == metrics.unique_participants(demo, f)
    assert data["targets"]["participations"]["target"] == 600
