"""Widget values kept in the URL as codes (``?lang=en&type=study_visit``).

Streamlit's own ``bind="query-params"`` writes a widget's *formatted label* into the URL, so a
link would depend on the language it was copied in. Here the URL holds codes: a widget's
session value is initialised from the URL once per session, and the URL is rewritten from the
values after every run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st


def init_choice(key: str, options: Sequence[str], default: str | None) -> None:
    """Set the widget ``key``'s value from the URL (if valid), else ``default``, once."""
    if key in st.session_state:
        if st.session_state[key] not in options and options:
            st.session_state[key] = default if default in options else options[0]
        return
    value = st.query_params.get(key)
    st.session_state[key] = value if value in options else default


def init_choices(key: str, options: Sequence[str], default: Sequence[str] = ()) -> None:
    """Multi-select: the URL's repeated values that are valid options (else ``default``), once."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
        return
    from_url = [v for v in dict.fromkeys(st.query_params.get_all(key)) if v in options]
    st.session_state[key] = from_url or list(default)


def init_date(key: str, default: dt.date | None) -> None:
    if key in st.session_state:
        return
    try:
        st.session_state[key] = dt.date.fromisoformat(st.query_params.get(key, ""))
    except ValueError:
        st.session_state[key] = default


def write(values: dict[str, str | dt.date | list[str] | None], defaults: dict[str, object]) -> None:
    """Rewrite the URL's parameters for ``values`` (a default value is left out)."""
    for key, value in values.items():
        if value is None or value == [] or defaults.get(key) == value:
            if key in st.query_params:
                del st.query_params[key]
            continue
        encoded: str | list[str] = value.isoformat() if isinstance(value, dt.date) else value
        if st.query_params.get_all(key) != (encoded if isinstance(encoded, list) else [encoded]):
            st.query_params[key] = encoded
