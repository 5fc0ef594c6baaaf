"""Home → space flows: a line from the residents' home municipality to their space, as thick as
the flow is large (square-root scale, so small flows stay visible)."""

from __future__ import annotations

import math
from itertools import islice

import folium
import pandas as pd

from i18n import t
from i18n.formatting import fmt_count
from maps.geo import centroids
from maps.style import FLOW_COLOUR, Look
from maps.text import esc
from metrics.privacy import shown_number

MIN_WEIGHT = 1.5
#: only the largest flows are drawn: thousands of lines are unreadable, and slow with a country's data
MAX_FLOWS = 200


def add_flows(
    m: folium.Map, flows: pd.DataFrame, positions: pd.DataFrame, names: dict[str, str], lang: str, look: Look,
) -> int:
    """Draw the largest ``MAX_FLOWS`` flows (``flows``: :attr:`metrics.views.MapFigures.flows`, as the view
    shows them, largest first) to spaces that are on the map and from homes that are on it; return how many
    lines were drawn."""
    largest = max((shown_number(v) for v in flows["residents"]), default=1)
    ends = positions.set_index("space_id")
    starts = centroids()
    layer = folium.FeatureGroup(name=t("map.layer.flows", lang)).add_to(m)
    drawn = 0
    largest_flows = islice(zip(flows["home_municipality"], flows["space_id"], flows["residents"], strict=True),
                           MAX_FLOWS)
    for home, space, value in largest_flows:
        if home not in starts or space not in ends.index:
            continue
        weight = MIN_WEIGHT + (look.max_flow_weight - MIN_WEIGHT) * math.sqrt(shown_number(value) / largest)
        tip = (f"<b>{esc(home)} → {esc(names.get(space, space))}</b><br>"
               f"{esc(t('map.flow.residents', lang))}: {esc(fmt_count(value, lang))}")
        folium.PolyLine(
            [starts[home], (ends.at[space, "latitude"], ends.at[space, "longitude"])],
            color=FLOW_COLOUR, weight=round(weight, 1), opacity=0.55, tooltip=folium.Tooltip(tip),
        ).add_to(layer)
        drawn += 1
    return drawn
