"""A report's text table (``reports.layout.TextTable``) on screen, figures right-aligned."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.layout import TextTable


def text_table(table: TextTable) -> None:
    frame = pd.DataFrame(list(table.rows), columns=list(table.header))
    config = {
        label: st.column_config.TextColumn(alignment="right" if numeric else "left")
        for label, numeric in zip(table.header, table.numeric, strict=True)
    }
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config)
