"""``python -m loaders check DIR [--lang lv|en] [--json]``: exit codes, JSON shape, human table."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from loaders.cli import main
from tests.helpers import table_text, valid_tables, write_folder, zip_bomb

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEMO_DIR = PROJECT_DIR / "data"

TABLE_KEYS = {"file", "rows", "encoding", "separator"}
PROBLEM_KEYS = {"severity", "table", "row", "column", "value", "rule", "message"}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """spaces.csv with an unknown space type at row 3; residents with a two-digit year at row 4."""
    tables = valid_tables()
    tables["spaces"][1]["space_type"] = "kafejnīca"
    tables["residents"][2]["joined_on"] = "10.02.20"
    return write_folder(tmp_path, tables, raw={"notes.csv": "x\n"})


def test_demo_data_passes_with_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(DEMO_DIR), "--json")
    assert code == 0, out
    report = json.loads(out)
    assert set(report) == {"ok", "tables", "problems"}
    assert report["ok"] is True
    assert set(report["tables"]) == {"spaces", "residents", "events", "attendance", "event_stops", "projects",
                                     "outcomes", "municipalities"}
    for name, info in report["tables"].items():
        assert set(info) == TABLE_KEYS
        assert info["file"] == f"{name}.csv"
        assert isinstance(info["rows"], int) and info["rows"] > 0
        assert info["encoding"] == "Windows-1257"
        assert info["separator"] == ";"
    assert all(p["severity"] == "warning" for p in report["problems"])
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS
    assert err == ""


def test_bad_folder_json(bad_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(bad_folder), "--json")
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"ok", "tables", "problems"}
    assert report["ok"] is False
    for info in report["tables"].values():
        assert set(info) == TABLE_KEYS
    assert report["tables"]["spaces"] == {"file": "spaces.csv", "rows": 2, "encoding": "UTF-8", "separator": ","}
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS
    located = [(p["severity"], p["table"], p["row"], p["column"], p["value"], p["rule"]) for p in report["problems"]]
    assert located == [
        ("error", "spaces", 3, "space_type", "kafejnīca", "enum"),
        ("error", "residents", 4, "joined_on", "10.02.20", "date_two_digit_year"),
        ("warning", "notes", None, None, None, "unknown_file"),
    ]


def test_json_is_exactly_one_object(bad_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in ([str(bad_folder), "--json"], [str(bad_folder / "nav"), "--json", "--lang", "en"]):
        _, out, _ = run(capsys, *args)
        report = json.loads(out)  # the whole stdout, nothing before or after
        assert isinstance(report, dict)
        assert out.strip().startswith("{") and out.strip().endswith("}")


def test_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nav-tadas-mapes"
    code, out, err = run(capsys, str(missing))
    assert code == 2
    assert out == ""
    assert str(missing) in err

    code, out, _ = run(capsys, str(missing), "--json", "--lang", "en")
    assert code == 2
    report = json.loads(out)
    assert report["ok"] is False
    assert report["tables"] == {}
    (problem,) = report["problems"]
    assert set(problem) == PROBLEM_KEYS
    assert (problem["rule"], problem["value"]) == ("folder_missing", str(missing))
    assert str(missing) in problem["message"]


def test_a_file_is_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "spaces.csv"
    path.write_text("space_id\n", encoding="utf-8")
    code, _, _ = run(capsys, str(path))
    assert code == 2


def test_warnings_only_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = valid_tables()
    tables["events"][0]["participants"] = 2  # below the 4 attendance rows: a warning
    code, out, _ = run(capsys, str(write_folder(tmp_path, tables)), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["ok"] is True
    assert [(p["severity"], p["rule"], p["row"]) for p in report["problems"]] == [
        ("warning", "participants_below_attendance", 2)
    ]


def test_languages_differ_and_latvian_is_default(bad_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, latvian, _ = run(capsys, str(bad_folder), "--json")  # no --lang: Latvian
    _, english, _ = run(capsys, str(bad_folder), "--json", "--lang", "en")
    lv_messages = [p["message"] for p in json.loads(latvian)["problems"]]
    en_messages = [p["message"] for p in json.loads(english)["problems"]]
    assert len(lv_messages) == len(en_messages) == 3
    for lv, en in zip(lv_messages, en_messages, strict=True):
        assert lv != en
    assert lv_messages[1] == (
        "“10.02.20” kolonnā “joined_on” gads ir ar diviem cipariem; rakstiet pilnu gadu (18.03.2019)."
    )
    assert en_messages[1] == "“10.02.20” in “joined_on” has a two-digit year; write the year in full (18.03.2019)."


def test_human_output_is_a_table_with_file_and_row(bad_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(bad_folder), "--lang", "en")
    assert code == 1
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("severity"))
    assert header.split() == ["severity", "file", "row", "column", "value", "message"]
    assert lines[lines.index(header) + 1].startswith("--------")
    spaces_line = next(line for line in lines if "kafejnīca" in line)
    assert spaces_line.split()[:5] == ["error", "spaces.csv", "3", "space_type", "kafejnīca"]
    residents_line = next(line for line in lines if "10.02.20 " in line)
    assert residents_line.split()[:5] == ["error", "residents.csv", "4", "joined_on", "10.02.20"]
    # the table of detected files
    files_line = next(line for line in lines if line.startswith("spaces ") and "UTF-8" in line)
    assert files_line.split() == ["spaces", "spaces.csv", "2", "UTF-8", ","]
    assert "The data cannot be loaded until the errors are fixed; nothing was changed." in out
    assert "2 error(s), 1 warning(s)." in out


def test_hostile_files_in_a_subprocess(tmp_path: Path) -> None:
    tables = valid_tables()
    del tables["spaces"], tables["residents"], tables["events"], tables["projects"]
    not_a_workbook = io.BytesIO()
    with zipfile.ZipFile(not_a_workbook, "w") as archive:
        archive.writestr("readme.txt", "nav darbgrāmata")
    hostile = {
        "spaces.csv": bytes(range(256)) * 16,  # binary garbage
        "events.csv": b"",
        "residents.xlsx": zip_bomb(),
        "projects.xlsx": not_a_workbook.getvalue(),  # a valid zip that openpyxl cannot open
    }
    folder = write_folder(tmp_path, tables, raw=hostile)
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    completed = subprocess.run(
        [sys.executable, "-m", "loaders", "check", str(folder), "--json", "--lang", "en"],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=60, env=env, check=False,
    )
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stdout + completed.stderr
    report = json.loads(completed.stdout)
    rules = {(p["table"], p["rule"]) for p in report["problems"]}
    assert rules == {
        ("spaces", "encoding_unknown"),
        ("residents", "archive_ratio"),
        ("events", "file_empty"),
        ("projects", "archive_invalid"),
    }
    assert "internal_error" not in {p["rule"] for p in report["problems"]}


def test_mixed_separator_row_is_named_in_the_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tables = valid_tables()
    lines = table_text("events", tables.pop("events"), sep=";").split("\n")
    lines[3] = lines[3].replace(";", ",")
    code, out, _ = run(capsys, str(write_folder(tmp_path, tables, raw={"events.csv": "\n".join(lines)})),
                       "--json", "--lang", "en")
    assert code == 1
    problems = [p for p in json.loads(out)["problems"] if p["rule"] == "row_field_count"]
    assert [(p["table"], p["row"]) for p in problems] == [("events", 4)]
    assert problems[0]["message"].startswith("Row 4 has 1 cells where the header has 12;")
