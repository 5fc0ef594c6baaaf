"""What every test shares: the entry points' process-wide setup, settings read afresh per test, the
datasets the tests read, and one way to run the app in AppTest.

Datasets (session fixtures, each loaded once with the real loader; their frames are read-only, as
the app treats them: a test that needs other data builds its own, and a change to a shared one fails
the session when it ends):

* ``demo``: the demo data in ``data/``;
* ``metrics_ds``: the hand-counted dataset of ``tests/metrics_fixture.py``;
* ``reports_loaded`` (the ``LoadResult``, for its fingerprint) and ``reports_ds``: the dataset of
  ``tests/reports_fixture.py``.

``app``: ``app(page=None, *, lang=None, secrets=None, allow_exception=False, **query_params) -> AppTest``
runs ``dashboard.py`` with the query parameters set before the first run, switches to ``page`` (e.g.
``"app_pages/map.py"``; ``None`` stays on the Overview) and fails the test if the run raised.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest

from loaders import Dataset, LoadResult, load_dataset
from loaders.contract import TABLES
from loaders.memory import return_freed_memory
from tests import metrics_fixture, reports_fixture

pytest_plugins = ["tests.pg_cluster"]  # the throwaway PostgreSQL cluster: pg_cluster, pg_database

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

    from reports.model import Report

return_freed_memory()  # as dashboard.py and every command do at start: the loader runs with the same allocator

PROJECT_DIR = Path(__file__).resolve().parents[1]
DASHBOARD = PROJECT_DIR / "dashboard.py"

#: the type of the ``app`` fixture
RunApp = Callable[..., "AppTest"]


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """The app reads the environment once per server process; here a test is a new server (tests set
    ``COWORKING_DATA_DIR`` and friends before running the app)."""
    _reload_settings()
    yield
    _reload_settings()


def _reload_settings() -> None:
    settings = sys.modules.get("ui.settings")  # not imported yet: nothing cached, and no Streamlit import here
    if settings is not None:
        settings.reload_settings()


# --------------------------------------------------------------------------- shared datasets


@contextlib.contextmanager
def unchanged(dataset: Dataset) -> Iterator[None]:
    """Fail, on leaving, if a table of ``dataset`` was changed in the meantime."""
    before = {name: dataset.table(name).copy(deep=True) for name in TABLES}
    yield
    for name, frame in before.items():
        pd.testing.assert_frame_equal(dataset.table(name), frame, obj=f"the shared dataset's {name}")


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A fresh copy of the demo data folder (``data/``), for a test that changes or snapshots it."""
    folder = tmp_path / "data"
    shutil.copytree(PROJECT_DIR / "data", folder)
    return folder


@pytest.fixture(scope="session")
def demo() -> Iterator[Dataset]:
    """The demo data in ``data/`` (read-only)."""
    result = load_dataset(PROJECT_DIR / "data")
    assert result.ok, result.errors
    assert result.dataset is not None
    with unchanged(result.dataset):
        yield result.dataset


@pytest.fixture(scope="session")
def metrics_ds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dataset]:
    """The hand-counted dataset of ``tests/metrics_fixture.py`` (read-only)."""
    result = load_dataset(metrics_fixture.write_fixture(tmp_path_factory.mktemp("metrics") / "data"))
    assert result.ok, result.problems
    assert result.problems == []
    assert result.dataset is not None
    with unchanged(result.dataset):
        yield result.dataset


@pytest.fixture(scope="session")
def reports_loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadResult]:
    """The dataset of ``tests/reports_fixture.py`` as loaded, with its fingerprint (read-only)."""
    result = load_dataset(reports_fixture.write_fixture(tmp_path_factory.mktemp("reports") / "data"))
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.dataset is not None
    with unchanged(result.dataset):
        yield result


@pytest.fixture(scope="session")
def reports_ds(reports_loaded: LoadResult) -> Dataset:
    """The dataset of ``tests/reports_fixture.py`` (read-only)."""
    assert reports_loaded.dataset is not None
    return reports_loaded.dataset


@pytest.fixture(scope="module")
def report(reports_loaded: LoadResult) -> Report:
    """The CoLabora report of ``tests/reports_fixture.py`` (internal, Latvian), made once per module."""
    from reports import assemble_report  # imported when a report test runs, not by every test

    return assemble_report(reports_loaded.dataset, reports_fixture.PROJECT, fingerprint=reports_loaded.fingerprint)


@pytest.fixture(scope="module")
def public_report(reports_loaded: LoadResult) -> Report:
    """The same report's public version."""
    from reports import assemble_report

    return assemble_report(reports_loaded.dataset, reports_fixture.PROJECT, public=True,
                           fingerprint=reports_loaded.fingerprint)


@pytest.fixture(scope="module")
def english_report(reports_loaded: LoadResult) -> Report:
    """The same report in English."""
    from reports import assemble_report

    return assemble_report(reports_loaded.dataset, reports_fixture.PROJECT, lang="en",
                           fingerprint=reports_loaded.fingerprint)


# --------------------------------------------------------------------------- the app in AppTest


@pytest.fixture(scope="session")
def app() -> RunApp:
    """``app(page=None, *, lang=None, secrets=None, allow_exception=False, **query_params) -> AppTest``."""

    def run(page: str | None = None, *, lang: str | None = None, secrets: Mapping[str, str] | None = None,
            allow_exception: bool = False, **query_params: str | list[str]) -> AppTest:
        from streamlit.testing.v1 import AppTest  # imported when a test runs the app, not by every test

        at = AppTest.from_file(str(DASHBOARD), default_timeout=60)  # a cold import of folium + plotly takes > 3 s
        if lang is not None:
            at.query_params["lang"] = lang
        for key, value in query_params.items():
            at.query_params[key] = value
        for key, value in (secrets or {}).items():
            at.secrets[key] = value
        at.run()
        if page is not None:
            at.switch_page(page).run()
        if not allow_exception:
            assert not at.exception, [e.value for e in at.exception]
        return at

    return run
