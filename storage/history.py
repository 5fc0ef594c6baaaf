"""The backups of a data folder: ``<data>/.history/<timestamp>/`` with the files a save replaced.

Each backup folder holds the previous version of every file the save replaced or removed and a
``manifest.json``: what kind of change it was (``save`` or ``undo``), the folder's fingerprint
before and after, and per file whether it was ``replaced``, ``created`` or ``removed``. Undo
reads it to put the folder back. The loaders ignore dot-folders, so ``.history`` never shows up
as data. A lock file (in the system's temporary folder) serialises saves, also across server
processes on the machine.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storage.atomic import fsync_dir, replace_atomically

try:  # POSIX; elsewhere only saves within one server process are serialised
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

HISTORY_DIR = ".history"
MANIFEST = "manifest.json"
_ENTRY_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{2})?$")
_PROCESS_LOCK = threading.Lock()

#: what a change did to one file
REPLACED, CREATED, REMOVED = "replaced", "created", "removed"


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    path: Path
    kind: str
    created: dt.datetime
    before: str
    after: str | None
    files: dict[str, str] = field(default_factory=dict)
    undoes: str | None = None
    undone_by: str | None = None

    def backup_of(self, name: str) -> Path:
        return self.path / name

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "created": self.created.isoformat(timespec="seconds"),
            "before": self.before,
            "after": self.after,
            "files": self.files,
            "undoes": self.undoes,
            "undone_by": self.undone_by,
        }


def history_dir(folder: Path) -> Path:
    return folder / HISTORY_DIR


def new_entry_dir(folder: Path, now: dt.datetime) -> Path:
    """Create ``.history/<now>/`` (with ``-01``, ``-02``... when that second is taken)."""
    root = history_dir(folder)
    root.mkdir(exist_ok=True)
    stamp = now.strftime("%Y-%m-%dT%H-%M-%S")
    for suffix in ["", *(f"-{n:02d}" for n in range(1, 100))]:
        path = root / f"{stamp}{suffix}"
        try:
            path.mkdir()
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"too many backups in the same second: {root / stamp}")


def write_manifest(entry: HistoryEntry) -> None:
    data = json.dumps(entry.as_json(), ensure_ascii=False, indent=2).encode("utf-8")
    replace_atomically(entry.path / MANIFEST, data)


def read_entry(path: Path) -> HistoryEntry | None:
    """The backup in ``path``, or ``None`` if it is not one (no or unreadable manifest)."""
    if not _ENTRY_NAME.match(path.name):
        return None
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        return HistoryEntry(
            id=path.name,
            path=path,
            kind=str(data["kind"]),
            created=dt.datetime.fromisoformat(data["created"]),
            before=str(data["before"]),
            after=data.get("after"),
            files={str(k): str(v) for k, v in dict(data["files"]).items()},
            undoes=data.get("undoes"),
            undone_by=data.get("undone_by"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def list_history(folder: Path) -> list[HistoryEntry]:
    """Every backup of ``folder``, newest first."""
    root = history_dir(folder)
    if not root.is_dir():
        return []
    entries = (read_entry(path) for path in root.iterdir() if path.is_dir())
    return sorted((e for e in entries if e is not None), key=lambda e: e.id, reverse=True)


def prune(folder: Path, keep: int) -> list[str]:
    """Remove all but the newest ``keep`` backup folders; return the ids removed."""
    root = history_dir(folder)
    if not root.is_dir():
        return []
    names = sorted(p.name for p in root.iterdir() if p.is_dir() and _ENTRY_NAME.match(p.name))
    removed = names[: max(0, len(names) - keep)]
    for name in removed:
        shutil.rmtree(root / name, ignore_errors=True)
    if removed:
        fsync_dir(root)
    return removed


def lock_path(folder: Path) -> Path:
    """The lock file of ``folder``, in the system's temporary folder: a refused save leaves no trace."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:24]
    return Path(tempfile.gettempdir()) / f"coworking-data-{digest}.lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the data folder's change lock (one save or undo at a time, across server processes)."""
    with _PROCESS_LOCK, lock_path(folder).open("a+b") as handle:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
