"""The typed snapshot of a validated folder (loaders/snapshot.py): an unchanged folder loads from it
without validating again, equal to a full load; anything that does not match is never trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import loaders.snapshot as snapshot
from loaders.contract import TABLES
from loaders.snapshot import load_folder, snapshot_dir


@pytest.fixture
def folder(demo_copy: Path) -> Path:
    return demo_copy


def no_full_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a full load fail loudly: what comes back must be the snapshot's."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the folder was loaded and validated again")
    monkeypatch.setattr(snapshot, "load_dataset", refuse)


def test_an_unchanged_folder_loads_from_its_snapshot_equal_to_a_full_load(folder: Path, monkeypatch) -> None:
    first = load_folder(folder)
    assert first.ok and (snapshot_dir(folder) / "manifest.json").is_file()
    assert snapshot_dir(folder).parent == folder.parent  # beside the data, never inside it
    assert not any(p.name.startswith(".") for p in folder.iterdir() if p.name != ".history")
    no_full_load(monkeypatch)
    again = load_folder(folder)
    assert again.fingerprint == first.fingerprint and again.files == first.files
    assert [p.rule for p in again.problems] == [p.rule for p in first.problems]
    for name in TABLES:
        pd.testing.assert_frame_equal(again.dataset.table(name), first.dataset.table(name))


def test_a_changed_file_is_loaded_and_checked_again(folder: Path) -> None:
    load_folder(folder)
    events = folder / "events.csv"
    events.write_bytes(events.read_bytes().replace(b"20.09.2018", b"31.02.2018", 1))
    changed = load_folder(folder)
    assert not changed.ok and any(p.column == "starts_on" for p in changed.errors)


def test_an_added_file_is_noticed(folder: Path) -> None:
    load_folder(folder)
    (folder / "piezimes.csv").write_text("a;b\n1;2\n", "utf-8")
    again = load_folder(folder)
    assert "unknown_file" in {p.rule for p in again.problems}  # the warning of a full load


@pytest.mark.parametrize("damage", ["manifest", "parquet", "format"])
def test_a_damaged_or_foreign_snapshot_is_never_trusted(folder: Path, damage: str) -> None:
    good = load_folder(folder)
    where = snapshot_dir(folder)
    if damage == "manifest":
        (where / "manifest.json").write_text("{not json", "utf-8")
    elif damage == "parquet":
        (where / "events.parquet").write_bytes(b"PAR1 broken")
    else:
        manifest = json.loads((where / "manifest.json").read_text("utf-8"))
        manifest["key"]["format"] = -1
        (where / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    again = load_folder(folder)
    assert again.ok and again.fingerprint == good.fingerprint
    pd.testing.assert_frame_equal(again.dataset.events, good.dataset.events)
    assert json.loads((where / "manifest.json").read_text("utf-8"))["key"]["format"] == snapshot.FORMAT


def test_a_folder_with_errors_gets_no_snapshot(folder: Path) -> None:
    (folder / "spaces.csv").unlink()
    assert not load_folder(folder).ok
    assert not snapshot_dir(folder).exists()


def test_where_the_snapshot_cannot_be_written_the_folder_still_loads(folder: Path, monkeypatch) -> None:
    def read_only(*_args: object, **_kwargs: object) -> str:
        raise PermissionError("read-only")
    monkeypatch.setattr(snapshot.tempfile, "mkdtemp", read_only)
    assert load_folder(folder).ok and not snapshot_dir(folder).exists()
