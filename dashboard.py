"""Coworking dashboard of the association "Pierīgas partnerība": entry point."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import t
from ui.data import current_load, data_folder, is_demo

st.set_page_config(page_title="Koprades telpu panelis", page_icon="🏢", layout="wide")
lang = "lv"

result = current_load()
st.title(t("app.title", lang))
folder = data_folder()
st.caption(t("app.data_folder", lang, folder=folder))
if is_demo(folder):
    st.info(t("app.demo_notice", lang))

if result.files:
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("cli.col.table", lang): info.table,
                    t("cli.col.file", lang): info.file,
                    t("cli.col.rows", lang): info.rows,
                    t("cli.col.encoding", lang): info.encoding,
                    t("cli.col.separator", lang): info.separator or "–",
                }
                for info in result.files.values()
            ]
        ),
        hide_index=True,
    )
if result.problems:
    (st.error if not result.ok else st.warning)(
        t("cli.summary", lang, errors=len(result.errors), warnings=len(result.warnings))
    )
    st.dataframe(pd.DataFrame([p.as_dict(lang) for p in result.problems]), hide_index=True)
