"""loaders.fast.is_in gives what pandas' isin gives, faster."""

import pandas as pd
import pytest

from loaders.fast import is_in


@pytest.mark.parametrize(
    "known",
    [pd.Series(["a", "d"], dtype="str"), ["a", "d"], pd.Index(["a", "d"]), ("d", "a", "zz")],
)
def test_same_as_pandas(known) -> None:
    values = pd.Series(["a", None, "c", "d", "ā"], dtype="str", index=[5, 6, 7, 8, 9])
    assert is_in(values, known).tolist() == [True, False, False, True, False]
    assert list(is_in(values, known).index) == [5, 6, 7, 8, 9]


def test_nothing_known_and_other_types() -> None:
    assert not is_in(pd.Series(["a"], dtype="str"), []).any()
    assert is_in(pd.Series(["x", "y"], dtype="category"), ["y"]).tolist() == [False, True]
    assert is_in(pd.Series([1, 2]), [2]).tolist() == [False, True]


def test_positions_like_get_indexer() -> None:
    from loaders.fast import positions

    keys = pd.Series(["E1", "E2", "E3"], dtype="str")
    values = pd.Series(["E3", None, "E9", "E1"], dtype="str")
    assert positions(values, keys).tolist() == [2, -1, -1, 0]


def test_keep_where_masks_cells_across_chunks_without_copying() -> None:
    import pyarrow as pa
    import pyarrow.compute as pc

    from loaders.fast import keep_where

    cells = pa.chunked_array([pa.array(["a", "", "b"], pa.large_string()), pa.array(["", "c"], pa.large_string())])
    kept = keep_where(cells, lambda chunk: pc.not_equal(chunk, ""))
    assert kept.to_pylist() == ["a", None, "b", None, "c"]
    assert kept.chunk(0).buffers()[2].address == cells.chunk(0).buffers()[2].address  # the same bytes
    sliced = cells.slice(1, 3)  # a chunk that starts inside its buffers takes the copying path
    assert keep_where(sliced, lambda chunk: pc.not_equal(chunk, "")).to_pylist() == [None, "b", None]
