"""Where the data comes from, loading it once per change of the files, and the last good load."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from loaders import LoadResult, load_dataset, table_files
from loaders.problems import error

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEMO_DIR = PROJECT_DIR / "data"

Signature = tuple[tuple[str, int, int], ...]


def data_folder() -> Path:
    """``COWORKING_DATA_DIR`` if set, else the demo data shipped in ``data/``."""
    configured = os.environ.get("COWORKING_DATA_DIR", "").strip()
    return Path(configured).expanduser().resolve() if configured else DEMO_DIR


def is_demo(folder: Path) -> bool:
    return folder.resolve() == DEMO_DIR.resolve()


def files_signature(folder: Path) -> Signature:
    """Name, size and modification time of the table files: cheap enough for every rerun."""
    if not folder.is_dir():
        return ()
    tables, _ = table_files(folder)
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for paths in tables.values() for p in paths)


def last_change(signature: Signature) -> dt.datetime | None:
    if not signature:
        return None
    return dt.datetime.fromtimestamp(max(mtime for _, _, mtime in signature) / 1e9)


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, signature: Signature) -> LoadResult:
    del signature  # part of the cache key only: a changed file means a new load
    return load_dataset(Path(folder))


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, LoadResult]:
    """The last load without errors, per folder, shared by every session of this server."""
    return {}


@dataclass(frozen=True)
class DataState:
    folder: Path
    #: the newest load of the files (may have errors)
    latest: LoadResult
    #: what the pages show: the newest load if it is good, else the last good one (or None)
    shown: LoadResult | None
    last_change: dt.datetime | None

    @property
    def showing_older_data(self) -> bool:
        return self.shown is not None and self.shown is not self.latest


def current_data() -> DataState:
    folder = data_folder()
    signature = files_signature(folder)
    if folder.is_dir():
        latest = _load(str(folder), signature)
    else:
        latest = LoadResult(folder=folder, dataset=None, problems=[error("", "folder_missing", value=str(folder))])
    store = _last_good()
    if latest.ok and latest.dataset is not None:
        store[str(folder)] = latest
    return DataState(folder, latest, store.get(str(folder)), last_change(signature))


def clear_caches() -> None:
    """After the files were changed from the app: every page must show the new data."""
    _load.clear()
