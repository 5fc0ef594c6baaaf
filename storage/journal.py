"""The journal that makes a change of several files all-or-nothing, even if the process is killed.

``os.replace`` is atomic for one file, not for several: a process killed (SIGKILL, a power cut)
between two renames would leave a new ``events.csv`` beside the old ``projects.csv``, and the
folder would load as if nothing had happened. So a save or an undo
(:func:`storage.transaction.apply`, under the folder's lock) goes in this order:

1. the journal ``.history/<entry>.journal`` is written and synced, with ``.history``: the kind of
   change, the folder's fingerprints, and per file its action (``replaced``, ``created``,
   ``removed``) with the SHA-256 of its bytes before and after (``None``: no file);
2. the history entry ``.history/<entry>/`` gets the backup copies, then its manifest (synced);
3. the new bytes go to synced temporary files beside their targets; the data folder is synced
   (so a ``.history`` made by this very save is on disk too);
4. the temporaries are renamed over the targets, the removed files deleted, the folder synced;
5. the journal is deleted and ``.history`` synced: this is the moment the change happened.

An entry counts only once its journal is gone (:func:`storage.history.read_entry`), so the
history and undo never offer a change that did not finish. A journal that is still there means
the change was interrupted: :func:`storage.transaction.roll_back` puts every file back from the
backup copies (complete since step 2, before the first rename), deletes the entry, and only then
the journal; killed half way, it is simply run again (:mod:`storage.recovery`). Back, not
forward: the backups are complete before anything changes, the new bytes are gone once renamed,
and the person who saved was never told it worked.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from storage.atomic import fsync_dir, replace_atomically
from storage.history import CREATED, JOURNAL_SUFFIX, REMOVED, REPLACED, history_dir, is_entry_name, journal_path
from storage.names import base_name, table_of

_DIGEST = re.compile(r"^[0-9a-f]{64}$")
#: per action, whether the file exists before and after the change
_PRESENT = {REPLACED: (True, True), CREATED: (False, True), REMOVED: (True, False)}


@dataclass(frozen=True)
class FileChange:
    """What the change does to one file: SHA-256 of its bytes before and after (``None``: absent)."""

    action: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Journal:
    kind: str
    #: the folder's fingerprints before and after the change (as in the entry's manifest)
    before: str
    after: str | None
    files: dict[str, FileChange]

    def as_json(self) -> dict:
        return {
            "kind": self.kind,
            "before": self.before,
            "after": self.after,
            "files": {name: vars(change) for name, change in self.files.items()},
        }


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    """The SHA-256 of the file's bytes, ``None`` when there is no such file."""
    try:
        return digest(path.read_bytes())
    except FileNotFoundError:
        return None


def write_journal(entry_path: Path, journal: Journal) -> None:
    entry_path.parent.mkdir(exist_ok=True)
    data = json.dumps(journal.as_json(), ensure_ascii=False, indent=2).encode("utf-8")
    replace_atomically(journal_path(entry_path), data)


def remove_journal(entry_path: Path) -> None:
    journal_path(entry_path).unlink(missing_ok=True)
    fsync_dir(entry_path.parent)


def unfinished(folder: Path) -> list[Path]:
    """The entries (not necessarily created yet) whose journal is still there, newest first."""
    root = history_dir(folder)
    if not root.is_dir():
        return []
    names = (path.name.removesuffix(JOURNAL_SUFFIX) for path in root.glob(f"*{JOURNAL_SUFFIX}"))
    return [root / name for name in sorted(names, reverse=True)]


def read_journal(entry_path: Path) -> Journal:
    """The journal of ``entry_path``; ``ValueError`` when it is not one this module wrote.

    It is data on disk, and rolling back writes and deletes what it names: only table file names
    of the folder itself, with actions and digests that fit together, are accepted.
    """
    try:
        data = json.loads(journal_path(entry_path).read_text(encoding="utf-8"))
        journal = Journal(
            kind=str(data["kind"]),
            before=str(data["before"]),
            after=data.get("after"),
            files={str(name): FileChange(**change) for name, change in dict(data["files"]).items()},
        )
    except (OSError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"unreadable journal {journal_path(entry_path)}: {exc}") from exc
    if not is_entry_name(entry_path.name) or not all(_valid(n, c) for n, c in journal.files.items()):
        raise ValueError(f"unexpected content in {journal_path(entry_path)}")
    return journal


def _valid(name: str, change: FileChange) -> bool:
    present = (change.before is not None, change.after is not None)
    digests = [d for d in (change.before, change.after) if d is not None]
    return (
        base_name(name) == name
        and table_of(name) is not None
        and _PRESENT.get(change.action) == present
        and all(isinstance(d, str) and _DIGEST.match(d) for d in digests)
    )
