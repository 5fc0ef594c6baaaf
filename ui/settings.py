"""The app's settings: the environment read once per server process, plus Streamlit's secrets.

``st.secrets`` is read on every call (Streamlit parses the file once and again when it changes), so a
hash added to ``.streamlit/secrets.toml`` takes effect when the page is reloaded, as before; an
environment variable takes effect when the server is restarted. :func:`reload_settings` forgets the
cached settings (for tests, which change the environment between runs of the app in one process).
"""

from __future__ import annotations

import os

import streamlit as st

from config import Settings, load_settings
from config.settings import SECRET_SETTINGS


def current_settings() -> Settings:
    """This server process's settings (the environment as at the first call) with the current secrets."""
    return _settings(_secrets())


def reload_settings() -> None:
    _settings.clear()


@st.cache_resource(show_spinner=False, max_entries=4)
def _settings(secret_values: tuple[tuple[str, str], ...]) -> Settings:
    return load_settings(os.environ, dict(secret_values) or None)


def _secrets() -> tuple[tuple[str, str], ...]:
    """The settings set in ``st.secrets`` (the password's hash, the pseudonym key): none without a secrets file."""
    found = []
    for name in SECRET_SETTINGS:
        try:
            value = st.secrets.get(name)
        except (FileNotFoundError, KeyError):
            return ()
        if value:
            found.append((name, str(value)))
    return tuple(found)
