"""Limits and retention for changing the data folder, with defaults and environment overrides.

``COWORKING_MAX_UPLOAD_MB``  largest accepted file, in MB (default 10; also each file in a zip)
``COWORKING_KEEP_BACKUPS``   how many backup folders ``.history/`` keeps (default 20)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from loaders.archive import ArchiveLimits
from loaders.contract import TABLES

MB = 1024 * 1024
ENV_MAX_UPLOAD_MB = "COWORKING_MAX_UPLOAD_MB"
ENV_KEEP_BACKUPS = "COWORKING_KEEP_BACKUPS"


@dataclass(frozen=True)
class StorageSettings:
    #: largest accepted file (an upload, or one file inside an uploaded zip)
    max_file_bytes: int = 10 * MB
    #: backup folders kept in ``.history/`` (the oldest are removed after a save)
    keep_backups: int = 20
    #: most entries an uploaded zip may hold (a folder of tables plus some stray files)
    max_zip_entries: int = 200

    def __post_init__(self) -> None:
        if self.max_file_bytes < 1:
            raise ValueError("max_file_bytes must be positive")
        if self.keep_backups < 1:
            raise ValueError("keep_backups must be at least 1 (the backup that undo restores)")

    @property
    def max_file_mb(self) -> int:
        return max(1, round(self.max_file_bytes / MB))

    @property
    def zip_limits(self) -> ArchiveLimits:
        """Limits for an uploaded zip: every table at the size limit, plus a little room."""
        return ArchiveLimits(
            max_uncompressed_bytes=self.max_file_bytes * (len(TABLES) + 1),
            max_entries=self.max_zip_entries,
        )


def settings_from_env(environ: Mapping[str, str] | None = None) -> StorageSettings:
    """The settings with any valid override from the environment (an invalid one is ignored)."""
    environ = os.environ if environ is None else environ
    defaults = StorageSettings()
    max_mb = _positive_int(environ.get(ENV_MAX_UPLOAD_MB))
    keep = _positive_int(environ.get(ENV_KEEP_BACKUPS))
    return StorageSettings(
        max_file_bytes=max_mb * MB if max_mb else defaults.max_file_bytes,
        keep_backups=keep or defaults.keep_backups,
    )


def _positive_int(text: str | None) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None
