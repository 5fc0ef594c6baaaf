"""Plotly figure builders. They take figures already computed by ``metrics`` and labels
already translated; they compute nothing themselves.

Numbers use the language's separators (``1 234,5`` in Latvian) through ``layout.separators``;
dates on axes are pre-formatted category labels, since plotly has no Latvian month names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from charts.colours import NEUTRAL, UNKNOWN_COLOUR
from i18n.formatting import fmt_percent

_SEPARATORS = {"lv": ", ", "en": ".,"}
FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"


def _layout(fig: go.Figure, *, title: str, x_title: str, y_title: str, lang: str, legend: bool) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        separators=_SEPARATORS.get(lang, ", "),
        font={"family": FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        showlegend=legend,
        # "normal": the legend lists the series in their own order (a stacked chart would reverse it and
        # put "other" first)
        legend={"orientation": "v", "yanchor": "top", "y": 1, "x": 1.02, "xanchor": "left", "title": None,
                "traceorder": "normal"},
        hoverlabel={"font_size": 13},
        template="plotly_white",
        height=380,
    )
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    return fig


def _count_axis(fig: go.Figure, largest: float, axis: str = "y") -> None:
    """Counts start at 0 and have whole-number ticks (no 10,5 residents)."""
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    # room above the largest value for its label ("1 354" must not be cut off)
    update(range=[0, max(largest, 1) * 1.15], tickformat=",d", **({"dtick": 1} if largest <= 8 else {}))


def short_label(text: str, limit: int = 32) -> str:
    """A long name on two lines at a space (plotly's ``<br>``), cut only beyond that; the full name
    stays in the hover text."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    if cut <= 0:
        return text[: limit - 1].rstrip() + "…"
    rest = text[cut + 1:]
    return text[:cut] + "<br>" + (rest if len(rest) <= limit else rest[: limit - 1].rstrip() + "…")


def bar(
    values: pd.Series,
    *,
    title: str,
    x_title: str,
    y_title: str,
    labels: Mapping[str, str],
    colours: Mapping[str, str] | None = None,
    lang: str,
    horizontal: bool = False,
) -> go.Figure:
    """One bar per key of ``values`` (in its order), labelled through ``labels``."""
    keys = [str(k) for k in values.index]
    names = [labels.get(k, k) for k in keys]
    colour = [(colours or {}).get(k, NEUTRAL) for k in keys]
    numbers = values.to_numpy()
    largest = float(numbers.max()) if len(numbers) else 0.0
    if horizontal:
        fig = go.Figure(
            go.Bar(x=numbers, y=[short_label(n) for n in names], orientation="h", marker_color=colour,
                   customdata=names, hovertemplate="%{customdata}: %{x:,}<extra></extra>",
                   text=numbers, texttemplate="%{x:,}", textposition="outside", cliponaxis=False)
        )
        fig.update_yaxes(autorange="reversed")
        _layout(fig, title=title, x_title=y_title, y_title="", lang=lang, legend=False)
        _count_axis(fig, largest, axis="x")
        fig.update_layout(height=max(300, 90 + 28 * len(keys)))
        return fig
    fig = go.Figure(
        go.Bar(x=names, y=numbers, marker_color=colour, hovertemplate="%{x}: %{y:,}<extra></extra>",
               text=numbers, texttemplate="%{y:,}", textposition="outside", cliponaxis=False)
    )
    _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=False)
    _count_axis(fig, largest)
    return fig


#: a time axis has room for at least this many periods, so one or two bars are not drawn as wide blocks
_MIN_SLOTS = 6
#: up to this many points a line shows its points too (a single one would be invisible)
_MARKERS_UP_TO = 12


def _legend_below(fig: go.Figure) -> None:
    """A time chart's legend in rows under the axis, so the bars or lines take the chart's whole width
    (twelve month labels side by side need it in a half-width chart)."""
    fig.update_layout(legend={"orientation": "h", "yanchor": "top", "y": -0.26, "x": 0, "xanchor": "left"},
                      height=420)


