"""Durable file writes: a temporary file in the same folder, flushed and fsynced, then renamed."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from pathlib import Path

_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def temp_path(target: Path) -> Path:
    """A hidden temporary name next to ``target`` (the loaders ignore dot-files)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def is_temp_name(name: str) -> bool:
    """``name`` is one of :func:`temp_path`'s: a leftover when no change is going on."""
    return bool(_TEMP_NAME.match(name))


def write_synced(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` and make sure the bytes are on disk."""
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def copy_synced(source: Path, target: Path) -> None:
    """Copy bytes and modification time, then fsync the copy."""
    shutil.copy2(source, target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make renames and deletions in ``folder`` durable (not supported everywhere: best effort)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a synced temporary file beside ``target``, then ``os.replace`` it."""
    temp = temp_path(target)
    try:
        write_synced(temp, data)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    fsync_dir(target.parent)
