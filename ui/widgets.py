"""Small building blocks the pages share: banners, KPI cards, tables, charts, empty states."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import t
from i18n.formatting import fmt_int, fmt_signed, period_text
from loaders import Problem
from metrics import KPI_KEYS
from ui.context import PageContext
from ui.loading import is_demo
from ui.text import md

#: the dates a period's pickers offer (every page's), shown as Latvian Excel writes them
DATE_INPUT_BOUNDS = {"min_value": dt.date(1990, 1, 1), "max_value": dt.date(2100, 12, 31), "format": "DD.MM.YYYY"}


def in_order(start: dt.date | None, end: dt.date | None, where: DeltaGenerator, warning: str
             ) -> tuple[dt.date | None, dt.date | None]:
    """A period whose end was picked before its start: swapped, with ``warning`` shown in ``where``."""
    if start and end and start > end:
        where.warning(warning)
        return end, start
    return start, end


def page_header(ctx: PageContext, title_key: str) -> None:
    """Title, the demo-data notice and, when the files have errors, the warning about them."""
    st.title(t(title_key, ctx.lang))
    if is_demo(ctx.data.folder):
        with st.container(key="demo-banner"):
            st.info(t("app.demo_notice", ctx.lang), icon=":material/info:")
    if ctx.data.recovered_now and ctx.data.recovery is not None:
        with st.container(key="recovered-banner"):
            st.warning(ctx.data.recovery.message(ctx.lang, md), icon=":material/restore:")
    if ctx.data.showing_older_data:
        with st.container(key="stale-banner"):
            st.warning(t("app.showing_last_good", ctx.lang), icon=":material/warning:")
            with st.expander(t("app.problems_title", ctx.lang, count=len(ctx.data.latest.errors))):
                problems_table(ctx.data.latest.problems, ctx.lang)


def problems_table(problems: list[Problem], lang: str) -> None:
    rows = [
        {
            t("cli.col.severity", lang): t(f"severity.{p.severity}", lang),
            t("cli.col.file", lang): p.file or p.table,
            t("cli.col.row", lang): p.row,
            t("cli.col.column", lang): p.column,
            t("cli.col.value", lang): p.value,
            t("cli.col.message", lang): p.message(lang),
        }
        for p in problems
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", placeholder="–")


def kpi_cards(ctx: PageContext, values: dict[str, int], changes: dict[str, int] | None) -> None:
    """One card per headline figure, with the change against the previous period."""
    columns = st.columns(len(KPI_KEYS))
    for column, key in zip(columns, KPI_KEYS, strict=True):
        with column, st.container(key=f"kpi-{key}"):
            delta = None if changes is None else fmt_signed(changes[key], ctx.lang)
            st.metric(
                t(f"kpi.{key}", ctx.lang),
                fmt_int(values[key], ctx.lang),
                delta=delta,
                delta_color="normal" if changes is None or changes[key] != 0 else "off",
                help=t(f"kpi.{key}.help", ctx.lang),
                border=True,
            )
    if changes is not None:
        st.caption(t("kpi.change_note", ctx.lang))


def metric_cards(cards: Mapping[str, tuple[str, str]], key_prefix: str) -> None:
    """A row of bordered figures: ``{key: (label, shown value)}``, each in container ``<key_prefix><key>``."""
    for column, (key, (label, value)) in zip(st.columns(len(cards)), cards.items(), strict=True):
        with column, st.container(key=f"{key_prefix}{key}"):
            st.metric(label, value, border=True)


def chart(fig: go.Figure, key: str) -> None:
    # no mode bar: its tooltips are English-only, and the figures are not meant to be zoomed
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})


def empty_message(lang: str) -> None:
    st.info(t("app.empty", lang), icon=":material/search_off:")


def period_caption(ctx: PageContext) -> None:
    st.caption(t("app.period_caption", ctx.lang, period=period_text(ctx.filters.start, ctx.filters.end, ctx.lang)))


def table(frame: pd.DataFrame, lang: str) -> None:
    """A sortable table: dates shown in the language's format, empty cells as a dash."""
    date_format = "DD.MM.YYYY" if lang == "lv" else "D MMM YYYY"
    config = {
        column: st.column_config.DateColumn(format=date_format)
        for column in frame.columns
        if pd.api.types.is_datetime64_any_dtype(frame[column])
    }
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, placeholder="–")
