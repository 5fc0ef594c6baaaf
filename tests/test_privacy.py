"""Small-count suppression: 1–4 hidden, and no hidden cell derivable from the total."""

import pytest

from metrics.privacy import SECONDARY, SMALL, suppress, suppress_breakdown


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, SMALL), (4, SMALL), (5, 5), (1234, 1234)])
def test_single_counts(count: int, shown) -> None:
    assert suppress(count) == shown


def test_nothing_to_hide() -> None:
    assert suppress_breakdown({"female": 10, "male": 7, "unknown": 0}) == {"female": 10, "male": 7, "unknown": 0}


def test_one_small_cell_hides_the_next_smallest_too() -> None:
    # total 30 is published; male 3 alone hidden would be 30 - 20 - 7 = 3: hide "unknown" (7) too
    assert suppress_breakdown({"female": 20, "male": 3, "unknown": 7}) == {
        "female": 20, "male": SMALL, "unknown": SECONDARY,
    }


def test_two_small_cells_need_no_secondary() -> None:
    assert suppress_breakdown({"a": 2, "b": 3, "c": 40}) == {"a": SMALL, "b": SMALL, "c": 40}


def test_zeros_are_never_the_secondary_cell() -> None:
    # other = 0 reveals nothing and hiding it would not protect "b"
    assert suppress_breakdown({"a": 0, "b": 2, "c": 9, "d": 12}) == {"a": 0, "b": SMALL, "c": SECONDARY, "d": 12}


def test_a_hidden_cell_cannot_be_derived_from_the_total() -> None:
    cells = {"a": 1, "b": 6, "c": 8, "d": 30}
    shown = suppress_breakdown(cells)
    total = sum(cells.values())
    known = sum(v for v in shown.values() if isinstance(v, int))
    hidden = [k for k, v in shown.items() if not isinstance(v, int)]
    assert len(hidden) >= 2 and total - known != cells["a"]
