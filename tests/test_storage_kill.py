"""A save, an undo or a recovery killed with SIGKILL at any step loses nothing (issue 12).

The change runs in a forked child (the imports are done once, so each kill costs milliseconds)
whose ``os.replace``, ``os.unlink`` and ``shutil.rmtree`` inside the data folder are counted; the
child kills itself just before step N, for every N, and once more after the last step. Then the
next storage call must find the folder all-old or all-new (compared byte for byte), no temporary
file, and a history that agrees: an entry exactly when the new files are in place.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from loaders import load_dataset
from storage import (
    SaveFailed,
    StorageSettings,
    last_undoable,
    list_history,
    recover,
    save_change,
    snapshot,
    undo_last_save,
)
from storage.staging import files_after, load_files
from tests.storage_helpers import data_files

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kills a forked child (POSIX)")

DEMO = Path(__file__).resolve().parents[1] / "data"
SETTINGS = StorageSettings()
T0 = dt.datetime(2026, 11, 26, 10, 15, 0).astimezone()
ENTRY = "2026-11-26T10-15-00"
UNDO_AT = T0 + dt.timedelta(minutes=1)

Step = tuple[str, str]


class Steps:
    """Counts renames and deletions inside ``folder``; SIGKILLs the process before step ``kill_at``."""

    def __init__(self, folder: Path, kill_at: int | None = None) -> None:
        self.folder, self.kill_at = folder, kill_at
        self.done: list[Step] = []
        self.real = (os.replace, os.unlink, shutil.rmtree)

    def install(self, set_attr: Callable[[object, str, object], None]) -> None:
        set_attr(os, "replace", self.replace)
        set_attr(os, "unlink", self.unlink)
        set_attr(shutil, "rmtree", self.rmtree)

    def _inside(self, path: object) -> str | None:
        path = Path(os.fspath(path))  # type: ignore[arg-type]
        return str(path.relative_to(self.folder)) if path.is_absolute() and self.folder in path.parents else None

    def _step(self, kind: str, name: str) -> None:
        if len(self.done) == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        self.done.append((kind, name))

    def replace(self, src, dst, *args, **kwargs):
        if (name := self._inside(dst)) is not None:
            self._step("replace", name)
        return self.real[0](src, dst, *args, **kwargs)

    def unlink(self, path, *args, **kwargs):
        # with dir_fd: a file inside a tree being removed (counted as the rmtree); a missing file: no step
        if "dir_fd" not in kwargs and (name := self._inside(path)) is not None and os.path.lexists(path):
            self._step("unlink", name)
        return self.real[1](path, *args, **kwargs)

    def rmtree(self, path, *args, **kwargs):
        if (name := self._inside(path)) is not None and os.path.lexists(path):
            self._step("rmtree", name)
        return self.real[2](path, *args, **kwargs)


def steps_of(folder: Path, action: Callable[[], object], monkeypatch: pytest.MonkeyPatch) -> list[Step]:
    """The steps ``action`` takes in ``folder`` (run here, to completion)."""
    steps = Steps(folder)
    with monkeypatch.context() as patch:
        steps.install(patch.setattr)
        action()
    return steps.done


def run_killed(folder: Path, action: Callable[[], object], kill_at: int) -> None:
    """Run ``action`` in a forked child killed before its step ``kill_at`` (or right after its end)."""
    pid = os.fork()
    if pid == 0:  # the child: never returns to pytest
        try:
            Steps(folder, kill_at).install(setattr)
            action()
            os.kill(os.getpid(), signal.SIGKILL)
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == -signal.SIGKILL, "the child failed instead of being killed"


def temporaries(folder: Path) -> list[str]:
    return [str(p.relative_to(folder)) for p in folder.rglob("*") if p.name.endswith((".tmp", ".journal"))]


def edited(data: bytes, old: bytes, new: bytes) -> bytes:
    assert data.count(old) == 1
    return data.replace(old, new)


@pytest.fixture(scope="module")
def demo_save(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The demo data without ``event_stops.csv``, and a save that touches four files.

    ``events.csv`` and ``projects.csv`` replaced, ``event_stops.csv`` created, ``attendance.csv``
    removed; its validation is done once here (the save reuses it, as a checked upload's is).
    """
    base = tmp_path_factory.mktemp("demo") / "data"
    shutil.copytree(DEMO, base)
    (base / "event_stops.csv").unlink()
    old = data_files(base)
    writes = {
        "events.csv": edited(old["events.csv"], b";workshop;24.10.2018;", b";workshop;25.10.2018;"),
        "projects.csv": edited(old["projects.csv"], b";30;600;250", b";31;600;250"),
        "event_stops.csv": (DEMO / "event_stops.csv").read_bytes(),
    }
    removes = ("attendance.csv",)
    new = files_after(old, writes, removes)
    validated = load_files(new)
    assert validated.ok
    return {"base": base, "old": old, "new": new, "writes": writes, "removes": removes, "validated": validated}


