"""ui.map_page.view: the arguments cached for streamlit-folium's component are the ones ``st_folium`` sends
for the same map (the helpers they come from are private to the pinned streamlit-folium), and they
are built once per dataset, filters, options and language."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
import streamlit_folium

import maps
import metrics
from loaders import Dataset
from ui.map_page import view as map_view

KEY = "network-map"
OPTIONS = (maps.MapOptions(), maps.MapOptions(layers=maps.LAYERS, public=True, route="E2019-006"))


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What reaches streamlit-folium's component, one dict of arguments per call."""
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


@pytest.mark.parametrize("options", OPTIONS)
def test_the_component_gets_what_st_folium_sends(demo: Dataset, sent: list[dict[str, Any]],
                                                 options: maps.MapOptions) -> None:
    m = maps.build_map(demo, metrics.Filters(), options, "lv")
    same = copy.deepcopy(m)  # both alter the map they render
    streamlit_folium.st_folium(same, key=KEY, height=620, returned_objects=list(map_view.RETURNED),
                               use_container_width=True, render=False)
    assert map_view.show(map_view.map_args(m, KEY), height=620) == {}
    expected, ours = sent
    assert ours.pop("on_change") is not None and expected.pop("on_change") is not None
    assert ours == expected
    assert ours["js_links"] and all(link.startswith("data:") for link in ours["js_links"] + ours["css_links"])


def test_a_map_is_built_once_per_choice(demo: Dataset) -> None:
    one_year = metrics.Filters(dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    first = map_view.network_map_args(demo, one_year, maps.MapOptions(), "lv", KEY)
    assert map_view.network_map_args(demo, one_year, maps.MapOptions(), "lv", KEY) is first
    other = map_view.network_map_args(demo, metrics.Filters(), maps.MapOptions(), "lv", KEY)
    assert other.script != first.script and other.component_key != first.component_key
    assert map_view.network_map_args(demo, one_year, maps.MapOptions(), "en", KEY).script != first.script
