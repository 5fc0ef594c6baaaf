"""The Reports page's parts: its choices, the files to download, the preview tables."""
