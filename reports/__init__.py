"""Report and export builders (no Streamlit here)."""
