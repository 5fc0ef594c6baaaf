"""Every page in both languages, and the filters kept in the URL, in a real browser on the demo data.

All tests share the session server (``streamlit_server``). Expected figures are computed with the
``metrics`` package on the same demo data and formatted with ``i18n.formatting.fmt_int``, as the
app does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

import loaders
import metrics
from i18n import t
from i18n.formatting import fmt_int

from .conftest import (
    LOCALE,
    SCREENSHOTS_DIR,
    VIEWPORT,
    Server,
    app_url,
    assert_no_exception,
    kpi_value,
    open_app,
    screenshot,
    show_everything,
    visible_text,
    wait_for_app,
    wait_for_charts,
    whole_words,
)

pytestmark = pytest.mark.browser

COLABORA = "18-00-A019.333-000015"

#: URL path → (screenshot name, plotly charts at least expected for ``SHOWN_PERIOD``)
PAGES = {
    "": ("overview", 1),
    "attendance": ("attendance", 5),
    "residents": ("residents", 4),
    "spaces": ("spaces", 2),
}
#: The default period is the latest year with events up to today's, which moves with the data and the
#: calendar; the page tests pin the demo data's last year (2025) so they do not change meaning.
SHOWN_PERIOD = {"period": "year", "year": "2025"}
TITLES = {
    "lv": {"": "Pārskats", "attendance": "Apmeklējums", "residents": "Rezidenti", "spaces": "Telpas"},
    "en": {"": "Overview", "attendance": "Attendance", "residents": "Residents", "spaces": "Spaces"},
}
RAW_CODES = (
    "study_visit", "open_day", "self_employed", "remote_employee", "business_incubator", "job_seeker",
    "first_time", "unknown",
)  # fmt: skip
ENGLISH_WORDS = ("Participations", "Events", "Residents", "Spaces", "Unknown")


@pytest.fixture
def fresh_page(browser: Browser) -> Iterator[Page]:
    """A second, independent browser context: someone else opening a shared link."""
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    yield context.new_page()
    context.close()


def period(start: dt.date, end: dt.date, **selections: tuple[str, ...]) -> metrics.Filters:
    return metrics.Filters(start, end, **selections)


def custom(start: str, end: str, **extra: str | list[str]) -> dict[str, str | list[str]]:
    return {"period": "custom", "from": start, "to": end, **extra}


# --------------------------------------------------------------------------- 1. every page, both languages


@pytest.mark.parametrize("lang", ["lv", "en"])
@pytest.mark.parametrize("path", list(PAGES), ids=[name for name, _ in PAGES.values()])
def test_page_renders_translated(page: Page, streamlit_server: Server, path: str, lang: str) -> None:
    name, charts = PAGES[path]
    open_app(page, app_url(streamlit_server.url, path, {**SHOWN_PERIOD, **({"lang": lang} if lang != "lv" else {})}))
    assert_no_exception(page)

    main = page.get_by_test_id("stMain")
    expect(main.locator("h1").first).to_have_text(TITLES[lang][path])
    expect(page.locator(".st-key-demo-banner")).to_be_visible()
    show_everything(page)
    wait_for_charts(page, charts)

    text = main.inner_text()
    assert not whole_words(RAW_CODES, text), f"raw codes on {name}-{lang}: {whole_words(RAW_CODES, text)}"
    if lang == "lv":
        assert not whole_words(ENGLISH_WORDS, text), f"English on {name}-lv: {whole_words(ENGLISH_WORDS, text)}"

    assert screenshot(page, f"{name}-{lang}").stat().st_size > 0


#: Streamlit's own English texts that the Latvian pages avoid (ui/data_page/upload.py, the multiselects'
#: ``select_all=False``, ``client.disableDataExport``, the period picker)
BUILT_IN_ENGLISH = (
    "Select all", "Choose an option", "Upload", "Browse files", "Drag and drop", "per file", "Download as CSV",
    "Download", "No results",
)  # fmt: skip
#: an environment variable's name (the operator's settings: README "Settings", the About box with the password)
ENV_NAME = re.compile(r"\b(?:COWORKING|BROWSER)_[A-Z_]+\b")
ALL_PAGES = ("", "attendance", "residents", "spaces", "map", "reports", "data")


@pytest.mark.parametrize("path", ALL_PAGES, ids=[path or "overview" for path in ALL_PAGES])
def test_latvian_pages_show_no_built_in_english_and_no_variable_names(page: Page, streamlit_server: Server,
                                                                       path: str) -> None:
    open_app(page, app_url(streamlit_server.url, path, SHOWN_PERIOD))
    assert_no_exception(page)
    show_everything(page)
    text = visible_text(page.locator("body"))
    assert not whole_words(BUILT_IN_ENGLISH, text), (path, whole_words(BUILT_IN_ENGLISH, text))
    assert not ENV_NAME.findall(text), ENV_NAME.findall(text)
    if path == "data":
        assert "Izvēlēties failus" in text  # the uploader's button, in Latvian
    for table in page.get_by_test_id("stDataFrame").all()[:1]:  # its toolbar: no "Download as CSV"
        table.hover()
        expect(table.get_by_test_id("stElementToolbarButton").first).to_be_visible()
        labels = [button.get_attribute("aria-label") or "" for button in
                  table.get_by_test_id("stElementToolbarButton").locator("button").all()]
        assert labels and not [label for label in labels if "Download" in label], labels


# --------------------------------------------------------------------------- 2. filters in the URL change the KPIs


def test_period_in_url_changes_event_kpi(page: Page, streamlit_server: Server, demo: loaders.Dataset) -> None:
    shown = {}
    for year in (2019, 2020):
        open_app(page, app_url(streamlit_server.url, "", custom(f"{year}-01-01", f"{year}-12-31")))
        assert_no_exception(page)
        shown[year] = kpi_value(page, "kpi-events")
        expected = metrics.event_count(demo, period(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        assert expected > 0, year
        assert shown[year] == fmt_int(expected, "lv"), year
    assert shown[2019] != shown[2020]


def test_project_and_language_in_url(page: Page, streamlit_server: Server, demo: loaders.Dataset) -> None:
    params = custom("2019-01-01", "2019-12-31", project=COLABORA, lang="en")
    open_app(page, app_url(streamlit_server.url, "", params))
    assert_no_exception(page)

    expected = metrics.unique_participants(
        demo, period(dt.date(2019, 1, 1), dt.date(2019, 12, 31), projects=(COLABORA,)))
    assert expected > 0
    assert kpi_value(page, "kpi-unique_participants") == fmt_int(expected, "en")
    # and the filter was really applied: the whole year without the project filter counts more
    everyone = metrics.unique_participants(demo, period(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    assert everyone != expected, "the demo data no longer tells the project filter apart"


# --------------------------------------------------------------------------- 3. clicking, then sharing the link


def test_project_period_then_event_type_click_gives_a_sharable_link(
    page: Page, fresh_page: Page, streamlit_server: Server, demo: loaders.Dataset
) -> None:
    open_app(page, app_url(streamlit_server.url, "", {"period": "project", "project_period": COLABORA}))
    assert_no_exception(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_test_id("stCaptionContainer")).to_contain_text("01.09.2018 – 31.12.2020")
    project = period(dt.date(2018, 9, 1), dt.date(2020, 12, 31))
    assert metrics.event_count(demo, project) > 0
    assert kpi_value(page, "kpi-events") == fmt_int(metrics.event_count(demo, project), "lv")

    event_type = sidebar.get_by_test_id("stMultiSelect").filter(has_text="Pasākuma veids")
    event_type.get_by_role("combobox").click()
    page.get_by_role("option", name="Pieredzes brauciens", exact=True).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"[?&]type=study_visit(&|$)"))
    wait_for_app(page)
    assert_no_exception(page)

    study_visits = metrics.event_count(demo, period(project.start, project.end, event_types=("study_visit",)))
    assert study_visits > 0
    expected = fmt_int(study_visits, "lv")
    expect(page.locator(".st-key-kpi-events [data-testid='stMetricValue']")).to_have_text(expected)
    assert study_visits != metrics.event_count(demo, project), "the demo data no longer tells the type filter apart"

    link = page.url
    assert "project_period=18-00-A019.333-000015" in link and "period=project" in link
    open_app(fresh_page, link)
    assert_no_exception(fresh_page)
    assert kpi_value(fresh_page, "kpi-events") == expected
    expect(fresh_page.get_by_test_id("stSidebar").get_by_test_id("stCaptionContainer")).to_contain_text(
        "01.09.2018 – 31.12.2020"
    )


# --------------------------------------------------------------------------- 4. residents page


def test_residents_kpi_follows_url_period(page: Page, streamlit_server: Server, demo: loaders.Dataset) -> None:
    open_app(page, app_url(streamlit_server.url, "residents", custom("2020-01-01", "2020-12-31")))
    assert_no_exception(page)
    expected = metrics.active_residents(demo, period(dt.date(2020, 1, 1), dt.date(2020, 12, 31)))
    assert expected > 0
    assert kpi_value(page, "kpi-residents-active") == fmt_int(expected, "lv")


# --------------------------------------------------------------------------- 5. the year choice


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_year_choice_in_the_sidebar(page: Page, streamlit_server: Server, demo: loaders.Dataset, lang: str) -> None:
    open_app(page, app_url(streamlit_server.url, "", {**SHOWN_PERIOD, **({"lang": lang} if lang != "lv" else {})}))
    assert_no_exception(page)
    sidebar = page.get_by_test_id("stSidebar")
    period_box, year_box = sidebar.locator(".st-key-period"), sidebar.locator(".st-key-year")
    expect(period_box.get_by_test_id("stWidgetLabel")).to_have_text(t("filter.period", lang))
    expect(period_box.get_by_role("combobox")).to_have_value(t("period.year", lang))
    expect(year_box.get_by_test_id("stWidgetLabel")).to_have_text(t("filter.year", lang))
    expect(year_box.get_by_role("combobox")).to_have_value("2025")
    assert screenshot(page, f"sidebar-year-{lang}").stat().st_size > 0

    year_box.get_by_role("combobox").click()
    options = page.get_by_role("option")
    expect(options.first).to_have_text(str(max(dt.date.today().year, 2025)))  # newest first
    expect(options.last).to_have_text("2018")  # the year of the first demo event
    page.get_by_role("option", name="2019", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]year=2019(&|$)"))
    wait_for_app(page)
    assert_no_exception(page)
    expected = metrics.event_count(demo, period(dt.date(2019, 1, 1), dt.date(2019, 12, 31)))
    assert expected > 0
    expect(page.locator(".st-key-kpi-events [data-testid='stMetricValue']")).to_have_text(fmt_int(expected, lang))
    expect(sidebar.get_by_test_id("stCaptionContainer")).to_contain_text("2019")


# --------------------------------------------------------------------------- 6. the period picker, no date picker

ENGLISH_CALENDAR = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su",
    "Select all", "Choose an option",
)  # fmt: skip
#: a link per preset that shows its selectboxes
PICKER_LINKS = {
    "quarter": {"period": "quarter", "year": "2024", "quarter": "3"},
    "month": {"period": "month", "year": "2024", "month": "9"},
    "months": {"period": "months", "from": "2019-01", "to": "2020-06"},
}


def sidebar_screenshot(page: Page, name: str) -> Path:
    """The sidebar alone, as ``screenshots/<name>.png``."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{name}.png"
    page.get_by_test_id("stSidebar").screenshot(path=str(path))
    return path


