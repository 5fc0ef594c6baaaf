"""The personal-data byte scan (``loaders.personal._has_run``): runs are counted within cells only."""

from __future__ import annotations

import random

import numpy as np
import pyarrow as pa
import pytest

from loaders.fast import cell_bytes
from loaders.personal import _CODE_BYTES, _PHONE_BYTES, _has_run, suspect_values


def _scan(cells: list[str], allowed: np.ndarray = _PHONE_BYTES, length: int = 8) -> bool:
    data, starts = cell_bytes(pa.array(cells, pa.large_string()))
    return _has_run(data, starts, allowed, length)


def _by_cell(cells: list[str], allowed: np.ndarray, length: int) -> bool:
    """The same question asked cell by cell, in Python."""
    for cell in cells:
        run = 0
        for byte in cell.encode("utf-8"):
            run = run + 1 if allowed[byte] else 0
            if run >= length:
                return True
    return False


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["12345678"], True),  # exactly the length
        (["1234567"], False),  # one short
        (["x1234", "5678y"], False),  # a run across a cell boundary does not count
        (["1234", "5678"], False),  # nor when both cells are all digits
        (["1234", "5678", "9012"], False),  # nor across three cells
        (["1234", "12345678", "9"], True),  # a whole cell in the middle of a long run
        (["1234", "x12345678"], True),  # the piece after the last cell start
        (["12345678x", "1234"], True),  # the piece before the first cell start
        (["", "", "1234", "", "5678", ""], False),  # empty cells lie on the same positions
        (["", "12345678", ""], True),
        (["1234 5678"], True),  # a space belongs to a phone number
        (["abc", "def"], False),
        ([], False),
    ],
)
def test_runs_stay_inside_cells(cells: list[str], expected: bool) -> None:  # noqa: FBT001
    assert _scan(cells) == expected
    assert _by_cell(cells, _PHONE_BYTES, 8) == expected


@pytest.mark.parametrize("block", [3, 7, 1 << 17])
def test_same_as_cell_by_cell_on_random_columns(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks smaller than a run too: a run across two blocks still counts, once inside a cell."""
    monkeypatch.setattr("loaders.personal._BLOCK", block)
    rng = random.Random(18)
    alphabet = "0123456789- x–"  # a dash beyond ASCII is allowed in codes (bytes >= 0x80)
    for _ in range(2000):
        cells = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(rng.randint(1, 8))]
        for allowed, length in ((_PHONE_BYTES, 8), (_CODE_BYTES, 10), (_PHONE_BYTES, 3), (_CODE_BYTES, 1)):
            assert _scan(cells, allowed, length) == _by_cell(cells, allowed, length), cells


def test_byte_table_as_ranges() -> None:
    from loaders.personal import _in_table

    every = np.arange(256, dtype=np.uint8)
    for table in (_PHONE_BYTES, _CODE_BYTES, np.ones(256, dtype=bool), np.zeros(256, dtype=bool)):
        assert (_in_table(every, table) == table).all()


def test_a_split_code_is_no_suspect_but_a_whole_one_is() -> None:
    split = pa.chunked_array([pa.array(["x", "010190", "-12345", "y"], pa.large_string())])
    assert suspect_values(split) == []
    assert suspect_values(pa.chunked_array([pa.array(["x", "010190-12345"], pa.large_string())])) == ["010190-12345"]
