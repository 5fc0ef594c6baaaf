"""What is loaded now: each table's file, rows, encoding, separator, last change; the fingerprint."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from i18n import t
from i18n.formatting import fmt_datetime, fmt_int
from loaders.contract import TABLES
from ui.loading import DataState
from ui.text import md


def files_frame(data: DataState, lang: str) -> pd.DataFrame:
    rows = []
    for name in TABLES:
        info = data.latest.files.get(name)
        path = data.files_folder / info.file if info and data.files_folder else None
        changed = dt.datetime.fromtimestamp(path.stat().st_mtime) if path and path.is_file() else None
        rows.append({
            t("data.status.col.table", lang): f"{t(f'table.{name}', lang)} ({name})",
            t("data.status.col.file", lang): info.file if info else None,
            t("data.status.col.rows", lang): fmt_int(info.rows, lang) if info else None,  # "2 154", as elsewhere
            t("data.status.col.encoding", lang): info.encoding if info else None,
            t("data.status.col.separator", lang): info.separator if info else None,
            t("data.status.col.changed", lang): fmt_datetime(changed, lang) if changed else None,
        })  # fmt: skip
    return pd.DataFrame(rows)


def loaded_files(data: DataState, lang: str) -> None:
    if data.recovery is not None and not data.recovered_now:  # the page header says it in the run it happened
        with st.container(key="data-recovered"):
            st.info(data.recovery.message(lang, md), icon=":material/restore:")
    rows = t("data.status.col.rows", lang)
    st.dataframe(files_frame(data, lang), hide_index=True, width="stretch", placeholder="–",
                 column_config={rows: st.column_config.TextColumn(rows, alignment="right")})
    st.caption(t("data.status.fingerprint", lang, fingerprint=data.latest.fingerprint))
