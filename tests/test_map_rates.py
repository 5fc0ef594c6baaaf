"""The map's per 1 000 inhabitants measures: rates from the shown counts, hidden with them in a public
view, "no population figure" never drawn as 0, decimal colour classes and their Latvian labels
(numbers counted by hand in ``tests/rates_fixture.py``)."""

from __future__ import annotations

import folium
import pytest

import maps
import metrics
from i18n.formatting import fmt_int
from loaders import Dataset, load_dataset
from maps.choropleth import choropleth_classes
from maps.classes import ValueClass, class_label, colour_of, rate_classes, rate_round_numbers
from maps.style import HIDDEN_COLOUR, NO_POPULATION_COLOUR, ZERO_COLOUR
from metrics.views import HIDDEN_RATE, map_figures, shown_rate
from tests.rates_fixture import KEKAVA, OGRE, write_rate_folder

ALL_TIME = metrics.Filters()


@pytest.fixture(scope="module")
def rates_ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    result = load_dataset(write_rate_folder(tmp_path_factory.mktemp("rates")))
    assert result.problems == [], result.problems
    assert result.dataset is not None
    return result.dataset


@pytest.fixture(scope="module")
def plain_ds(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    result = load_dataset(write_rate_folder(tmp_path_factory.mktemp("plain"), municipalities=False))
    assert result.dataset is not None
    return result.dataset


def _geojson(m: folium.Map) -> folium.GeoJson:
    return next(e for e in m._children.values() if isinstance(e, folium.GeoJson))


def _legend(m: folium.Map) -> str:
    return next(e.html for e in m._children.values() if type(e).__name__ == "HtmlControl")


def _build(ds: Dataset, measure: str, *, public: bool = False, lang: str = "lv") -> folium.Map:
    return maps.build_map(ds, ALL_TIME, maps.MapOptions(measure=measure, public=public,
                                                        layers=("municipalities",)), lang)


def test_rates_only_with_a_municipalities_table(rates_ds: Dataset, plain_ds: Dataset) -> None:
    assert maps.measures(plain_ds) == maps.MEASURES
    assert maps.measures(rates_ds) == (*maps.MEASURES, "participations_per_1000", "residents_per_1000")
    assert map_figures(plain_ds, ALL_TIME, public=False).rates == {}


def test_desk_rates_are_exact(rates_ds: Dataset) -> None:
    rates = map_figures(rates_ds, ALL_TIME, public=False).rates
    assert rates["participations_per_1000"] == {OGRE: 12.4, KEKAVA: 2.0}  # 37 / 2 983, 2 / 1 000
    assert rates["residents_per_1000"] == {OGRE: 0.3, KEKAVA: 1.0}  # 1 / 2 983, 1 / 1 000


def test_public_rates_come_from_the_shown_counts(rates_ds: Dataset) -> None:
    figures = map_figures(rates_ds, ALL_TIME, public=True)
    assert figures.by_municipality["participations"] == {OGRE: 37, KEKAVA: "<5", "unknown": "≥5"}
    # 2 participations × 1 000 ÷ 1 000 would give the hidden 2 away: the rate is hidden with it
    assert figures.rates["participations_per_1000"] == {OGRE: 12.4, KEKAVA: HIDDEN_RATE}
    assert figures.rates["residents_per_1000"] == {OGRE: HIDDEN_RATE, KEKAVA: HIDDEN_RATE}


def test_shown_rate() -> None:
    assert shown_rate(37, 2983) == 12.4
    assert shown_rate(0, 2983) == 0.0
    assert shown_rate("<5", 1000) == HIDDEN_RATE and shown_rate("≥5", 1000) == HIDDEN_RATE
    assert shown_rate(37, None) is None and shown_rate(37, 0) is None  # never against a missing population


def test_rate_figures_table(rates_ds: Dataset) -> None:
    figures = maps.choropleth_figures(rates_ds, ALL_TIME, "participations_per_1000", public=False)
    assert list(figures.columns) == ["municipality", "value", "count", "population"]
    top = figures.iloc[:2].to_dict("records")
    assert top == [{"municipality": OGRE, "value": 12.4, "count": 37, "population": 2983},
                   {"municipality": KEKAVA, "value": 2.0, "count": 2, "population": 1000}]
    rest = figures.iloc[2:]
    assert rest["value"].isna().all() and rest["population"].isna().all()  # no population: no rate, not 0
    assert "unknown" not in set(figures["municipality"])


def test_tooltips_show_rate_count_and_population(rates_ds: Dataset) -> None:
    layer = _geojson(_build(rates_ds, "participations_per_1000"))
    tips = {f["properties"]["name"]: f["properties"]["tip"] for f in layer.data["features"]}
    assert tips[OGRE] == f"<b>{OGRE}</b><br>12,4 uz 1 000 iedz. (37 dalības; {fmt_int(2983, 'lv')} iedz.)"
    assert tips["Rīga"] == "<b>Rīga</b><br>Nav iedzīvotāju skaita (0 dalības)"
    public = _geojson(_build(rates_ds, "participations_per_1000", public=True, lang="en"))
    tips = {f["properties"]["name"]: f["properties"]["tip"] for f in public.data["features"]}
    assert tips[KEKAVA] == f"<b>{KEKAVA}</b><br>– per 1,000 inh. (&lt;5 participations; 1,000 inh.)"


def test_no_population_has_its_own_style_and_legend_row(rates_ds: Dataset) -> None:
    m = _build(rates_ds, "participations_per_1000")
    layer = _geojson(m)
    fills = {f["properties"]["name"]: layer.style_function(f)["fillColor"] for f in layer.data["features"]}
    assert fills["Rīga"] == NO_POPULATION_COLOUR != ZERO_COLOUR
    assert fills[OGRE] not in (NO_POPULATION_COLOUR, ZERO_COLOUR, HIDDEN_COLOUR)
    text = _legend(m)
    assert "Nav iedzīvotāju skaita" in text
    assert "uz 1 000 iedzīvotājiem" in text
    assert "Iedzīvotāji: CSP, 01.01.2024" in text
    public = _build(rates_ds, "participations_per_1000", public=True)
    layer = _geojson(public)
    fills = {f["properties"]["name"]: layer.style_function(f)["fillColor"] for f in layer.data["features"]}
    assert fills[KEKAVA] == HIDDEN_COLOUR
    assert "– (slēpts" in _legend(public)
    assert "2,0" not in _legend(public)  # the hidden rate's class gives nothing away


def test_same_breaks_in_both_modes(rates_ds: Dataset) -> None:
    def lows(*, public: bool) -> list[float]:
        figures = maps.choropleth_figures(rates_ds, ALL_TIME, "participations_per_1000", public=public)
        shown = maps.choropleth_figures(rates_ds, ALL_TIME, "participations_per_1000", public=True)
        return [c.low for c in choropleth_classes(figures, shown, "participations_per_1000", public=public)]

    assert lows(public=False) == lows(public=True) == [0.1]  # only 12,4 is shown in public: one class


def test_rate_round_numbers() -> None:
    assert rate_round_numbers(12) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10]
    assert rate_round_numbers(0.05) == []


