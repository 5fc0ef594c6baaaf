"""A typed snapshot of the last validated folder: start without validating unchanged files again.

After a load without errors, the typed tables are written as Parquet into a hidden folder beside
the data folder (``/srv/pierigas/.dati.snapshot/`` for ``/srv/pierigas/dati``; the data folder
itself is never touched) with a manifest: the folder's fingerprint (SHA-256 over every table file's name and bytes), the
names of the other files the load warned about, the warnings, what was detected per file, and the
snapshot format with a hash of the data contract. The next load of the same folder hashes the files
(about 0.1 s for the country-scale 37 MB) and, when everything in the manifest matches, reads the
Parquet files instead of parsing and checking the CSV again. Anything that does not match (a file
changed, added or removed, another contract or format, a damaged snapshot) is never trusted: the
folder is loaded and checked as always, and the snapshot written anew.

Frames *derived* from the tables (the joins ``metrics.prepared`` computes once per dataset, about
ten seconds at EU scale) are kept in the same folder (:class:`DerivedFrames`), under the tables'
fingerprint and a version their owner chooses: computed once per change, read on every later start.

The snapshot is a cache: deleting it is always safe, and where it cannot be written (a read-only
parent folder) there is simply none.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from loaders.archive import DEFAULT_LIMITS, ArchiveLimits
from loaders.contract import TABLES
from loaders.dataset import Dataset, LoadResult, _scan, folder_fingerprint, load_dataset
from loaders.problems import FileInfo, Problem

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
#: bump when the loaders type a table differently: older snapshots are then ignored
FORMAT = 1


def snapshot_dir(folder: Path) -> Path:
    """The hidden folder beside ``folder`` that holds its snapshot."""
    folder = folder.resolve()
    return folder.parent / f".{folder.name}.snapshot"


def contract_hash() -> str:
    """A hash of the contract's declarations: another contract, another snapshot."""
    return hashlib.sha256(repr(sorted(TABLES.items())).encode("utf-8")).hexdigest()[:16]


def folder_key(folder: Path) -> dict | None:
    """What a snapshot must match: the table files' fingerprint and the names of the other files
    (``None`` when the folder has a table twice or a file that is not regular: load it properly)."""
    scan = _scan(folder)
    if any(len(paths) > 1 for paths in scan.tables.values()) or scan.irregular:
        return None
    try:
        fingerprint = folder_fingerprint([paths[0] for paths in scan.tables.values()])
    except OSError:
        return None
    return {"format": FORMAT, "contract": contract_hash(), "fingerprint": fingerprint,
            "others": sorted(p.name for p in scan.others)}


def load_folder(folder: Path | str, limits: ArchiveLimits = DEFAULT_LIMITS) -> LoadResult:
    """:func:`loaders.load_dataset` through the snapshot: the typed tables of an unchanged folder
    without validating them again, else a full load (and, when it is good, a new snapshot)."""
    folder = Path(folder)
    key = folder_key(folder)
    if key is not None:
        cached = read_snapshot(folder, key)
        if cached is not None:
            _remember_snapshot(cached, folder)
            return cached
    result = load_dataset(folder, limits)
    written = (key is not None and result.ok and result.dataset is not None
               and result.fingerprint == key["fingerprint"] and write_snapshot(folder, result, key))
    if written:
        _remember_snapshot(result, folder)
    return result


def read_snapshot(folder: Path, key: dict) -> LoadResult | None:
    """The snapshot's load when its manifest matches ``key`` exactly; ``None`` for anything else."""
    where = snapshot_dir(folder)
    try:
        manifest = json.loads((where / MANIFEST).read_text("utf-8"))
        if not isinstance(manifest, dict) or manifest.get("key") != key:
            return None
        frames = {name: pd.read_parquet(where / f"{name}.parquet") for name in TABLES}
        problems = [Problem(**entry) for entry in manifest["problems"]]
        files = {name: FileInfo(**info) for name, info in manifest["files"].items()}
    except FileNotFoundError:
        return None
    except Exception:  # a damaged snapshot is only a cache: load the folder instead
        log.warning("the snapshot in %s cannot be read; the folder is loaded again", where, exc_info=True)
        return None
    return LoadResult(folder=folder, dataset=Dataset(**frames), problems=problems, files=files,
                      fingerprint=key["fingerprint"])


