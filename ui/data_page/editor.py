"""Edit a table in the browser: a grid per table, checked and saved like an upload.

The grid shows the table's file as it is (the contract's columns, then any of the file's own);
dates are typed as in Excel (``18.03.2019``), codes and references are Latvian drop-downs. An edit
becomes the table's file (:mod:`storage.editing`, same name and format), goes through the upload's
path (:func:`storage.stage`: checked with the other tables, the changes shown, Save with the
password, backed up, undoable), and a bad cell is named by the grid's row number and its column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from exports.spreadsheet_csv import DATE_FORMATS
from i18n import t
from i18n.labels import code_label, column_label
from loaders import Dataset, Problem
from loaders.contract import TABLES, Kind
from storage import IncomingFile, Intake, stage
from storage.editing import EditableTable, kept_rows, table_file_bytes
from storage.store import DataStore
from ui.data_page.actions import EDITOR, cached_proposal, remember_proposal, show_flash, widget_key
from ui.data_page.staff import Access
from ui.data_page.upload import review
from ui.loading import DataState

#: the grid's date text: Latvian ``18.03.2019`` (ISO is read too)
DATE_PATTERN = r"^\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*$"
#: the grid's row numbers start at 1, as people count
FIRST_ROW = 1


@st.cache_data(show_spinner=False, max_entries=16)
def _editable(_store: DataStore, where: str, fingerprint: str, table: str) -> EditableTable:  # noqa: ARG001 (the cache key)
    """The table as the editor shows it, read once per version of the data (``where``: which data)."""
    return _store.editable(table)


def editable_of(data: DataState, table: str) -> EditableTable:
    """``table`` of the data the page shows, as the editor, the forms and the sign-in import change it
    (read once per version of the data; :class:`ValueError` for a file that cannot be read cell by cell)."""
    where = f"lag:{data.store.lag}" if data.in_database else str(data.folder)
    return _editable(data.store, where, data.latest.fingerprint, table)


def grid_frame(editable: EditableTable, lang: str) -> pd.DataFrame:
    """The frame the grid edits: dates as the text staff type (``18.03.2019``; ISO in English, as the
    app's CSV files write them), rows numbered from 1."""
    frame = editable.frame.copy()
    for column in TABLES[editable.table].columns:
        if column.kind is Kind.DATE:
            frame[column.name] = frame[column.name].map(
                lambda d: d.strftime(DATE_FORMATS[lang]) if isinstance(d, dt.date) else None)
    # an Index, not a RangeIndex: the grid shows its numbers (and none for a row being added)
    frame.index = pd.Index(list(range(FIRST_ROW, FIRST_ROW + len(frame))), dtype="int64",
                           name=t("entry.editor.row", lang))
    return frame


def row_labels(edited: pd.DataFrame) -> list[int]:
    """The grid's number of each row of the edited frame: its own, or for a row being added the next ones."""
    numbers = [int(i) if isinstance(i, int | float) and i == i else None for i in edited.index]
    following = max((n for n in numbers if n is not None), default=FIRST_ROW - 1)
    labels = []
    for number in numbers:
        if number is None:
            following += 1
            number = following
        labels.append(number)
    return labels


def labelled_ids(dataset: Dataset, table: str) -> dict[str, str]:
    """A table's ids in its order, each as a drop-down shows it: ``CoLabora Lielvārde (colabora-lielvarde)``
    (the grid's reference columns and the forms' choices of a space or a project)."""
    frame = dataset.table(table)
    names = frame["name" if "name" in frame.columns else "title"]
    return {str(i): f"{n} ({i})" for i, n in zip(frame[TABLES[table].id_column], names, strict=True)}


def column_config(table: str, dataset: Dataset, lang: str) -> dict[str, object]:
    config: dict[str, object] = {}
    for column in TABLES[table].columns:
        file_column = t("entry.editor.file_column", lang, column=column.name)
        help_text = f"{t(f'data.col.{table}.{column.name}', lang)} {file_column}"
        required = column.required or None
        label = column_label(table, column.name, lang)
        if column.references and column.references in TABLES and TABLES[column.references].id_column:
            shown = labelled_ids(dataset, column.references)
            ids = list(shown)
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=ids, format_func=lambda v, shown=shown: shown.get(v, v), help=help_text,
                required=required)
        elif column.kind is Kind.ENUM:
            config[column.name] = st.column_config.SelectboxColumn(
                label, options=list(column.values), help=help_text, required=required,
                format_func=lambda code, kind=column.name: code_label(kind, code, lang))
        elif column.kind is Kind.DATE:
            config[column.name] = st.column_config.TextColumn(
                label, help=f"{help_text} {t('entry.editor.date_help', lang)}", validate=DATE_PATTERN,
                required=required)
        elif column.kind in (Kind.INT, Kind.DECIMAL):
            config[column.name] = st.column_config.NumberColumn(
                label, help=help_text, required=required, min_value=column.minimum,
                step=1 if column.kind is Kind.INT else None, format="%d" if column.kind is Kind.INT else None)
        else:
            config[column.name] = st.column_config.TextColumn(label, help=help_text, required=required)
    return config


