"""Upload intake (names, sizes, zips), staging together with the current tables, and the diff."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from config import load_settings
from loaders import load_dataset
from storage import StorageSettings, stage, take_uploads
from storage.diff import diff_table
from storage.settings import MB
from tests.helpers import table_text, valid_tables, write_folder, zip_bomb
from tests.storage_helpers import events_csv, table_csv, table_xlsx, tree, zip_of

SETTINGS = StorageSettings()


def rules(intake) -> list[str]:
    return [p.rule for p in intake.problems]


# --------------------------------------------------------------------------- names and sizes


@pytest.mark.parametrize(("given", "stored"), [
    ("events.csv", "events.csv"), ("Events.CSV", "events.csv"), ("C:\\Users\\anna\\events.xlsx", "events.xlsx"),
    ("../../events.csv", "events.csv"),
])  # fmt: skip
def test_a_table_file_is_taken_by_its_base_name_only(given: str, stored: str) -> None:
    intake = take_uploads([(given, b"x")], SETTINGS)
    assert intake.ok and intake.files["events"].name == stored


@pytest.mark.parametrize("name", ["events (2).csv", "notikumi.csv", "events.txt", "events.csv.exe", ".csv"])
def test_a_name_that_is_no_table_is_refused(name: str) -> None:
    intake = take_uploads([(name, b"x")], SETTINGS)
    assert rules(intake) == ["upload_unknown_name"] and not intake.files


def test_the_same_table_twice_is_refused() -> None:
    intake = take_uploads([("events.csv", b"a"), ("events.xlsx", b"b")], SETTINGS)
    assert rules(intake) == ["upload_table_twice"] and not intake.files


def test_a_file_over_the_size_limit_is_refused() -> None:
    settings = StorageSettings(max_file_bytes=1 * MB)
    intake = take_uploads([("events.csv", b"x" * (MB + 1)), ("spaces.csv", b"x" * MB)], settings)
    assert rules(intake) == ["upload_too_large"]
    assert intake.problems[0].params == {"size_mb": 2, "limit_mb": 1}
    assert list(intake.files) == ["spaces"]


def settings_from_env(environ: dict[str, str]) -> StorageSettings:
    return StorageSettings.from_settings(load_settings(environ))


def test_limits_come_from_the_environment() -> None:
    assert settings_from_env({}).max_file_bytes == 10 * MB
    settings = settings_from_env({"COWORKING_MAX_UPLOAD_MB": "3", "COWORKING_KEEP_BACKUPS": "5"})
    assert (settings.max_file_bytes, settings.keep_backups) == (3 * MB, 5)
    assert settings_from_env({"COWORKING_MAX_UPLOAD_MB": "many", "COWORKING_KEEP_BACKUPS": "0"}) == StorageSettings()


# --------------------------------------------------------------------------- zips


def test_a_zipped_folder_gives_its_tables_and_ignores_the_rest() -> None:
    archive = zip_of({"dati/events.csv": b"e", "dati/Spaces.xlsx": b"s", "dati/piezimes.txt": b"n",
                      "__MACOSX/dati/._events.csv": b"junk", "dati/.DS_Store": b"junk", "dati/~$events.xlsx": b"lock"})
    intake = take_uploads([("dati.zip", archive)], SETTINGS)
    assert intake.ok
    assert {t: f.name for t, f in intake.files.items()} == {"events": "events.csv", "spaces": "spaces.xlsx"}
    assert intake.files["events"].source == "dati.zip › dati/events.csv"
    assert rules(intake) == ["upload_zip_entry_ignored"] and intake.ignored == ["dati.zip › dati/piezimes.txt"]


@pytest.mark.parametrize("entry", ["../evil.csv", "../events.csv", "/etc/events.csv", "dati/../../events.csv",
                                   "C:/events.csv", "..\\events.csv"])
def test_a_zip_that_tries_to_climb_out_is_refused_and_nothing_is_written(tmp_path: Path, entry: str) -> None:
    folder = write_folder(tmp_path)
    before = tree(tmp_path)
    intake = take_uploads([("dati.zip", zip_of({entry: table_csv("events"), "spaces.csv": table_csv("spaces")}))],
                          SETTINGS)
    assert rules(intake) == ["upload_zip_unsafe_name"] and not intake.files
    proposal = stage(folder, intake)
    assert not proposal.ok and not proposal.writes
    assert tree(tmp_path) == before


def test_a_zip_bomb_is_refused_before_anything_is_expanded(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_expanding(*_args, **_kwargs):
        raise AssertionError("an entry was opened")

    bomb = zip_bomb("events.csv")  # 30 MB of zeros in a few kB
    for method in ("open", "read", "extract", "extractall"):
        monkeypatch.setattr(zipfile.ZipFile, method, no_expanding)
    intake = take_uploads([("dati.zip", bomb)], SETTINGS)
    assert rules(intake) == ["archive_ratio"] and not intake.files


def test_a_zip_with_too_many_entries_is_refused_before_reading() -> None:
    archive = zip_of({f"x{i}.txt": b"" for i in range(SETTINGS.max_zip_entries + 1)})
    assert rules(take_uploads([("dati.zip", archive)], SETTINGS)) == ["archive_too_many_entries"]


def test_a_zip_entry_over_the_size_limit_is_refused() -> None:
    settings = StorageSettings(max_file_bytes=MB)
    archive = zip_of({"events.csv": os.urandom(MB * 3 // 4).hex().encode(), "spaces.csv": b"s"})  # 1.5 MB in ~0.8
    assert len(archive) < MB
    intake = take_uploads([("dati.zip", archive)], settings)
    assert rules(intake) == ["upload_too_large"] and list(intake.files) == ["spaces"]


@pytest.mark.parametrize("payload", [b"not a zip", b"PK\x03\x04broken"])
def test_a_broken_zip_is_refused(payload: bytes) -> None:
    assert rules(take_uploads([("dati.zip", payload)], SETTINGS)) == ["upload_zip_invalid"]


def test_a_zip_without_tables_is_refused() -> None:
    intake = take_uploads([("dati.zip", zip_of({"readme.txt": b"x"}))], SETTINGS)
    assert rules(intake) == ["upload_zip_entry_ignored", "upload_zip_no_tables"]


# --------------------------------------------------------------------------- staging


def test_an_upload_is_checked_together_with_the_current_tables(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    before = tree(folder)
    rows = valid_tables()["events"]
    rows[0]["space_id"] = "no-such-space"  # a foreign key into the *current* spaces.csv
    proposal = stage(folder, take_uploads([("events.csv", table_text("events", rows).encode())], SETTINGS))
    assert not proposal.ok and not proposal.can_save
    assert [(p.rule, p.file, p.row, p.column) for p in proposal.problems if p.severity == "error"] == [
        ("foreign_key", "events.csv", 2, "space_id")
    ]
    assert tree(folder) == before


def test_a_broken_date_names_its_row_and_changes_nothing(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    before = tree(tmp_path)
    proposal = stage(folder, take_uploads([("events.csv", events_csv(broken_date_row=4))], SETTINGS))
    errors = [p for p in proposal.problems if p.severity == "error"]
    assert [(p.rule, p.row, p.column, p.value) for p in errors] == [("date_invalid", 4, "starts_on", "2019-02-31")]
    assert not proposal.can_save
    assert tree(tmp_path) == before


@pytest.mark.parametrize(("column", "value"), [("Vārds Uzvārds", "Anna Ozola"), ("E-pasta adrese", "anna@example.lv"),
                                              ("piezīmes", "Zvaniet 29123456")])
def test_an_upload_with_personal_data_cannot_be_saved_and_nothing_is_stored(
    tmp_path: Path, column: str, value: str
) -> None:
    folder = write_folder(tmp_path)
    before = tree(tmp_path)
    rows = valid_tables()["residents"]
    for row in rows:
        row[column] = value
    proposal = stage(folder, take_uploads([("residents.csv", table_text("residents", rows).encode())], SETTINGS))
    assert not proposal.ok and not proposal.can_save
    assert {p.rule for p in proposal.problems if p.severity == "error"} & {"forbidden_column", "phone_number"}
    assert all(value not in f"{p.value} {p.message('lv')}" for p in proposal.problems)
    assert tree(tmp_path) == before  # nothing written, no .history


def test_xlsx_over_csv_replaces_the_csv(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    proposal = stage(folder, take_uploads([("events.xlsx", table_xlsx("events"))], SETTINGS))
    assert proposal.ok and proposal.has_changes
    assert list(proposal.writes) == ["events.xlsx"] and proposal.removes == ("events.csv",)
    assert [(d.added, d.removed, d.changed) for d in proposal.diffs] == [(0, 0, 0)]  # same rows, other format


def test_the_diff_counts_rows_added_and_changed_by_id(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    latvian = events_csv(extra=12, change_title=True, encoding="cp1257", sep=";", date_style="lv")
    proposal = stage(folder, take_uploads([("events.csv", latvian)], SETTINGS), load_dataset(folder))
    (diff,) = proposal.diffs
    assert (diff.table, diff.key, diff.added, diff.removed, diff.changed, diff.unchanged) == (
        "events", ("event_id",), 12, 0, 1, 2)
    assert [row["event_id"] for row in diff.added_examples] == ["E2026-001", "E2026-002", "E2026-003"]
    assert diff.changed_examples[0].key == ("E2019-001",)
    assert diff.changed_examples[0].columns == (
        ("title", "Koprades telpas atklāšana", "Koprades telpas atklāšana (precizēts)"),)
    assert proposal.can_save


def test_event_stops_are_matched_by_event_and_stop_number(tmp_path: Path) -> None:
    ds = load_dataset(write_folder(tmp_path)).dataset
    old = ds.event_stops
    new = old.copy()
    new.loc[1, "place_name"] = "Siguldas pilsdrupas"
    new = new.drop(index=0)
    diff = diff_table("event_stops", old, new)
    assert diff.key == ("event_id", "stop_no")
    assert (diff.added, diff.removed, diff.changed) == (0, 1, 1)
    assert diff.removed_examples[0]["stop_no"] == "1"


def test_attendance_is_compared_by_whole_rows(tmp_path: Path) -> None:
    ds = load_dataset(write_folder(tmp_path)).dataset
    old = ds.attendance
    new = old.copy()
    new.loc[0, "role"] = "participant"  # was speaker: one row out, one row in
    diff = diff_table("attendance", old, new)
    assert diff.by_whole_rows
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == (1, 1, 0, 4)


def test_the_diff_of_identical_anonymous_rows_counts_each(tmp_path: Path) -> None:
    ds = load_dataset(write_folder(tmp_path)).dataset
    old = ds.attendance
    anonymous = old[old["person_id"].isna()]
    new = pd.concat([old, anonymous, anonymous], ignore_index=True)
    assert diff_table("attendance", old, new).added == 2


def test_a_zip_upload_stages_like_single_files(tmp_path: Path) -> None:
    folder = write_folder(tmp_path)
    archive = zip_of({"dati/events.csv": events_csv(extra=2), "dati/spaces.csv": table_csv("spaces")})
    proposal = stage(folder, take_uploads([("dati.zip", io.BytesIO(archive).getvalue())], SETTINGS))
    assert proposal.ok
    assert [(d.table, d.added) for d in proposal.diffs] == [("spaces", 0), ("events", 2)]
    assert proposal.changed_files == ("events.csv",)