def copy_of(source: Path, tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    shutil.copytree(source, folder)
    return folder


def saving(folder: Path, demo_save: dict) -> Callable[[], object]:
    fingerprint = snapshot(folder).fingerprint
    return lambda: save_change(folder, demo_save["writes"], demo_save["removes"], fingerprint, SETTINGS, now=T0,
                               validated=demo_save["validated"])


def test_the_steps_of_a_save_are_the_ones_a_kill_can_interrupt(demo_save: dict, tmp_path: Path, monkeypatch) -> None:
    folder = copy_of(demo_save["base"], tmp_path, "data")
    assert steps_of(folder, saving(folder, demo_save), monkeypatch) == [
        ("replace", f".history/{ENTRY}.journal"),  # the journal: from here on, a kill is rolled back
        ("replace", f".history/{ENTRY}/manifest.json"),  # after the backup copies
        ("replace", "events.csv"),
        ("replace", "projects.csv"),
        ("replace", "event_stops.csv"),
        ("unlink", "attendance.csv"),
        ("unlink", f".history/{ENTRY}.journal"),  # the moment the save happened
    ]


@pytest.mark.parametrize("kill_at", range(8))
def test_a_save_killed_at_any_step_leaves_the_old_or_the_new_folder(
    demo_save: dict, tmp_path: Path, kill_at: int
) -> None:
    folder = copy_of(demo_save["base"], tmp_path, "data")
    run_killed(folder, saving(folder, demo_save), kill_at)
    completed = kill_at == 7

    report = recover(folder)

    assert data_files(folder) == (demo_save["new"] if completed else demo_save["old"])
    assert temporaries(folder) == []
    if kill_at == 0:  # before the journal was in place: only its temporary file is left
        assert report.rolled_back == () and len(report.temporaries) == 1
    elif kill_at < 7:  # a journal was there: the save is rolled back, and the report says what
        (change,) = report.rolled_back
        replaced = ["events.csv", "projects.csv"][: max(0, kill_at - 2)]
        assert (change.entry, change.kind) == (ENTRY, "save")
        assert change.restored == (*replaced, *(["attendance.csv"] if kill_at == 6 else []))
        assert change.deleted == (("event_stops.csv",) if kill_at >= 5 else ())
    else:
        assert report is None
    assert recover(folder) is None  # done once and for all
    loaded = load_dataset(folder)
    assert loaded.ok and loaded.fingerprint == snapshot(folder).fingerprint
    history = list_history(folder)
    assert [entry.id for entry in history] == ([ENTRY] if completed else [])
    assert sorted(p.name for p in (folder / ".history").iterdir()) == ([ENTRY] if completed else [])
    if completed:
        undo_last_save(folder, snapshot(folder).fingerprint, SETTINGS, now=UNDO_AT)
        assert data_files(folder) == demo_save["old"]


@pytest.fixture(scope="module")
def saved(demo_save: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo folder after the save, completed."""
    folder = copy_of(demo_save["base"], tmp_path_factory.mktemp("saved"), "data")
    saving(folder, demo_save)()
    assert data_files(folder) == demo_save["new"]
    return folder


def undoing(folder: Path) -> Callable[[], object]:
    fingerprint = snapshot(folder).fingerprint
    return lambda: undo_last_save(folder, fingerprint, SETTINGS, now=UNDO_AT)


def test_an_undo_killed_at_any_step_leaves_the_save_or_its_undo(
    demo_save: dict, saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dry_run = copy_of(saved, tmp_path, "dry-run")
    steps = steps_of(dry_run, undoing(dry_run), monkeypatch)
    assert steps[0][0] == "replace" and steps[0][1].endswith(".journal") and steps[-1][0] == "unlink"
    for kill_at in range(len(steps) + 1):
        folder = copy_of(saved, tmp_path, f"undo-{kill_at}")
        run_killed(folder, undoing(folder), kill_at)
        history = list_history(folder)  # the first storage call recovers
        assert temporaries(folder) == []
        if kill_at < len(steps):
            assert data_files(folder) == demo_save["new"]
            assert [entry.id for entry in history] == [ENTRY]
            assert last_undoable(folder).id == ENTRY  # the save can still be undone
        else:
            assert data_files(folder) == demo_save["old"]
            assert [entry.kind for entry in history] == ["undo", "save"]
            assert history[1].undone_by == history[0].id and last_undoable(folder) is None


@pytest.mark.parametrize("save_killed_at", [4, 6])
def test_a_recovery_killed_at_any_step_is_finished_by_the_next_call(
    demo_save: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, save_killed_at: int
) -> None:
    interrupted = copy_of(demo_save["base"], tmp_path, "interrupted")
    run_killed(interrupted, saving(interrupted, demo_save), save_killed_at)
    assert (interrupted / ".history" / f"{ENTRY}.journal").exists()  # at 6 every file is new, yet not saved
    if save_killed_at == 4:
        assert data_files(interrupted) not in (demo_save["old"], demo_save["new"])  # mixed: what recovery is for

    dry_run = copy_of(interrupted, tmp_path, "dry-run")
    steps = steps_of(dry_run, lambda: recover(dry_run), monkeypatch)
    assert ("rmtree", f".history/{ENTRY}") in steps and steps[-1][1].endswith(".tmp") == (save_killed_at == 4)
    for kill_at in range(len(steps) + 1):
        folder = copy_of(interrupted, tmp_path, f"recovery-{kill_at}")
        run_killed(folder, lambda folder=folder: recover(folder), kill_at)
        assert (recover(folder) is None) == (kill_at == len(steps))
        assert data_files(folder) == demo_save["old"]
        assert temporaries(folder) == [] and list(folder.joinpath(".history").iterdir()) == []
        assert list_history(folder) == []


def test_the_next_save_rolls_back_the_interrupted_one_first(demo_save: dict, tmp_path: Path) -> None:
    folder = copy_of(demo_save["base"], tmp_path, "data")
    old_fingerprint = snapshot(folder).fingerprint
    run_killed(folder, saving(folder, demo_save), 4)
    save_change(folder, demo_save["writes"], demo_save["removes"], old_fingerprint, SETTINGS, now=T0,
                validated=demo_save["validated"])
    assert data_files(folder) == demo_save["new"] and temporaries(folder) == []
    assert [entry.id for entry in list_history(folder)] == [ENTRY]


def test_a_backup_that_does_not_match_the_journal_is_not_restored(demo_save: dict, tmp_path: Path) -> None:
    folder = copy_of(demo_save["base"], tmp_path, "data")
    run_killed(folder, saving(folder, demo_save), 4)
    (folder / ".history" / ENTRY / "events.csv").write_bytes(b"not what was there")
    with pytest.raises(SaveFailed) as failed:
        recover(folder)
    assert not failed.value.restored and failed.value.params["backup"].endswith(ENTRY)
    assert (folder / "events.csv").read_bytes() == demo_save["writes"]["events.csv"]  # not overwritten with junk
    assert (folder / "projects.csv").read_bytes() == demo_save["old"]["projects.csv"]  # the others are put back
    assert (folder / ".history" / f"{ENTRY}.journal").exists()
    with pytest.raises(SaveFailed):  # every later call refuses too, until someone looks
        list_history(folder)


def test_a_journal_cannot_make_recovery_touch_other_paths(demo_save: dict, tmp_path: Path) -> None:
    folder = copy_of(demo_save["base"], tmp_path, "data")
    run_killed(folder, saving(folder, demo_save), 4)
    journal = folder / ".history" / f"{ENTRY}.journal"
    journal.write_text(journal.read_text("utf-8").replace('"events.csv"', '"../outside.csv"'), "utf-8")
    (tmp_path / "outside.csv").write_text("stay")
    with pytest.raises(SaveFailed):
        recover(folder)
    assert (tmp_path / "outside.csv").read_text() == "stay"


def test_the_app_rolls_an_interrupted_save_back_and_says_so(app, demo_save: dict, tmp_path: Path, monkeypatch) -> None:
    from i18n import t

    folder = copy_of(demo_save["base"], tmp_path, "data")
    run_killed(folder, saving(folder, demo_save), 4)  # killed after events.csv and projects.csv were replaced
    monkeypatch.setenv("COWORKING_DATA_DIR", str(folder))

    at = app()
    assert not at.exception
    assert data_files(folder) == demo_save["old"] and temporaries(folder) == []
    banner = [w.value.replace("\\", "") for w in at.warning]  # file names are escaped for markdown
    assert t("data.recovered", "lv", files="events.csv, projects.csv") in banner, banner

    later = app("app_pages/data.py")  # another person, later: the Data page says it
    assert not later.exception
    assert not [w for w in later.warning if w.value.startswith(t("data.recovered", "lv")[:20])]
    assert any(info.value.replace("\\", "") == t("data.recovered", "lv", files="events.csv, projects.csv")
               for info in later.info)
