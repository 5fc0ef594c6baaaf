"""Saving and undoing: backups, all-or-nothing writes, stale fingerprints, validation, retention."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from pathlib import Path

import pytest

import storage.save
import storage.transaction
from loaders import load_dataset
from storage import (
    InvalidChange,
    NothingToSave,
    NothingToUndo,
    SaveFailed,
    StaleData,
    StorageSettings,
    UndoRefused,
    UnsafeName,
    last_undoable,
    list_history,
    save_change,
    save_proposal,
    snapshot,
    stage,
    take_uploads,
    undo_last_save,
)
from tests.helpers import write_folder
from tests.storage_helpers import data_files, events_csv, table_csv, table_xlsx, tree

SETTINGS = StorageSettings(keep_backups=3)
T0 = dt.datetime(2026, 11, 26, 10, 15, 0).astimezone()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path)


def fingerprint(folder: Path) -> str:
    return snapshot(folder).fingerprint


def save(folder: Path, writes: dict[str, bytes], removes: tuple[str, ...] = (), at: dt.datetime = T0):
    return save_change(folder, writes, removes, fingerprint(folder), SETTINGS, now=at)


def test_save_writes_the_file_and_backs_up_the_previous_version(folder: Path) -> None:
    before = data_files(folder)
    new_events = events_csv(extra=12, change_title=True)
    receipt = save(folder, {"events.csv": new_events})

    assert (folder / "events.csv").read_bytes() == new_events
    backup = folder / ".history" / "2026-11-26T10-15-00"
    assert receipt.entry.path == backup
    assert (backup / "events.csv").read_bytes() == before["events.csv"]
    manifest = json.loads((backup / "manifest.json").read_text("utf-8"))
    assert manifest["kind"] == "save"
    assert manifest["files"] == {"events.csv": "replaced"}
    assert manifest["before"] != manifest["after"] == fingerprint(folder) == receipt.fingerprint
    assert len(load_dataset(folder).dataset.events) == 3 + 12
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_undo_puts_back_every_byte_and_is_itself_backed_up(folder: Path) -> None:
    before = data_files(folder)
    receipt = save(folder, {"events.csv": events_csv(extra=1), "projects.xlsx": table_xlsx("projects")},
                   removes=("projects.csv",))
    assert {"projects.xlsx"} <= set(data_files(folder)) and "projects.csv" not in data_files(folder)
    assert receipt.entry.files == {"events.csv": "replaced", "projects.xlsx": "created", "projects.csv": "removed"}
    saved = data_files(folder)

    undo = undo_last_save(folder, fingerprint(folder), SETTINGS, now=T0 + dt.timedelta(minutes=1))

    assert data_files(folder) == before
    assert undo.entry.kind == "undo" and undo.entry.undoes == receipt.entry.id
    assert {name: (undo.entry.path / name).read_bytes() for name in ("events.csv", "projects.xlsx")} == {
        name: saved[name] for name in ("events.csv", "projects.xlsx")
    }
    assert list_history(folder)[1].undone_by == undo.entry.id
    assert last_undoable(folder) is None
    with pytest.raises(NothingToUndo):
        undo_last_save(folder, fingerprint(folder), SETTINGS)


def test_undo_goes_back_one_save_at_a_time(folder: Path) -> None:
    original = data_files(folder)
    save(folder, {"events.csv": events_csv(extra=1)})
    after_first = data_files(folder)
    save(folder, {"events.csv": events_csv(extra=2)}, at=T0 + dt.timedelta(seconds=1))
    undo_last_save(folder, fingerprint(folder), SETTINGS, now=T0 + dt.timedelta(seconds=2))
    assert data_files(folder) == after_first
    undo_last_save(folder, fingerprint(folder), SETTINGS, now=T0 + dt.timedelta(seconds=3))
    assert data_files(folder) == original


def test_undo_refuses_when_the_files_changed_since_the_save(folder: Path) -> None:
    save(folder, {"events.csv": events_csv(extra=1)})
    (folder / "events.csv").write_bytes(events_csv(extra=5))  # edited by hand afterwards
    by_hand = tree(folder)
    with pytest.raises(UndoRefused):
        undo_last_save(folder, fingerprint(folder), SETTINGS)
    assert tree(folder) == by_hand


def test_a_stale_fingerprint_is_refused_and_nothing_is_lost(folder: Path) -> None:
    seen = fingerprint(folder)
    save(folder, {"events.csv": events_csv(extra=1)})  # someone else saves first
    theirs = tree(folder)
    with pytest.raises(StaleData):
        save_change(folder, {"events.csv": events_csv(extra=2)}, (), seen, SETTINGS)
    assert tree(folder) == theirs
    with pytest.raises(StaleData):
        undo_last_save(folder, seen, SETTINGS)
    assert tree(folder) == theirs


def test_two_saves_at_once_one_wins_the_other_is_refused(folder: Path) -> None:
    seen = fingerprint(folder)
    outcomes: list[str] = []

    def attempt(extra: int) -> None:
        try:
            save_change(folder, {"events.csv": events_csv(extra=extra)}, (), seen, SETTINGS)
            outcomes.append("saved")
        except StaleData:
            outcomes.append("stale")

    threads = [threading.Thread(target=attempt, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["saved", "stale"]
    assert len(list_history(folder)) == 1


def test_a_save_with_validation_errors_is_impossible(folder: Path) -> None:
    before = tree(folder)
    with pytest.raises(InvalidChange) as refused:
        save(folder, {"events.csv": events_csv(broken_date_row=4)})
    assert any(p.rule == "date_invalid" and p.row == 4 and p.column == "starts_on" for p in refused.value.problems)
    assert tree(folder) == before
    assert not (folder / ".history").exists()


def test_identical_bytes_are_nothing_to_save(folder: Path) -> None:
    with pytest.raises(NothingToSave):
        save(folder, {"events.csv": (folder / "events.csv").read_bytes()})


@pytest.mark.parametrize("name", ["../events.csv", "sub/events.csv", "/tmp/events.csv", "notes.csv", "events.txt"])
def test_only_table_file_names_are_written(folder: Path, name: str) -> None:
    before = tree(folder.parent)
    with pytest.raises(UnsafeName):
        save(folder, {name: events_csv()})
    assert tree(folder.parent) == before


def test_removing_anything_but_a_current_table_file_is_refused(folder: Path) -> None:
    (folder / "notes.txt").write_text("keep me")
    with pytest.raises(UnsafeName):
        save(folder, {"events.csv": events_csv(extra=1)}, removes=("notes.txt",))
    with pytest.raises(UnsafeName):
        save(folder, {"events.csv": events_csv(extra=1)}, removes=("../data/spaces.csv",))
    assert (folder / "notes.txt").read_text() == "keep me"


def _fail_on_second_data_replace(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """``os.replace`` raises on the second rename into the data folder (the first one happened)."""
    real_replace = os.replace
    calls: list[str] = []

    def flaky_replace(src, dst, *args, **kwargs):
        if Path(dst).parent == folder:
            calls.append(Path(dst).name)
            if len(calls) == 2:
                raise OSError(28, "No space left on device")
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", flaky_replace)
    return calls


def test_a_failure_between_writing_and_replacing_leaves_every_byte_as_it_was(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(folder)
    calls = _fail_on_second_data_replace(monkeypatch, folder)
    with pytest.raises(SaveFailed) as failed:
        save(folder, {"events.csv": events_csv(extra=1), "residents.csv": table_csv("residents", {"birth_year": 1999}),
                      "spaces.xlsx": table_xlsx("spaces")}, removes=("spaces.csv",))
    assert failed.value.restored
    assert calls == ["events.csv", "residents.csv", "events.csv"]  # the third: events.csv put back
    assert tree(folder) == before  # every byte; no temporary file, no backup folder left over
    assert list_history(folder) == []


def test_a_failure_while_writing_the_temporary_files_changes_nothing(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = data_files(folder)
    real_fsync, count = os.fsync, []

    def disk_full(fd: int) -> None:
        count.append(fd)
        if len(count) == 3:  # backup copy, first temporary file, then the second one fails
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(SaveFailed):
        save(folder, {"events.csv": events_csv(extra=1), "projects.csv": table_csv("projects", {"funder": "EAFRD"})})
    assert data_files(folder) == before
    assert list_history(folder) == []


def test_when_the_folder_cannot_be_put_back_the_backup_is_kept(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = (folder / "events.csv").read_bytes()
    _fail_on_second_data_replace(monkeypatch, folder)
    monkeypatch.setattr(storage.transaction, "_restore", lambda _copy, _target: (_ for _ in ()).throw(OSError("ro")))
    with pytest.raises(SaveFailed) as failed:
        save(folder, {"events.csv": events_csv(extra=1), "residents.csv": table_csv("residents", {"birth_year": 1999})})
    assert not failed.value.restored
    assert (Path(failed.value.params["backup"]) / "events.csv").read_bytes() == original


def test_only_the_last_n_backups_are_kept(folder: Path) -> None:
    for n in range(5):
        save(folder, {"events.csv": events_csv(extra=n + 1)}, at=T0 + dt.timedelta(seconds=n))
    ids = [entry.id for entry in list_history(folder)]
    assert ids == ["2026-11-26T10-15-04", "2026-11-26T10-15-03", "2026-11-26T10-15-02"]


def test_two_saves_in_the_same_second_get_two_backups(folder: Path) -> None:
    save(folder, {"events.csv": events_csv(extra=1)})
    save(folder, {"events.csv": events_csv(extra=2)})
    assert [entry.id for entry in list_history(folder)] == ["2026-11-26T10-15-00-01", "2026-11-26T10-15-00"]


def test_a_tampered_manifest_cannot_make_undo_touch_other_paths(folder: Path) -> None:
    receipt = save(folder, {"events.csv": events_csv(extra=1)})
    manifest = receipt.entry.path / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["files"] = {"../outside.csv": "created"}
    manifest.write_text(json.dumps(data), "utf-8")
    (folder.parent / "outside.csv").write_text("stay")
    with pytest.raises(UnsafeName):
        undo_last_save(folder, fingerprint(folder), SETTINGS)
    assert (folder.parent / "outside.csv").read_text() == "stay"


def test_a_proposal_that_checked_out_is_not_loaded_again_but_another_content_is(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposal = stage(folder, take_uploads([("events.csv", events_csv(extra=1))], SETTINGS))
    loads = []
    real = storage.save.load_files
    monkeypatch.setattr(storage.save, "load_files", lambda *a, **k: loads.append(1) or real(*a, **k))
    save_proposal(folder, proposal, SETTINGS, now=T0)
    assert loads == []  # the proposal's check is of exactly these bytes

    tampered = stage(folder, take_uploads([("events.csv", events_csv(extra=2))], SETTINGS))
    tampered.writes["events.csv"] = events_csv(broken_date_row=4)  # changed after the check
    with pytest.raises(InvalidChange):
        save_proposal(folder, tampered, SETTINGS, now=T0 + dt.timedelta(seconds=1))
    assert loads == [1]
