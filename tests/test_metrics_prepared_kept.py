"""The joins of ``metrics.prepared`` are computed once per change and kept with the folder's typed
snapshot (``loaders.snapshot.DerivedFrames``): a later start reads them, equal to computing them;
frames of other files or of other code are never read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import metrics.prepared as prepared
from loaders.snapshot import DerivedFrames, derived_frames, load_folder, snapshot_dir
from metrics.prepared import _first_time, prepare


@pytest.fixture
def folder(demo_copy: Path) -> Path:
    return demo_copy


def assert_same(one: prepared.Prepared, other: prepared.Prepared) -> None:
    for name in prepared._FRAMES:
        left, right = getattr(one, name), getattr(other, name)
        if isinstance(left, pd.Series):
            pd.testing.assert_series_equal(left, right)
        else:
            pd.testing.assert_frame_equal(left, right)


def test_the_joins_are_kept_with_the_snapshot_and_read_back_equal(folder: Path, monkeypatch) -> None:
    first = load_folder(folder).dataset
    computed = prepare(first)
    kept = [p.name for p in snapshot_dir(folder).iterdir() if p.name.startswith("derived-prepared-")]
    assert len(kept) == 1 and prepared._VERSION in kept[0]

    def refuse(*_args: object) -> None:
        raise AssertionError("computed again instead of read")

    monkeypatch.setattr(prepared, "_attendance", refuse)
    again = load_folder(folder).dataset  # another dataset object: not the lru_cache's answer
    assert again is not first
    assert_same(prepare(again), computed)


def test_a_dataset_not_from_a_folder_computes_and_keeps_nothing(folder: Path) -> None:
    ds = load_folder(folder).dataset
    from loaders import load_dataset

    plain = load_dataset(folder).dataset  # validated, but not through the snapshot
    assert derived_frames(plain) is None and derived_frames(ds) is not None
    assert_same(prepare(plain), prepare(ds))


def test_frames_of_other_files_or_code_are_never_read(folder: Path) -> None:
    ds = load_folder(folder).dataset
    kept = derived_frames(ds)
    frames = {"x": pd.DataFrame({"a": [1, 2]})}
    kept.write("prepared", "v1", frames)
    pd.testing.assert_frame_equal(kept.read("prepared", "v1")["x"], frames["x"])
    assert kept.read("prepared", "v2") is None  # another version of the code
    other_files = DerivedFrames(kept.snapshot, "0" * 64)
    assert other_files.read("prepared", "v1") is None
    other_files.write("prepared", "v1", frames)  # a process that loaded older files: not kept
    assert other_files.read("prepared", "v1") is None


def test_a_damaged_kept_frame_is_computed_again(folder: Path) -> None:
    ds = load_folder(folder).dataset
    computed = prepare(ds)
    (where,) = snapshot_dir(folder).glob("derived-prepared-*")
    (where / "attendance.parquet").write_bytes(b"not parquet")
    again = load_folder(folder).dataset
    assert_same(prepare(again), computed)


def test_first_time_is_the_earliest_event_and_of_two_rows_there_the_first() -> None:
    # rows: person 0 at events 5, 2, 2 (two rows at event 2); person 1 at 7; anonymous at 1
    order = np.array([5, 2, 2, 7, 1])
    person = np.array([0, 0, 0, 1, -1])
    first = _first_time(order, person)
    assert first.tolist() == [False, True, False, True, pd.NA]


def test_attendance_where_no_row_names_anyone(folder: Path) -> None:
    """Only anonymous rows: nobody is a resident, nobody's first time is known."""
    attendance = folder / "attendance.csv"  # the demo's: Windows-1257, ';', person_id second
    lines = attendance.read_bytes().decode("cp1257").splitlines()
    rows = [line.split(";") for line in lines[1:3]]
    for row in rows:
        row[1] = ""
    attendance.write_bytes(("\n".join([lines[0], *(";".join(row) for row in rows)]) + "\n").encode("cp1257"))
    ds = load_folder(folder).dataset
    frame = prepare(ds).attendance
    assert len(frame) == 2 and not frame["is_resident"].any()
    assert frame["person_code"].tolist() == [-1, -1] and frame["first_time"].isna().all()
