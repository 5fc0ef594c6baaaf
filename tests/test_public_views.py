"""Property test: no public view the product makes lets a hidden person count be worked out.

Many small datasets are generated (hypothesis), written as CSV and loaded with the real loader.
For each, every public view is produced as a person would see it:

* the map in presentation mode, once per person measure (one screen each): the headline cards,
  every space's popup (read from the map's HTML) and side panel, the municipalities' tooltips,
  the legend's "home not known" note and the home → space flows;
* the public project report: its JSON, and the same figures in Excel, Word and PDF.

What the view shows is read back from those outputs. The test then states on its own what a viewer
knows adds up (a total and its breakdown, per-space figures and the card, a two-way table and its
margins, a space's participations and its events) and checks, with plain linear algebra
(``tests/disclosure_check.py``), that no count from 1 to 4 is shown and none can be worked out.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import io
import json
import re
from pathlib import Path

import folium
import openpyxl
from docx import Document
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import maps
import metrics
from i18n import t
from i18n.labels import code_label
from loaders import Dataset, load_dataset
from maps.panel import headline_cards, space_panel
from metrics import geography
from reports import assemble_report
from reports.build import build
from reports.chart_images import ChartImages
from reports.json_export import report_to_dict
from tests.disclosure_check import worked_out
from tests.helpers import write_rows

MUNICIPALITIES = ("Ogres novads", "Ķekavas novads", "Rīga", "Olaines novads")
PROJECT = "P-1"
YEAR = metrics.Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
NO_CHARTS = ChartImages((), (), missing_reason="test")
PERSON_MEASURES = ("participations", "residents")
#: each example loads a folder and builds maps and files: shrinking a failure took minutes, and the
#: failing tables are printed whole anyway
NO_SHRINKING = (Phase.explicit, Phase.reuse, Phase.generate)

days_2024 = st.dates(dt.date(2023, 11, 1), dt.date(2024, 12, 31))
maybe_home = st.sampled_from((*MUNICIPALITIES, ""))
genders = st.sampled_from(("female", "male", "other", ""))
birth_years = st.one_of(st.just(""), st.integers(1950, 2012).map(str))


@st.composite
def datasets(draw) -> dict[str, list[list[str]]]:
    """The tables of a small, valid data folder."""
    space_ids = [f"s{i}" for i in range(draw(st.integers(1, 4)))]
    spaces = [["space_id", "name", "municipality", "latitude", "longitude", "space_type", "opened_on"]]
    for i, space in enumerate(space_ids):
        opened = draw(st.one_of(st.just(""), st.dates(dt.date(2022, 1, 1), dt.date(2024, 6, 1)).map(str)))
        spaces.append([space, f"Telpa {i}", draw(st.sampled_from(MUNICIPALITIES[:3])), f"{56.8 + i / 50:.4f}",
                       f"{24.5 + i / 20:.4f}", "coworking", opened])
    residents = [["resident_id", "space_id", "joined_on", "left_on", "gender", "birth_year", "home_municipality"]]
    resident_ids = [f"R{i}" for i in range(draw(st.integers(1, 14)))]  # the table must have rows
    for resident in resident_ids:
        joined = draw(st.dates(dt.date(2023, 1, 1), dt.date(2024, 12, 1)))
        left = draw(st.one_of(st.just(""), st.dates(joined, dt.date(2025, 6, 1)).map(str)))
        residents.append([resident, draw(st.sampled_from(space_ids)), str(joined), left, draw(genders),
                          draw(birth_years), draw(maybe_home)])
    events = [["event_id", "title", "event_type", "starts_on", "space_id", "project_code", "participants"]]
    stops = [["event_id", "stop_no", "space_id"]]
    attendance = [["event_id", "person_id", "gender", "birth_year", "home_municipality"]]
    guests = {f"G{i}": (draw(genders), draw(birth_years), draw(maybe_home)) for i in range(6)}
    people = [*resident_ids, *guests]
    for e in range(draw(st.integers(1, 8))):
        event = f"E{e}"
        visit = draw(st.booleans()) and draw(st.booleans())
        venue = "" if visit or draw(st.integers(0, 5)) == 0 else draw(st.sampled_from(space_ids))
        listed = draw(st.lists(st.sampled_from([*people, "", ""]), max_size=7))
        named = list(dict.fromkeys(p for p in listed if p))
        rows = named + [""] * listed.count("")
        head_count = "" if rows or draw(st.booleans()) else str(draw(st.integers(0, 14)))
        events.append([event, f"Pasākums {e}", "study_visit" if visit else "networking", str(draw(days_2024)),
                       venue, PROJECT if draw(st.integers(0, 5)) else "", head_count])
        if visit:
            for number, space in enumerate(draw(st.lists(st.sampled_from(space_ids), min_size=1, max_size=3,
                                                         unique=True)), start=1):
                stops.append([event, str(number), space])
        for person in rows:
            fields = guests.get(person, (draw(genders), draw(birth_years), draw(maybe_home)))
            attendance.append([event, person, *fields])
    return {
        "spaces": spaces, "residents": residents, "events": events, "attendance": attendance,
        "event_stops": stops,
        "projects": [["project_code", "title", "starts_on", "ends_on"], [PROJECT, "Projekts", "2024-01-01",
                                                                         "2024-12-31"]],
    }


def load(tables: dict[str, list[list[str]]], folder: Path) -> Dataset:
    write_rows(folder, tables)
    result = load_dataset(folder)
    assert result.ok, [p.message("en") for p in result.problems]
    return result.dataset


def number(text: str) -> int | str:
    """A shown count as a number, or the mark (``<5``, ``≥5``) as it is."""
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("\xa0", "").replace(" ", "").strip()
    return text if text in ("<5", "≥5") else int(text)


def check(values: dict, relations: list, shown: dict) -> None:
    """No shown person count is 1–4 and none hidden can be worked out from the shown ones."""
    small = {key: value for key, value in shown.items() if isinstance(value, int) and 0 < value < 5}
    assert not small, f"small counts shown: {small}"
    values = {**dict.fromkeys(shown, 0), **values}  # a municipality with nobody is shown as 0
    for key, value in shown.items():
        assert value in ("<5", "≥5") or value == values[key], f"{key}: shown {value}, is {values[key]}"
    numbers = {key for key, value in shown.items() if isinstance(value, int)}
    # the readable form of the rule: no relation with a shown total leaves exactly one small count hidden
    for total, parts in relations:
        hidden = [p for p in (total, *parts) if p not in numbers]
        assert len(hidden) != 1 or not 0 < values[hidden[0]] < 5, f"{hidden[0]} follows from {total} = {parts}"
    assert worked_out(values, relations, numbers) == set()


# --------------------------------------------------------------------------- the map


def _elements(root):
    yield root
    for child in root._children.values():
        yield from _elements(child)


def map_screen(ds: Dataset, filters: metrics.Filters, measure: str) -> dict:
    """Everything one presentation-mode screen shows, read from the map, the cards and the panels."""
    options = maps.MapOptions(measure=measure, layers=maps.LAYERS, public=True)
    m = maps.build_map(ds, filters, options, "lv")
    html = m.get_root().render()
    names = dict(zip(ds.spaces["name"], ds.spaces["space_id"], strict=True))
    shown: dict = {}
    cards = headline_cards(ds, filters, "lv", public=True)
    shown["participations"] = number(cards["participations"][1])
    shown["active_residents"] = number(cards["active_residents"][1])
    residents_label = t("map.popup.active_residents", "lv", date="").strip()
    for name, rows in re.findall(r'<div class="map-info"><b>(.*?)</b><table>(.*?)</table></div>', html):
        cells = dict(re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", rows))
        space = names[html_module.unescape(name)]
        active = next(v for k, v in cells.items() if k.startswith(residents_label))
        shown[("space_residents", space)] = number(active)
        shown[("space_participations", space)] = number(cells[t("map.popup.participations", "lv")])
        panel = space_panel(ds, filters, space, "lv", public=True)
        assert number(panel["active"][1]) == shown[("space_residents", space)]
        assert number(panel["participations"][1]) == shown[("space_participations", space)]
    home = "home_participations" if measure == "participations" else "home_residents"
    label = t(f"map.measure.{measure}", "lv")
    choropleth = next(e for e in _elements(m) if isinstance(e, folium.GeoJson))
    for feature in choropleth.data["features"]:
        name, value = re.fullmatch(rf"<b>(.*?)</b><br>{label}: (.*)", feature["properties"]["tip"]).groups()
        shown[(home, name)] = number(value)
    unknown = re.search(t("map.legend.unknown", "lv", count="(.*?)") + "<", html)
    if unknown:
        shown[(home, "unknown")] = number(unknown.group(1))
    for line in (e for e in _elements(m) if isinstance(e, folium.PolyLine)):
        for tip in (c.text for c in line._children.values() if isinstance(c, folium.Tooltip)):
            found = re.fullmatch(r"<b>(.*?) → (.*?)</b><br>Aktīvie rezidenti: (.*)", tip)
            if found:
                home, space = (html_module.unescape(found.group(i)) for i in (1, 2))
                shown[("flows", home, names[space])] = number(found.group(3))
    return shown


def map_facts(ds: Dataset, filters: metrics.Filters) -> tuple[dict, list]:
    """The exact counts behind a map screen and what a viewer knows adds up."""
    values: dict = {"participations": metrics.participations(ds, filters),
                    "active_residents": metrics.active_residents(ds, filters)}
    relations = []
    per_space = metrics.space_figures(ds, filters)["participations"]
    values.update({("space_participations", s): int(v) for s, v in per_space.items()})
    values["no venue"] = values["participations"] - int(per_space.sum())
    relations.append(("participations", [*(("space_participations", s) for s in per_space.index), "no venue"]))
    for name, series, total in (
        ("home_participations", metrics.participations_by_municipality(ds, filters), "participations"),
        ("space_residents", metrics.active_residents_by_space(ds, filters), "active_residents"),
        ("home_residents", metrics.residents_by_home_municipality(ds, filters), "active_residents"),
    ):
        cells = {(name, str(k)): int(v) for k, v in series.items()}
        values.update(cells)
        relations.append((total, list(cells)))
    table = geography.residents_by_home_and_space(ds, filters)
    for home, space, n in table.itertuples(index=False):
        values[("flows", home, space)] = int(n)
    for space, group in table.groupby("space_id"):
        relations.append((("space_residents", space), [("flows", h, space) for h in group["home_municipality"]]))
    for home, group in table.groupby("home_municipality"):
        relations.append((("home_residents", home), [("flows", home, s) for s in group["space_id"]]))
    return values, relations


# --------------------------------------------------------------------------- the report


def report_facts(data: dict, ds: Dataset) -> tuple[dict, list, dict]:
    """From the public JSON: what it shows; from ``metrics``: the exact counts and how they add up."""
    f = metrics.Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31), projects=(PROJECT,))
    values: dict = {}
    relations: list = []
    shown: dict = {}
    for key in ("participations", "unique_participants", "residents_active_at_end", "residents_new"):
        shown[key] = data[key]
    values["participations"] = metrics.participations(ds, f)
    values["unique_participants"] = metrics.unique_participants(ds, f)
    values["residents_active_at_end"] = metrics.active_residents(ds, f)
    values["residents_new"] = metrics.new_residents(ds, f)
    exact = {
        "participations_by_gender": metrics.participations_by_gender(ds, f),
        "participations_by_age_band": metrics.participations_by_age_band(ds, f),
        "participations_by_municipality": metrics.participations_by_municipality(ds, f),
        "unique_participants_by_gender": metrics.unique_participants_by_gender(ds, f),
        "unique_participants_by_age_band": metrics.unique_participants_by_age_band(ds, f),
        "unique_participants_by_municipality": metrics.unique_participants_by_municipality(ds, f),
    }
    for key, series in exact.items():
        cells = {str(k): int(v) for k, v in series.items()}
        if key.endswith("_by_gender"):
            assert "other" not in data[key] and "unknown" not in data[key]
            cells = {"female": cells["female"], "male": cells["male"],
                     "other_or_unknown": cells["other"] + cells["unknown"]}
        total = "participations" if key.startswith("participations") else "unique_participants"
        assert set(data[key]) == set(cells), key
        values.update({(key, code): n for code, n in cells.items()})
        shown.update({(key, code): data[key][code] for code in cells})
        relations.append((total, [(key, code) for code in cells]))
    young = metrics.under_30(ds, f)
    for total in ("participations", "unique_participants"):
        values[("under_30", total)] = young[total]
        shown[("under_30", total)] = data["under_30"][total]
        relations.append((("under_30", total), [(f"{total}_by_age_band", "<25"), (f"{total}_by_age_band", "25-29")]))
    events = metrics.events_table(ds, f)
    assert [e["event_id"] for e in data["events_list"]] == sorted(events["event_id"], key=lambda e: (
        events.set_index("event_id").at[e, "starts_on"], e))
    for event in data["events_list"]:
        shown[("event", event["event_id"])] = event["participations"]
    values.update({("event", e): int(p) for e, p in zip(events["event_id"], events["participations"], strict=True)})
    figures = metrics.space_figures(ds, f)
    for space, cells in data["by_space"].items():
        assert (cells["events"], cells["visits"]) == tuple(int(figures.at[space, c]) for c in ("events", "visits"))
        shown[("space", space)] = cells["participations"]
    values.update({("space", s): int(v) for s, v in figures["participations"].items()})
    values["no venue"] = values["participations"] - int(figures["participations"].sum())
    relations.append(("participations", [*(("space", s) for s in figures.index), "no venue"]))
    venue = events["space_id"].astype("object")
    for space in figures.index:
        relations.append((("space", space), [("event", e) for e in events.loc[venue == space, "event_id"]]))
    relations.append(("no venue", [("event", e) for e in events.loc[venue.isna(), "event_id"]]))
    return values, relations, shown


def document_rows(report) -> dict[str, tuple]:
    """Every figure row the documents print, label → shown values, from the JSON's figures."""
    data = report_to_dict(report)
    rows: dict[str, tuple] = {}
    for kind in ("gender", "age_band", "municipality"):
        codes = dict.fromkeys([*data[f"participations_by_{kind}"], *data[f"unique_participants_by_{kind}"]])
        for code in codes:
            rows[f"{kind}:{code_label(kind, code, 'lv')}"] = (data[f"participations_by_{kind}"].get(code, 0),
                                                              data[f"unique_participants_by_{kind}"].get(code, 0))
    names = dict(zip(report_spaces(report), (s.name for s in report.by_space), strict=True))
    for space, cells in data["by_space"].items():
        rows[f"space:{names[space]}"] = (cells["events"], cells["visits"], cells["participations"])
    return rows


