"""The Reports page's section *Uzraudzības pārskati*: the post-project monitoring reports owed, a calendar file.

The reports and their statuses come from :mod:`metrics.monitoring` with today's date (read here,
once a run, through :func:`today`, which the tests pin). Staff with the password mark reports as
submitted: the marks go to the data folder's ``monitoring_done.json`` (written atomically, under
the folder's change lock), never to the data tables; the demo folder is never written. The form's
button saves in its callback, before the page runs again, so the table shows the new marks at once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import streamlit as st

from exports.ics import AllDayEvent, calendar
from i18n import t
from i18n.formatting import fmt_date, fmt_int
from loaders import Dataset
from metrics.monitoring import MonitoringReport, Rules, Status, has_final_payments, monitoring_reports, read_done
from metrics.monitoring import write_done as write_done_file
from ui.data_page import staff
from ui.loading import is_demo
from ui.settings import current_settings
from ui.text import md

log = logging.getLogger(__name__)

ADD_KEY = "monitoring-add"
REMOVE_KEY = "monitoring-remove"
PASSWORD_KEY = "monitoring-password"
SAVE_KEY = "monitoring-save"
FLASH_KEY = "monitoring-flash"
ICS_KEY = "monitoring-ics"
ICS_FILE = "uzraudzibas-parskati.ics"
UID_DOMAIN = "pierigas-partneriba.lv"


def today() -> dt.date:
    """The server's date (the one place the section reads the clock)."""
    return dt.date.today()


def uid(report: MonitoringReport) -> str:
    """The same report has the same UID in every export, so a calendar updates it instead of doubling it."""
    return f"monitoring-{report.project_code}-{report.number}@{UID_DOMAIN}"


def calendar_file(reports: Sequence[MonitoringReport], lang: str, stamp: dt.datetime) -> bytes:
    """The ``.ics`` of the reports not yet submitted, in ``lang``."""
    events = [
        AllDayEvent(
            uid=uid(report), day=report.due_on,
            summary=t("monitoring.ics.summary", lang, number=report.number, reports=report.reports,
                      year=report.year_covered, code=report.project_code),
            description=t("monitoring.ics.description", lang, title=report.title, code=report.project_code,
                          year=report.year_covered, due=fmt_date(report.due_on, lang)),
        )
        for report in reports if report.status is not Status.DONE
    ]
    return calendar(events, stamp, name=t("monitoring.ics.name", lang))


def table(reports: Sequence[MonitoringReport], lang: str) -> pd.DataFrame:
    rows = [
        {
            t("monitoring.col.project", lang): (f"{report.title} ({report.project_code})"
                                                + (f" · {t('monitoring.business', lang)}" if report.business else "")),
            t("monitoring.col.number", lang): t("monitoring.number", lang, number=report.number,
                                                reports=report.reports),
            t("monitoring.col.year", lang): str(report.year_covered),
            t("monitoring.col.due", lang): fmt_date(report.due_on, lang),
            t("monitoring.col.status", lang): t(f"monitoring.status.{report.status.value}", lang),
        }
        for report in reports
    ]
    return pd.DataFrame(rows, columns=[t(f"monitoring.col.{c}", lang)
                                       for c in ("project", "number", "year", "due", "status")])


def counts_text(reports: Sequence[MonitoringReport], lang: str) -> str:
    counts = Counter(report.status for report in reports)
    return t("monitoring.counts", lang, **{status.value: fmt_int(counts[status], lang) for status in Status})


def _option_text(reports: Sequence[MonitoringReport], lang: str):
    by_key = {report.key: report for report in reports}

    def text(key: tuple[str, int]) -> str:
        report = by_key[key]
        return t("monitoring.option", lang, code=report.project_code, year=report.year_covered,
                 due=fmt_date(report.due_on, lang))

    return text


