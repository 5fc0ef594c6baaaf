"""The choropleth's colour classes: up to five, their breaks round numbers near the quantiles of the
values, and which class a value is in.

The breaks are taken from the values **as a public view shows them** (presentation mode), on the
desk too, so a municipality has the same colour in both modes and the legend gives nothing away
that the public view hides:

* a person measure's first class is always 1–4 (labelled ``<5`` in a public view, ``1–4`` on the
  desk); its other breaks come from the counts of 5 or more that the public view shows (a cell
  hidden as ``≥5`` takes no part: its colour is :data:`~maps.style.HIDDEN_COLOUR`);
* a measure that is not a person count (spaces, events) is exact in both modes; when its values
  are all from 1 to 5, each value is a class of its own (the first class starting at 1);
* otherwise each break is the round number (:func:`round_numbers`) that puts closest to an equal
  share of the values below it (quantiles), every class holding at least one value: over a long
  period the municipalities spread over the classes instead of piling up in the darkest two;
* in a public view the top class of a person measure is open-ended ("150 or more"), so the legend
  does not give the largest value away; on the desk it ends at the largest value.

A rate (per 1 000 inhabitants, one decimal: :func:`rate_classes`) has decimal breaks, the round
numbers 0,1, 0,2, 0,3, 0,4, 0,5, 0,6, 1, 1,5, 2 ... 10, 15 ... (:func:`rate_round_numbers`, one
decimal, as the rates), its first class from 0,1; the breaks come from the rates of the public view
(a hidden rate ``–`` takes no part), the labels are ``2,5–4,9``; the top class is open-ended in a
public view.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from i18n import t
from i18n.formatting import fmt_decimal, fmt_int
from maps.style import CHOROPLETH_PALETTE, HIDDEN_COLOUR, NO_POPULATION_COLOUR, ZERO_COLOUR
from metrics.privacy import SECONDARY, SMALL, THRESHOLD, Shown, shown_number
from metrics.views import HIDDEN_RATE, Rate

MAX_CLASSES = len(CHOROPLETH_PALETTE)
#: the round numbers from 10 on: these × 1, 10, 100, ... (below 10 every whole number is round)
ROUND_STEPS = (10, 15, 20, 25, 30, 40, 50, 60, 75)
#: a rate's round numbers: these × 0,1, 1, 10, ...
RATE_STEPS = (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5)
#: a rate's smallest positive value (rates have one decimal) and so its first class's lower bound
RATE_FLOOR = 0.1


@dataclass(frozen=True)
class ValueClass:
    low: float
    #: inclusive; ``None`` = "and more"
    high: float | None
    colour: str
    #: a rate's class (decimal bounds, labelled with one decimal)
    rate: bool = False


def round_numbers(limit: int) -> list[int]:
    """The round numbers up to ``limit``: 1…9, then 10, 15, 20, 25, 30, 40, 50, 60, 75, 100, 150…"""
    numbers, scale = list(range(1, min(limit, 9) + 1)), 1
    while 10 * scale <= limit:
        numbers += [step * scale for step in ROUND_STEPS if step * scale <= limit]
        scale *= 10
    return numbers


def rate_round_numbers(limit: float) -> list[float]:
    """The round rates up to ``limit``: 0,1, 0,2, 0,3, 0,4, 0,5, 0,6, 1, 1,5, 2, ... 10, 15 ..."""
    numbers: list[float] = []
    exponent = -1
    while RATE_STEPS[0] * 10.0**exponent <= limit:
        scaled = (round(step * 10.0**exponent, 3) for step in RATE_STEPS if step * 10.0**exponent <= limit)
        numbers += [number for number in scaled if round(number, 1) == number]  # rates have one decimal
        exponent += 1
    return numbers


def quantile_breaks(values: Sequence[float], classes: int, floor: float,
                    rounds: Callable[[float], list] = round_numbers) -> list:
    """Up to ``classes - 1`` round breaks above ``floor`` for the sorted ``values`` (all ≥ ``floor``).

    The i-th break is the round number ``b`` above the previous one for which the count of values
    below ``b`` is closest to ``i / classes`` of them (the smaller ``b`` on a tie), leaving at least one
    value in the class it closes and at least one above it.
    """
    breaks: list = []
    low = floor
    candidates = rounds(values[-1]) if values else []
    for i in range(1, classes):
        target = i * len(values) / classes
        below_low = bisect_left(values, low)
        options = [b for b in candidates if b > low and bisect_left(values, b) > below_low]
        if not options:
            break
        low = min(options, key=lambda b: (abs(bisect_left(values, b) - target), b))
        breaks.append(low)
    return breaks


def class_lows(values: Iterable[Shown], *, person: bool) -> list[int]:
    """The classes' lower bounds for ``values`` as a public view shows them (zeros ignored)."""
    values = list(values)
    numbers = sorted(v for v in values if isinstance(v, int) and v > 0)
    if person:
        above = [v for v in numbers if v >= THRESHOLD]
        if not above and SECONDARY not in values:
            return [1] if numbers or SMALL in values else []
        distinct = len(set(above))
        return [1, THRESHOLD, *quantile_breaks(above, min(MAX_CLASSES - 1, distinct), THRESHOLD)]
    if not numbers:
        return []
    if numbers[-1] <= MAX_CLASSES:  # each value its own class, the first from 1
        return [1, *sorted(set(numbers))[1:]]
    return [1, *quantile_breaks(numbers, min(MAX_CLASSES, len(set(numbers))), 1)]


