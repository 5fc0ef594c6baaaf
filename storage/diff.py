"""What an upload changes, per table: rows added, removed and changed, with a few examples.

Rows are matched by the table's id (``space_id``, ``resident_id``, ``event_id``,
``project_code``). ``event_stops`` has no id column; its natural key is ``(event_id, stop_no)``
(unique per event, checked by the loaders). ``attendance`` has no key at all (anonymous guests
have no ``person_id``), so its rows are compared whole: a changed row shows as one removed and
one added. Values are compared as typed by the loaders, so the same data saved as ``.xlsx``
instead of a Latvian CSV, or with ``18.03.2019`` instead of ``2019-03-18``, is no change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from loaders import Dataset
from loaders.contract import TABLES, Kind, TableSpec

#: keys of the tables without an id column; ``()`` means whole rows are compared
NATURAL_KEYS: dict[str, tuple[str, ...]] = {"event_stops": ("event_id", "stop_no"), "attendance": ()}
EXAMPLES = 3


def row_key(table: str) -> tuple[str, ...]:
    """The columns that identify a row of ``table``; ``()`` = compared as whole rows."""
    spec = TABLES[table]
    return (spec.id_column,) if spec.id_column else NATURAL_KEYS.get(table, ())


@dataclass(frozen=True)
class RowChange:
    key: tuple[str, ...]
    #: (column, old text, new text) for every column that differs
    columns: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class TableDiff:
    table: str
    key: tuple[str, ...]
    added: int
    removed: int
    changed: int
    unchanged: int
    added_examples: tuple[dict[str, str], ...] = ()
    removed_examples: tuple[dict[str, str], ...] = ()
    changed_examples: tuple[RowChange, ...] = ()

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def by_whole_rows(self) -> bool:
        return not self.key


def canonical_text(frame: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """The contract's columns as comparable text: ISO dates, plain numbers, ``""`` when empty."""
    columns: dict[str, pd.Series] = {}
    for column in spec.columns:
        values = frame[column.name]
        if column.kind is Kind.DATE:
            text = values.dt.strftime("%Y-%m-%d")
        elif column.kind is Kind.DECIMAL:
            text = values.map(lambda v: "" if pd.isna(v) else f"{v:.10g}")
        else:
            text = values.astype("object").map(lambda v: "" if pd.isna(v) else str(v))
        columns[column.name] = text.fillna("").astype("object")
    return pd.DataFrame(columns, index=frame.index)


def diff_table(table: str, old: pd.DataFrame, new: pd.DataFrame, examples: int = EXAMPLES) -> TableDiff:
    spec = TABLES[table]
    key = row_key(table)
    before, after = canonical_text(old, spec), canonical_text(new, spec)
    if not key:
        return _diff_whole_rows(table, before, after, examples)
    before = before.set_index(list(key), drop=False)
    after = after.set_index(list(key), drop=False)
    added = after.index.difference(before.index, sort=False)
    removed = before.index.difference(after.index, sort=False)
    common = after.index.intersection(before.index, sort=False)
    old_common, new_common = before.loc[common], after.loc[common]
    differs = old_common.ne(new_common).any(axis=1)
    changed = common[differs.to_numpy()]
    changes = tuple(
        RowChange(
            key=_as_tuple(index),
            columns=tuple(
                (column, old_common.at[index, column], new_common.at[index, column])
                for column in spec.column_names
                if old_common.at[index, column] != new_common.at[index, column]
            ),
        )
        for index in changed[:examples]
    )
    return TableDiff(
        table, key, len(added), len(removed), len(changed), len(common) - len(changed),
        added_examples=_records(after.loc[added[:examples]]),
        removed_examples=_records(before.loc[removed[:examples]]),
        changed_examples=changes,
    )


def _diff_whole_rows(table: str, before: pd.DataFrame, after: pd.DataFrame, examples: int) -> TableDiff:
    old_rows = Counter(before.itertuples(index=False, name=None))
    new_rows = Counter(after.itertuples(index=False, name=None))
    added, removed = new_rows - old_rows, old_rows - new_rows
    columns = list(before.columns)

    def first(counter: Counter, rows: pd.DataFrame) -> tuple[dict[str, str], ...]:
        picked = [row for row in dict.fromkeys(rows.itertuples(index=False, name=None)) if row in counter]
        return tuple(dict(zip(columns, row, strict=True)) for row in picked[:examples])

    return TableDiff(
        table, (), added.total(), removed.total(), 0, (old_rows & new_rows).total(),
        added_examples=first(added, after), removed_examples=first(removed, before),
    )


def _as_tuple(index: object) -> tuple[str, ...]:
    return tuple(str(part) for part in index) if isinstance(index, tuple) else (str(index),)


def _records(frame: pd.DataFrame) -> tuple[dict[str, str], ...]:
    return tuple(frame.to_dict(orient="records"))


def diff_datasets(old: Dataset, new: Dataset, tables: list[str], examples: int = EXAMPLES) -> list[TableDiff]:
    """The diff of each of ``tables`` (in the contract's order)."""
    return [diff_table(name, old.table(name), new.table(name), examples) for name in TABLES if name in tables]
