"""Small-count protection for public views (presentation mode, public exports).

The contract: in a public view any person count from 1 to 4 is shown as ``<5``, and a total
that would reveal a suppressed cell is suppressed too. Here the total stays (it is a headline
figure) and, when a breakdown has exactly one hidden cell, the smallest other non-zero cell is
hidden as well, shown as ``≥5``: with two unknown cells the hidden one cannot be worked out
from the total any more. Zero is shown as 0 (it reveals nobody).
"""

from __future__ import annotations

from collections.abc import Mapping

SMALL = "<5"
#: a cell of 5 or more hidden only so that a small cell cannot be derived from the total
SECONDARY = "≥5"
THRESHOLD = 5

Shown = int | str


def suppress(count: int) -> Shown:
    """One person count: 1–4 → ``<5``."""
    return SMALL if 0 < count < THRESHOLD else int(count)


def suppress_breakdown(cells: Mapping[str, int]) -> dict[str, Shown]:
    """A breakdown of a total (e.g. participations by gender), safe to publish with its total."""
    shown: dict[str, Shown] = {key: suppress(value) for key, value in cells.items()}
    hidden = [key for key, value in shown.items() if value == SMALL]
    if len(hidden) == 1:
        others = sorted((value, key) for key, value in cells.items() if key not in hidden and value > 0)
        if others:
            shown[others[0][1]] = SECONDARY
    return shown


def is_suppressed(value: Shown) -> bool:
    return value in (SMALL, SECONDARY)