def _save_marks(folder: str, lang: str) -> None:
    """The form's callback: check the password, then write the marks (or say why not)."""
    add, remove = st.session_state.get(ADD_KEY, []), st.session_state.get(REMOVE_KEY, [])
    password = st.session_state.get(PASSWORD_KEY, "")
    st.session_state[PASSWORD_KEY] = ""  # never kept in the session
    if not add and not remove:
        st.session_state[FLASH_KEY] = ("info", t("monitoring.mark.nothing", lang))
        return
    attempt = staff.try_password(password)
    if not attempt.ok:
        st.session_state[FLASH_KEY] = ("error", staff.refusal(attempt, lang))
        return
    try:
        write_done_file(Path(folder), add=add, remove=remove, today=today())
    except OSError as exc:
        log.exception("the monitoring marks could not be written to %s", folder)
        st.session_state[FLASH_KEY] = ("error", t("monitoring.mark.failed", lang, reason=md(exc.strerror or exc)))
        return
    st.session_state[ADD_KEY], st.session_state[REMOVE_KEY] = [], []
    st.session_state[FLASH_KEY] = ("success", t("monitoring.mark.saved", lang))


def _flash() -> None:
    kind, message = st.session_state.pop(FLASH_KEY, (None, ""))
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/lock:")
    elif kind == "info":
        st.info(message, icon=":material/info:")


def _mark_form(reports: Sequence[MonitoringReport], folder: Path | None, lang: str) -> None:
    if folder is None:  # the database keeps no marks yet
        st.caption(t("monitoring.mark.database", lang))
        return
    if is_demo(folder):
        st.caption(t("monitoring.mark.demo", lang))
        return
    if staff.access() is not staff.Access.PASSWORD:
        st.caption(t("monitoring.mark.read_only", lang))
        return
    text = _option_text(reports, lang)
    open_keys = [report.key for report in reports if report.status is not Status.DONE]
    done_keys = [report.key for report in reports if report.status is Status.DONE]
    with st.expander(t("monitoring.mark.title", lang), icon=":material/task_alt:"):
        _flash()
        with st.form("monitoring-form", border=False):
            st.multiselect(t("monitoring.mark.add", lang), open_keys, format_func=text, key=ADD_KEY)
            if done_keys:
                st.multiselect(t("monitoring.mark.remove", lang), done_keys, format_func=text, key=REMOVE_KEY)
            st.text_input(t("data.password", lang), type="password", key=PASSWORD_KEY)
            st.form_submit_button(t("monitoring.mark.save", lang), icon=":material/save:", key=SAVE_KEY,
                                  on_click=_save_marks, args=(str(folder), lang))
        st.caption(t("monitoring.mark.help", lang))


def monitoring_section(ds: Dataset, folder: Path | None, lang: str) -> None:
    """The section, for every project with a final payment date (an info line when none has one)."""
    with st.container(key="monitoring"):
        st.subheader(t("monitoring.title", lang))
        if not has_final_payments(ds.projects):
            st.info(t("monitoring.none", lang), icon=":material/info:")
            return
        settings = current_settings()
        day, month = settings.monitoring_due
        st.caption(t("monitoring.intro", lang, due=f"{day:02d}.{month:02d}.", years=settings.monitoring_years,
                     business_first=settings.monitoring_business_first_year))
        on = today()
        done = read_done(folder) if folder is not None else set()
        reports = monitoring_reports(ds.projects, Rules.from_settings(settings), on, done)
        st.caption(counts_text(reports, lang))
        st.dataframe(table(reports, lang), hide_index=True, width="stretch", key="monitoring-table")
        st.download_button(
            t("monitoring.ics", lang), calendar_file(reports, lang, dt.datetime.combine(on, dt.time(), dt.UTC)),
            file_name=ICS_FILE, mime="text/calendar", icon=":material/calendar_add_on:", key=ICS_KEY,
            help=t("monitoring.ics_help", lang), on_click="ignore",
        )
        _mark_form(reports, folder, lang)
