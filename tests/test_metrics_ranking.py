"""largest_with_rest keeps the total: the chart's bars add up to the figure."""

import pandas as pd

from metrics import REST, largest_columns_with_rest, largest_with_rest


def test_largest_with_rest_keeps_the_total() -> None:
    values = pd.Series({"a": 5, "b": 9, "c": 1, "d": 3})
    top = largest_with_rest(values, 2)
    assert top.to_dict() == {"b": 9, "a": 5, REST: 4}  # c 1 + d 3
    assert top.sum() == values.sum()


def test_few_values_are_left_alone() -> None:
    values = pd.Series({"a": 5, "b": 9})
    assert largest_with_rest(values, 2).to_dict() == {"a": 5, "b": 9}


def test_largest_columns_by_the_last_row() -> None:
    table = pd.DataFrame({"x": [9, 1], "y": [0, 7], "z": [3, 2]})
    top = largest_columns_with_rest(table, 1)
    assert list(top.columns) == ["y", REST]
    assert top[REST].tolist() == [12, 3]  # x + z per row


def test_keys_kept_last_stay_apart_from_the_rest() -> None:
    values = pd.Series({"unknown": 90, "a": 5, "b": 9, "c": 1})
    result = largest_with_rest(values, 1, last=("unknown",))
    assert result.to_dict() == {"b": 9, REST: 6, "unknown": 90}
    assert list(result.index) == ["b", REST, "unknown"]
