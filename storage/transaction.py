"""All-or-nothing change of several files in one folder.

1. the files about to be replaced or removed are copied (synced) into the backup folder;
2. every new file is written to a temporary file beside its target, flushed and fsynced;
3. only then are the temporaries renamed over the targets (``os.replace``) and the removed files
   deleted.

If anything fails in 2 or 3 (disk full, an exception), what was already done is undone from
the backup copies, so the folder holds the same bytes as before, and the error is raised as
:class:`ChangeFailed`. Only when even that fails is the backup kept and named in the error.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from storage.atomic import copy_synced, fsync_dir, temp_path, write_synced
from storage.history import CREATED, REMOVED, REPLACED


class ChangeFailed(Exception):
    """The change was not made. ``restored`` is False only if the folder could not be put back."""

    def __init__(self, cause: BaseException, restored: bool) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.cause = cause
        self.restored = restored


@dataclass(frozen=True)
class Plan:
    """What to do: new bytes per file name, and names to delete (all inside one folder)."""

    writes: Mapping[str, bytes]
    removes: Sequence[str] = ()

    def actions(self, folder: Path) -> dict[str, str]:
        actions = {name: REPLACED if (folder / name).exists() else CREATED for name in self.writes}
        actions.update({name: REMOVED for name in self.removes if (folder / name).exists()})
        return actions


def apply(folder: Path, plan: Plan, backup: Path) -> dict[str, str]:
    """Make the change with ``backup`` holding the previous versions; return the per-file actions."""
    actions = plan.actions(folder)
    for name, action in actions.items():
        if action != CREATED:
            copy_synced(folder / name, backup / name)
    fsync_dir(backup)

    temps: dict[str, Path] = {}
    done: list[str] = []
    try:
        for name, data in plan.writes.items():
            temps[name] = temp_path(folder / name)
            write_synced(temps[name], data)
        for name in plan.writes:
            os.replace(temps[name], folder / name)
            done.append(name)
        for name in plan.removes:
            if actions.get(name) == REMOVED:
                os.unlink(folder / name)
                done.append(name)
        fsync_dir(folder)
    except BaseException as exc:
        restored = _roll_back(folder, backup, actions, done)
        if not isinstance(exc, Exception):
            raise  # an interrupt: the folder is restored, let it through as it is
        raise ChangeFailed(exc, restored) from exc
    finally:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return actions


def _roll_back(folder: Path, backup: Path, actions: dict[str, str], done: list[str]) -> bool:
    """Undo the steps in ``done`` from the backup copies; True when every one was undone."""
    restored = True
    for name in reversed(done):
        try:
            if actions[name] == CREATED:
                (folder / name).unlink(missing_ok=True)
            else:
                _restore(backup / name, folder / name)
        except Exception:  # keep restoring the other files whatever went wrong with this one
            restored = False
    fsync_dir(folder)
    return restored


def _restore(copy: Path, target: Path) -> None:
    """Put the backup copy back (bytes and modification time), atomically when possible."""
    temp = temp_path(target)
    try:
        copy_synced(copy, temp)
        try:
            os.replace(temp, target)
        except Exception:
            # renaming is what failed: write the bytes in place rather than leave the file changed
            with target.open("wb") as handle:
                handle.write(copy.read_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            stat = copy.stat()
            os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    finally:
        temp.unlink(missing_ok=True)
