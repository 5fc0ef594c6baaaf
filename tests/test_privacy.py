"""Small-count protection: 1–4 hidden, gender merged, and no hidden count can be worked out from a view."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics.disclosure import Relation, hidden_cells
from metrics.privacy import (
    OTHER_OR_UNKNOWN,
    SECONDARY,
    SMALL,
    View,
    gender_cells,
    protect,
    protect_breakdown,
    shown_number,
)
from tests.disclosure_check import worked_out


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, SMALL), (4, SMALL), (5, 5), (1234, 1234)])
def test_single_counts(count: int, shown) -> None:
    view = View()
    view.count("residents_new", count)
    assert protect(view, public=True)["residents_new"] == shown
    assert protect(view, public=False)["residents_new"] == count


def test_nothing_to_hide() -> None:
    assert protect_breakdown({"female": 10, "male": 7, "unknown": 0}) == {"female": 10, "male": 7, "unknown": 0}


def test_one_small_cell_hides_the_next_smallest_too() -> None:
    # total 30 is published; male 3 alone hidden would be 30 - 20 - 7 = 3: hide "unknown" (7) too
    assert protect_breakdown({"female": 20, "male": 3, "unknown": 7}) == {
        "female": 20, "male": SMALL, "unknown": SECONDARY,
    }


def test_two_small_cells_need_no_secondary() -> None:
    assert protect_breakdown({"a": 2, "b": 3, "c": 40}) == {"a": SMALL, "b": SMALL, "c": 40}


def test_zeros_are_never_the_secondary_cell() -> None:
    # other = 0 reveals nothing and hiding it would not protect "b"
    assert protect_breakdown({"a": 0, "b": 2, "c": 9, "d": 12}) == {"a": 0, "b": SMALL, "c": SECONDARY, "d": 12}


def test_internal_views_are_exact() -> None:
    assert protect_breakdown({"a": 1, "b": 6}, public=False) == {"a": 1, "b": 6}


def test_gender_is_merged_before_suppressing_in_public_views_only() -> None:
    cells = {"female": 40, "male": 135, "other": 3, "unknown": 25}
    assert gender_cells(cells, public=False) == cells
    merged = gender_cells(cells, public=True)
    assert merged == {"female": 40, "male": 135, OTHER_OR_UNKNOWN: 28}
    # "other" 3 alone no longer hides the men: 28 is shown
    assert protect_breakdown(merged) == merged


def test_a_two_way_table_with_both_margins() -> None:
    # residents by home (rows) and space (columns); the margins and the total are published too
    table = {("a", "x"): 2, ("a", "y"): 10, ("b", "x"): 9, ("b", "y"): 11}
    view = View()
    view.count("total", 32)
    rows = view.breakdown("home", {"a": 12, "b": 20}, "total")
    columns = view.breakdown("space", {"x": 11, "y": 21}, "total")
    for (home, space), n in table.items():
        view.count(("cell", home, space), n)
    for home, row in zip("ab", rows, strict=True):
        view.adds_up(row, [("cell", home, space) for space in "xy"])
    for space, col in zip("xy", columns, strict=True):
        view.adds_up(col, [("cell", home, space) for home in "ab"])
    shown = protect(view, public=True)
    # the 2 needs a cycle of hidden cells: its row, its column and the opposite corner
    assert [shown[("cell", *k)] for k in table] == [SMALL, SECONDARY, SECONDARY, SECONDARY]
    assert shown[("home", "a")] == 12 and shown[("space", "x")] == 11


def test_a_hidden_total_shared_by_three_breakdowns_hides_everything_small_under_it() -> None:
    view = View()
    view.count("participations", 3)
    view.breakdown("gender", {"female": 3, "male": 0}, "participations")
    view.breakdown("age", {"<25": 1, "25-29": 2}, "participations")
    view.breakdown("home", {"Ogre": 3}, "participations")
    shown = protect(view, public=True)
    assert shown["participations"] == SMALL
    assert shown.cells("gender") == {"female": SMALL, "male": 0}
    assert shown.cells("age") == {"<25": SMALL, "25-29": SMALL}


def test_relations_that_cannot_be_signed_hide_every_non_zero_cell() -> None:
    # a + b, b + c, a + c published as totals: each of a, b, c follows (an odd cycle)
    values = {"a": 2, "b": 3, "c": 4, "ab": 5, "bc": 7, "ac": 6}
    relations = [Relation("ab", ("a", "b")), Relation("bc", ("b", "c")), Relation("ac", ("a", "c"))]
    hidden = hidden_cells(values, relations, list(values))
    assert hidden == set(values)


def test_shown_numbers_tell_no_more_than_the_marks() -> None:
    assert [shown_number(v) for v in (0, SMALL, SECONDARY, 12)] == [0, 1, 5, 12]


counts = st.integers(min_value=0, max_value=12)


@st.composite
def two_way_tables(draw):
    rows, columns = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    return {(r, c): draw(counts) for r in range(rows) for c in range(columns)}


@settings(max_examples=300, deadline=None)
@given(table=two_way_tables(), published_interior=st.booleans(), rest=counts)
def test_no_hidden_count_of_a_table_with_margins_can_be_worked_out(table, published_interior, rest) -> None:
    """Rows, columns, the total and (optionally) the cells are shown; a rest of the total is not."""
    rows = sorted({r for r, _ in table})
    columns = sorted({c for _, c in table})
    view = View()
    view.count("total", sum(table.values()) + rest)
    row_keys = view.breakdown("row", {str(r): sum(table[r, c] for c in columns) for r in rows}, "total", rest="rest")
    col_keys = view.breakdown("col", {str(c): sum(table[r, c] for r in rows) for c in columns})
    for (r, c), n in table.items():
        view.count(("cell", r, c), n, published=published_interior)
    for r, key in zip(rows, row_keys, strict=False):
        view.adds_up(key, [("cell", r, c) for c in columns])
    for c, key in zip(columns, col_keys, strict=True):
        view.adds_up(key, [("cell", r, c) for r in rows])
    shown = protect(view, public=True)
    numbers = {key for key, value in shown.shown.items() if isinstance(value, int)}
    assert not any(0 < shown[key] < 5 for key in numbers)
    relations = [(relation.total, relation.parts) for relation in view.relations]
    assert worked_out(view.values, relations, numbers) == set()