def test_rate_classes_by_hand() -> None:
    # 7 rates, 5 classes: targets 1,4 2,8 4,2 5,6 values below each break
    values = [0.4, 1.2, 2.6, 3.0, 5.5, 8.1, 12.4, HIDDEN_RATE, None]
    desk = rate_classes(values, top=12.4)
    assert [(c.low, c.high) for c in desk] == [(0.1, 0.4), (0.5, 2.9), (3.0, 3.9), (4.0, 9.9), (10.0, 12.4)]
    assert [class_label(c, "lv", public=False) for c in desk] == [
        "0,1–0,4", "0,5–2,9", "3,0–3,9", "4,0–9,9", "10,0–12,4"]
    public = rate_classes(values, top=None)
    assert class_label(public[-1], "lv", public=True) == "10,0 un vairāk"
    assert class_label(public[-1], "en", public=True) == "10.0 or more"
    assert colour_of(2.6, desk) == desk[1].colour and colour_of(2.5, desk) == desk[1].colour
    assert colour_of(3.0, desk) == desk[2].colour
    assert colour_of(0.0, desk) == ZERO_COLOUR
    assert colour_of(HIDDEN_RATE, desk) == HIDDEN_COLOUR
    assert colour_of(None, desk) == NO_POPULATION_COLOUR


def test_rate_classes_of_few_values() -> None:
    assert rate_classes([], top=None) == []
    assert rate_classes([0.0, None, HIDDEN_RATE], top=None) == []
    assert rate_classes([2.5], top=2.5) == [ValueClass(0.1, 2.5, rate_classes([2.5], top=2.5)[0].colour, rate=True)]


def test_html_export_draws_a_rate_map(rates_ds: Dataset) -> None:
    html = maps.standalone_html(rates_ds, ALL_TIME, maps.MapOptions(measure="residents_per_1000", public=True), "lv")
    text = html.decode("utf-8") if isinstance(html, bytes) else html
    assert "uz 1 000 iedz" in text
