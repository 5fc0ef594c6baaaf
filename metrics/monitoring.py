"""Post-project monitoring: which yearly reports each project owes after its final payment, and when.

After the paying agency's final payment (``projects.final_payment_on``) a LEADER project is in its
*monitoring period*: ``years`` calendar years (default 5). A public-benefit project reports every
year of it; a business project reports its figures from a later year of the period on (default the
fourth). Each report is due by a fixed day and month (default 30 March) and covers the calendar
year before it.

**Year 1 is the calendar year after the final payment's**, whatever the payment's day: a payment on
15.03.2021 gives reports due 30.03.2022, 30.03.2023, …, 30.03.2026, covering 2021 … 2025. So is a
payment on 20.12.2021 (the first report then covers a short 2021). Why: the LAGs' own instructions
for the Rural Development Programme 2014–2020 say the report is due "starting from the year after
the project's implementation, every year by 30 March, for five years" (biedrība “Sateka”,
https://www.sateka.lv/leader-2014-2020-2/dokumenti/), and the figures asked are those of the
previous calendar year, which has to be over before it can be reported; a report due in the
payment's own year (30.03.2021, two weeks after it) would cover a year before the payment. Counting
whole calendar years also keeps one due day for every project, whichever day it was paid.

A business project reports in the years ``business_first_year`` … ``years`` of the same period
(default 4 … 5: two reports), numbered 1, 2, …: the reporting duty ends with the monitoring period,
which does not move (it is the five years of durability from the final payment). The operator
changes every number in the settings (``config/settings.py``) and must check them against the
project's LAD contract.

*Done*: the data contract has no place for it; staff mark a report done on the Reports page and
the marks live in ``monitoring_done.json`` in the data folder (:func:`read_done`,
:func:`write_done`). A mark names the project and the calendar year the report covers, which stays
right when the operator changes the rules (the report's number may then change).

The page passes ``today``: nothing here reads the clock. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pandas as pd

from config import Settings

log = logging.getLogger(__name__)

#: a report due within this many days from today (inclusive) is *due*, later ones *upcoming*
DUE_WINDOW_DAYS = 90
DONE_FILE = "monitoring_done.json"
#: the file's format version (a file of another version is not read: nothing is marked done)
DONE_VERSION = 1


class Status(Enum):
    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    DONE = "done"


@dataclass(frozen=True)
class Rule:
    """The reports of one kind of project: years ``first_year`` … ``last_year`` after the final payment."""

    #: 1 = the calendar year after the final payment's
    first_year: int
    #: the monitoring period's last year
    last_year: int
    #: the due date in each of those years
    due_day: int
    due_month: int


@dataclass(frozen=True)
class Rules:
    general: Rule
    business: Rule
    business_projects: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> Rules:
        day, month = settings.monitoring_due
        business_day, business_month = settings.monitoring_business_due or settings.monitoring_due
        years = settings.monitoring_years
        return cls(
            general=Rule(settings.monitoring_first_year, years, day, month),
            business=Rule(settings.monitoring_business_first_year, years, business_day, business_month),
            business_projects=frozenset(settings.monitoring_business_projects),
        )

    def is_business(self, project_code: str) -> bool:
        return project_code in self.business_projects

    def rule_for(self, project_code: str) -> Rule:
        return self.business if self.is_business(project_code) else self.general


@dataclass(frozen=True)
class DueDate:
    #: 1, 2, … among the project's reports
    number: int
    #: the year of the monitoring period (1 = the calendar year after the final payment's)
    period_year: int
    #: the calendar year the report covers (the one before it is due)
    year_covered: int
    due_on: dt.date


@dataclass(frozen=True)
class MonitoringReport:
    project_code: str
    title: str
    number: int
    #: how many reports the project owes in all
    reports: int
    period_year: int
    year_covered: int
    due_on: dt.date
    business: bool
    status: Status

    @property
    def key(self) -> tuple[str, int]:
        """What a *done* mark names: the project and the year covered."""
        return self.project_code, self.year_covered


def due_dates(final_payment_on: dt.date, rule: Rule) -> list[DueDate]:
    """The reports owed after a final payment on ``final_payment_on`` (none when first > last year)."""
    dates = []
    for number, period_year in enumerate(range(rule.first_year, rule.last_year + 1), start=1):
        due_on = dt.date(final_payment_on.year + period_year, rule.due_month, rule.due_day)
        dates.append(DueDate(number, period_year, due_on.year - 1, due_on))
    return dates


def status_of(due_on: dt.date, today: dt.date, *, done: bool = False, window_days: int = DUE_WINDOW_DAYS) -> Status:
    """Done if marked; overdue after its due day; due from ``window_days`` before it; else upcoming."""
    if done:
        return Status.DONE
    if due_on < today:
        return Status.OVERDUE
    if due_on <= today + dt.timedelta(days=window_days):
        return Status.DUE
    return Status.UPCOMING


def monitoring_reports(projects: pd.DataFrame, rules: Rules, today: dt.date,
                       done: Collection[tuple[str, int]] = (),
                       window_days: int = DUE_WINDOW_DAYS) -> list[MonitoringReport]:
    """Every report owed by the projects with a ``final_payment_on``, by due date then project code.

    ``done``: the ``(project_code, year_covered)`` of the reports marked done.
    """
    if projects.empty or "final_payment_on" not in projects:
        return []
    items = []
    for row in projects.itertuples(index=False):
        paid = row.final_payment_on
        if pd.isna(paid):
            continue
        code = str(row.project_code)
        dates = due_dates(pd.Timestamp(paid).date(), rules.rule_for(code))
        for date in dates:
            items.append(MonitoringReport(
                project_code=code, title=str(row.title), number=date.number, reports=len(dates),
                period_year=date.period_year, year_covered=date.year_covered, due_on=date.due_on,
                business=rules.is_business(code),
                status=status_of(date.due_on, today, done=(code, date.year_covered) in done, window_days=window_days),
            ))
    return sorted(items, key=lambda item: (item.due_on, item.project_code, item.number))


def has_final_payments(projects: pd.DataFrame) -> bool:
    return "final_payment_on" in projects and bool(projects["final_payment_on"].notna().any())


# --------------------------------------------------------------------------- the done marks' file


def done_path(folder: Path) -> Path:
    return folder / DONE_FILE


def read_done(folder: Path) -> set[tuple[str, int]]:
    """The reports marked done in ``folder``'s ``monitoring_done.json`` (none: no file, or unreadable).

    An unreadable file is logged and counts as no marks: a report then shows as due or overdue,
    never as done by mistake.
    """
    path = done_path(folder)
    try:
        document = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return set()
    except (OSError, ValueError):
        log.warning("%s cannot be read; no monitoring report counts as done", path, exc_info=True)
        return set()
    if not isinstance(document, dict) or document.get("version") != DONE_VERSION \
            or not isinstance(document.get("done", []), list):
        log.warning("%s is not a version %s file; no monitoring report counts as done", path, DONE_VERSION)
        return set()
    marks = set()
    for entry in document.get("done", []):
        if isinstance(entry, dict) and isinstance(entry.get("project_code"), str) \
                and type(entry.get("year_covered")) is int:
            marks.add((entry["project_code"], entry["year_covered"]))
    return marks


def done_document(marks: Iterable[tuple[str, int]], marked_on: dt.date | None = None) -> bytes:
    """The file's bytes: ``{"version": 1, "done": [{"project_code", "year_covered"}, …]}``, sorted."""
    entries = [{"project_code": code, "year_covered": year} for code, year in sorted(set(marks))]
    document: dict = {"version": DONE_VERSION, "done": entries}
    if marked_on is not None:
        document["changed_on"] = marked_on.isoformat()
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_done(folder: Path, add: Iterable[tuple[str, int]] = (), remove: Iterable[tuple[str, int]] = (),
               today: dt.date | None = None) -> set[tuple[str, int]]:
    """Add and remove marks under the data folder's change lock, written atomically; the marks after.

    The lock makes two people marking at once both count (read, change, write is one step); the
    file is replaced whole (a temporary file, fsynced, renamed), so a crash leaves the old marks.
    """
    from storage.atomic import replace_atomically  # storage imports the loaders: only when writing
    from storage.history import folder_lock

    with folder_lock(folder):
        marks = (read_done(folder) | set(add)) - set(remove)
        replace_atomically(done_path(folder), done_document(marks, today))
    return marks
