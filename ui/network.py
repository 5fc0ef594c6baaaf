"""Every LAG's data for the network's page, read with the network role and kept while it is unchanged.

:func:`network_data` is ``None`` unless the data source setting (``current_settings().database_url``)
is a ``postgresql://`` URL *without* ``?lag=``: the network role's, which reads every LAG. Each run
asks the database only for the LAGs' latest revisions (one small query); the LAGs' tables are read
again (:func:`storage.postgres.network.read_network`) only when one of them changed, or a LAG was
added. A database that cannot be reached raises :class:`psycopg.Error` (the page says so).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from i18n import t
from metrics.network import ALL_LAGS
from storage.postgres.url import is_database_url, redacted, split_lag
from ui.settings import current_settings

if TYPE_CHECKING:  # psycopg is imported only where a database is used: not at every app start
    from storage.postgres.network import NetworkData


def network_url() -> str | None:
    """The network role's database URL, or ``None`` (a folder, or a URL for one LAG)."""
    from ui.accounts import accounts  # an installation for many: the network role's own URL

    found = accounts()
    if found is not None:
        return found.network_database_url or None
    url = current_settings().database_url
    if not is_database_url(url):
        return None
    try:
        _, lag = split_lag(url)
    except ValueError:  # two different ?lag=: not the network's either
        return None
    return url if lag is None else None


def network_source() -> str | None:
    """:func:`network_url` with its password hidden (for messages), or ``None``."""
    url = network_url()
    return None if url is None else redacted(url)


def network_data(url: str | None = None) -> NetworkData | None:
    """Every LAG's data (``None``: not the network role's URL), read again only when a LAG's latest
    revision (or the list of LAGs) changed since the cached read. ``url``: the network role's URL of
    an installation for many partnerships (else the data source setting's)."""
    url = url or network_url()
    if url is None:
        return None
    from storage.postgres.network import revisions_at

    latest = tuple(sorted(revisions_at(url).items()))
    return _read(redacted(url), latest, _url=url)


@st.cache_resource(show_spinner=False, max_entries=2)
def _read(source: str, revisions: tuple[tuple[str, int], ...], *, _url: str) -> NetworkData:  # noqa: ARG001 (the cache key)
    """Keyed on the redacted URL and the revisions (the password is never part of a cache key)."""
    from storage.postgres.network import read_network

    return read_network(_url)


def clear_cache() -> None:
    """Forget the cached read (tests)."""
    _read.clear()


#: the sidebar's choice of partnership in network mode (kept in the session)
LAG_KEY = "network-lag"


def lag_picker(data: NetworkData, lang: str) -> str:
    """The sidebar's partnership: "Visas partnerības" (every LAG together) or one LAG with data."""
    options = [ALL_LAGS, *data.datasets]
    if st.session_state.get(LAG_KEY) not in options:
        st.session_state.pop(LAG_KEY, None)
    return st.sidebar.selectbox(
        t("network.picker", lang), options, key=LAG_KEY,
        format_func=lambda code: t("network.all_lags", lang) if code == ALL_LAGS else data.names.get(code, code))


def network_state(folder: Path, lang: str, url: str | None = None):
    """The pages' data in network mode: the chosen LAG, or all of them (read only: no store)."""
    from loaders import LoadResult
    from loaders.problems import error
    from ui.loading import DataState

    try:
        data = network_data(url)
    except Exception:  # the database down or the password wrong: a message, never a crash
        source = redacted(url) if url else network_source() or ""
        unreachable = LoadResult(source, None, [error("", "database_unreachable", value=source)])  # type: ignore[arg-type]
        return DataState(folder, unreachable, None, None)
    assert data is not None
    chosen = lag_picker(data, lang)
    result = data.combined_result if chosen == ALL_LAGS else data.results[chosen]
    return DataState(folder, result, result if result.ok else None, None)
