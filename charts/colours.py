"""One stable colour per event type, gender and space, the same on every page and export."""

from __future__ import annotations

from collections.abc import Iterable

from loaders.contract import EVENT_TYPES

#: colour-blind-friendly qualitative palette (Okabe–Ito, then Tableau)
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999",
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#76B7B2", "#EDC948", "#FF9DA7", "#9C755F",
)

EVENT_TYPE_COLOURS: dict[str, str] = dict(zip(EVENT_TYPES, PALETTE, strict=False))
GENDER_COLOURS = {"female": "#CC79A7", "male": "#0072B2", "other": "#009E73", "unknown": "#BBBBBB"}
FIRST_TIME_COLOURS = {"first_time": "#009E73", "returning": "#0072B2", "unknown": "#BBBBBB"}
NEUTRAL = "#0072B2"
UNKNOWN_COLOUR = "#BBBBBB"


def space_colours(space_ids: Iterable[str]) -> dict[str, str]:
    """A colour per space id, assigned in id order over *all* spaces so it never shifts."""
    return {space_id: PALETTE[i % len(PALETTE)] for i, space_id in enumerate(sorted(set(space_ids)))}
