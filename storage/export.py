"""The current data as one zip: the table files exactly as they are on disk (or as the database gives them).

Verbatim on purpose: the zip is a copy of the folder that uploads back as "no changes", not a
report (spreadsheet formula cells are neutralised in the downloads made *from* the data, :mod:`exports`).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from storage.staging import snapshot

if TYPE_CHECKING:
    from storage.staging import _Snapshots


def data_zip(source: Path | _Snapshots) -> bytes:
    """The table files of a folder (never half saved: :func:`storage.staging.snapshot` rolls back an
    interrupted save first) or of a store's snapshot, as a zip."""
    files = snapshot(source).files if isinstance(source, Path) else source.snapshot().files
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
