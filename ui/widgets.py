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
from reports.chart_images import browser_path, render_pngs
from ui import context
from ui.context import PageContext
from ui.settings import current_settings
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
    if ctx.data.is_demo:
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
    """A chart, and below it a button that downloads it as a PNG for slides (drawn by the same chromium
    as the reports' charts, only when pressed; no button where there is no chromium)."""
    # no mode bar: its tooltips (and its own "download as png") are English-only, and the figures are
    # not meant to be zoomed
    st.plotly_chart(fig, key=key, config={"displayModeBar": False})
    browser = browser_path(current_settings().browser_path)
    if browser is None:
        return
    lang = context.current().lang
    st.download_button(
        t("chart.download_png", lang), data=lambda: render_pngs([fig], browser=browser)[0], file_name=f"{key}.png",
        mime="image/png", on_click="ignore", icon=":material/image:", type="tertiary", key=f"{key}-png",
        help=t("chart.download_png.help", lang),
    )


def empty_message(lang: str) -> None:
    st.info(t("app.empty", lang), icon=":material/search_off:")


def period_caption(ctx: PageContext) -> None:
    st.caption(t("app.period_caption", ctx.lang, period=period_text(ctx.filters.start, ctx.filters.end, ctx.lang)))


#: the width a table may take beside the sidebar at 1440 px without sideways scrolling
TABLE_WIDTH_PX = 940
_NARROWEST_PX, _WIDEST_PX, _TEXT_MIN_PX = 64, 360, 100


def column_widths(frame: pd.DataFrame, budget: int = TABLE_WIDTH_PX) -> dict[str, int]:
    """Pixels per column from what it holds (its header and most of its cells); the wide columns
    give up room in proportion to their width until the table fits ``budget`` (a cut text shows
    whole when its cell is clicked)."""
    widths: dict[str, int] = {}
    for column in frame.columns:
        cells = frame[column]
        if pd.api.types.is_datetime64_any_dtype(cells):
            length = 10
        else:
            lengths = cells.dropna().astype(str).str.len()
            length = int(lengths.quantile(0.9)) if len(lengths) else 1
        header = max((len(word) for word in str(column).split()), default=1)
        widths[str(column)] = min(_WIDEST_PX, max(_NARROWEST_PX, round(18 + 7.2 * max(length, header))))
    excess = sum(widths.values()) - budget
    room = {column: width - _TEXT_MIN_PX for column, width in widths.items() if width > _TEXT_MIN_PX}
    if excess > 0 and room:
        share = min(1.0, excess / sum(room.values()))
        for column, spare in room.items():
            widths[column] -= round(spare * share)
    return widths


def table(frame: pd.DataFrame, lang: str) -> None:
    """A sortable table that fits the page: dates in the language's format, empty cells as a dash."""
    date_format = "DD.MM.YYYY" if lang == "lv" else "D MMM YYYY"
    config = {}
    for column, width in column_widths(frame).items():
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            config[column] = st.column_config.DateColumn(format=date_format, width=width)
        else:
            config[column] = st.column_config.Column(width=width)
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, placeholder="–")
