"""The reader's shortcuts: a column is trimmed, cleaned or un-quoted whenever one of its cells needs it."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from loaders.fast import edge_bytes
from loaders.reading import _TRIMMED, _may_need_trimming, _unquote_formula_text, read_csv_bytes


def _column(*chunks: list[str]) -> pa.ChunkedArray:
    return pa.chunked_array([pa.array(chunk, pa.large_string()) for chunk in chunks], type=pa.large_string())


def test_the_trimmed_characters_are_arrows_and_pythons() -> None:
    every = [code for code in range(0x110000) if not 0xD800 <= code < 0xE000]
    trimmed = pc.utf8_trim_whitespace(pa.array([f"x{chr(code)}" for code in every]))
    by_arrow = {code for code, cell in zip(every, trimmed.to_pylist(), strict=True) if cell == "x"}
    assert by_arrow == set(_TRIMMED) == {code for code in every if chr(code).isspace()}


def test_edge_bytes_of_empty_cells_are_neighbours_edges() -> None:
    first, last = edge_bytes(pa.array(["", "ab", "", "", "cd", ""], pa.large_string()))
    assert bytes(first) == b"aacccd"  # past the end: the chunk's last byte
    assert bytes(last) == b"dbbbdd"  # before the start: the chunk's last byte
    first, last = edge_bytes(pa.array(["xy", "z"], pa.large_string()).slice(1))
    assert bytes(first) == bytes(last) == b"z"
    assert edge_bytes(pa.array(["", ""], pa.large_string()))[0].size == 0


@pytest.mark.parametrize("space", [chr(code) for code in _TRIMMED])
@pytest.mark.parametrize("where", ["before", "after"])
def test_every_space_at_either_end_is_seen(space: str, where: str) -> None:
    cell = f"{space}A1" if where == "before" else f"A1{space}"
    assert _may_need_trimming(_column(["A0", "A2"], ["A3", cell, ""]))


def test_columns_without_padding_are_not_trimmed() -> None:
    assert not _may_need_trimming(_column(["E001", "", "E002"], ["E 3", ""]))
    assert not _may_need_trimming(_column([]))


def _read(text: str) -> list[list[str]]:
    frame = read_csv_bytes(text.encode("utf-8"), "spaces", "spaces.csv").frame
    return frame.to_numpy().tolist()


def test_no_break_space_and_other_padding_is_trimmed_in_a_file() -> None:
    assert _read("a;b\nx\u00a0;\u2003y\nz;w\t\n") == [["x", "y"], ["z", "w"]]
    assert _read("a;b\nx;y\n\u3000z\u00a0;w\n") == [["x", "y"], ["z", "w"]]


def test_unquoting_sees_an_apostrophe_in_any_chunk() -> None:
    table = pa.table([_column(["a", ""], ["", "'=1", "b"])], names=["c"])
    assert _unquote_formula_text(table).column("c").to_pylist() == ["a", "", "", "=1", "b"]
    untouched = pa.table([_column(["a'", "b"])], names=["c"])  # an apostrophe at the end is kept
    assert _unquote_formula_text(untouched).column("c").to_pylist() == ["a'", "b"]


def test_text_bytes_of_sliced_chunks() -> None:
    from loaders.fast import text_bytes

    cells = pa.array(["ab", "", "cde", "f"], pa.large_string())
    assert bytes(text_bytes(cells)) == b"abcdef"
    assert bytes(text_bytes(cells.slice(1, 2))) == b"cde"
    assert bytes(text_bytes(pa.array(["xy", "z"], pa.string()).slice(1))) == b"z"
    assert text_bytes(cells.slice(1, 1)).size == 0


def test_an_ascii_column_with_inner_spaces_is_still_looked_at() -> None:
    assert not _may_need_trimming(_column(["a b", "c\u00a0d"]))
    assert _may_need_trimming(_column(["a b", "c d "]))
    assert _may_need_trimming(_column(["a", "b"], ["\u00a0c"]))
