"""The backups in ``.history/`` and Undo of the last save."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from i18n import t
from i18n.formatting import fmt_datetime
from storage import HistoryEntry
from ui.data_page.actions import UNDO_PASSWORD_KEY, files_text, undo_clicked
from ui.data_page.staff import Access
from ui.loading import DataState
from ui.text import md


def history_frame(entries: list[HistoryEntry], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("data.history.col.when", lang): fmt_datetime(entry.created, lang),
                t("data.history.col.kind", lang): t(f"data.history.kind.{entry.kind}", lang),
                t("data.history.col.files", lang): files_text(entry.files, lang),
                t("data.history.col.backup", lang): f".history/{entry.id}",
                t("data.history.col.undone", lang): t("data.yes", lang) if entry.undone_by else None,
            }
            for entry in entries
        ]
    )


def history(data: DataState, access: Access, lang: str) -> None:
    entries = data.store.history()
    if not entries:
        st.caption(t("data.history.empty", lang))
        return
    st.dataframe(history_frame(entries, lang), hide_index=True, width="stretch", placeholder="–")
    last = data.store.last_undoable()
    if last is None:
        st.caption(t("data.history.nothing_to_undo", lang))
    elif last.after != data.latest.fingerprint:
        st.caption(t("data.history.changed_since", lang, when=fmt_datetime(last.created, lang)))
    elif access is Access.PASSWORD:
        with st.form("data-undo-form", enter_to_submit=True):
            files = files_text(last.files, lang, name=md)
            st.markdown(t("data.history.undo_intro", lang, when=fmt_datetime(last.created, lang), files=files))
            st.text_input(t("data.password", lang), type="password", key=UNDO_PASSWORD_KEY,
                          autocomplete="current-password", width=360)
            st.form_submit_button(t("data.undo", lang), icon=":material/undo:", key="data-undo",
                                  on_click=undo_clicked, args=(data.latest.fingerprint, lang))
