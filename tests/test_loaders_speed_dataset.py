"""The personal-data search runs on the other thread, with a copy of the conversion problems so far."""

from __future__ import annotations

from pathlib import Path

import pytest

import loaders.dataset as dataset
from loaders import load_dataset
from tests.helpers import valid_tables, write_folder

CODE = "120389-12345"


def test_a_code_in_a_number_column_and_in_a_text_column_are_both_found(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["residents"][0]["birth_year"] = CODE  # typed: searched because it did not parse
    tables["attendance"][0]["person_id"] = CODE
    result = load_dataset(write_folder(tmp_path, tables))
    found = {(p.table, p.column, p.rule) for p in result.errors}
    assert ("residents", "birth_year", "personal_code") in found
    assert ("residents", "birth_year", "type_int") in found  # and still not a whole number
    assert ("attendance", "person_id", "personal_code") in found
    assert all(CODE not in str(p.value) for p in result.problems)


def test_every_file_is_searched_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[str] = []
    real = dataset.check_personal_data

    def spy(raw, spec, file, log, unparsed=None) -> None:
        searched.extend(f"{spec.name}.{name}" for name in raw.columns)
        real(raw, spec, file, log, unparsed)

    monkeypatch.setattr(dataset, "check_personal_data", spy)
    result = load_dataset(write_folder(tmp_path))
    assert result.ok
    assert sorted(searched) == sorted(set(searched))
    assert {entry.split(".")[0] for entry in searched} >= {"residents", "attendance", "events", "spaces"}


def test_a_fault_in_the_search_is_its_files_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(raw, spec, file, log, unparsed=None) -> None:  # noqa: ARG001
        if spec.name == "events":
            raise MemoryError

    monkeypatch.setattr(dataset, "check_personal_data", broken)
    result = load_dataset(write_folder(tmp_path))
    assert not result.ok and result.dataset is None
    assert [(p.table, p.rule, p.value) for p in result.errors] == [("events", "file_failed", "MemoryError")]
