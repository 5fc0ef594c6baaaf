"""Where the data comes from, loading it once per change of the files, and the last good load."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from loaders import LoadResult
from loaders.dataset import SUFFIXES
from loaders.problems import error
from loaders.snapshot import load_folder
from storage import RecoveryReport, recover
from storage.errors import SaveFailed
from storage.postgres.url import redacted, split_lag, with_lag
from storage.store import DatabaseStore, DataStore, FolderStore, store_for
from ui.settings import current_settings

log = logging.getLogger(__name__)

PROJECT_DIR = Path(__file__).resolve().parents[1]
DEMO_DIR = PROJECT_DIR / "data"

Signature = tuple[tuple[str, int, int], ...]


def data_folder() -> Path:
    """``COWORKING_DATA_DIR`` if set, else the demo data shipped in ``data/``."""
    configured = current_settings().data_dir
    return configured.resolve() if configured is not None else DEMO_DIR


def is_demo(folder: Path) -> bool:
    return folder.resolve() == DEMO_DIR.resolve()


def files_signature(folder: Path) -> Signature:
    """Name, size and modification time of the folder's csv/xlsx entries: cheap enough for every rerun.

    Links and unreadable files too, not only the table files the loader opens: a table file
    replaced by a link must reload the folder (the load then says what is wrong). Never raises.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return ()
    signature = []
    for path in entries:
        if path.name.startswith((".", "~$")) or path.suffix.lower() not in SUFFIXES:
            continue
        try:
            info = path.lstat()
        except OSError:  # gone meanwhile
            continue
        signature.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(signature)


def last_change(signature: Signature) -> dt.datetime | None:
    if not signature:
        return None
    return dt.datetime.fromtimestamp(max(mtime for _, _, mtime in signature) / 1e9)


@st.cache_resource(max_entries=4, show_spinner=False)
def _load(folder: str, signature: Signature) -> LoadResult:
    del signature  # part of the cache key only: a changed file means a new load
    return load_folder(Path(folder))  # an unchanged folder from its typed snapshot (loaders/snapshot.py)


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, LoadResult]:
    """The last load without errors, per folder, shared by every session of this server."""
    return {}


@st.cache_resource(show_spinner=False)
def _recoveries() -> dict[str, RecoveryReport]:
    """The last interrupted save rolled back per folder since the server started (the Data page says so)."""
    return {}


@dataclass(frozen=True)
class DataState:
    #: the data folder (the database: the folder setting, unused for the tables; see ``store``)
    folder: Path
    #: the newest load of the files (may have errors)
    latest: LoadResult
    #: what the pages show: the newest load if it is good, else the last good one (or None)
    shown: LoadResult | None
    last_change: dt.datetime | None
    #: an interrupted save rolled back since the server started (``None``: there was none)
    recovery: RecoveryReport | None = None
    #: whether that happened in this run (every page then says so)
    recovered_now: bool = False
    #: where the tables are read from and saved to: the folder, or a LAG in the database
    store: DataStore | None = None

    @property
    def in_database(self) -> bool:
        """Read from PostgreSQL: one LAG (a :class:`DatabaseStore`) or the network's view (no store)."""
        return not isinstance(self.store, FolderStore)

    @property
    def is_demo(self) -> bool:
        """The demo data shipped in ``data/`` (never the database's)."""
        return not self.in_database and is_demo(self.folder)

    @property
    def files_folder(self) -> Path | None:
        """The folder of what only a folder has (logos, monitoring marks, remembered columns): ``None``
        for the database."""
        return None if self.in_database else self.folder

    @property
    def showing_older_data(self) -> bool:
        return self.shown is not None and self.shown is not self.latest


@st.cache_resource(max_entries=8, show_spinner=False)
def _load_database(source: str, lag: str, fingerprint: str, *, _url: str) -> LoadResult:
    """Keyed on the URL without its password, the LAG and its latest revision (a new revision: a new load)."""
    del source, fingerprint
    return DatabaseStore(_url, lag).load()


def _database_data(folder: Path, database_url: str) -> DataState:
    """One LAG of the database: loaded again only when its latest revision changed."""
    key = redacted(database_url)
    store: DataStore | None = None
    try:
        store = store_for(folder, database_url)
        url, lag = split_lag(database_url)
        latest = _load_database(redacted(url), lag, store.fingerprint(), _url=url)
    except Exception as exc:  # the database down, a wrong password, no such LAG: a problem to show, never a crash
        from storage.postgres.store import secret_free

        log.warning("the database cannot be read: %s", secret_free(str(exc), database_url))
        latest = LoadResult(folder=key, dataset=None,  # type: ignore[arg-type]  # where, for the message
                            problems=[error("", "database_unreachable", value=key)])
    good = _last_good()
    if latest.ok and latest.dataset is not None:
        good[key] = latest
    return DataState(folder, latest, good.get(key), None, store=store)


def _names_a_lag(database_url: str) -> bool:
    """The URL is one LAG's (``?lag=CODE``); two different ``lag`` values count as one too, and fail to load."""
    try:
        return split_lag(database_url)[1] is not None
    except ValueError:
        return True


def current_data(lag: str | None = None) -> DataState:
    """The data the pages show: the folder, or one LAG of the database (``lag``: the signed-in
    partnership of an installation for many, :mod:`ui.accounts`)."""
    folder = data_folder()
    database_url = current_settings().database_url
    if database_url and lag is not None:
        return _database_data(folder, with_lag(database_url, lag))
    if database_url and _names_a_lag(database_url):
        return _database_data(folder, database_url)
    try:
        recovered = recover(folder)  # a save killed half way is rolled back before anything is read
    except SaveFailed as failed:  # the files may be half changed: never read them as if they were whole
        problem = error("", "recovery_failed", value=failed.params.get("backup") or str(folder))
        return DataState(folder, LoadResult(folder, None, [problem]), _last_good().get(str(folder)), None,
                         store=FolderStore(folder))
    if recovered is not None:
        _recoveries()[str(folder)] = recovered
    signature = files_signature(folder)
    if folder.is_dir():
        latest = _load(str(folder), signature)
    else:
        latest = LoadResult(folder=folder, dataset=None, problems=[error("", "folder_missing", value=str(folder))])
    store = _last_good()
    if latest.ok and latest.dataset is not None:
        store[str(folder)] = latest
    return DataState(folder, latest, store.get(str(folder)), last_change(signature),
                     _recoveries().get(str(folder)), recovered is not None, FolderStore(folder))


def session_data() -> DataState:
    """The data of this session's partnership: the signed-in one in an installation for many
    (:mod:`ui.accounts`), else the configured source (for the Data page's callbacks)."""
    from ui.accounts import accounts, signed_in

    found = accounts()
    signed = signed_in(found) if found is not None else None
    return current_data(signed.lag) if signed is not None and not signed.is_network else current_data()


def clear_caches() -> None:
    """After the files were changed from the app: every page must show the new data."""
    _load.clear()
    _load_database.clear()