def dropdown_texts(page: Page, box: Locator) -> str:
    """Open a selectbox, read its options, close it again."""
    box.get_by_role("combobox").click()
    options = page.get_by_role("option")
    expect(options.first).to_be_visible()
    text = " ".join(options.all_inner_texts())
    page.keyboard.press("Escape")
    return text


@pytest.mark.parametrize("preset", list(PICKER_LINKS))
def test_latvian_sidebar_has_no_english_calendar_and_no_date_picker(
    page: Page, streamlit_server: Server, preset: str
) -> None:
    open_app(page, app_url(streamlit_server.url, "", PICKER_LINKS[preset]))
    assert_no_exception(page)
    expect(page.get_by_test_id("stDateInput")).to_have_count(0)
    show_everything(page)  # every drop-down opens inside the window
    sidebar = page.get_by_test_id("stSidebar")
    texts = [sidebar.inner_text()]
    for box in sidebar.get_by_test_id("stSelectbox").all():
        texts.append(dropdown_texts(page, box))
    for box in sidebar.get_by_test_id("stMultiSelect").all():  # no "Select all" either
        texts.append(dropdown_texts(page, box))
    found = whole_words(ENGLISH_CALENDAR, " ".join(texts))
    assert not found, f"English in the Latvian sidebar ({preset}): {found}"
    if preset == "months":  # the boxes show Latvian months
        expect(sidebar.locator(".st-key-to_month").get_by_role("combobox")).to_have_value("jūnijs")
        assert "septembris" in " ".join(texts)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_sidebar_period_screenshots(page: Page, streamlit_server: Server, lang: str) -> None:
    for preset, link in PICKER_LINKS.items():
        open_app(page, app_url(streamlit_server.url, "", {**link, **({"lang": lang} if lang != "lv" else {})}))
        show_everything(page)
        assert_no_exception(page)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.locator(".st-key-period").get_by_role("combobox")).to_have_value(t(f"period.{preset}", lang))
        assert sidebar_screenshot(page, f"sidebar-{preset}-{lang}").stat().st_size > 0
    # the month choice open: the months in the UI language
    language = {"lang": lang} if lang != "lv" else {}
    open_app(page, app_url(streamlit_server.url, "", {**PICKER_LINKS["month"], **language}))
    page.get_by_test_id("stSidebar").locator(".st-key-month").get_by_role("combobox").click()
    expect(page.get_by_role("option", name="septembris" if lang == "lv" else "September", exact=True)).to_be_visible()
    assert screenshot(page, f"sidebar-month-open-{lang}").stat().st_size > 0
    page.keyboard.press("Escape")


