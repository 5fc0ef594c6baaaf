"""Zip-bomb guard for ``.xlsx`` files (and, later, uploaded zip archives).

An ``.xlsx`` is a zip archive. Before anything opens one we read only its central directory
and refuse it when the declared uncompressed size, the number of entries or the compression
ratio of an entry is beyond what a real spreadsheet has.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class ArchiveLimits:
    max_uncompressed_bytes: int = 512 * 1024 * 1024
    max_entries: int = 2_000
    #: an entry that expands more than this many times (and is larger than 1 MiB) is refused
    max_ratio: int = 200


DEFAULT_LIMITS = ArchiveLimits()


class ArchiveRefused(Exception):
    """The archive is not a zip or is beyond the limits; ``rule`` says which."""

    def __init__(self, rule: str, **params: object) -> None:
        super().__init__(rule)
        self.rule = rule
        self.params = params


def check_archive(source: Path | IO[bytes], limits: ArchiveLimits = DEFAULT_LIMITS) -> None:
    """Raise :class:`ArchiveRefused` unless the archive is within ``limits``."""
    try:
        with zipfile.ZipFile(source) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ArchiveRefused("archive_invalid") from exc
    if len(entries) > limits.max_entries:
        raise ArchiveRefused("archive_too_many_entries", count=len(entries), limit=limits.max_entries)
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_uncompressed_bytes:
        raise ArchiveRefused(
            "archive_too_large",
            size_mb=round(total / 1024 / 1024),
            limit_mb=round(limits.max_uncompressed_bytes / 1024 / 1024),
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > limits.max_ratio * max(
            entry.compress_size, 1
        ):
            raise ArchiveRefused("archive_ratio", ratio=entry.file_size // max(entry.compress_size, 1))
