"""Which file names may enter the data folder: the contract's tables as ``.csv`` or ``.xlsx``.

A name from outside (an upload, an entry of a zip) is never used as a path: only its last
component is looked at, and only ``<table>.csv`` / ``<table>.xlsx`` pass, spelled canonically.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from loaders.contract import TABLES

TABLE_SUFFIXES = (".csv", ".xlsx")


def base_name(name: str) -> str:
    """The last component of a name from a browser or a zip (``a\\b/../events.csv`` → ``events.csv``)."""
    return PurePosixPath(name.replace("\\", "/")).name


def table_of(name: str) -> str | None:
    """The table a file name stands for (``Events.CSV`` → ``events``), else ``None``."""
    path = PurePosixPath(base_name(name))
    table = path.stem.strip().lower()
    if path.suffix.lower() not in TABLE_SUFFIXES or table not in TABLES:
        return None
    return table


def canonical_name(name: str) -> str | None:
    """``Events.CSV`` → ``events.csv``; ``None`` for anything that is not a table file."""
    table = table_of(name)
    if table is None:
        return None
    return table + PurePosixPath(base_name(name)).suffix.lower()


def is_canonical(name: str) -> bool:
    """``name`` is exactly a table file name, with no folder part (safe to join to the folder)."""
    return canonical_name(name) == name
