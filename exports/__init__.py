"""File formats for people's spreadsheets, shared by every download (no Streamlit, no i18n).

Below ``reports``, ``maps`` and ``storage`` and above nothing of the project: it needs only pandas,
so pages, report builders and storage can all use it without reaching sideways into each other.

* :mod:`exports.spreadsheet_csv`: a DataFrame as CSV the way Latvian Excel opens it.
* :mod:`exports.safe_cells`: text a spreadsheet would run as a formula, neutralised.
"""