def _time_axis(fig: go.Figure, x_labels: Sequence[str], x_ticks: Mapping[str, str] | None) -> None:
    """The periods as categories in their order, the tick labels horizontal; with ``x_ticks`` only
    those labelled, with their own text (a long period labels every n-th: ``ui.labels.time_axis``)."""
    count = len(x_labels)
    axis: dict[str, object] = {"type": "category", "categoryorder": "array", "categoryarray": list(x_labels),
                               "tickangle": 0}
    if x_ticks is not None:
        axis.update(tickmode="array", tickvals=list(x_ticks), ticktext=list(x_ticks.values()))
    if 0 < count < _MIN_SLOTS:
        pad = (_MIN_SLOTS - count) / 2
        axis["range"] = [-0.5 - pad, count - 0.5 + pad]
    fig.update_xaxes(**axis)


def stacked_bar(
    table: pd.DataFrame,
    *,
    x_labels: Sequence[str],
    x_ticks: Mapping[str, str] | None = None,
    title: str,
    x_title: str,
    y_title: str,
    series_labels: Mapping[str, str],
    colours: Mapping[str, str],
    lang: str,
    stacked: bool = True,
) -> go.Figure:
    """Columns of ``table`` as stacked (or grouped) bar series over its rows (periods, see ``_time_axis``)."""
    fig = go.Figure()
    for column in table.columns:
        values = table[column]
        if stacked and not values.any():
            continue  # an all-zero series only clutters the legend
        name = series_labels.get(str(column), str(column))
        fig.add_bar(
            x=list(x_labels), y=values.to_numpy(), name=name, marker_color=colours.get(str(column), NEUTRAL),
            hovertemplate=f"%{{x}}<br>{name}: %{{y:,}}<extra></extra>",
        )
    fig.update_layout(barmode="stack" if stacked else "group", bargap=0.15)
    _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=True)
    _time_axis(fig, x_labels, x_ticks)
    _legend_below(fig)
    totals = table.sum(axis=1) if stacked else table.max(axis=1)
    _count_axis(fig, float(totals.max()) if len(totals) else 0.0)
    return fig


def lines(
    table: pd.DataFrame,
    *,
    x_labels: Sequence[str],
    x_ticks: Mapping[str, str] | None = None,
    title: str,
    x_title: str,
    y_title: str,
    series_labels: Mapping[str, str],
    colours: Mapping[str, str],
    lang: str,
) -> go.Figure:
    """Columns of ``table`` as lines over its rows (periods, see ``_time_axis``; all-zero columns left out)."""
    fig = go.Figure()
    mode = "lines+markers" if len(x_labels) <= _MARKERS_UP_TO else "lines"
    for column in table.columns:
        if not table[column].any():
            continue
        name = series_labels.get(str(column), str(column))
        fig.add_scatter(
            x=list(x_labels), y=table[column].to_numpy(), name=name, mode=mode,
            line={"color": colours.get(str(column), NEUTRAL), "width": 2.5},
            hovertemplate=f"%{{x}}<br>{name}: %{{y:,}}<extra></extra>",
        )
    _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=len(fig.data) > 1)
    _time_axis(fig, x_labels, x_ticks)
    _legend_below(fig)
    _count_axis(fig, float(table.to_numpy().max()) if table.size else 0.0)
    return fig


def donut(
    values: pd.Series, *, title: str, labels: Mapping[str, str], colours: Mapping[str, str], lang: str
) -> go.Figure:
    """Shares of a whole (e.g. gender), zero slices left out."""
    values = values[values > 0]
    keys = [str(k) for k in values.index]
    total = float(values.sum()) or 1.0
    # the shares in the language's own form ("43 %" in Latvian): plotly's would be "43%"
    shares = [fmt_percent(float(v) / total, lang) for v in values.to_numpy()]
    fig = go.Figure(
        go.Pie(
            labels=[labels.get(k, k) for k in keys], values=values.to_numpy(), hole=0.5, sort=False,
            marker={"colors": [colours.get(k, UNKNOWN_COLOUR) for k in keys]}, text=shares,
            hovertemplate="%{label}: %{value:,} (%{text})<extra></extra>",
            texttemplate="%{text}", textposition="inside", insidetextorientation="horizontal",
        )
    )
    _layout(fig, title=title, x_title="", y_title="", lang=lang, legend=True)
    # small slices keep their colour and hover but lose an unreadable label
    fig.update_layout(uniformtext_minsize=11, uniformtext_mode="hide",
                      legend={"orientation": "h", "yanchor": "top", "y": -0.05, "x": 0, "xanchor": "left"})
    return fig
