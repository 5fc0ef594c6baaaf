"""The assembled report and its JSON: the hand-counted figures of ``tests/reports_fixture.py``.

Public mode: small counts are ``<5``, and no breakdown (nor the events list) leaves exactly one
cell hidden next to its published total, so no hidden count can be worked out by subtraction.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import metrics
from loaders import load_dataset
from metrics import AgeBand
from metrics.privacy import PERSON_COUNTS, is_suppressed
from reports import UnknownProject, assemble_report
from reports.json_export import build_json, report_to_dict
from reports.model import BREAKDOWN_TOTALS
from tests.reports_fixture import (
    END,
    EXPECTED,
    EXPECTED_EVENTS,
    EXPECTED_PUBLIC,
    EXPECTED_PUBLIC_EVENTS,
    INJECTION,
    LATVIAN_TITLE,
    OTHER_PROJECT,
    PROJECT,
    PROJECT_TITLE,
    START,
    write_fixture,
)


def as_json(report) -> dict:
    """What a script reading the JSON file sees."""
    return json.loads(build_json(report).decode("utf-8"))


def test_json_has_the_hand_counted_figures(reports_loaded) -> None:
    data = as_json(assemble_report(reports_loaded.dataset, PROJECT, fingerprint=reports_loaded.fingerprint))
    for key, value in EXPECTED.items():
        assert data[key] == value, key
    assert [(e["event_id"], e["participations"]) for e in data["events_list"]] == EXPECTED_EVENTS
    assert "unique_participants" not in data["targets"]  # the project has no such target
    assert data["fingerprint"] == reports_loaded.fingerprint and len(data["fingerprint"]) == 64


def test_json_keys_and_default_age_bands(reports_ds) -> None:
    data = as_json(assemble_report(reports_ds, PROJECT))
    required = {"project_code", "from", "to", "events", "events_by_type", "participations", "unique_participants",
                "participations_by_gender", "participations_by_age_band", "participations_by_municipality",
                "spaces_involved", "residents_active_at_end", "residents_new", "targets", "fingerprint"}
    assert required <= set(data)
    assert list(data["participations_by_age_band"]) == ["<25", "25-29", "30-39", "40-54", "55-64", "65+", "unknown"]
    assert list(data["participations_by_municipality"])[-1] == "unknown"


def test_identification_and_events_list(reports_ds) -> None:
    data = as_json(assemble_report(reports_ds, PROJECT))
    assert data["identification"] == {
        "project_code": PROJECT, "title": PROJECT_TITLE, "programme": "Latvijas Lauku attīstības programma 2014–2020",
        "measure": "19.3 Starpteritoriālā un starpvalstu sadarbība", "funder": "ELFLA",
        "starts_on": "2024-01-01", "ends_on": "2024-06-30", "budget_eur": 12345.67,
    }
    events = {e["event_id"]: e for e in data["events_list"]}
    assert events["E2"]["title"] == LATVIAN_TITLE
    assert events["E4"]["title"] == INJECTION  # JSON keeps the text as it is
    assert events["E3"]["venue"] == "Ķekavas bibliotēka → Olaines atbalsta centrs"
    assert events["E3"]["date"] == "2024-04-10" and events["E3"]["event_type"] == "study_visit"


def test_figures_equal_the_metrics_the_pages_use(reports_ds) -> None:
    """The dashboard's pages call the same metrics with the same filter."""
    report = assemble_report(reports_ds, PROJECT)
    f = metrics.Filters(START, END, projects=(PROJECT,))
    assert report.indicators["participations"] == metrics.participations(reports_ds, f)
    assert report.indicators["unique_participants"] == metrics.unique_participants(reports_ds, f)
    assert report.indicators["residents_active_at_end"] == metrics.active_residents(reports_ds, f)
    assert report.breakdowns["participations_by_gender"] == metrics.participations_by_gender(reports_ds, f).to_dict()


def test_provenance(reports_ds) -> None:
    now = dt.datetime(2025, 1, 31, 9, 30, tzinfo=dt.UTC)
    data = as_json(assemble_report(reports_ds, PROJECT, fingerprint="ab" * 32, now=now))
    provenance = data["provenance"]
    assert provenance["fingerprint"] == "ab" * 32
    assert provenance["generated_at"] == "2025-01-31T09:30:00+00:00"
    assert provenance["filters"] == {"project": PROJECT, "from": "2024-01-01", "to": "2024-06-30", "public": False,
                                     "age_bands": ["<25", "25-29", "30-39", "40-54", "55-64", "65+"]}
    rules = provenance["counting_rules"]
    assert set(rules) >= {"period", "participations", "unique_participants", "spaces_involved", "residents_active"}
    assert all(sentence.count(". ") == 0 and sentence.endswith(".") for sentence in rules.values())  # one each
    assert provenance["suppression"] is None


def test_period_given_explicitly(reports_ds) -> None:
    # 2024-04-01 … 2024-06-30: E3 (7) and E4 (6)
    data = as_json(assemble_report(reports_ds, PROJECT, dt.date(2024, 4, 1), None))
    assert (data["from"], data["to"]) == ("2024-04-01", "2024-06-30")  # the open end is the project's
    assert (data["events"], data["participations"]) == (2, 13)


