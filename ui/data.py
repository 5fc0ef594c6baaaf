"""Where the data comes from and loading it once per change of the files."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from loaders import LoadResult, load_dataset, table_files

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEMO_DIR = PROJECT_DIR / "data"


def data_folder() -> Path:
    """``COWORKING_DATA_DIR`` if set, else the demo data shipped in ``data/``."""
    configured = os.environ.get("COWORKING_DATA_DIR", "").strip()
    return Path(configured).expanduser().resolve() if configured else DEMO_DIR


def is_demo(folder: Path) -> bool:
    return folder.resolve() == DEMO_DIR.resolve()


def files_signature(folder: Path) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time of the table files: cheap to compute on every rerun."""
    if not folder.is_dir():
        return ()
    tables, _ = table_files(folder)
    return tuple(
        (p.name, p.stat().st_size, p.stat().st_mtime_ns) for paths in tables.values() for p in paths
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, signature: tuple[tuple[str, int, int], ...]) -> LoadResult:
    # ``signature`` is part of the cache key only: a changed file means a new load.
    del signature
    return load_dataset(Path(folder))


def current_load() -> LoadResult:
    """The load result for the current files (cached; treated as read-only by every page)."""
    folder = data_folder()
    return _load(str(folder), files_signature(folder))
