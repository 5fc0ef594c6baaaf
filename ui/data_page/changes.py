"""The changes an upload would make, for people: "12 rows added, 1 changed" and a few examples."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from i18n import t
from i18n.formatting import fmt_date, fmt_decimal, fmt_int
from i18n.labels import code_label, column_label
from loaders.contract import TABLES, Kind
from storage import TableDiff
from ui.text import md

_KINDS = ("added", "removed", "changed")


def plural_form(count: int, lang: str) -> str:
    """``one`` or ``other``: Latvian "1, 21, 31 … rinda" (not 11), English "1 row"."""
    if lang == "lv":
        return "one" if count % 10 == 1 and count % 100 != 11 else "other"
    return "one" if count == 1 else "other"


def change_summary(diff: TableDiff, lang: str) -> str:
    """``12 rows added, 1 changed`` / ``12 rindas pievienotas, 1 mainīta`` / ``no row changes``."""
    parts: list[str] = []
    for kind in _KINDS:
        count = getattr(diff, kind)
        if count:
            position = "first" if not parts else "next"
            parts.append(t(f"data.diff.{position}.{kind}.{plural_form(count, lang)}", lang, n=fmt_int(count, lang)))
    return ", ".join(parts) if parts else t("data.diff.none", lang)


def compared_by(diff: TableDiff, lang: str) -> str:
    if diff.by_whole_rows:
        return t("data.diff.by_whole_rows", lang)
    return t("data.diff.by_key", lang, columns=" + ".join(column_label(diff.table, c, lang) for c in diff.key))


def shown_value(table: str, column: str, text: str, lang: str) -> str:
    """A compared value as the UI shows it: ``2026-03-01`` → ``01.03.2026`` (lv), ``56.72`` → ``56,72``."""
    if not text:
        return text
    kind = TABLES[table].column(column).kind
    if kind is Kind.ENUM:  # a code in the language: "Sieviete", not "female"
        return code_label(column, text, lang)
    if kind is Kind.DATE:
        return fmt_date(dt.date.fromisoformat(text), lang)
    if kind is Kind.DECIMAL:
        digits = len(text.partition(".")[2])
        return fmt_decimal(float(text), lang, digits) if "e" not in text else text
    return text


def _examples_frame(table: str, rows: tuple[dict[str, str], ...], lang: str) -> pd.DataFrame:
    frame = pd.DataFrame([{column_label(table, c, lang): shown_value(table, c, v, lang) for c, v in row.items()}
                          for row in rows])
    # columns empty in every example say nothing
    return frame.loc[:, frame.ne("").any(axis=0)] if not frame.empty else frame


def _changes_frame(diff: TableDiff, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                t("data.diff.col.row", lang): " / ".join(change.key),
                t("data.diff.col.column", lang): column_label(diff.table, column, lang),
                t("data.diff.col.old", lang): shown_value(diff.table, column, old, lang),
                t("data.diff.col.new", lang): shown_value(diff.table, column, new, lang),
            }
            for change in diff.changed_examples
            for column, old, new in change.columns
        ]
    )


def table_changes(diff: TableDiff, file: str, lang: str) -> None:
    """One table's line ("**Pasākumi** (events.csv): 12 rindas pievienotas, 1 mainīta") and examples."""
    with st.container(border=True, key=f"diff-{diff.table}"):
        st.markdown(t("data.diff.line", lang, table=t(f"table.{diff.table}", lang), file=md(file),
                      summary=change_summary(diff, lang)))
        st.caption(compared_by(diff, lang))
        if not diff.has_changes:
            return
        with st.expander(t("data.diff.examples", lang), expanded=True):
            for kind, rows in (("added", diff.added_examples), ("removed", diff.removed_examples)):
                if rows:
                    st.markdown(t(f"data.diff.examples.{kind}", lang))
                    st.dataframe(_examples_frame(diff.table, rows, lang), hide_index=True, width="stretch")
            if diff.changed_examples:
                st.markdown(t("data.diff.examples.changed", lang))
                st.dataframe(_changes_frame(diff, lang), hide_index=True, width="stretch")
