"""Post-project monitoring: due dates, statuses on a pinned day, business projects, the done marks' file.

Every date is counted by hand: a final payment on 15.03.2021 opens a five-year monitoring period
2022 … 2026, a report due by 30 March of each of those years on the year before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from config import Settings, load_settings
from metrics.monitoring import (
    DONE_FILE,
    Rule,
    Rules,
    Status,
    done_document,
    due_dates,
    has_final_payments,
    monitoring_reports,
    read_done,
    status_of,
    write_done,
)

PAID = dt.date(2021, 3, 15)
TODAY = dt.date(2026, 12, 2)
GENERAL = Rule(first_year=1, last_year=5, due_day=30, due_month=3)


def projects(*rows: tuple[str, str, dt.date | None]) -> pd.DataFrame:
    return pd.DataFrame({
        "project_code": [code for code, _, _ in rows],
        "title": [title for _, title, _ in rows],
        "final_payment_on": pd.to_datetime(pd.Series([paid for _, _, paid in rows], dtype="object")),
    })


def test_a_final_payment_on_15_march_2021_gives_five_reports_from_2022() -> None:
    dates = due_dates(PAID, GENERAL)
    assert [d.due_on for d in dates] == [dt.date(y, 3, 30) for y in (2022, 2023, 2024, 2025, 2026)]
    assert [d.year_covered for d in dates] == [2021, 2022, 2023, 2024, 2025]
    assert [d.number for d in dates] == [1, 2, 3, 4, 5]
    assert [d.period_year for d in dates] == [1, 2, 3, 4, 5]


def test_the_first_report_is_in_the_year_after_the_payment_whatever_its_day() -> None:
    """A payment before the due day of its year does not make a report due that same year."""
    assert due_dates(dt.date(2021, 1, 5), GENERAL)[0].due_on == dt.date(2022, 3, 30)
    assert due_dates(dt.date(2021, 12, 20), GENERAL)[0].due_on == dt.date(2022, 3, 30)
    assert due_dates(dt.date(2021, 3, 30), GENERAL)[0].due_on == dt.date(2022, 3, 30)


def test_business_projects_report_from_the_fourth_year_to_the_end_of_the_period() -> None:
    rules = Rules.from_settings(load_settings({"COWORKING_MONITORING_BUSINESS_PROJECTS": "B-1"}))
    dates = due_dates(PAID, rules.rule_for("B-1"))
    assert [(d.number, d.period_year, d.year_covered, d.due_on) for d in dates] == [
        (1, 4, 2024, dt.date(2025, 3, 30)), (2, 5, 2025, dt.date(2026, 3, 30))]
    assert len(due_dates(PAID, rules.rule_for("other"))) == 5


def test_a_first_year_after_the_period_gives_no_reports() -> None:
    assert due_dates(PAID, Rule(first_year=6, last_year=5, due_day=30, due_month=3)) == []


def test_other_rules_from_the_settings() -> None:
    settings = load_settings({"COWORKING_MONITORING_YEARS": "3", "COWORKING_MONITORING_DUE": "1.7",
                              "COWORKING_MONITORING_FIRST_YEAR": "2", "COWORKING_MONITORING_BUSINESS_PROJECTS": "B",
                              "COWORKING_MONITORING_BUSINESS_FIRST_YEAR": "3",
                              "COWORKING_MONITORING_BUSINESS_DUE": "31.05"})
    rules = Rules.from_settings(settings)
    assert [d.due_on for d in due_dates(PAID, rules.rule_for("A"))] == [dt.date(2023, 7, 1), dt.date(2024, 7, 1)]
    assert [d.due_on for d in due_dates(PAID, rules.rule_for("B"))] == [dt.date(2024, 5, 31)]


@pytest.mark.parametrize(("due_on", "status"), [
    (dt.date(2026, 12, 1), Status.OVERDUE),   # yesterday
    (dt.date(2026, 12, 2), Status.DUE),       # today: not late yet
    (dt.date(2027, 3, 2), Status.DUE),        # 90 days ahead
    (dt.date(2027, 3, 3), Status.UPCOMING),   # 91 days ahead
])
def test_status_on_a_pinned_day(due_on: dt.date, status: Status) -> None:
    assert status_of(due_on, TODAY) is status
    assert status_of(due_on, TODAY, done=True) is Status.DONE


def test_every_report_of_the_projects_with_a_final_payment_and_its_status_on_2_december_2026() -> None:
    table = projects(("P-1", "Koprades telpa", PAID), ("P-2", "Bez maksājuma", None),
                     ("P-3", "Vēlāk", dt.date(2025, 6, 1)), ("B-1", "Uzņēmums", PAID))
    rules = Rules.from_settings(load_settings({"COWORKING_MONITORING_BUSINESS_PROJECTS": "B-1"}))
    reports = monitoring_reports(table, rules, TODAY, done={("P-1", 2022)})
    seen = [(r.project_code, r.number, r.year_covered, r.due_on, r.status) for r in reports]
    assert seen == [
        ("P-1", 1, 2021, dt.date(2022, 3, 30), Status.OVERDUE),
        ("P-1", 2, 2022, dt.date(2023, 3, 30), Status.DONE),
        ("P-1", 3, 2023, dt.date(2024, 3, 30), Status.OVERDUE),
        ("B-1", 1, 2024, dt.date(2025, 3, 30), Status.OVERDUE),
        ("P-1", 4, 2024, dt.date(2025, 3, 30), Status.OVERDUE),
        ("B-1", 2, 2025, dt.date(2026, 3, 30), Status.OVERDUE),
        ("P-1", 5, 2025, dt.date(2026, 3, 30), Status.OVERDUE),
        ("P-3", 1, 2025, dt.date(2026, 3, 30), Status.OVERDUE),
        ("P-3", 2, 2026, dt.date(2027, 3, 30), Status.UPCOMING),  # 118 days ahead
        ("P-3", 3, 2027, dt.date(2028, 3, 30), Status.UPCOMING),
        ("P-3", 4, 2028, dt.date(2029, 3, 30), Status.UPCOMING),
        ("P-3", 5, 2029, dt.date(2030, 3, 30), Status.UPCOMING),
    ]
    assert {r.project_code: r.reports for r in reports} == {"P-1": 5, "B-1": 2, "P-3": 5}
    assert [r.business for r in reports if r.project_code == "B-1"] == [True, True]
    assert reports[0].title == "Koprades telpa"
    # in January 2027 the report due 30.03.2027 is due (87 days ahead)
    later = monitoring_reports(table, rules, dt.date(2027, 1, 2))
    assert next(r for r in later if r.due_on == dt.date(2027, 3, 30)).status is Status.DUE


def test_no_final_payments_no_reports() -> None:
    table = projects(("P-1", "x", None))
    assert not has_final_payments(table)
    assert monitoring_reports(table, Rules.from_settings(Settings()), TODAY) == []
    assert monitoring_reports(pd.DataFrame(), Rules.from_settings(Settings()), TODAY) == []
    assert has_final_payments(projects(("P-1", "x", PAID)))


# --------------------------------------------------------------------------- the done marks' file


def test_marks_are_written_atomically_and_read_back(tmp_path: Path) -> None:
    assert read_done(tmp_path) == set()
    assert write_done(tmp_path, add=[("P-1", 2021), ("P-2", 2023)], today=TODAY) == {("P-1", 2021), ("P-2", 2023)}
    assert read_done(tmp_path) == {("P-1", 2021), ("P-2", 2023)}
    assert write_done(tmp_path, add=[("P-1", 2022)], remove=[("P-2", 2023)]) == {("P-1", 2021), ("P-1", 2022)}
    document = json.loads((tmp_path / DONE_FILE).read_text("utf-8"))
    assert document["version"] == 1
    assert document["done"] == [{"project_code": "P-1", "year_covered": 2021},
                                {"project_code": "P-1", "year_covered": 2022}]
    assert sorted(p.name for p in tmp_path.iterdir()) == [DONE_FILE]  # no temporary file left


@pytest.mark.parametrize("text", ["not json", "[]", '{"version": 2, "done": []}', '{"version": 1, "done": 5}',
                                  '{"version": 1, "done": [{"project_code": 1, "year_covered": 2021}, '
                                  '{"project_code": "P", "year_covered": "2021"}, "x"]}'])
def test_an_unreadable_file_marks_nothing_done(tmp_path: Path, text: str) -> None:
    (tmp_path / DONE_FILE).write_text(text, "utf-8")
    assert read_done(tmp_path) == set()


def test_the_document_is_sorted_utf8_and_names_its_day() -> None:
    data = done_document([("Ā-2", 2022), ("A-1", 2021), ("A-1", 2021)], TODAY)
    document = json.loads(data.decode("utf-8"))
    assert document == {"version": 1, "done": [{"project_code": "A-1", "year_covered": 2021},
                                                {"project_code": "Ā-2", "year_covered": 2022}],
                        "changed_on": "2026-12-02"}
    assert "Ā-2".encode() in data
