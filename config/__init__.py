"""The settings of the app and its commands, read once (no Streamlit here): see :mod:`config.settings`."""

from config.settings import DEFAULT_TERRITORY, Settings, load_settings

__all__ = ["DEFAULT_TERRITORY", "Settings", "load_settings"]
