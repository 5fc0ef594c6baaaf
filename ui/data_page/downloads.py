"""Downloads: a template per table (CSV, .xlsx) with its columns explained, and the data as a zip."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from i18n import t
from loaders.contract import TABLES
from storage.export import data_zip
from storage.store import DataStore
from storage.templates import XLSX_MIME, describe_table, template_csv, template_xlsx


def templates(lang: str) -> None:
    table = st.selectbox(
        t("data.templates.table", lang), list(TABLES), key="data-template-table",
        format_func=lambda name: f"{t(f'table.{name}', lang)} ({name})",
    )  # fmt: skip
    columns = describe_table(table, lang)
    columns.columns = [t(f"data.templates.col.{c}", lang) for c in columns.columns]
    st.table(columns, hide_index=True, border="horizontal")  # a static table: long texts wrap
    with st.container(horizontal=True):
        st.download_button(
            t("data.templates.csv", lang), data=lambda: template_csv(table), file_name=f"{table}.csv",
            mime="text/csv", icon=":material/download:", on_click="ignore", key="data-template-csv",
        )  # fmt: skip
        st.download_button(
            t("data.templates.xlsx", lang), data=lambda: template_xlsx(table), file_name=f"{table}.xlsx",
            mime=XLSX_MIME, icon=":material/download:", on_click="ignore", key="data-template-xlsx",
        )  # fmt: skip
    st.caption(t("data.templates.note", lang))


def data_zip_button(store: DataStore, lang: str) -> None:
    st.download_button(
        t("data.download_zip", lang), data=lambda: data_zip(store),
        file_name=f"koprades-dati-{dt.date.today():%Y-%m-%d}.zip", mime="application/zip",
        icon=":material/folder_zip:", on_click="ignore", key="data-download-zip",
    )  # fmt: skip
