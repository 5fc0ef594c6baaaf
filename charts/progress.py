"""Cumulative progress against targets: one small panel per indicator, the achieved line and the
target as a dashed horizontal line. Takes figures already computed (``metrics.progress``) and labels
already translated; computes nothing itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.colours import NEUTRAL
from charts.figures import FONT

_SEPARATORS = {"lv": ", ", "en": ".,"}
TARGET_COLOUR = "#D55E00"
_PANEL_HEIGHT = 250


@dataclass(frozen=True)
class Panel:
    title: str
    #: the periods' labels on the x axis
    x_labels: tuple[str, ...]
    values: tuple[float, ...]
    target: float
    #: the hover's number format (``,d`` for counts, ``,.2~f`` for FTE)
    number: str = ",d"


def progress_panels(panels: Sequence[Panel], *, title: str, achieved: str, target: str, lang: str,
                    columns: int = 2) -> go.Figure:
    """The panels in a grid of ``columns``, each with its own y axis from 0 to above the target."""
    rows = -(-len(panels) // columns)
    cols = min(columns, len(panels))
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[panel.title for panel in panels],
                        vertical_spacing=0.22 / max(rows, 1) * 2 if rows > 1 else 0.1, horizontal_spacing=0.1)
    for i, panel in enumerate(panels):
        row, col = i // cols + 1, i % cols + 1
        fig.add_scatter(x=list(panel.x_labels), y=list(panel.values), mode="lines+markers", name=achieved,
                        line={"color": NEUTRAL, "width": 2.5}, showlegend=i == 0, row=row, col=col,
                        hovertemplate=f"%{{x}}<br>{achieved}: %{{y:{panel.number}}}<extra></extra>")
        fig.add_scatter(x=list(panel.x_labels), y=[panel.target] * len(panel.x_labels), mode="lines", name=target,
                        line={"color": TARGET_COLOUR, "width": 2, "dash": "dash"}, showlegend=i == 0, row=row,
                        col=col, hovertemplate=f"{target}: %{{y:{panel.number}}}<extra></extra>")
        top = max([panel.target, *panel.values, 1]) * 1.15
        fig.update_yaxes(range=[0, top], row=row, col=col, rangemode="tozero",
                         tickformat=panel.number if panel.number != ",d" else ",d")
        fig.update_xaxes(type="category", tickangle=-45 if len(panel.x_labels) > 8 else 0, row=row, col=col,
                         nticks=min(len(panel.x_labels), 12))
    fig.update_annotations(font_size=13)
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "y": 0.99, "yref": "container", "yanchor": "top",
               "font": {"size": 16}},
        separators=_SEPARATORS.get(lang, ", "), font={"family": FONT, "size": 12}, template="plotly_white",
        margin={"l": 10, "r": 10, "t": 90, "b": 10}, height=120 + _PANEL_HEIGHT * rows,
        # beside the title, at the top right: never over a panel's title
        legend={"orientation": "h", "yref": "container", "y": 0.99, "yanchor": "top", "x": 1, "xanchor": "right"},
    )
    return fig
