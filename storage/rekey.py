"""Re-keying the keyed pseudonyms of a data folder (``python -m storage rekey``; no printing here).

When the pseudonym key has to change (it leaked, say), the ids cannot be computed again from the
names: names are never stored. Instead every ``P-`` id (:data:`storage.pseudonyms.ID_PATTERN`) in
``residents.resident_id``, ``attendance.person_id`` and ``outcomes.resident_id`` becomes
:func:`~storage.pseudonyms.rekeyed` ``(new_key, old_id)``, and the key setting becomes the chain
``OLD NEW`` (:meth:`~storage.pseudonyms.KeyChain.with_key`), through which a name gives exactly the
re-keyed id. Other ids (hand-made ``R0001``) stay as they are. The same old id gives the same new
id in every table, so attendance, residents and outcomes still match each other.

All changed tables are written in one :func:`storage.save.save_change`: validated, backed up in
``.history/`` (so the Data page can undo it), atomic, under the folder's lock, and refused if the
folder changed since it was read (:class:`~storage.errors.StaleData`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders import Problem
from storage.editing import table_file_bytes
from storage.names import canonical_name
from storage.pseudonyms import KeyChain, is_pseudonym, rekeyed
from storage.settings import StorageSettings
from storage.store import DataStore, FolderStore

#: the columns that hold person ids, table → column
ID_COLUMNS: dict[str, str] = {
    "residents": "resident_id",
    "attendance": "person_id",
    "outcomes": "resident_id",
}


class RekeyRefused(Exception):
    """Why nothing was re-keyed: ``rule`` is ``not_a_folder``, ``no_lag`` (a database URL without
    ``?lag=``), ``data_errors`` (``problems``),
    ``new_in_chain`` or ``collision`` (``ids``: the old ids that would share one new id)."""

    def __init__(self, rule: str, *, problems: list[Problem] | None = None, ids: tuple[str, ...] = ()) -> None:
        super().__init__(rule)
        self.rule = rule
        self.problems = problems or []
        self.ids = ids


@dataclass(frozen=True)
class RekeyResult:
    """What a re-keying did. ``changed`` False: there was no ``P-`` id, nothing was written."""

    #: cells re-keyed per table (only the tables that have a file), in :data:`ID_COLUMNS` order
    counts: dict[str, int]
    #: how many different ``P-`` ids were re-keyed (over all tables)
    ids: int
    #: the backup entry of the change (``.history/<entry_id>``), ``None`` when nothing changed
    entry_id: str | None
    #: the chain to configure after the change (``OLD NEW``); the old chain when nothing changed
    chain: KeyChain = field(repr=False)
    #: the folder's fingerprint afterwards
    fingerprint: str = ""

    @property
    def changed(self) -> bool:
        return self.entry_id is not None


def rekey_folder(folder: Path, old: KeyChain, new_key: str, settings: StorageSettings) -> RekeyResult:
    """Re-key every ``P-`` id of ``folder`` with ``new_key`` (added to the chain ``old``).

    Raises :class:`RekeyRefused` (nothing written), :class:`~storage.pseudonyms.KeyProblem` for a
    ``new_key`` that is too short, and the :mod:`storage.errors` of a save (nothing written either).
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise RekeyRefused("not_a_folder")
    return rekey_store(FolderStore(folder), old, new_key, settings)


def rekey_store(store: DataStore, old: KeyChain, new_key: str, settings: StorageSettings) -> RekeyResult:
    """:func:`rekey_folder` for any store: the folder's, or a LAG in the database (one revision)."""
    if new_key in old.keys:
        raise RekeyRefused("new_in_chain")
    chain = old.with_key(new_key)  # KeyProblem for a short or empty key

    before = store.snapshot()  # a folder rolls back an interrupted save first; any change after → StaleData
    loaded = store.load()
    if not loaded.ok:
        raise RekeyRefused("data_errors", problems=loaded.errors)

    tables = {}
    for table in ID_COLUMNS:
        editable = store.editable(table)
        if editable.exists:
            tables[table] = editable

    old_ids = sorted({value for table, editable in tables.items()
                      for value in editable.frame[ID_COLUMNS[table]] if is_pseudonym(value)})
    mapping = {old_id: rekeyed(new_key, old_id) for old_id in old_ids}
    _refuse_collisions(mapping)

    counts: dict[str, int] = {}
    writes: dict[str, bytes] = {}
    removes: list[str] = []
    for table, editable in tables.items():
        column = ID_COLUMNS[table]
        values = editable.frame[column].tolist()
        new_values = [mapping.get(value, value) if isinstance(value, str) else value for value in values]
        counts[table] = sum(1 for a, b in zip(values, new_values, strict=True) if a != b)
        if not counts[table]:
            continue
        frame = editable.frame.copy()
        frame[column] = pd.Series(new_values, dtype=object, index=frame.index)
        name = canonical_name(editable.file_name) or f"{table}.csv"
        writes[name] = table_file_bytes(table, frame, name, editable.extra_columns,
                                        original=editable.original_columns)
        if name != editable.file_name:  # ``Residents.CSV`` is written as ``residents.csv``
            removes.append(editable.file_name)

    if not writes:
        return RekeyResult(counts, 0, None, old, before.fingerprint)
    entry = store.save(writes, tuple(removes), before.fingerprint, settings)
    return RekeyResult(counts, len(mapping), entry.id, chain, entry.after or "")


def _refuse_collisions(mapping: dict[str, str]) -> None:
    """Two different old ids must never become one new id (two people would merge)."""
    by_new: dict[str, list[str]] = {}
    for old_id, new_id in mapping.items():
        by_new.setdefault(new_id, []).append(old_id)
    for old_ids in by_new.values():
        if len(old_ids) > 1:
            raise RekeyRefused("collision", ids=tuple(old_ids))

