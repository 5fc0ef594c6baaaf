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
from config.settings import ENV_ADMIN_PASSWORD_HASH


def current_settings() -> Settings:
    """This server process's settings (the environment as at the first call) with the current secrets."""
    return _settings(_secret_hash())


def reload_settings() -> None:
    _settings.clear()


@st.cache_resource(show_spinner=False, max_entries=4)
def _settings(secret_hash: str | None) -> Settings:
    return load_settings(os.environ, {ENV_ADMIN_PASSWORD_HASH: secret_hash} if secret_hash else None)


def _secret_hash() -> str | None:
    """The staff password's hash in ``st.secrets`` (``None`` when there is none, or no secrets file at all)."""
    try:
        value = st.secrets.get(ENV_ADMIN_PASSWORD_HASH)
    except (FileNotFoundError, KeyError):
        return None
    return str(value) if value else None
