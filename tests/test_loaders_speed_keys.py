"""Row keys for the duplicate check (``loaders.fast.text_keys``, ``repeats``): equal cells, equal keys."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from loaders.checks import check_attendance_duplicates
from loaders.fast import repeats, text_keys


def _chunked(*chunks: list[str | None]) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array(chunk, pa.large_string()) for chunk in chunks], type=pa.large_string())


def _same_keys_as_cells(cells: pa.ChunkedArray) -> None:
    keys = text_keys(cells).tolist()
    values = cells.to_pylist()
    assert len(keys) == len(values)
    by_value: dict[str | None, int] = {}
    for value, key in zip(values, keys, strict=True):
        assert by_value.setdefault(value, key) == key  # equal cells, equal keys
    assert len(set(by_value.values())) == len(by_value)  # here, different cells got different keys


def test_short_cells_are_told_apart_by_every_byte_and_the_length() -> None:
    cells = ["a", "a\x00", "", None, "ab", "ba", "abcdefgh", "abcdefgi", "bcdefgh", "ā", "\x00", "\x00\x00"]
    _same_keys_as_cells(_chunked(cells, list(reversed(cells))))


def test_cells_at_the_end_of_the_bytes_and_tiny_chunks() -> None:
    _same_keys_as_cells(_chunked(["abcdefgh", "xy", "z"], ["q"], [""], [None, "q"], [], ["abcdefgh"]))
    _same_keys_as_cells(pa.chunked_array([pa.array(["skip", "xy", "abc", "xy"], pa.large_string()).slice(1)]))
    _same_keys_as_cells(pa.chunked_array([pa.array(["a", "b", "a"], pa.string())]))  # 32-bit offsets too


def test_long_cells_are_numbered_instead() -> None:
    _same_keys_as_cells(_chunked(["a", "abcdefghi"], ["abcdefghi", None, "a", "abcdefgh"]))


def test_random_columns() -> None:
    rng = random.Random(18)
    for _ in range(300):
        pool = ["".join(rng.choice("ab\x00ā") for _ in range(rng.randint(0, 10))) for _ in range(6)] + [None]
        chunks = [[rng.choice(pool) for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(1, 4))]
        _same_keys_as_cells(_chunked(*chunks))


def test_repeats_across_columns_and_rows() -> None:
    events, persons = _chunked(["E1", "E1", "E2"]), _chunked(["P1", "P2", "P1"])
    assert not repeats(events, persons)
    assert repeats(_chunked(["E1", "E1"]), _chunked(["P1"], ["P1"]))
    assert not repeats(_chunked(["E1", "E1"]), _chunked(["P1", "P1"]), where=np.array([True, False]))
    assert not repeats()


@pytest.mark.parametrize("width", [3, 8, 12])  # ids keyed by their bytes, and numbered
def test_the_same_person_twice_on_an_event_is_found_at_any_id_width(width: int) -> None:
    event = [f"E{i:0{width - 1}d}" for i in (1, 2, 1, 1, 3)]
    person = [f"P{i:0{width - 1}d}" if i else None for i in (1, 1, 2, 1, 0)]
    frame = pd.DataFrame({"event_id": event, "person_id": person}, index=[2, 3, 4, 5, 6], dtype="str")
    problems = check_attendance_duplicates(frame, "attendance.csv").finish()
    assert [(p.rule, p.row, p.value) for p in problems] == [("attendance_duplicate", 5, person[0])]
    frame.loc[5, "person_id"] = None  # no name: never a duplicate
    assert not check_attendance_duplicates(frame, "attendance.csv").finish()