def test_project_without_dates_or_targets_is_all_time(reports_ds) -> None:
    data = as_json(assemble_report(reports_ds, OTHER_PROJECT))
    assert (data["from"], data["to"]) == (None, None)
    assert (data["events"], data["participations"], data["unique_participants"]) == (1, 30, 30)
    assert data["participations_by_gender"] == {"female": 0, "male": 0, "other": 0, "unknown": 30}
    assert data["spaces_involved"] == 1
    assert data["targets"] == {}
    assert data["residents_new"] == 5  # all time: every resident joined in it


def test_configurable_age_bands(reports_ds) -> None:
    youth = (AgeBand("<30", None, 29), AgeBand("30+", 30, None))
    data = as_json(assemble_report(reports_ds, PROJECT, bands=youth))
    # <30: R3, G5 ×2, G1 ×2 = 5; 30+: R1 ×3, G4 ×2, R2 ×2, G2 ×2, G3 = 10; unknown 14
    assert data["participations_by_age_band"] == {"<30": 5, "30+": 10, "unknown": 14}
    assert data["provenance"]["filters"]["age_bands"] == ["<30", "30+"]


def test_unknown_project_and_reversed_period(reports_ds) -> None:
    with pytest.raises(UnknownProject) as raised:
        assemble_report(reports_ds, "NO-SUCH")
    assert raised.value.known == sorted([PROJECT, OTHER_PROJECT])
    with pytest.raises(ValueError):
        assemble_report(reports_ds, PROJECT, dt.date(2024, 6, 1), dt.date(2024, 1, 1))


def test_english_report_has_the_same_figures(reports_ds) -> None:
    lv, en = (report_to_dict(assemble_report(reports_ds, PROJECT)),
              report_to_dict(assemble_report(reports_ds, PROJECT, lang="en")))
    for key in EXPECTED:
        assert lv[key] == en[key], key
    assert lv["provenance"]["counting_rules"] != en["provenance"]["counting_rules"]


# --------------------------------------------------------------------------- public mode


def test_public_json_suppresses_small_counts(reports_ds) -> None:
    data = as_json(assemble_report(reports_ds, PROJECT, public=True))
    for key, value in EXPECTED_PUBLIC.items():
        assert data[key] == value, key
    assert [(e["event_id"], e["participations"]) for e in data["events_list"]] == EXPECTED_PUBLIC_EVENTS
    assert data["provenance"]["suppression"]["≥5"].startswith("“≥5”")
    assert data["provenance"]["filters"]["public"] is True


def _cannot_be_derived(cells: dict[str, object], total: object) -> None:
    """With a published total, a breakdown hides either no cell or at least two."""
    hidden = [key for key, value in cells.items() if is_suppressed(value)]
    assert is_suppressed(total) or len(hidden) != 1, f"one hidden cell next to a total of {total}: {cells}"


def _small(value: object) -> bool:
    return isinstance(value, int) and 0 < value < 5


@pytest.mark.parametrize("period", [(None, None), (dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
                                    (dt.date(2024, 4, 1), dt.date(2024, 6, 30))])
def test_public_mode_never_leaks_a_hidden_cell_through_a_total(reports_ds, period) -> None:
    report = assemble_report(reports_ds, PROJECT, *period, public=True)
    for key, cells in report.breakdowns.items():
        _cannot_be_derived(cells, report.indicators[BREAKDOWN_TOTALS[key]])
    events = {e.event_id: e.participations for e in report.events}
    _cannot_be_derived(events, report.indicators["participations"])
    # and the object itself holds no exact small person count, so no format can print one
    assert not any(_small(report.indicators[key]) for key in report.indicators if key in PERSON_COUNTS)
    for key, cells in report.breakdowns.items():
        assert key == "events_by_type" or not any(_small(v) for v in cells.values()), cells
    assert not any(_small(v) for v in events.values())


def test_public_january_hides_the_percent_of_a_hidden_figure(reports_ds) -> None:
    # E1 only: participations 4 and unique participants 4 are hidden; 1 event of 8 is not a person count
    data = as_json(assemble_report(reports_ds, PROJECT, dt.date(2024, 1, 1), dt.date(2024, 1, 31), public=True))
    assert (data["events"], data["participations"], data["unique_participants"]) == (1, "<5", "<5")
    assert data["targets"]["participations"] == {"target": 50, "achieved": "<5", "percent": None}
    assert data["targets"]["events"] == {"target": 8, "achieved": 1, "percent": 12.5}
    assert data["participations_by_gender"] == {"female": "<5", "male": "<5", "other_or_unknown": "<5"}
    assert data["by_space"] == {"lielvarde": {"events": 1, "visits": 0, "participations": "<5"}}
    assert [e["participations"] for e in data["events_list"]] == ["<5"]


def test_json_file_is_utf8_with_latvian_letters(reports_ds) -> None:
    raw = build_json(assemble_report(reports_ds, PROJECT))
    assert LATVIAN_TITLE.encode("utf-8") in raw  # not \\u-escaped


def test_cli_equivalent_folder_fingerprint_changes_with_the_files(tmp_path: Path) -> None:
    first = load_dataset(write_fixture(tmp_path / "a")).fingerprint
    folder = write_fixture(tmp_path / "b")
    with (folder / "events.csv").open("a", encoding="utf-8") as handle:
        handle.write("E7,Vēl viens,other,2024-03-01,,lielvarde,,,3\n")
    assert load_dataset(folder).fingerprint != first
