"""The current data as one zip: the table files exactly as they are on disk.

Verbatim on purpose: the zip is a copy of the folder that uploads back as "no changes", not a
report (spreadsheet formula cells are neutralised in the downloads made *from* the data, :mod:`exports`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from loaders import table_files
from storage.recovery import recover


def data_zip(folder: Path) -> bytes:
    recover(folder)  # never a zip of a half-saved folder
    buffer = io.BytesIO()
    tables, _ = table_files(folder)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for paths in tables.values():
            for path in paths:
                archive.writestr(path.name, path.read_bytes())
    return buffer.getvalue()
