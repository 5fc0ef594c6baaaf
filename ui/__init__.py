"""Streamlit glue shared by the pages: cached data loading, language, filters.

Only this package and ``pages/`` import Streamlit; the domain core (loaders, metrics, maps,
reports, i18n) stays free of it.
"""
