"""The choropleth's colour classes: up to five steps on a 1-2-5 (or 1-5, 1-10) scale, and which class a value is in.

In a public view of a person measure the first class is exactly 1–4, labelled ``<5``, so the
map's colours reveal no more than the numbers do; the top class is open-ended ("20 or more")
so the legend does not give the largest value away; a cell hidden as ``≥5`` gets a colour
of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from i18n import t
from i18n.formatting import fmt_int
from maps.style import CHOROPLETH_PALETTE, HIDDEN_COLOUR, ZERO_COLOUR
from metrics.privacy import SECONDARY, SMALL, THRESHOLD, Shown, shown_number

MAX_CLASSES = len(CHOROPLETH_PALETTE)


@dataclass(frozen=True)
class ValueClass:
    low: int
    #: inclusive; ``None`` = "and more"
    high: int | None
    colour: str


def _nice(limit: int, factors: tuple[int, ...]) -> list[int]:
    """``factors`` × powers of ten up to ``limit``: (1, 2, 5) → 1, 2, 5, 10, 20, 50, 100..."""
    bounds, step = [], 1
    while step <= limit:
        bounds += [f * step for f in factors if f * step <= limit]
        step *= 10
    return bounds


def _lows(maximum: int, *, public: bool) -> list[int]:
    """Lower bounds of the classes: the finest 1-2-5, 1-5 or 1-10 scale with at most five classes."""
    if not public and maximum <= MAX_CLASSES:
        return list(range(1, maximum + 1))
    lows: list[int] = []
    for factors in ((1, 2, 5), (1, 5), (1,)):
        lows = _nice(maximum, factors)
        if public:  # 1–4 is one class, and the next starts at 5
            above = [low for low in lows if low >= THRESHOLD] + ([THRESHOLD] if maximum >= THRESHOLD else [])
            lows = sorted({1, *above})
        if len(lows) <= MAX_CLASSES:
            return lows
    keep = 2 if public else 1
    return lows[:keep] + lows[keep:][-(MAX_CLASSES - keep):]


def _palette(count: int) -> list[str]:
    if count == 1:
        return [CHOROPLETH_PALETTE[2]]
    last = len(CHOROPLETH_PALETTE) - 1
    return [CHOROPLETH_PALETTE[round(i * last / (count - 1))] for i in range(count)]


def value_classes(values: Iterable[Shown], *, public: bool) -> list[ValueClass]:
    """Classes for the non-zero ``values``; ``public`` (a person measure in a public view): small-first
    and open-ended, as above."""
    values = list(values)
    numbers = [v for v in values if isinstance(v, int) and v > 0]
    maximum = max(numbers, default=THRESHOLD - 1 if SMALL in values else 0)
    if maximum <= 0:
        return []
    lows = _lows(maximum, public=public)
    top = (THRESHOLD - 1 if lows[-1] < THRESHOLD else None) if public else maximum
    highs: list[int | None] = [low - 1 for low in lows[1:]] + [top]
    return [ValueClass(low, high, colour) for low, high, colour in zip(lows, highs, _palette(len(lows)), strict=True)]


def colour_of(value: Shown, classes: list[ValueClass]) -> str:
    if value == SECONDARY:
        return HIDDEN_COLOUR
    number = shown_number(value)
    if number <= 0:
        return ZERO_COLOUR
    return next((c.colour for c in reversed(classes) if c.low <= number), ZERO_COLOUR)


def class_label(value_class: ValueClass, lang: str, *, public: bool) -> str:
    """``<5``, ``5–9``, ``3``, ``20 un vairāk`` / ``20 or more``."""
    low, high = value_class.low, value_class.high
    if public and (low, high) == (1, THRESHOLD - 1):
        return SMALL
    if high is None:
        return t("map.legend.or_more", lang, low=fmt_int(low, lang))
    if high == low:
        return fmt_int(low, lang)
    return f"{fmt_int(low, lang)}–{fmt_int(high, lang)}"
