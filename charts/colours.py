"""One stable colour per event type, gender and space, the same on every page and export."""

from __future__ import annotations

from collections.abc import Iterable

from loaders.contract import EVENT_TYPES
from metrics import NO_VENUE, REST

#: colour-blind-friendly palette for the eight event types (Okabe–Ito, yellow darkened)
EVENT_TYPE_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#B8A200", "#999999")
#: 20 clearly different, dark-enough colours for spaces (lines must stay visible on white)
SPACE_PALETTE = (
    "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#17BECF", "#BCBD22", "#7F7F7F",
    "#393B79", "#AD494A", "#637939", "#8C6D31", "#843C39", "#7B4173", "#3182BD", "#E6550D", "#31A354", "#756BB1",
)

EVENT_TYPE_COLOURS: dict[str, str] = dict(zip(EVENT_TYPES, EVENT_TYPE_PALETTE, strict=True))
GENDER_COLOURS = {"female": "#CC79A7", "male": "#0072B2", "other": "#009E73", "unknown": "#BBBBBB",
                  "other_or_unknown": "#BBBBBB"}
JOINED_LEFT_COLOURS = {"joined": "#009E73", "left": "#D55E00"}
FIRST_TIME_COLOURS = {"first_time": "#009E73", "returning": "#0072B2", "unknown": "#BBBBBB"}
NEUTRAL = "#0072B2"
UNKNOWN_COLOUR = "#BBBBBB"
REST_COLOUR = "#8C8C8C"


def space_colours(space_ids: Iterable[str]) -> dict[str, str]:
    """A colour per space id, assigned in id order over *all* spaces so it never shifts."""
    colours = {space_id: SPACE_PALETTE[i % len(SPACE_PALETTE)] for i, space_id in enumerate(sorted(set(space_ids)))}
    colours[NO_VENUE] = UNKNOWN_COLOUR
    colours[REST] = REST_COLOUR
    return colours
