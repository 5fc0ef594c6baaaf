"""Limits and retention for changing the data folder (their settings: :mod:`config.settings`).

``COWORKING_MAX_UPLOAD_MB``  largest accepted file, in MB (default 10; also each file in a zip)
``COWORKING_KEEP_BACKUPS``   how many backup folders ``.history/`` keeps (default 20)
"""

from __future__ import annotations

from dataclasses import dataclass

from config import Settings
from config.settings import DEFAULT_KEEP_BACKUPS, DEFAULT_MAX_UPLOAD_MB
from loaders.archive import ArchiveLimits
from loaders.contract import TABLES

MB = 1024 * 1024


@dataclass(frozen=True)
class StorageSettings:
    #: largest accepted file (an upload, or one file inside an uploaded zip)
    max_file_bytes: int = DEFAULT_MAX_UPLOAD_MB * MB
    #: backup folders kept in ``.history/`` (the oldest are removed after a save)
    keep_backups: int = DEFAULT_KEEP_BACKUPS
    #: most entries an uploaded zip may hold (a folder of tables plus some stray files)
    max_zip_entries: int = 200

    def __post_init__(self) -> None:
        if self.max_file_bytes < 1:
            raise ValueError("max_file_bytes must be positive")
        if self.keep_backups < 1:
            raise ValueError("keep_backups must be at least 1 (the backup that undo restores)")

    @classmethod
    def from_settings(cls, settings: Settings) -> StorageSettings:
        """The limits set by ``COWORKING_MAX_UPLOAD_MB`` and ``COWORKING_KEEP_BACKUPS``."""
        return cls(max_file_bytes=settings.max_upload_mb * MB, keep_backups=settings.keep_backups)

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
