"""``python -m storage make-key`` and ``python -m storage rekey`` (storage/cli.py, storage/rekey.py).

The re-keying runs on a copy of the demo data in which some residents and attendance rows carry
keyed pseudonyms of names under the key OLD, as sign-in lists leave them.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from config.settings import ENV_PSEUDONYM_KEY
from loaders import load_dataset
from storage import rekey as rekey_module
from storage.cli import main
from storage.editing import editable_table, table_file_bytes
from storage.history import HISTORY_DIR
from storage.pseudonyms import KeyChain, is_pseudonym, rekeyed
from storage.rekey import RekeyRefused, rekey_folder
from storage.save import undo_last_save
from storage.settings import StorageSettings
from storage.staging import snapshot
from tests.storage_helpers import data_files

OLD = "old-key-of-the-partnership-0001"
NEW = "new-key-of-the-partnership-0002"
ANNA, JANIS, ILZE = "Anna Bērziņa", "Jānis Ozoliņš", "Ilze Kalniņa"


def pid(name: str, *keys: str) -> str:
    return KeyChain(keys or (OLD,)).pseudonym(name)


def _replace(folder: Path, table: str, column: str, mapping: dict[str, str]) -> None:
    editable = editable_table(folder, table)
    frame = editable.frame.copy()
    assert set(mapping) <= set(frame[column].dropna()), (table, mapping)
    frame[column] = pd.Series([mapping.get(v, v) for v in frame[column]], dtype=object, index=frame.index)
    data = table_file_bytes(table, frame, editable.file_name, editable.extra_columns,
                            original=editable.original_columns)
    (folder / editable.file_name).write_bytes(data)


@pytest.fixture(autouse=True)
def no_configured_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_PSEUDONYM_KEY, raising=False)


@pytest.fixture
def folder(demo_copy: Path) -> Path:
    """The demo data with residents R0002 (Anna) and R0003 (Ilze) and attendance G0002 (Jānis) and
    G0023 (Anna again: the resident who also came to events) as pseudonyms under OLD."""
    residents = {"R0002": pid(ANNA), "R0003": pid(ILZE)}
    _replace(demo_copy, "residents", "resident_id", residents)
    outcomes = editable_table(demo_copy, "outcomes").frame
    referenced = {k: v for k, v in residents.items() if k in set(outcomes["resident_id"].dropna())}
    if referenced:
        _replace(demo_copy, "outcomes", "resident_id", referenced)
    _replace(demo_copy, "attendance", "person_id", {"G0002": pid(JANIS), "G0023": pid(ANNA)})
    result = load_dataset(demo_copy)
    assert result.ok, result.errors
    return demo_copy


def _frames(folder: Path) -> dict[str, pd.DataFrame]:
    return {table: editable_table(folder, table).frame for table in ("residents", "attendance", "outcomes")}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- make-key ------------------------------------------------------------------------------------


def test_make_key_prints_one_line_that_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "make-key")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 1
    prefix = f"{ENV_PSEUDONYM_KEY}='"
    assert lines[0].startswith(prefix) and lines[0].endswith("'")
    chain = KeyChain.parse(lines[0][len(prefix):-1])
    assert len(chain.keys) == 1
    assert "drošā vietā" in err and chain.keys[0] not in err

    code, again, err_en = run(capsys, "make-key", "--lang", "en")
    assert code == 0 and again != out
    assert "Keep this key safe" in err_en


# --- rekey ---------------------------------------------------------------------------------------


def test_rekey_changes_the_pseudonyms_and_keeps_everything_else(folder: Path, capsys) -> None:
    before = _frames(folder)
    files_before = data_files(folder)
    code, out, err = run(capsys, "rekey", OLD, NEW, str(folder))
    assert code == 0, err
    assert err == ""
    after = _frames(folder)

    for table, column in (("residents", "resident_id"), ("attendance", "person_id"), ("outcomes", "resident_id")):
        old_values, new_values = before[table][column].tolist(), after[table][column].tolist()
        assert len(old_values) == len(new_values)
        for old_value, new_value in zip(old_values, new_values, strict=True):
            if is_pseudonym(old_value):
                assert new_value == rekeyed(NEW, old_value) != old_value
            else:
                assert new_value == old_value  # R0001, G0166, empty cells
        others = [c for c in before[table].columns if c != column]
        pd.testing.assert_frame_equal(before[table][others], after[table][others])

    # the same names give the new ids through the chain, in both tables
    chain = KeyChain((OLD, NEW))
    residents = after["residents"]["resident_id"].tolist()
    attendance = after["attendance"]["person_id"].tolist()
    assert residents[1] == chain.pseudonym(ANNA) and residents[2] == chain.pseudonym(ILZE)
    assert chain.pseudonym(ANNA) in attendance and chain.pseudonym(JANIS) in attendance
    assert pid(ANNA) not in attendance and pid(ANNA) not in residents
    # the resident who came to events is still one person (as the demo's R… residents in attendance are)
    assert {v for v in set(residents) & set(attendance) if is_pseudonym(v)} == {chain.pseudonym(ANNA)}
    assert {v for v in set(before["residents"]["resident_id"]) & set(before["attendance"]["person_id"])
            if not is_pseudonym(v)} <= set(residents) & set(attendance)
    assert load_dataset(folder).ok

    # the output: counts per table, the backup, the setting line
    lines = out.splitlines()
    assert f"{ENV_PSEUDONYM_KEY}='{OLD} {NEW}'" in lines
    assert "dažādo ID skaits: 3" in lines[0]
    n_attendance = sum(v in (pid(JANIS), pid(ANNA)) for v in before["attendance"]["person_id"])
    assert "  residents.resident_id: 2" in lines
    assert f"  attendance.person_id: {n_attendance}" in lines
    history = sorted((folder / HISTORY_DIR).iterdir())
    entries = [p for p in history if p.is_dir()]
    assert len(entries) == 1
    assert str(entries[0]) in out
    changed = {name for name, data in data_files(folder).items() if files_before.get(name) != data}
    assert {"residents.csv", "attendance.csv"} <= changed
    for name in changed:
        assert (entries[0] / name).read_bytes() == files_before[name]  # the backup of each changed file

    # undo on the Data page puts the old ids back
    settings = StorageSettings()
    undo_last_save(folder, snapshot(folder).fingerprint, settings)
    assert data_files(folder) == files_before


def test_rekey_again_with_the_chain(folder: Path, capsys) -> None:
    assert run(capsys, "rekey", OLD, NEW, str(folder))[0] == 0
    third = "third-key-of-the-partnership-3"
    code, out, _ = run(capsys, "rekey", f"{OLD} {NEW}", third, str(folder), "--lang", "en")
    assert code == 0
    assert f"{ENV_PSEUDONYM_KEY}='{OLD} {NEW} {third}'" in out.splitlines()
    chain = KeyChain((OLD, NEW, third))
    assert editable_table(folder, "residents").frame["resident_id"][1] == chain.pseudonym(ANNA)


def test_rekey_in_english(folder: Path, capsys) -> None:
    code, out, _ = run(capsys, "rekey", OLD, NEW, str(folder), "--lang", "en")
    assert code == 0
    assert "re-keyed" in out and "Keep the old key in the chain" in out


def test_nothing_to_rekey(demo_copy: Path, capsys) -> None:
    files_before = data_files(demo_copy)
    code, out, _ = run(capsys, "rekey", OLD, NEW, str(demo_copy))
    assert code == 0
    assert "Nekas netika mainīts" in out
    assert ENV_PSEUDONYM_KEY not in out and NEW not in out
    assert data_files(demo_copy) == files_before
    assert not (demo_copy / HISTORY_DIR).exists() or not any(p.is_dir() for p in (demo_copy / HISTORY_DIR).iterdir())


@pytest.mark.parametrize(
    ("old", "new"),
    [("short", NEW), (OLD, "short"), ("", NEW), (OLD, "   "), (OLD, f"{NEW} {NEW}x"), (f"{OLD} {NEW}", NEW),
     (OLD, OLD)],
    ids=["old-short", "new-short", "old-missing", "new-missing", "new-two-keys", "new-in-chain", "new-is-old"],
)
def test_refused_keys(folder: Path, capsys, old: str, new: str) -> None:
    files_before = data_files(folder)
    code, out, err = run(capsys, "rekey", old, new, str(folder))
    assert code == 2
    assert out == "" and err.strip()
    assert data_files(folder) == files_before
    assert not (folder / HISTORY_DIR).exists()


def test_short_key_message(folder: Path, capsys) -> None:
    _, _, err = run(capsys, "rekey", "short", NEW, str(folder))
    assert "OLD" in err and "par īsu" in err


def test_not_a_folder(tmp_path: Path, capsys) -> None:
    a_file = tmp_path / "residents.csv"
    a_file.write_text("x", encoding="utf-8")
    assert run(capsys, "rekey", OLD, NEW, str(a_file))[0] == 2
    assert run(capsys, "rekey", OLD, NEW, str(tmp_path / "missing"))[0] == 2


def test_data_with_errors(folder: Path, capsys) -> None:
    events = editable_table(folder, "events")
    frame = events.frame.copy()
    frame.loc[0, "starts_on"] = "31.02.2019"  # no such day
    (folder / events.file_name).write_bytes(
        table_file_bytes("events", frame, events.file_name, events.extra_columns, original=events.original_columns))
    files_before = data_files(folder)
    code, out, err = run(capsys, "rekey", OLD, NEW, str(folder))
    assert code == 1
    assert "vispirms izlabojiet datus" in err and "events.csv" in err
    assert out == ""
    assert data_files(folder) == files_before
    assert not (folder / HISTORY_DIR).exists()


def test_a_collision_is_refused(folder: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rekey_module, "rekeyed", lambda *_: "P-000000")
    files_before = data_files(folder)
    code, out, err = run(capsys, "rekey", OLD, NEW, str(folder))
    assert code == 1
    assert pid(ANNA) in err and out == ""
    assert data_files(folder) == files_before
    assert not (folder / HISTORY_DIR).exists()


def test_a_warning_when_old_is_not_the_configured_key(folder: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv(ENV_PSEUDONYM_KEY, "another-key-configured-here-0")
    code, _, err = run(capsys, "rekey", OLD, NEW, str(folder))
    assert code == 0 and "Brīdinājums" in err
    monkeypatch.setenv(ENV_PSEUDONYM_KEY, f"{OLD} {NEW}")
    third = "third-key-of-the-partnership-3"
    code, _, err = run(capsys, "rekey", f"{OLD}  {NEW}", third, str(folder))
    assert code == 0 and err == ""


def test_rekey_folder_returns_what_it_did(folder: Path) -> None:
    result = rekey_folder(folder, KeyChain((OLD,)), NEW, StorageSettings())
    assert result.changed and result.chain.keys == (OLD, NEW)
    assert result.counts["residents"] == 2 and result.ids == 3
    assert (folder / HISTORY_DIR / str(result.entry_id)).is_dir()
    assert result.fingerprint == snapshot(folder).fingerprint
    with pytest.raises(RekeyRefused) as refused:
        rekey_folder(folder, result.chain, NEW, StorageSettings())
    assert refused.value.rule == "new_in_chain"