def report_spaces(report) -> list[str]:
    return [space.space_id for space in report.by_space]


def text(value: object) -> str:
    return str(value)


def check_documents(report) -> None:
    """Excel, Word and PDF print exactly the protected figures (none exact where the JSON hides one)."""
    expected = document_rows(report)
    book = openpyxl.load_workbook(io.BytesIO(build(report, "xlsx", NO_CHARTS)))
    sheets = {"gender": "Dzimums", "age_band": "Vecums", "municipality": "Pašvaldības", "space": "Telpas"}
    doc = Document(io.BytesIO(build(report, "docx", NO_CHARTS)))
    word = {(table.rows[0].cells[0].text, row.cells[0].text): tuple(c.text.replace("\xa0", "") for c in row.cells[1:])
            for table in doc.tables for row in table.rows}
    headers = {kind: t(f"report.key.{kind}") for kind in ("gender", "age_band", "municipality")}
    headers["space"] = t("report.col.space")
    pdf = " ".join(" ".join(page.extract_text() for page in
                            PdfReader(io.BytesIO(build(report, "pdf", NO_CHARTS))).pages).replace("\xa0", "").split())
    for key, values in expected.items():
        kind, label = key.split(":", 1)
        cells = {row[0].value: tuple(c.value for c in row[1:len(values) + 1]) for row in book[sheets[kind]].iter_rows()}
        assert cells[label] == values, (key, cells[label], values)
        assert word[headers[kind], label] == tuple(map(text, values)), (key, word[headers[kind], label], values)
        assert f"{label} {' '.join(map(text, values))}" in pdf, key
    events = {row[0]: row[5] for row in book["Pasākumi"].iter_rows(min_row=2, values_only=True)}
    assert events == {e.event_id: e.participations for e in report.events}


