"""Every LAG of the database, read with the **network** role, and "all partnerships" as one dataset.

* :func:`lag_names`: code → name of every partnership in ``lags``;
* :func:`revisions`: code → latest revision of every LAG (one cheap query: what a cache keys on);
* :func:`read_network`: one :class:`loaders.LoadResult` per LAG (:func:`storage.postgres.tables.read_dataset`),
  all in one ``REPEATABLE READ``, read-only transaction: one consistent view of the whole database;
* :func:`combined`: the LAGs' datasets as one :class:`loaders.Dataset` in which every id that could
  be the same in two LAGs, and every column that points at one, carries the LAG's code in front
  (``alpha:E2019-001``), so the metrics count each LAG's spaces, events, people and outcomes apart.

The network role reads every row (its policies are ``using (true)``) and writes nothing; the
``coworking.lag`` setting :func:`~storage.postgres.tables.read_dataset` makes changes nothing for
it, its ``where lag = …`` picks the LAG. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import psycopg

from loaders import LoadResult
from loaders.contract import TABLES, TableSpec
from loaders.dataset import Dataset
from loaders.problems import FileInfo
from storage.postgres.tables import DATABASE_ENCODING, read_dataset
from storage.postgres.url import redacted, split_lag

#: between a LAG's code and an id of its data in :func:`combined` (a code never holds one)
SEPARATOR = ":"
#: between the LAGs' fingerprints in the combination's
FINGERPRINT_SEPARATOR = "+"
#: the person column of ``attendance`` (a pseudonym or a resident id of the LAG: not global)
_PERSON_COLUMNS = {"attendance": ("person_id",)}
#: tables whose ids are the same things in every LAG (the official municipality names)
_SHARED_TABLES = frozenset({"municipalities"})


def lag_names(conn: psycopg.Connection) -> dict[str, str]:
    """code → name of every LAG the role sees (``lags``), in code order; an empty name is the code."""
    rows = conn.execute("select code, name from lags order by code").fetchall()
    return {str(code): str(name or code) for code, name in rows}


def revisions(conn: psycopg.Connection) -> dict[str, int]:
    """code → latest revision (0: none yet) of every LAG the role sees: cheap, for cache keys."""
    rows = conn.execute(
        "select l.code, coalesce(max(r.id), 0) from lags l left join revisions r on r.lag = l.code "
        "group by l.code order by l.code"
    ).fetchall()
    return {str(code): int(revision) for code, revision in rows}


def network_url(url: str) -> str:
    """``url`` checked to be the network's: a ``postgresql://`` URL without ``?lag=`` (``ValueError``)."""
    plain, lag = split_lag(url)
    if lag is not None:
        raise ValueError("the URL names one LAG (?lag=…): not the network's")
    return plain


def revisions_at(url: str) -> dict[str, int]:
    """:func:`revisions` through a connection of its own to ``url`` (the network's)."""
    with psycopg.connect(network_url(url), autocommit=True) as conn:
        return revisions(conn)


@dataclass(frozen=True, eq=False)
class NetworkData:
    """Every LAG's data as read in one transaction (compared by identity, like a dataset)."""

    #: code → name, in code order
    names: dict[str, str]
    #: code → the LAG's load (``ok``, its fingerprint ``pg:alpha:r17``)
    results: dict[str, LoadResult]
    #: the redacted URL
    source: str = ""
    #: code → latest revision, as read
    revisions: dict[str, int] = field(default_factory=dict)

    @property
    def datasets(self) -> dict[str, Dataset]:
        """code → dataset of the LAGs that have data (:func:`has_data`), in code order."""
        return {code: result.dataset for code, result in self.results.items()
                if result.dataset is not None and has_data(result)}

    @property
    def fingerprint(self) -> str:
        return combined_fingerprint(self.results)

    @cached_property
    def combined(self) -> Dataset:
        """"All partnerships" (:func:`combined`), built once."""
        return combined(self.datasets)

    @cached_property
    def combined_result(self) -> LoadResult:
        """"All partnerships" as a load (:func:`combined_result`), built once."""
        return combined_result(self.results, self.combined, source=self.source)


def has_data(result: LoadResult) -> bool:
    """Whether a LAG's load has data: every required table (a LAG added but never imported has none,
    as a folder without its table files)."""
    return result.dataset is not None and all(name in result.files for name, spec in TABLES.items()
                                              if spec.required)


