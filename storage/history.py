"""The backups of a data folder: ``<data>/.history/<timestamp>/`` with the files a save replaced.

Each backup folder holds the previous version of every file the save replaced or removed and a
``manifest.json``: what kind of change it was (``save`` or ``undo``), the folder's fingerprint
before and after, and per file whether it was ``replaced``, ``created`` or ``removed``. Undo
reads it to put the folder back. A save counts as undone when a later ``undo`` entry names it.
An entry is complete only once the journal of its change, ``.history/<id>.journal``, is gone
(:mod:`storage.journal`): until then the change may still be rolled back, so it is not history.
The loaders ignore dot-folders, so ``.history`` never shows up as data. A lock file (in the
system's temporary folder) serialises saves, also across server processes on the machine.
"""

from __future__ import annotations

import contextlib
import dataclasses
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
JOURNAL_SUFFIX = ".journal"
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
    #: the undo entry that names this one (found when the history is read, not stored)
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
        }


def history_dir(folder: Path) -> Path:
    return folder / HISTORY_DIR


def is_entry_name(name: str) -> bool:
    return bool(_ENTRY_NAME.match(name))


def journal_path(entry_path: Path) -> Path:
    """The journal of the change that creates the entry ``entry_path``: beside it, not in it."""
    return entry_path.with_name(entry_path.name + JOURNAL_SUFFIX)


def next_entry_path(folder: Path, now: dt.datetime) -> Path:
    """A free ``.history/<now>`` (``-01``, ``-02``... when that second is taken), not created yet.

    Only free while the folder's lock is held: the journal names the entry before it exists.
    """
    root = history_dir(folder)
    stamp = now.strftime("%Y-%m-%dT%H-%M-%S")
    for suffix in ["", *(f"-{n:02d}" for n in range(1, 100))]:
        path = root / f"{stamp}{suffix}"
        if not path.exists() and not journal_path(path).exists():
            return path
    raise FileExistsError(f"too many backups in the same second: {root / stamp}")


def write_manifest(entry: HistoryEntry) -> None:
    data = json.dumps(entry.as_json(), ensure_ascii=False, indent=2).encode("utf-8")
    replace_atomically(entry.path / MANIFEST, data)


def read_entry(path: Path) -> HistoryEntry | None:
    """The complete backup in ``path``, or ``None`` (no or unreadable manifest, or a journal).

    The journal is looked for *after* the manifest was read: it is deleted only after the
    manifest was written, so a manifest found and then no journal is a completed change (or,
    for a reader without the lock, one rolled back in between: undo reads again under the lock).
    """
    if not _ENTRY_NAME.match(path.name):
        return None
    try:
        data = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        entry = HistoryEntry(
            id=path.name,
            path=path,
            kind=str(data["kind"]),
            created=dt.datetime.fromisoformat(data["created"]),
            before=str(data["before"]),
            after=data.get("after"),
            files={str(k): str(v) for k, v in dict(data["files"]).items()},
            undoes=data.get("undoes"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return None if journal_path(path).exists() else entry


def read_history(folder: Path) -> list[HistoryEntry]:
    """Every complete backup of ``folder``, newest first, as it is on disk now (no recovery).

    :func:`storage.recovery.list_history` is the one to call; this is for callers holding the lock.
    """
    root = history_dir(folder)
    if not root.is_dir():
        return []
    found = (read_entry(path) for path in root.iterdir() if path.is_dir())
    entries = sorted((e for e in found if e is not None), key=lambda e: e.id)
    undone_by = {e.undoes: e.id for e in entries if e.kind == "undo" and e.undoes}
    return [dataclasses.replace(e, undone_by=undone_by.get(e.id)) for e in reversed(entries)]


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
