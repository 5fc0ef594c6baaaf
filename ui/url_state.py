"""Widget values kept in the URL as codes (``?lang=en&type=study_visit``), and the browser's Back.

Streamlit's own ``bind="query-params"`` writes a widget's *formatted label* into the URL, so a
link would depend on the language it was copied in. Here the URL holds codes: a widget's
session value is initialised from the URL once per session, and the URL is rewritten from the
values when they change.

**Back and Forward.** Streamlit 1.67 pushes a browser-history entry whenever a run changes
``st.query_params`` (``history.pushState``; a write that leaves the query string as it is adds
none), one per change of ``st.query_params``. So each run writes every change at once
(:func:`write` sends one ``update``), and a page link carries the filters
(``dashboard.py``), so a page view or a filter change is one entry. On Back or Forward
Streamlit reruns the page with the entry's URL in ``st.query_params``, but the widgets keep
their session values; :func:`begin_run` notices that the URL is no longer the one the app
left (it changed outside the app: only history navigation does that) and the ``init_*``
functions then take every value from the URL again, a missing one as its default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

#: the query parameters as the app left them at its last write: ``{key: [values]}``
_LEFT = "_url_state_left"
#: whether this run restores the widgets from the URL (Back, Forward)
_RESTORING = "_url_state_restoring"
_FROM_URL = object()

Values = Mapping[str, "str | list[str] | None"]


def _url_now() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def begin_run() -> None:
    """Once at the start of every run: is the URL the one the app left, or one from the history?"""
    left = st.session_state.get(_LEFT)
    st.session_state[_RESTORING] = left is not None and _url_now() != left


def restoring() -> bool:
    """Whether this run takes the widgets' values from the URL again (a Back or Forward)."""
    return bool(st.session_state.get(_RESTORING))


def _needs_value(key: str) -> bool:
    return key not in st.session_state or restoring()


def init_choice(key: str, options: Sequence[str], default: str | None, *, url: object = _FROM_URL) -> None:
    """Set the widget ``key``'s value from the URL (if valid), else ``default``: once, and again
    after a Back. ``url``: the value to read instead of the URL's ``key`` (an older link's, mapped)."""
    if not _needs_value(key):
        if st.session_state[key] not in options and options:
            st.session_state[key] = default if default in options else options[0]
        return
    value = st.query_params.get(key) if url is _FROM_URL else url
    st.session_state[key] = value if value in options else default


def init_choices(key: str, options: Sequence[str], default: Sequence[str] = ()) -> None:
    """Multi-select: the URL's repeated values that are valid options (else ``default``): once, and
    again after a Back."""
    if not _needs_value(key):
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
        return
    from_url = [v for v in dict.fromkeys(st.query_params.get_all(key)) if v in options]
    st.session_state[key] = from_url or list(default)


def init_flag(key: str) -> None:
    """A switch: on when the URL says ``key=1``: once, and again after a Back."""
    if _needs_value(key):
        st.session_state[key] = st.query_params.get(key) == "1"


def encode(values: Values, defaults: Mapping[str, object]) -> dict[str, list[str] | None]:
    """The URL's values for ``values``: a list per key, None where the key stays out (no value, an
    empty selection or the default)."""
    encoded: dict[str, list[str] | None] = {}
    for key, value in values.items():
        if value is None or value == [] or defaults.get(key) == value:
            encoded[key] = None
        else:
            encoded[key] = list(value) if isinstance(value, list) else [value]
    return encoded


def link_params(values: Values, defaults: Mapping[str, object]) -> dict[str, str | list[str]]:
    """``values`` as a page link's ``query_params`` (the keys that go into the URL)."""
    return {key: value[0] if len(value) == 1 else value
            for key, value in encode(values, defaults).items() if value is not None}


def write(values: Values, defaults: Mapping[str, object]) -> None:
    """Put ``values`` in the URL (a default value is left out), all in one change, only if one differs."""
    now = _url_now()
    wanted = dict(now)
    for key, value in encode(values, defaults).items():
        if value is None:
            wanted.pop(key, None)
        else:
            wanted[key] = value
    if wanted != now:
        # one update: one history entry (each ``st.query_params[key] = ...`` would push its own)
        st.query_params.from_dict({key: value[0] if len(value) == 1 else value for key, value in wanted.items()})
    st.session_state[_LEFT] = wanted