def grid_problems(problems: list[Problem], table: str, edited: pd.DataFrame, lang: str) -> list[Problem]:
    """The check's problems with the edited table's rows named as the grid numbers them."""
    rows = kept_rows(edited.reset_index(drop=True))
    labels = row_labels(edited)
    where = t("entry.editor.grid", lang, table=t(f"table.{table}", lang))
    restated = []
    for problem in problems:
        if problem.table == table:
            row = labels[rows[problem.row - 2]] if problem.row is not None and 2 <= problem.row < 2 + len(rows) \
                else problem.row
            column = column_label(table, problem.column, lang) if problem.column in TABLES[table].column_names \
                else problem.column
            problem = dataclasses.replace(problem, row=row, column=column, file=where)
        restated.append(problem)
    return restated


def _edited_bytes(editable: EditableTable, edited: pd.DataFrame) -> bytes:
    return table_file_bytes(editable.table, edited.reset_index(drop=True), editable.file_name,
                            editable.extra_columns, original=editable.original_columns if editable.exists else None)


def table_editor(data: DataState, access: Access, lang: str) -> None:
    """The Edit tab: choose a table, edit it, see the check and the changes, save."""
    show_flash(EDITOR)
    dataset = data.latest.dataset
    if dataset is None or not data.latest.ok:
        st.info(t("entry.editor.needs_clean", lang), icon=":material/info:")
        return
    table = st.selectbox(t("entry.editor.table", lang), list(TABLES), format_func=lambda n: t(f"table.{n}", lang),
                         key="entry-editor-table")
    try:
        editable = editable_of(data, table)
    except ValueError:
        st.warning(t("entry.editor.unreadable", lang), icon=":material/warning:")
        return
    st.caption(t("entry.editor.intro", lang, file=editable.file_name))
    if editable.extra_columns:
        st.caption(t("entry.editor.extra_columns", lang, columns=", ".join(editable.extra_columns)))
    shown = grid_frame(editable, lang)
    edited = st.data_editor(
        shown, key=widget_key(EDITOR, f"grid-{table}"), num_rows="dynamic", width="stretch", height=420,
        column_config=column_config(table, dataset, lang), placeholder="",
    )
    if edited.equals(shown):
        return
    data_bytes = _edited_bytes(editable, edited)
    token = f"{hashlib.sha256(data_bytes).hexdigest()}:{data.latest.fingerprint}:{table}"
    proposal = cached_proposal(token, EDITOR)
    if proposal is None:
        source = t("entry.editor.grid", lang, table=t(f"table.{table}", lang))
        intake = Intake(files={table: IncomingFile(table, editable.file_name, source, data_bytes)})
        with st.spinner(t("data.upload.checking", lang)):
            proposal = stage(data.store, intake, data.latest)
        remember_proposal(token, proposal, EDITOR)
    review(token, proposal, access, lang, place=EDITOR,
           shown_problems=lambda problems: grid_problems(problems, table, edited, lang))
