"""Upload intake: the files someone gave us, reduced to at most one file per table.

Accepted: ``<table>.csv`` / ``<table>.xlsx`` files, and zip archives of such files (e.g. a zipped
data folder). Nothing here touches the disk. A zip is checked with
:func:`loaders.archive.check_archive` (total uncompressed size, entry count, compression ratio)
*before* any entry is read; entry names are only looked at, never used as paths, and an entry
whose name tries to climb out (``../``, an absolute path) makes the whole archive refused.
"""

from __future__ import annotations

import io
import math
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from loaders.archive import ArchiveRefused, check_archive
from loaders.problems import Problem, error, warning
from storage.names import base_name, canonical_name, table_of
from storage.settings import MB, StorageSettings


@dataclass(frozen=True)
class IncomingFile:
    table: str
    #: the name it will have in the data folder (``events.csv``)
    name: str
    #: where it came from, for people (``events.csv`` or ``dati.zip › dati/events.csv``)
    source: str
    data: bytes


@dataclass
class Intake:
    files: dict[str, IncomingFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: entries of a zip that are not tables and were left out
    ignored: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def take_uploads(uploads: Iterable[tuple[str, bytes]], settings: StorageSettings) -> Intake:
    """``uploads`` are ``(name as given, bytes)``; return the table files and what is wrong."""
    intake = Intake()
    found: dict[str, list[IncomingFile]] = {}
    for raw_name, data in uploads:
        name = base_name(raw_name)
        if len(data) > settings.max_file_bytes:
            intake.problems.append(_too_large(name, len(data), settings))
            continue
        if PurePosixPath(name).suffix.lower() == ".zip":
            for incoming in _from_zip(name, data, settings, intake):
                found.setdefault(incoming.table, []).append(incoming)
            continue
        table, canonical = table_of(name), canonical_name(name)
        if table is None or canonical is None:
            intake.problems.append(error("", "upload_unknown_name", file=name))
            continue
        found.setdefault(table, []).append(IncomingFile(table, canonical, name, data))
    for table, files in found.items():
        if len(files) > 1:
            intake.problems.append(
                error(table, "upload_table_twice", file=files[0].source,
                      params={"files": ", ".join(f.source for f in files)})
            )
        else:
            intake.files[table] = files[0]
    return intake


def _too_large(name: str, size: int, settings: StorageSettings) -> Problem:
    return error("", "upload_too_large", file=name,
                 params={"size_mb": math.ceil(size / MB), "limit_mb": settings.max_file_mb})


def _unsafe(entry_name: str) -> bool:
    parts = entry_name.replace("\\", "/").split("/")
    return entry_name.startswith(("/", "\\")) or ".." in parts or (len(parts[0]) == 2 and parts[0][1] == ":")


def _skipped(entry_name: str) -> bool:
    """Folders, hidden files, macOS resource forks and Office lock files: not data, not reported."""
    parts = entry_name.replace("\\", "/").split("/")
    name = parts[-1]
    return not name or name.startswith((".", "~$")) or "__MACOSX" in parts


def _from_zip(zip_name: str, data: bytes, settings: StorageSettings, intake: Intake) -> list[IncomingFile]:
    try:
        check_archive(io.BytesIO(data), settings.zip_limits)
    except ArchiveRefused as refused:
        rule = "upload_zip_invalid" if refused.rule == "archive_invalid" else refused.rule
        intake.problems.append(error("", rule, file=zip_name, params=refused.params))
        return []
    files: list[IncomingFile] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = [e for e in archive.infolist() if not e.is_dir()]
            unsafe = [e.filename for e in entries if _unsafe(e.filename)]
            if unsafe:
                intake.problems.append(error("", "upload_zip_unsafe_name", file=zip_name, value=unsafe[0]))
                return []
            for entry in entries:
                incoming = _zip_entry(archive, entry, zip_name, settings, intake)
                if incoming is not None:
                    files.append(incoming)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError, ValueError):
        intake.problems.append(error("", "upload_zip_invalid", file=zip_name))
        return []
    if not files and intake.ok:
        intake.problems.append(error("", "upload_zip_no_tables", file=zip_name))
    return files


def _zip_entry(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, zip_name: str, settings: StorageSettings, intake: Intake
) -> IncomingFile | None:
    if _skipped(entry.filename):
        return None
    source = f"{zip_name} › {entry.filename}"
    table, canonical = table_of(entry.filename), canonical_name(entry.filename)
    if table is None or canonical is None:
        intake.ignored.append(source)
        intake.problems.append(warning("", "upload_zip_entry_ignored", file=source))
        return None
    if entry.file_size > settings.max_file_bytes:
        intake.problems.append(_too_large(source, entry.file_size, settings))
        return None
    with archive.open(entry) as handle:
        # never trust the declared size: read at most one byte past the limit
        content = handle.read(settings.max_file_bytes + 1)
    if len(content) > settings.max_file_bytes:
        intake.problems.append(_too_large(source, len(content), settings))
        return None
    return IncomingFile(table, canonical, source, content)


__all__ = ["IncomingFile", "Intake", "base_name", "take_uploads"]
