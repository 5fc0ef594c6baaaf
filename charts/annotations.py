"""Marks on a time chart: a thin dashed vertical line per date (a space opening, a project's start or
end) with a short label at the top. The marks come from ``metrics.annotations`` with their labels
already translated; this only draws them."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from charts.colours import NEUTRAL

#: up to this many marks each has its label on the chart, one under the other; more are only in
#: the hover of a marker at the top of each line and under one legend entry
MAX_LABELLED = 4
#: the height of one label's row, as a share of the plot's height
_ROW = 0.085
_LINE = {"color": "#555555", "width": 1, "dash": "dash"}


def add_annotations(fig: go.Figure, marks: Sequence[tuple[int, str]], *, legend_name: str) -> go.Figure:
    """Draw ``marks`` — ``(row index on the category time axis, label)`` — on ``fig`` (from
    :func:`charts.stacked_bar` or :func:`charts.lines`, whose x axis lists the periods in order)."""
    if not marks:
        return fig
    positions = sorted({position for position, _ in marks})
    for position in positions:
        fig.add_shape(type="line", xref="x", yref="paper", x0=position, x1=position, y0=0, y1=1, line=_LINE,
                      layer="above")
    count = len(fig.layout.xaxis.categoryarray or ()) or (max(positions) + 1)
    top = fig.layout.yaxis.range[1] if fig.layout.yaxis.range else None
    if len(marks) <= MAX_LABELLED:
        for level, (position, label) in enumerate(sorted(marks, key=lambda m: m[0])):
            right = position > (count - 1) / 2  # labels open towards the middle, so they stay inside
            fig.add_annotation(
                x=position, xref="x", y=1 - level * _ROW, yref="paper", yanchor="top",
                xanchor="right" if right else "left", xshift=-3 if right else 3, text=label, showarrow=False,
                font={"size": 11, "color": "#333333"}, bgcolor="rgba(255, 255, 255, 0.85)",
            )
        if top is not None:  # room above the bars for the labels
            fig.update_yaxes(range=[0, top * (1 + _ROW * len(marks))])
        return fig
    texts = {position: "<br>".join(label for p, label in marks if p == position) for position in positions}
    height = top if top is not None else 1
    categories = list(fig.layout.xaxis.categoryarray or ())
    fig.add_scatter(
        x=[categories[p] if p < len(categories) else p for p in positions], y=[height * 0.98] * len(positions),
        mode="markers", marker={"symbol": "triangle-down", "size": 10, "color": NEUTRAL},
        name=legend_name, hovertext=[texts[p] for p in positions], hovertemplate="%{hovertext}<extra></extra>",
        showlegend=True,
    )
    return fig
