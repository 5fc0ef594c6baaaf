"""What every test shares: the entry points' process-wide setup, and settings read afresh per test."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from loaders.memory import return_freed_memory

return_freed_memory()  # as dashboard.py and every command do at start: the loader runs with the same allocator


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