# --------------------------------------------------------------------------- 7. Back restores the filters


def year_shown(page: Page) -> Locator:
    return page.get_by_test_id("stSidebar").locator(".st-key-year").get_by_role("combobox")


def test_back_restores_the_earlier_year_and_page(page: Page, streamlit_server: Server, demo: loaders.Dataset) -> None:
    """Overview → year 2019 → Attendance → Back → Back: one history entry per step, each Back the view before."""
    events = {year: fmt_int(metrics.event_count(demo, period(dt.date(year, 1, 1), dt.date(year, 12, 31))), "lv")
              for year in (2019, 2025)}
    assert events[2019] != events[2025]
    open_app(page, app_url(streamlit_server.url, "", {}))  # the default year: the demo data's last, 2025
    expect(year_shown(page)).to_have_value("2025")
    entries = page.evaluate("history.length")

    year_shown(page).click()
    page.get_by_role("option", name="2019", exact=True).click()
    expect(page).to_have_url(re.compile(r"/\?year=2019$"))
    wait_for_app(page)
    expect(page.locator(".st-key-kpi-events [data-testid='stMetricValue']")).to_have_text(events[2019])
    assert page.evaluate("history.length") == entries + 1

    page.get_by_test_id("stSidebar").locator(".st-key-navigation").get_by_role("link", name="Apmeklējums").click()
    expect(page).to_have_url(re.compile(r"/attendance\?year=2019$"))
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text("Apmeklējums")
    expect(year_shown(page)).to_have_value("2019")
    assert page.evaluate("history.length") == entries + 2  # the page view is one entry, with its filters

    page.go_back()
    expect(page).to_have_url(re.compile(r"/\?year=2019$"))
    expect(page.get_by_test_id("stMain").locator("h1").first).to_have_text("Pārskats")
    wait_for_app(page)
    expect(year_shown(page)).to_have_value("2019")
    expect(page.locator(".st-key-kpi-events [data-testid='stMetricValue']")).to_have_text(events[2019])

    page.go_back()
    expect(page).to_have_url(re.compile(rf"^{re.escape(streamlit_server.url)}/$"))
    expect(year_shown(page)).to_have_value("2025")
    wait_for_app(page)
    expect(page.locator(".st-key-kpi-events [data-testid='stMetricValue']")).to_have_text(events[2025])
    assert_no_exception(page)
    assert screenshot(page, "back-restored-2025").stat().st_size > 0
