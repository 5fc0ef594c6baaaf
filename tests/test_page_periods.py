"""AppTest: the period picker (presets in both languages, codes in the URL, older links), the time
axis per period, the page links and what the app does when the URL changes under it (Back, Forward)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from streamlit.testing.v1 import AppTest

import metrics
from i18n import t
from i18n.formatting import fmt_int, period_text
from tests.test_pages import CHARTS_ATTENDANCE, CHARTS_OVERVIEW, CHARTS_RESIDENTS, CHARTS_SPACES, PAGES
from tests.test_pages import SPACE_WITH_EVERYTHING as SPACE

D = dt.date
LAG_PROJECT = "23-00-U31523.0-000003"  # 2023-01-01 … 2025-12-31, not the first project (so it stays in the URL)
#: preset → (the link's query, the days it shows, the unit of its time axes). Every one has events,
#: residents and a space profile with everything, so each page draws all its charts.
PRESETS = {
    "year": ({"period": "year", "year": "2024"}, (D(2024, 1, 1), D(2024, 12, 31)), "month"),
    "quarter": ({"period": "quarter", "year": "2024", "quarter": "3"}, (D(2024, 7, 1), D(2024, 9, 30)), "month"),
    "month": ({"period": "month", "year": "2024", "month": "3"}, (D(2024, 3, 1), D(2024, 3, 31)), "month"),
    "project": ({"period": "project", "project_period": LAG_PROJECT}, (D(2023, 1, 1), D(2025, 12, 31)), "quarter"),
    "all": ({"period": "all"}, (None, None), "year"),  # 2018 … today: more than 8 years
    "months": ({"period": "months", "from": "2019-01", "to": "2020-06"}, (D(2019, 1, 1), D(2020, 6, 30)), "month"),
}
#: the URL each preset's link is rewritten to (a default value is left out: ``period=year``)
URL_AFTER = {**{name: query for name, (query, _, _) in PRESETS.items()}, "year": {"year": "2024"}}
CHARTS = dict(zip(PAGES, (CHARTS_OVERVIEW, CHARTS_ATTENDANCE, CHARTS_RESIDENTS, CHARTS_SPACES), strict=True))


def shown_period(at: AppTest) -> str:
    return at.sidebar.caption[0].value


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def query(at: AppTest) -> dict[str, str | list[str]]:
    return dict(at.query_params)


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("preset", list(PRESETS))
def test_each_preset_from_a_link(app, demo, preset: str, lang: str) -> None:
    link, (start, end), unit = PRESETS[preset]
    at = app(**({"lang": lang} if lang == "en" else {}), **link)
    assert at.sidebar.selectbox(key="period").value == preset
    assert at.sidebar.selectbox(key="period").options == [t(f"period.{p}", lang) for p in
                                                          ("year", "quarter", "month", "project", "all", "months")]
    assert shown_period(at) == t("filter.period_shown", lang, period=period_text(start, end, lang))
    assert query(at) == {**({"lang": "en"} if lang == "en" else {}), **URL_AFTER[preset]}
    events = metrics.event_count(demo, metrics.Filters(start, end))
    assert events > 0
    assert {m.label: m.value for m in at.metric}[t("kpi.events", lang)] == fmt_int(events, lang)
    (trend,) = chart_specs(at)
    assert len(chart_specs(at)) == CHARTS_OVERVIEW
    assert trend["layout"]["title"]["text"] == t(f"chart.participations.{unit}", lang)
    assert trend["layout"]["xaxis"]["title"]["text"] == t(f"axis.{unit}", lang)
    assert not at.get("date_input")


@pytest.mark.parametrize("preset", list(PRESETS))
@pytest.mark.parametrize("page", PAGES[1:])
def test_each_preset_keeps_every_chart_of_a_page(app, page: str, preset: str) -> None:
    link, _, unit = PRESETS[preset]
    at = app(page, **link, profile=SPACE)
    assert len(chart_specs(at)) == CHARTS[page]
    titles = [spec["layout"]["title"]["text"] for spec in chart_specs(at)]
    over_time = {"app_pages/attendance.py": [f"chart.participations.{unit}"],
                 "app_pages/residents.py": [f"chart.active.{unit}"],
                 "app_pages/spaces.py": [f"chart.active.{unit}", f"chart.participations.{unit}"]}[page]
    assert all(t(key, "lv") in titles for key in over_time), titles


def test_picking_a_quarter_and_a_month_by_clicking(app) -> None:
    at = app(lang="en", period="year", year="2024")
    at.sidebar.selectbox(key="period").set_value("quarter").run()
    quarter = at.sidebar.selectbox(key="quarter")
    assert quarter.options == ["Q1 (Jan–Mar)", "Q2 (Apr–Jun)", "Q3 (Jul–Sep)", "Q4 (Oct–Dec)"]
    quarter.set_value("3").run()
    assert query(at) == {"lang": "en", "period": "quarter", "year": "2024", "quarter": "3"}
    assert shown_period(at) == "Shown: 1 Jul 2024 – 30 Sept 2024"  # Babel's en_GB date (i18n.formatting)
    at.sidebar.selectbox(key="period").set_value("month").run()
    assert at.sidebar.selectbox(key="month").options[8] == "September"
    at.sidebar.selectbox(key="month").set_value("2").run()  # February of a leap year
    assert query(at) == {"lang": "en", "period": "month", "year": "2024", "month": "2"}
    assert shown_period(at) == "Shown: 1 Feb 2024 – 29 Feb 2024"
    at.sidebar.selectbox(key="year").set_value("2023").run()
    assert shown_period(at) == "Shown: 1 Feb 2023 – 28 Feb 2023"


def test_latvian_month_and_quarter_names(app) -> None:
    at = app(period="quarter", year="2024", quarter="4")
    assert at.sidebar.selectbox(key="quarter").value == "4"
    assert at.sidebar.selectbox(key="quarter").options[3] == "IV ceturksnis (okt.–dec.)"
    at.sidebar.selectbox(key="period").set_value("month").run()
    assert at.sidebar.selectbox(key="month").options == [
        "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts", "septembris",
        "oktobris", "novembris", "decembris"]


def test_a_range_of_months_across_the_new_year(app, demo) -> None:
    at = app(period="all")
    at.sidebar.selectbox(key="period").set_value("months").run()
    # the range opens on the data's months: the first event's (September 2018) to the last one's
    assert [at.sidebar.selectbox(key=k).value for k in ("from_year", "from_month", "to_year", "to_month")] == [
        "2018", "9", "2025", "12"]
    for key, value in (("from_year", "2023"), ("from_month", "12"), ("to_year", "2024"), ("to_month", "2")):
        at.sidebar.selectbox(key=key).set_value(value).run()
    assert query(at) == {"period": "months", "from": "2023-12", "to": "2024-02"}
    assert shown_period(at) == "Rāda: 01.12.2023 – 29.02.2024"
    events = metrics.event_count(demo, metrics.Filters(D(2023, 12, 1), D(2024, 2, 29)))
    assert {m.label: m.value for m in at.metric}[t("kpi.events")] == fmt_int(events, "lv")


def test_a_reversed_range_of_months_is_swapped_with_a_warning(app) -> None:
    at = app(period="months", **{"from": "2020-06", "to": "2019-01"})
    assert [w.value for w in at.sidebar.warning] == [t("filter.bad_range", "lv")]
    assert shown_period(at) == "Rāda: 01.01.2019 – 30.06.2020"  # whole months, not 30.06 … 01.01
    assert query(at) == {"period": "months", "from": "2020-06", "to": "2019-01"}  # as the boxes show it


@pytest.mark.parametrize(
    ("old", "now", "shown"),
    [
        ({"period": "custom", "from": "2019-01-01", "to": "2019-12-31"},
         {"period": "months", "from": "2019-01", "to": "2019-12"}, "01.01.2019 – 31.12.2019"),
        ({"period": "custom", "from": "2019-03-18", "to": "2019-03-25"},  # days inside one month: the month
         {"period": "months", "from": "2019-03", "to": "2019-03"}, "01.03.2019 – 31.03.2019"),
        ({"from": "2020-01-01", "to": "2020-12-31"},  # only from/to: a custom range
         {"period": "months", "from": "2020-01", "to": "2020-12"}, "01.01.2020 – 31.12.2020"),
        ({"period": "custom", "from": "1995-01-01", "to": "1995-12-31"},  # before the data: still that year
         {"period": "months", "from": "1995-01", "to": "1995-12"}, "01.01.1995 – 31.12.1995"),
    ],
)
def test_older_links_open_the_months_covering_their_days(app, old: dict, now: dict, shown: str) -> None:
    at = app(**old)
    assert at.sidebar.selectbox(key="period").value == "months"
    assert query(at) == now
    assert shown_period(at) == f"Rāda: {shown}"


def test_no_date_picker_and_no_english_select_all_anywhere(app) -> None:
    for page in (None, *PAGES[1:], "app_pages/reports.py", "app_pages/map.py"):
        at = app(page, period="months", **{"from": "2019-01", "to": "2019-12"})
        assert not at.get("date_input"), page
        assert all(box.proto.select_all == 0 for box in at.sidebar.multiselect), page


# --------------------------------------------------------------------------- page links, Back and Forward


def test_page_links_carry_the_language_and_the_filters(app) -> None:
    at = app(lang="en", period="quarter", year="2024", quarter="3", type="study_visit")
    links = {link.proto.page: link.proto.query_string for link in at.sidebar.get("page_link")}
    filters = "lang=en&period=quarter&year=2024&quarter=3&type=study_visit"
    assert links == {"": filters, "attendance": filters, "residents": filters, "spaces": filters, "map": filters,
                     "reports": "lang=en", "data": "lang=en"}
    # the Reports page keeps the filters for the links back
    at.switch_page("app_pages/reports.py").run()
    links = {link.proto.page: link.proto.query_string for link in at.sidebar.get("page_link")}
    assert links["attendance"] == filters and links["reports"] == "lang=en"


def test_a_url_from_the_history_restores_the_filters(app, demo) -> None:
    """What Back does: Streamlit reruns the page with the earlier entry's URL; the widgets follow it."""
    at = app(period="year", year="2024")
    at.sidebar.selectbox(key="year").set_value("2019").run()
    at.sidebar.multiselect(key="type").select("study_visit").run()
    assert query(at) == {"year": "2019", "type": "study_visit"}
    # Back: the entry before the event type
    at.query_params.clear()
    at.query_params["year"] = "2019"
    at.run()
    assert (at.sidebar.selectbox(key="year").value, at.sidebar.multiselect(key="type").value) == ("2019", [])
    events = metrics.event_count(demo, metrics.Filters(*metrics.year_period(2019)))
    assert {m.label: m.value for m in at.metric}[t("kpi.events")] == fmt_int(events, "lv")
    # Back again: the first entry, the default year (2025: the demo data's last)
    at.query_params.clear()
    at.run()
    assert at.sidebar.selectbox(key="year").value == "2025"
    assert query(at) == {}
    # Forward to a quarter in English: the language, the preset and its boxes follow
    at.query_params.update({"lang": "en", "period": "quarter", "year": "2024", "quarter": "3"})
    at.run()
    assert (at.sidebar.selectbox(key="period").value, at.sidebar.selectbox(key="quarter").value) == ("quarter", "3")
    assert shown_period(at) == "Shown: 1 Jul 2024 – 30 Sept 2024"
    # an ordinary rerun after it keeps the widgets (the URL is the one the app left)
    at.sidebar.selectbox(key="quarter").set_value("2").run()
    assert query(at) == {"lang": "en", "period": "quarter", "year": "2024", "quarter": "2"}
    assert shown_period(at) == "Shown: 1 Apr 2024 – 30 Jun 2024"


def test_a_page_s_own_choice_comes_back_from_the_history(app) -> None:
    at = app("app_pages/attendance.py", period="year", year="2024")
    at.segmented_control(key="count").set_value("unique_participants").run()
    assert at.query_params["count"] == "unique_participants"
    at.query_params.pop("count")  # Back to the entry before the switch
    at.run()
    assert at.segmented_control(key="count").value == "participations"
