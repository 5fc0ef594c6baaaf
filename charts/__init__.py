"""Plotly figures for pages and reports (no Streamlit here)."""

from charts.annotations import add_annotations
from charts.colours import EVENT_TYPE_COLOURS, FIRST_TIME_COLOURS, GENDER_COLOURS, JOINED_LEFT_COLOURS, space_colours
from charts.figures import bar, donut, lines, stacked_bar

__all__ = [
    "EVENT_TYPE_COLOURS", "FIRST_TIME_COLOURS", "GENDER_COLOURS", "JOINED_LEFT_COLOURS", "add_annotations", "bar",
    "donut", "lines",
    "space_colours",
    "stacked_bar",
]
