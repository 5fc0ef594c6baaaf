"""Reports: a project's indicators against its targets, previewed, and downloadable as Excel, Word, PDF, JSON, CSV."""

import streamlit as st

from i18n import t
from i18n.formatting import period_text
from reports import assemble_report
from reports.labels import mode_text
from reports.layout import breakdown_table, breakdown_title, indicator_table, space_table
from reports.report_charts import report_charts
from ui import context
from ui.report_page.controls import report_choice
from ui.report_page.downloads import downloads
from ui.report_page.monitoring import monitoring_section
from ui.report_page.preview import text_table
from ui.text import md
from ui.widgets import chart, page_header

ctx = context.current()
ds, lang = ctx.dataset, ctx.lang

page_header(ctx, "page.reports")
st.caption(t("report.page.intro", lang))
if ds.projects.empty:
    st.info(t("report.page.no_projects", lang), icon=":material/info:")
    st.stop()

choice = report_choice(ds, lang)
report = assemble_report(ds, choice.project, choice.start, choice.end, public=choice.public, lang=choice.lang,
                         fingerprint=ctx.data.shown.fingerprint)

st.subheader(t("report.page.downloads", lang))
st.caption(t("report.page.downloads_help", lang))
downloads(report, ctx.data.shown.fingerprint, lang, ctx.data.folder)

st.subheader(t("report.page.preview", lang))
st.caption(f"{md(report.identification.title)} · {period_text(report.start, report.end, report.lang)} · "
           f"{mode_text(report)}")
with st.container(key="report-indicators"):
    text_table(indicator_table(report))
if not report.events:
    st.info(t("report.no_events", report.lang), icon=":material/event_busy:")
else:
    # participations and unique participants side by side, as in the documents
    for pair in (("gender", "age_band"), ("municipality", "event_type")):
        for column, kind in zip(st.columns(2, gap="large"), pair, strict=True):
            with column, st.container(key=f"report-table-{kind}"):
                st.markdown(f"**{breakdown_title(report, kind)}**")
                text_table(breakdown_table(report, kind))
    if report.by_space:
        with st.container(key="report-table-spaces"):
            st.markdown(f"**{t('report.section.spaces', report.lang)}**")
            text_table(space_table(report))

previews = report_charts(report)
for pair in (previews[i : i + 2] for i in range(0, len(previews), 2)):
    for column, item in zip(st.columns(2, gap="large"), pair, strict=False):
        with column:
            if item.figure is None:
                st.caption(t("report.chart_hidden", report.lang, title=item.title))
            else:
                chart(item.figure, key=f"report-chart-{item.key}")

monitoring_section(ds, ctx.data.folder, lang)
