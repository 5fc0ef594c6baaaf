"""Reports: a project's indicators against its targets, or the network's annual report, previewed, and
downloadable as Excel, Word, PDF, JSON, CSV."""

import streamlit as st

from i18n import t
from i18n.formatting import period_text
from reports import assemble_network_report, assemble_report
from reports.labels import mode_text
from reports.layout import (
    breakdown_table,
    breakdown_title,
    cost_basis_text,
    cost_lines,
    indicator_table,
    lines_table,
    outcome_lines,
    population_note,
    progress_note,
    projects_table,
    space_table,
)
from reports.report_charts import report_charts
from ui import context
from ui.report_page.controls import report_choice
from ui.report_page.downloads import downloads
from ui.report_page.monitoring import monitoring_section
from ui.report_page.network import network_choice, report_kind
from ui.report_page.preview import text_table
from ui.settings import current_settings
from ui.text import md
from ui.widgets import chart, page_header

ctx = context.current()
ds, lang = ctx.dataset, ctx.lang
territory = current_settings().territory
fingerprint = ctx.data.shown.fingerprint

page_header(ctx, "page.reports")
kind = report_kind(lang)
if kind == "network":
    picked = network_choice(ds, lang)
    if picked is None:
        st.info(t("report.page.no_years", lang), icon=":material/info:")
        st.stop()
    report = assemble_network_report(ds, picked.year, public=picked.public, lang=picked.lang, fingerprint=fingerprint,
                                     territory=territory)
else:
    st.caption(t("report.page.intro", lang))
    if ds.projects.empty:
        st.info(t("report.page.no_projects", lang), icon=":material/info:")
        st.stop()
    choice = report_choice(ds, lang)
    report = assemble_report(ds, choice.project, choice.start, choice.end, public=choice.public, lang=choice.lang,
                             fingerprint=fingerprint, territory=territory)

st.subheader(t("report.page.downloads", lang))
st.caption(t("report.page.downloads_help", lang))
downloads(report, fingerprint, lang, ctx.data.files_folder)

st.subheader(t("report.page.preview", lang))
st.caption(f"{md(report.identification.title)} · {period_text(report.start, report.end, report.lang)} · "
           f"{mode_text(report)}")
with st.container(key="report-indicators"):
    text_table(indicator_table(report))
    note = population_note(report)
    if note:
        st.caption(note)
if report.outcomes is not None or report.costs is not None:
    for column, (key, lines, notes) in zip(st.columns(2, gap="large"), (
        ("results", outcome_lines(report), [t("report.outcome.note", report.lang)]),
        ("costs", cost_lines(report), [cost_basis_text(report)]),
    ), strict=True):
        if lines:
            with column, st.container(key=f"report-{key}"):
                st.markdown(f"**{t(f'report.section.{key}', report.lang)}**")
                text_table(lines_table(report, lines))
                for text in notes:
                    st.caption(text)
if report.network:
    with st.container(key="report-projects"):
        st.markdown(f"**{t('report.section.projects', report.lang)}**")
        if report.projects:
            text_table(projects_table(report))
        else:
            st.caption(t("report.network.no_projects", report.lang))
if not report.events:
    st.info(t("report.no_events", report.lang), icon=":material/event_busy:")
else:
    # participations and unique participants side by side, as in the documents
    for pair in (("gender", "age_band"), ("municipality", "event_type")):
        for column, kind_ in zip(st.columns(2, gap="large"), pair, strict=True):
            with column, st.container(key=f"report-table-{kind_}"):
                st.markdown(f"**{breakdown_title(report, kind_)}**")
                text_table(breakdown_table(report, kind_))
    if report.by_space:
        with st.container(key="report-table-spaces"):
            st.markdown(f"**{t('report.section.spaces', report.lang)}**")
            text_table(space_table(report))

previews = report_charts(report)
if previews and previews[0].key == "progress":  # the progress against the targets across the page
    chart(previews[0].figure, key="report-chart-progress")
    previews = previews[1:]
if progress_note(report):
    st.caption(progress_note(report))
for pair in (previews[i : i + 2] for i in range(0, len(previews), 2)):
    for column, item in zip(st.columns(2, gap="large"), pair, strict=False):
        with column:
            if item.figure is None:
                st.caption(t("report.chart_hidden", report.lang, title=item.title))
            else:
                chart(item.figure, key=f"report-chart-{item.key}")

monitoring_section(ds, ctx.data.files_folder, lang)
