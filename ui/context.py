"""What every page needs, prepared once per run by ``dashboard.py``."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from loaders import Dataset
from metrics import Filters
from ui.loading import DataState

_KEY = "_page_context"


@dataclass(frozen=True)
class PageContext:
    lang: str
    data: DataState
    #: None only on the Data page when no good data could be loaded yet
    dataset: Dataset | None
    filters: Filters


def publish(context: PageContext) -> None:
    st.session_state[_KEY] = context


def current() -> PageContext:
    """The context of this run (``dashboard.py`` publishes it before the page runs)."""
    return st.session_state[_KEY]
