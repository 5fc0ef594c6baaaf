"""Network: every partnership (LAG) of the database side by side, for the sidebar's period."""

import pandas as pd
import psycopg
import streamlit as st

from exports.spreadsheet_csv import spreadsheet_csv
from i18n import t
from i18n.formatting import fmt_decimal, fmt_int
from metrics import Filters
from metrics.network import ALL_LAGS, COMPARISON_COLUMNS, comparison
from ui import context
from ui.network import network_data, network_source
from ui.text import md
from ui.widgets import page_header, period_caption
from ui.widgets import table as table_widget

ctx = context.current()
lang = ctx.lang
# only the period: the other selections name one LAG's spaces, projects and municipalities
period = Filters(start=ctx.filters.start, end=ctx.filters.end)

page_header(ctx, "page.network")
period_caption(ctx)

try:
    network = network_data()
except psycopg.Error:
    st.error(t("network.unreachable", lang, source=network_source() or ""), icon=":material/error:")
    st.stop()
if network is None:
    st.info(t("network.not_network", lang), icon=":material/info:")
    st.stop()
if not network.datasets:
    st.info(t("network.no_lags", lang), icon=":material/info:")
    st.stop()

st.markdown(t("network.intro", lang))
figures = comparison(network.datasets, network.names, period)
figures.loc[figures["lag"] == ALL_LAGS, "name"] = t("network.all_lags", lang)
figures.loc[figures["lag"] == ALL_LAGS, "lag"] = ""
headers = {column: t(f"network.col.{column}", lang) for column in COMPARISON_COLUMNS}


def _shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures as the language writes them (``1 234``, ``2,5``; no data: ``–``)."""
    shown = frame.copy()
    for column in COMPARISON_COLUMNS[2:]:
        if column == "jobs_fte":
            shown[column] = [fmt_decimal(None if v is None else float(v), lang, 1) for v in frame[column]]
        else:
            shown[column] = [fmt_int(None if pd.isna(v) else int(v), lang) for v in frame[column]]
    return shown.rename(columns=headers)


with st.container(key="network-comparison"):
    table_widget(_shown(figures), lang)
st.caption(t("network.total_note", lang))
waiting = [md(name) for code, name in network.names.items() if code not in network.datasets]
if waiting:  # added, nothing imported yet (their load says the required tables are missing)
    st.caption(t("network.without_data", lang, names=", ".join(waiting)))
st.download_button(
    t("network.download_csv", lang),
    data=lambda: spreadsheet_csv(figures.rename(columns=headers), lang),  # as Latvian Excel opens it; made when pressed
    file_name="network.csv",
    mime="text/csv",
    on_click="ignore",
    icon=":material/download:",
)
