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


def _count_axis(fig: go.Figure, largest: float, axis: str = "y") -> None:
    """Counts start at 0 and have whole-number ticks (no 10,5 residents)."""
    update = fig.update_yaxes if axis == "y" else fig.update_xaxes
    # room above the largest value for its label ("1 354" must not be cut off)
    update(range=[0, max(largest, 1) * 1.15], tickformat=",d", **({"dtick": 1} if largest <= 8 else {}))


def short_label(text: str, limit: int = 32) -> str:
    """Long names shortened for an axis; the full name stays in the hover text."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=True)
    totals = table.sum(axis=1) if stacked else table.max(axis=1)
    _count_axis(fig, float(totals.max()) if len(totals) else 0.0)
    return fig


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
    _layout(fig, title=title, x_title=x_title, y_title=y_title, lang=lang, legend=len(fig.data) > 1)
    _count_axis(fig, float(table.to_numpy().max()) if table.size else 0.0)
    return fig


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
            hovertemplate="%{label}: %{value:,} (%{percent:.1%})<extra></extra>",
            texttemplate="%{percent:.0%}", textposition="inside", insidetextorientation="horizontal",
        )
    )
    _layout(fig, title=title, x_title="", y_title="", lang=lang, legend=True)
    # small slices keep their colour and hover but lose an unreadable label
    fig.update_layout(uniformtext_minsize=11, uniformtext_mode="hide",
                      legend={"orientation": "h", "yanchor": "top", "y": -0.05, "x": 0, "xanchor": "left"})
    return fig