def _palette(count: int) -> list[str]:
    if count == 1:
        return [CHOROPLETH_PALETTE[2]]
    last = len(CHOROPLETH_PALETTE) - 1
    return [CHOROPLETH_PALETTE[round(i * last / (count - 1))] for i in range(count)]


def value_classes(values: Iterable[Shown], *, person: bool, top: int | None) -> list[ValueClass]:
    """The classes for ``values`` as a public view shows them (see the module's description).

    ``person``: a person measure (first class 1–4). ``top``: the top class's upper bound (the largest
    value shown in this view), or ``None`` for an open-ended top class.
    """
    lows = class_lows(values, person=person)
    if not lows:
        return []
    if person and lows == [1]:
        top = THRESHOLD - 1
    highs: list[int | None] = [low - 1 for low in lows[1:]] + [top if top is None else max(top, lows[-1])]
    return [ValueClass(low, high, colour) for low, high, colour in zip(lows, highs, _palette(len(lows)), strict=True)]


def rate_classes(values: Iterable[Rate], *, top: float | None) -> list[ValueClass]:
    """The classes of rates as a public view shows them (hidden ``–`` and missing ones ignored).

    ``top``: the top class's upper bound (the largest rate shown), or ``None`` for an open-ended one.
    """
    numbers = sorted(float(v) for v in values if isinstance(v, int | float) and v >= RATE_FLOOR)
    if not numbers:
        return []
    lows = [RATE_FLOOR, *quantile_breaks(numbers, min(MAX_CLASSES, len(set(numbers))), RATE_FLOOR,
                                         rate_round_numbers)]
    last: float | None = None if top is None else max(top, lows[-1])
    highs = [round(low - RATE_FLOOR, 1) for low in lows[1:]] + [last]
    return [ValueClass(low, high, colour, rate=True)
            for low, high, colour in zip(lows, highs, _palette(len(lows)), strict=True)]


def colour_of(value: Shown | Rate, classes: list[ValueClass]) -> str:
    if value is None:
        return NO_POPULATION_COLOUR
    if value in (SECONDARY, HIDDEN_RATE):
        return HIDDEN_COLOUR
    number = value if isinstance(value, float) else shown_number(value)  # type: ignore[arg-type]
    if number <= 0:
        return ZERO_COLOUR
    return next((c.colour for c in reversed(classes) if c.low <= number), ZERO_COLOUR)


def class_label(value_class: ValueClass, lang: str, *, public: bool) -> str:
    """``<5``, ``5–9``, ``3``, ``20 un vairāk`` / ``20 or more``; a rate's ``2,5–4,9``, ``10,0 un vairāk``."""
    low, high = value_class.low, value_class.high
    if value_class.rate:
        def number(value: float) -> str:
            return fmt_decimal(value, lang, 1)
    else:
        def number(value: float) -> str:
            return fmt_int(value, lang)
        if public and (low, high) == (1, THRESHOLD - 1):
            return SMALL
    if high is None:
        return t("map.legend.or_more", lang, low=number(low))
    if high == low:
        return number(low)
    return f"{number(low)}–{number(high)}"