# --------------------------------------------------------------------------- the properties


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=NO_SHRINKING)
@given(tables=datasets(), all_time=st.booleans())
def test_presentation_map_screens_hide_every_small_count(tmp_path_factory, tables, all_time) -> None:
    ds = load(tables, tmp_path_factory.mktemp("map"))
    filters = metrics.Filters() if all_time else YEAR
    values, relations = map_facts(ds, filters)
    for measure in PERSON_MEASURES:
        check(values, relations, map_screen(ds, filters, measure))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=NO_SHRINKING)
@given(tables=datasets())
def test_public_report_hides_every_small_count(tmp_path_factory, tables) -> None:
    ds = load(tables, tmp_path_factory.mktemp("report"))
    report = assemble_report(ds, PROJECT, public=True)
    data = json.loads(json.dumps(report_to_dict(report), ensure_ascii=False))
    values, relations, shown = report_facts(data, ds)
    check(values, relations, shown)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=NO_SHRINKING)
@given(tables=datasets())
def test_public_report_files_print_the_protected_figures(tmp_path_factory, tables) -> None:
    ds = load(tables, tmp_path_factory.mktemp("files"))
    check_documents(assemble_report(ds, PROJECT, public=True))


# --------------------------------------------------------------------------- the demo data


def test_demo_presentation_2024_shows_nothing_that_can_be_worked_out(demo) -> None:
    """The review's case: Ogre library's 2 residents hidden, and Jūrmala's 8 with them (panel included)."""
    values, relations = map_facts(demo, YEAR)
    for measure in PERSON_MEASURES:
        shown = map_screen(demo, YEAR, measure)
        assert shown["active_residents"] == values["active_residents"] == 99
        ogre, jurmala = ("space_residents", "ogre-library"), ("space_residents", "jurmala-business-incubator")
        assert (values[ogre], values[jurmala]) == (2, 8)
        assert (shown[ogre], shown[jurmala]) == ("<5", "≥5")
        check(values, relations, shown)


def test_demo_public_report_shows_men_and_women_when_they_are_five_or_more(demo) -> None:
    data = report_to_dict(assemble_report(demo, "18-00-A019.333-000015", public=True))
    exact = report_to_dict(assemble_report(demo, "18-00-A019.333-000015"))
    assert exact["participations_by_gender"]["other"] == 3  # was enough to hide the men's 135 before
    for key in ("participations_by_gender", "unique_participants_by_gender"):
        assert data[key] == {"female": exact[key]["female"], "male": exact[key]["male"],
                             "other_or_unknown": exact[key]["other"] + exact[key]["unknown"]}
    assert data["participations_by_gender"]["male"] == 135
