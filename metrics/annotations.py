"""Which dates a time chart marks: the spaces opened in its period and, for one project, its start and
end (no Streamlit, no drawing: ``charts.add_annotations`` draws them).

* **A space opening**: a space in the sidebar's space and municipality selection whose ``opened_on``
  is in the period (an open end or start bounds nothing).
* **A project's start and end**: where exactly one project is chosen in the sidebar, or the period
  is a project's own period (its ``starts_on``–``ends_on``); each date only when it is in the period.

A chart's bars are its periods (months, quarters or years, :func:`metrics.periods.axis_unit`), so a
mark goes at the bar of the period containing its date (:func:`annotation_positions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from loaders import Dataset
from metrics.filters import Filters
from metrics.periods import period_key
from metrics.scope import scoped_spaces

SPACE_OPENED = "space_opened"
PROJECT_START = "project_start"
PROJECT_END = "project_end"
KINDS = (SPACE_OPENED, PROJECT_START, PROJECT_END)


@dataclass(frozen=True)
class Annotation:
    day: dt.date
    #: one of :data:`KINDS`
    kind: str
    #: the space's name or the project's code
    name: str


def _in_period(day: dt.date, filters: Filters) -> bool:
    return (filters.start is None or day >= filters.start) and (filters.end is None or day <= filters.end)


def _projects(ds: Dataset, filters: Filters) -> list[str]:
    """The one project chosen in the sidebar, or the projects whose own period is the period."""
    if len(filters.projects) == 1:
        return list(filters.projects)
    if filters.projects or filters.start is None or filters.end is None:
        return []
    projects = ds.projects  # one comparison of the columns, not a look-up per project on every rerun
    own_period = ((projects["starts_on"] == pd.Timestamp(filters.start))
                  & (projects["ends_on"] == pd.Timestamp(filters.end)))
    chosen = set(projects.loc[own_period, "project_code"])
    return [code for code in ds.project_codes() if code in chosen]


def chart_annotations(ds: Dataset, filters: Filters) -> list[Annotation]:
    """The marks of a time chart of ``filters``, by date (then kind and name)."""
    marks: list[Annotation] = []
    spaces = scoped_spaces(ds, filters)
    for name, opened in zip(spaces["name"], spaces["opened_on"], strict=True):
        if pd.notna(opened) and _in_period(pd.Timestamp(opened).date(), filters):
            marks.append(Annotation(pd.Timestamp(opened).date(), SPACE_OPENED, str(name)))
    for code in _projects(ds, filters):
        start, end = ds.project_period(code)
        for day, kind in ((start, PROJECT_START), (end, PROJECT_END)):
            if day is not None and _in_period(day, filters):
                marks.append(Annotation(day, kind, code))
    return sorted(marks, key=lambda a: (a.day, KINDS.index(a.kind), a.name))


def annotation_positions(annotations: list[Annotation], row_starts: pd.Index, unit: str
                         ) -> list[tuple[int, Annotation]]:
    """Each annotation with the index of the chart's row (period) containing its date; those whose
    period is not on the axis are left out. ``row_starts``: the chart's rows (each period's first day)."""
    rows = {period_key(pd.Timestamp(start).date(), unit): i for i, start in enumerate(row_starts)}
    placed = [(rows.get(period_key(mark.day, unit)), mark) for mark in annotations]
    return [(row, mark) for row, mark in placed if row is not None]
