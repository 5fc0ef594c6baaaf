"""AppTest: the map page and its presentation mode run in both languages, keep their choices in the
URL as codes and show what ``metrics`` and ``maps`` give. AppTest sees ``st_folium`` as an unknown
element, so the map itself is tested in ``tests/test_maps.py`` and in the browser tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

import maps
import metrics
import metrics.geography
from i18n import t
from i18n.formatting import fmt_int
from maps.image import ImageFailed, find_browser
from ui.map_page import downloads as map_downloads

MAP_PAGE = "app_pages/map.py"
YEAR_2025 = {"period": "custom", "from": "2025-01-01", "to": "2025-12-31"}


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_map_page_runs(app, lang: str) -> None:
    at = app(MAP_PAGE, lang=lang, **YEAR_2025)
    assert at.title[0].value == t("page.map", lang)
    assert any(t("app.demo_notice", lang) == info.value for info in at.info), "demo data must be marked"
    assert any(t("map.click_hint", lang) == info.value for info in at.info)
    assert len(at.dataframe) == 1  # the choropleth's figures
    assert at.toggle(key="present").value is False


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_presentation_mode_runs_without_tables(app, lang: str, demo) -> None:
    at = app(MAP_PAGE, lang=lang, present="1", **YEAR_2025)
    assert at.toggle(key="present").value is True
    assert len(at.dataframe) == 0
    expected = metrics.overview_kpis(demo, metrics.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    shown = metric_values(at)
    for key in ("spaces", "active_residents", "events", "participations"):
        assert expected[key] > 0, key
        assert shown[t(f"kpi.{key}", lang)] == fmt_int(expected[key], lang)
    assert at.query_params["present"] == "1"


def test_presentation_mode_shows_small_person_counts_as_less_than_five(app, demo) -> None:
    at = app(MAP_PAGE, present="1", space="ogre-library", **YEAR_2025)
    f = metrics.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31), spaces=("ogre-library",))
    assert metrics.active_residents(demo, f) == 2
    shown = metric_values(at)
    assert shown[t("kpi.active_residents", "lv")] == "<5"
    assert metrics.event_count(demo, f) > 0 and metrics.participations(demo, f) > 0
    assert shown[t("kpi.events", "lv")] == fmt_int(metrics.event_count(demo, f), "lv")  # not a person count
    assert shown[t("kpi.participations", "lv")] == fmt_int(metrics.participations(demo, f), "lv")  # 87


def test_the_desk_view_shows_exact_small_counts(app) -> None:
    at = app(MAP_PAGE, space="ogre-library", measure="residents", period="all")
    table = at.dataframe[0].value
    values = table[t("map.measure.residents", "lv")].tolist()
    assert "<5" not in values and any(0 < v < 5 for v in values)


def test_presentation_and_choices_from_a_shared_link(app) -> None:
    at = app(MAP_PAGE, present="1", period="all", route="E2019-006", measure="residents", base="osm",
             layer=["spaces", "routes", "nonsense"])
    assert at.selectbox(key="measure").value == "residents"
    assert at.selectbox(key="base").value == "osm"
    assert at.selectbox(key="route").value == "E2019-006"
    assert at.session_state["layer"] == ["spaces", "routes"]
    assert at.query_params["layer"] == ["spaces", "routes"]  # written back as codes, the nonsense dropped
    assert any(t("map.online_note", "lv") == caption.value for caption in at.caption)


def test_bad_choices_in_the_url_fall_back_to_defaults(app, demo) -> None:
    at = app(MAP_PAGE, measure="<script>", base="satellite", route="E-none", **YEAR_2025)
    assert at.selectbox(key="measure").value == "participations"
    assert at.selectbox(key="base").value == "none"
    # the latest study visit of the period
    stops = metrics.geography.route_stops(demo, metrics.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31)))
    assert at.selectbox(key="route").value == stops["event_id"].iloc[-1] == "E2025-012"
    assert at.session_state["layer"] == list(maps.DEFAULT_LAYERS)
    for key in ("measure", "base", "route", "layer"):
        assert key not in at.query_params  # defaults are left out of the URL


def test_choices_are_written_to_the_url_as_codes(app) -> None:
    at = app(MAP_PAGE, lang="en", **YEAR_2025)
    at.selectbox(key="measure").set_value("events").run()
    at.toggle(key="present").set_value(True).run()
    assert not at.exception
    assert at.query_params["measure"] == "events"
    assert at.query_params["present"] == "1"
    assert len(at.dataframe) == 0


@pytest.mark.parametrize("measure", maps.MEASURES)
def test_figures_table_is_the_choropleths(app, measure: str, demo) -> None:
    at = app(MAP_PAGE, measure=measure, layer=["municipalities", "flows"], **YEAR_2025)
    table = at.dataframe[0].value
    expected = maps.choropleth_figures(demo, metrics.Filters(dt.date(2025, 1, 1), dt.date(2025, 12, 31)), measure,
                                       public=False)
    assert expected["value"].sum() > 0, measure
    assert table[t(f"map.measure.{measure}", "lv")].tolist() == expected["value"].tolist()
    names = table[t("map.col.municipality", "lv")].tolist()
    assert "unknown" not in names
    assert names[: len(expected)] == [t("value.unknown", "lv") if n == "unknown" else n
                                      for n in expected["municipality"]]


def test_empty_period_still_draws_the_page(app) -> None:
    at = app(MAP_PAGE, period="custom", **{"from": "1995-01-01", "to": "1995-12-31"})
    assert len(at.dataframe) == 1


# --------------------------------------------------------------------------- the map as a PNG for slides


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(find_browser() is None, reason="Debian's chromium is not installed")
@pytest.mark.parametrize("present", [None, "1"])
def test_the_png_button_makes_the_image_of_the_map_shown(app, present: str | None) -> None:
    at = app(MAP_PAGE, lang="en", period="all", route="E2019-006", **({"present": present} if present else {}))
    button = at.button(key="prepare-png")
    assert button.label == t("map.download.png", "en")
    button.click().run()
    assert not at.exception
    (_, _, options, lang), png = at.session_state[map_downloads.IMAGE_KEY]
    assert png.startswith(PNG_SIGNATURE) and len(png) > 50_000
    assert options.public is bool(present) and options.route == "E2019-006" and lang == "en"
    ready = at.download_button(key="download-png")
    assert ready.label == t("map.download.png_ready", "en")
    assert "prepare-png" not in [b.key for b in at.button]  # the download button took its place
    assert not any(t("map.png.failed", "en") == error.value for error in at.error)


def test_without_a_browser_the_page_says_what_is_needed(app, monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium-here"))
    for lang in ("lv", "en"):
        at = app(MAP_PAGE, lang=lang, period="all")
        assert not [b for b in at.button if b.key == "prepare-png"]
        assert any(t("map.png.no_browser", lang) == caption.value for caption in at.caption)
        at = app(MAP_PAGE, lang=lang, period="all", present="1")  # in the settings popover too
        assert any(t("map.png.no_browser", lang) == caption.value for caption in at.caption)


def test_an_image_that_cannot_be_made_is_said_in_the_page_language(app, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*_args, **_kwargs) -> bytes:
        raise ImageFailed("chromium exited with 1 and no image")

    monkeypatch.setattr(map_downloads, "map_png", crash)
    monkeypatch.setattr(map_downloads, "find_browser", lambda _configured=None: "/usr/bin/chromium")
    at = app(MAP_PAGE, lang="lv", period="all")
    at.button(key="prepare-png").click().run()
    assert not at.exception
    assert [error.value for error in at.error] == [t("map.png.failed", "lv")]
    assert at.button(key="prepare-png").label == t("map.download.png", "lv")  # the button back, to try again
    assert map_downloads.IMAGE_KEY not in at.session_state
    at.run()
    assert not at.error  # said once


def test_per_thousand_not_offered_without_a_municipalities_table(app, tmp_path, monkeypatch) -> None:
    from tests.rates_fixture import write_rate_folder

    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_rate_folder(tmp_path / "plain", municipalities=False)))
    at = app(MAP_PAGE, period="all", measure="participations_per_1000")
    offered = at.selectbox(key="measure").options
    assert len(offered) == len(maps.MEASURES)
    assert t("map.measure_title.participations_per_1000", "lv") not in offered
    assert at.selectbox(key="measure").value == "participations"  # a link from another folder falls back


def test_per_thousand_offered_with_a_municipalities_table(app, tmp_path, monkeypatch) -> None:
    from tests.rates_fixture import write_rate_folder

    monkeypatch.setenv("COWORKING_DATA_DIR", str(write_rate_folder(tmp_path / "rates")))
    at = app(MAP_PAGE, period="all", measure="participations_per_1000")
    assert at.selectbox(key="measure").value == "participations_per_1000"
    assert t("map.measure_title.residents_per_1000", "lv") in at.selectbox(key="measure").options
    assert at.query_params["measure"] == "participations_per_1000"
    assert at.subheader[0].value == t("map.measure_title.participations_per_1000", "lv")
    table = at.dataframe[0].value
    rate_column = t("map.measure.participations_per_1000", "lv")
    first = table.iloc[0]
    assert first[t("map.col.municipality", "lv")] == "Ogres novads"
    assert first[rate_column] == 12.4 and first[t("map.col.count", "lv")] == 37
    assert first[t("map.col.population", "lv")] == 2983
    at.selectbox(key="measure").set_value("residents_per_1000").run()
    assert at.query_params["measure"] == "residents_per_1000"
