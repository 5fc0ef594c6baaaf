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

_SEPARATORS = {"lv": ", ", "en": ".,"}
FONT = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"


def _layout(fig: go.Figure, *, title: str, x_title: str, y_title: str, lang: str, legend: bool) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        separators=_SEPARATORS.get(lang, ", "),
        font={"family": FONT, "size": 13},
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        showlegend=legend,
        legend={"orientation": "v", "yanchor": "top", "y": 1, "x": 1.02, "xanchor": "left", "title": None},
        hoverlabel={"font_size": 13},
        template="plotly_white",
        height=380,
    )
    fig.update_xaxes(title_text=x_title, automargin=True)
    fig.update_yaxes(title_text=y_title, automargin=True)
    return fig


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
    hover = "%{y}: %{x:,}<extra></extra>" if horizontal else "%{x}: %{y:,}<extra></extra>"
    trace = (
        go.Bar(x=numbers, y=names, orientation="h", marker_color=colour, hovertemplate=hover,
               text=numbers, texttemplate="%{x:,}", textposition="auto")
        if horizontal
        else go.Bar(x=names, y=numbers, marker_color=colour, hovertemplate=hover,
                    text=numbers, texttemplate="%{y:,}", textposition="auto")
    )
    fig = go.Figure(trace)
    if horizontal:
        fig.update_yaxes(autorange="reversed")
        fig.update_layout(height=max(300, 60 + 32 * len(keys)))
        return _layout(fig, title=title, x_title=y_title, y_title=x_title, lang=lang, legend=False)
    return _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=False)


def stacked_bar(
    table: pd.DataFrame,
    *,
    x_labels: Sequence[str],
    title: str,
    x_title: str,
    y_title: str,
    series_labels: Mapping[str, str],
    colours: Mapping[str, str],
    lang: str,
    stacked: bool = True,
) -> go.Figure:
    """Columns of ``table`` as stacked (or grouped) bar series over its rows."""
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
    fig.update_layout(barmode="stack" if stacked else "group")
    return _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=True)


def lines(
    table: pd.DataFrame,
    *,
    x_labels: Sequence[str],
    title: str,
    x_title: str,
    y_title: str,
    series_labels: Mapping[str, str],
    colours: Mapping[str, str],
    lang: str,
) -> go.Figure:
    """Columns of ``table`` as lines over its rows (all-zero columns left out)."""
    fig = go.Figure()
    for column in table.columns:
        if not table[column].any():
            continue
        name = series_labels.get(str(column), str(column))
        fig.add_scatter(
            x=list(x_labels), y=table[column].to_numpy(), name=name, mode="lines",
            line={"color": colours.get(str(column), NEUTRAL), "width": 2.5},
            hovertemplate=f"%{{x}}<br>{name}: %{{y:,}}<extra></extra>",
        )
    return _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=True)


def donut(
    values: pd.Series, *, title: str, labels: Mapping[str, str], colours: Mapping[str, str], lang: str
) -> go.Figure:
    """Shares of a whole (e.g. gender), zero slices left out."""
    values = values[values > 0]
    keys = [str(k) for k in values.index]
    fig = go.Figure(
        go.Pie(
            labels=[labels.get(k, k) for k in keys], values=values.to_numpy(), hole=0.5, sort=False,
            marker={"colors": [colours.get(k, UNKNOWN_COLOUR) for k in keys]},
            hovertemplate="%{label}: %{value:,} (%{percent})<extra></extra>", textinfo="percent",
        )
    )
    return _layout(fig, title=title, x_title="", y_title="", lang=lang, legend=True)
