"""Validate an upload *together with* the current tables, before anything is written.

The current table files and the uploaded ones are copied into a temporary folder, exactly as
the data folder would look after the save, and that folder goes through
:func:`loaders.load_dataset`: so foreign keys are checked across old and new tables, and the
problems name the rows of the uploaded files. The result, a :class:`Proposal`, also holds what
the save would write and remove, the diff against the current data and the fingerprint of the
folder it was checked against (a save refuses if the folder changed since).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from loaders import LoadResult, Problem, folder_fingerprint, load_dataset, table_files
from loaders.archive import DEFAULT_LIMITS, ArchiveLimits
from storage.diff import TableDiff, diff_datasets
from storage.intake import Intake
from storage.names import table_of
from storage.recovery import recover


class _Snapshots(Protocol):
    def snapshot(self) -> FolderSnapshot: ...


@dataclass(frozen=True)
class FolderSnapshot:
    """The table files of a folder as read at one moment: name → bytes, and their fingerprint."""

    files: dict[str, bytes]
    fingerprint: str


def snapshot(folder: Path) -> FolderSnapshot:
    """The table files of ``folder``, after rolling back an interrupted change (:mod:`storage.recovery`)."""
    recover(folder)
    return read_snapshot(folder)


def read_snapshot(folder: Path) -> FolderSnapshot:
    """The table files as they are on disk now: for a caller that holds the lock and recovered."""
    tables, _ = table_files(folder)
    files = {path.name: path.read_bytes() for paths in tables.values() for path in paths}
    # the fingerprint of exactly the bytes read (the folder may change meanwhile)
    return FolderSnapshot(files, fingerprint_of(files))


def fingerprint_of(files: Mapping[str, bytes]) -> str:
    """What :func:`loaders.folder_fingerprint` gives for a folder holding exactly ``files``."""
    with tempfile.TemporaryDirectory(prefix="coworking-fingerprint-") as tmp:
        return folder_fingerprint(_write_all(Path(tmp), files))


def _write_all(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def load_files(files: Mapping[str, bytes], limits: ArchiveLimits = DEFAULT_LIMITS) -> LoadResult:
    """Load a data folder made of ``files`` (name → bytes) in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="coworking-staged-") as tmp:
        _write_all(Path(tmp), files)
        return load_dataset(Path(tmp), limits)


def files_after(
    current: Mapping[str, bytes], writes: Mapping[str, bytes], removes: tuple[str, ...]
) -> dict[str, bytes]:
    """The table files the folder would hold after writing ``writes`` and removing ``removes``."""
    after = {name: data for name, data in current.items() if name not in removes}
    after.update(writes)
    return after


def plan_for(current: Mapping[str, bytes], intake: Intake) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """New bytes per file name, and the current files they replace under another name.

    ``events.xlsx`` uploaded over ``events.csv``: write ``events.xlsx``, remove ``events.csv``
    (a table is one file). A current file of the same table and name is simply replaced.
    """
    writes = {incoming.name: incoming.data for incoming in intake.files.values()}
    removes = tuple(
        name
        for name in current
        if (table := table_of(name)) in intake.files and name != intake.files[table].name
    )
    return writes, removes


@dataclass
class Proposal:
    """An upload checked against the current data: what a save would do and whether it may."""

    base_fingerprint: str
    intake: Intake
    writes: dict[str, bytes] = field(default_factory=dict)
    removes: tuple[str, ...] = ()
    #: the data folder as it would be after the save, loaded (``None`` when the intake failed)
    result: LoadResult | None = None
    #: per uploaded table; ``None`` when the current data cannot be loaded to compare with
    diffs: list[TableDiff] | None = None
    #: names whose bytes differ from the current file (or that are new)
    changed_files: tuple[str, ...] = ()

    @property
    def problems(self) -> list[Problem]:
        return self.intake.problems + (self.result.problems if self.result else [])

    @property
    def ok(self) -> bool:
        return self.intake.ok and self.result is not None and self.result.ok

    @property
    def has_changes(self) -> bool:
        return bool(self.changed_files or self.removes)

    @property
    def can_save(self) -> bool:
        return self.ok and self.has_changes


def stage(
    source: Path | _Snapshots, intake: Intake, current: LoadResult | None = None,
    limits: ArchiveLimits = DEFAULT_LIMITS,
) -> Proposal:
    """Check ``intake`` against the table files now in ``source``: a folder, or a store
    (:mod:`storage.store`: the folder's or a database LAG's, whose tables come as table files).

    ``current`` is the app's load of the data, reused for the diff when its fingerprint is the
    one read here (otherwise the current files are loaded again).
    """
    now = snapshot(source) if isinstance(source, Path) else source.snapshot()
    proposal = Proposal(base_fingerprint=now.fingerprint, intake=intake)
    if not intake.files or not intake.ok:
        return proposal
    writes, removes = plan_for(now.files, intake)
    proposal.writes, proposal.removes = writes, removes
    proposal.changed_files = tuple(name for name, data in writes.items() if now.files.get(name) != data)
    proposal.result = load_files(files_after(now.files, writes, removes), limits)
    if current is None or current.fingerprint != now.fingerprint:
        current = load_files(now.files, limits)
    if proposal.result.dataset is not None and current.dataset is not None:
        proposal.diffs = diff_datasets(current.dataset, proposal.result.dataset, list(intake.files))
    return proposal