def read_network(url: str) -> NetworkData:
    """Every LAG of the database at ``url`` (the network role's URL, without ``?lag=``), read in one
    ``REPEATABLE READ``, read-only transaction."""
    plain = network_url(url)
    source = redacted(plain)
    with psycopg.connect(plain, autocommit=False) as conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction():
            names = lag_names(conn)
            latest = revisions(conn)
            results = {code: read_dataset(conn, code, source=f"{source} ?lag={code}") for code in names}
    return NetworkData(names=names, results=results, source=source, revisions=latest)


# --- all partnerships --------------------------------------------------------------------------


def prefixed_columns(spec: TableSpec) -> tuple[str, ...]:
    """The columns of ``spec`` that hold a LAG's own ids: its id column and every column pointing at
    one (``references``), and the person of an attendance row. Municipality names are shared."""
    if spec.name in _SHARED_TABLES:
        return ()
    names = [c.name for c in spec.columns if c.name == spec.id_column or c.references is not None]
    names += [c for c in _PERSON_COLUMNS.get(spec.name, ()) if c not in names]
    return tuple(names)


def _prefixed(frame: pd.DataFrame, code: str, columns: tuple[str, ...]) -> pd.DataFrame:
    if not columns or frame.empty:
        return frame
    frame = frame.copy()
    for column in columns:
        values = frame[column]
        frame[column] = (code + SEPARATOR + values).astype(values.dtype)  # missing stays missing
    return frame


def _concat(frames: list[pd.DataFrame], template: pd.DataFrame) -> pd.DataFrame:
    """The frames one under the other with exactly ``template``'s columns and dtypes."""
    filled = [frame for frame in frames if not frame.empty]
    if not filled:
        return template.iloc[0:0].reset_index(drop=True)
    joined = filled[0].reset_index(drop=True) if len(filled) == 1 else pd.concat(filled, ignore_index=True)
    for column, dtype in template.dtypes.items():
        if joined[column].dtype != dtype:
            joined[column] = joined[column].astype(dtype)
    return joined[list(template.columns)]


def _municipalities(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per municipality: the newest population figure (``population_on``) any LAG has."""
    if frame.empty:
        return frame
    newest = frame.sort_values("population_on", kind="stable", ascending=False)
    return newest.drop_duplicates("municipality").sort_index().reset_index(drop=True)


def combined(datasets: Mapping[str, Dataset]) -> Dataset:
    """The LAGs' datasets (code → dataset) as one: every table's rows, LAG after LAG, with the LAG's
    code in front of its ids (:func:`prefixed_columns`: ``alpha:E2019-001``, ``alpha:S01``; a missing
    id stays missing), so two LAGs' space ``S01`` are two spaces and a person in two LAGs two people.
    ``municipalities`` keeps one row per municipality (the newest figure). The dtypes are the
    loaders' (``str``, categoricals with the contract's codes, ``Int64``, ``float64``, dates)."""
    if not datasets:
        raise ValueError("no LAG to combine")
    first = next(iter(datasets.values()))
    tables = {}
    for name, spec in TABLES.items():
        columns = prefixed_columns(spec)
        frames = [_prefixed(ds.table(name), code, columns) for code, ds in datasets.items()]
        tables[name] = _concat(frames, first.table(name))
    tables["municipalities"] = _municipalities(tables["municipalities"])
    return Dataset(**tables)


def combined_fingerprint(results: Mapping[str, LoadResult]) -> str:
    """The LAGs' fingerprints joined (``pg:alpha:r3+pg:beta:r7``): changes when any LAG changes."""
    return FINGERPRINT_SEPARATOR.join(result.fingerprint for result in results.values())


def combined_result(results: Mapping[str, LoadResult], dataset: Dataset | None = None, *,
                    source: str = "") -> LoadResult:
    """"All partnerships" as a :class:`loaders.LoadResult`: :func:`combined` of the LAGs' datasets
    (or ``dataset``, already combined), the rows per table of the LAGs that have it, no problems,
    :func:`combined_fingerprint`."""
    if dataset is None:
        dataset = combined({code: r.dataset for code, r in results.items() if r.dataset is not None and has_data(r)})
    infos = {}
    for name in TABLES:
        files = [r.files[name].file for r in results.values() if name in r.files]
        if files:  # the first LAG's file name, the rows of all
            infos[name] = FileInfo(name, files[0], len(dataset.table(name)), DATABASE_ENCODING, None)
    return LoadResult(folder=source or "postgresql",  # type: ignore[arg-type]  # as read_dataset's
                      dataset=dataset, problems=[], files=infos, fingerprint=combined_fingerprint(results))