def write_snapshot(folder: Path, result: LoadResult, key: dict) -> bool:
    """Write the snapshot of a good load (a new folder swapped in whole); a folder that cannot be
    written (read-only, full) keeps none, which only costs the next start its validation."""
    target = snapshot_dir(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{target.name}-", dir=target.parent))
        try:
            staging.chmod(0o755)  # readable like the data folder beside it (mkdtemp makes it private)
            for name in TABLES:
                result.dataset.table(name).to_parquet(staging / f"{name}.parquet")  # a RangeIndex as metadata only
            manifest = {
                "key": key,
                "problems": [dataclasses.asdict(p) for p in result.problems],
                "files": {name: dataclasses.asdict(info) for name, info in result.files.items()},
            }
            (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, default=str), "utf-8")
            old = target.with_name(f"{target.name}-old-{os.getpid()}")
            if target.exists():
                target.rename(old)
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        log.info("no snapshot written in %s (the folder cannot be written)", folder)
        return False
    return True


@dataclass(frozen=True)
class DerivedFrames:
    """Where frames derived from one snapshot's tables are kept: ``derived-<name>-<fingerprint>-<version>/``
    inside the snapshot folder, one Parquet file per frame.

    The folder name carries the tables' fingerprint, so frames written by a process that loaded
    older files are never read with newer ones (a new snapshot replaces the folder whole anyway);
    ``version`` is the deriving code's own (another computation, other frames).
    """

    snapshot: Path
    fingerprint: str

    def _where(self, name: str, version: str) -> Path:
        return self.snapshot / f"derived-{name}-{self.fingerprint[:16]}-{version}"

    def read(self, name: str, version: str) -> dict[str, pd.DataFrame] | None:
        """The frames kept under ``name`` and ``version``; ``None`` when there are none or they cannot be read."""
        where = self._where(name, version)
        try:
            return {path.stem: pd.read_parquet(path) for path in sorted(where.glob("*.parquet"))} or None
        except Exception:  # damaged: only a cache, the caller computes them again
            log.warning("derived frames in %s cannot be read; they are computed again", where, exc_info=True)
            return None

    def write(self, name: str, version: str, frames: dict[str, pd.DataFrame]) -> None:
        """Keep ``frames`` (written beside, then renamed in whole); nothing when the snapshot is gone or
        was replaced by a newer one meanwhile, or cannot be written."""
        target = self._where(name, version)
        try:
            manifest = json.loads((self.snapshot / MANIFEST).read_text("utf-8"))
            if manifest.get("key", {}).get("fingerprint") != self.fingerprint:
                return
            staging = Path(tempfile.mkdtemp(prefix=f"{target.name}-", dir=self.snapshot))
            try:
                staging.chmod(0o755)
                for frame_name, frame in frames.items():
                    frame.to_parquet(staging / f"{frame_name}.parquet")  # a RangeIndex as metadata only
                staging.rename(target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
        except (OSError, ValueError):  # gone, replaced, read-only, or another process got there first
            log.info("derived frames not kept in %s", self.snapshot)


#: the snapshot each loaded dataset came from or was written to (by identity; forgotten with the dataset)
_SNAPSHOTS: weakref.WeakKeyDictionary[Dataset, DerivedFrames] = weakref.WeakKeyDictionary()


def _remember_snapshot(result: LoadResult, folder: Path) -> None:
    if result.dataset is not None:
        _SNAPSHOTS[result.dataset] = DerivedFrames(snapshot_dir(folder), result.fingerprint)


def derived_frames(ds: Dataset) -> DerivedFrames | None:
    """Where frames derived from ``ds`` can be kept: its snapshot's, for a dataset loaded through
    :func:`load_folder`; ``None`` for any other (a database, a test's frames)."""
    return _SNAPSHOTS.get(ds)
