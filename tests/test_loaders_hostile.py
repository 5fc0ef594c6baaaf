"""Hostile files the review found getting through: each is refused or cleaned at its cell, never a crash.

Built on the minimal valid folder of ``tests/helpers.py`` (``rows[i]`` is spreadsheet row ``i + 2``).
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import openpyxl
import pytest

import loaders.dataset
from loaders import LoadResult, load_dataset
from loaders.personal import kind_of, mask, names_a_person
from tests.helpers import table_text, valid_tables, write_folder

CODE = "120389-12345"


def rules(result: LoadResult) -> list[tuple[str, str, int | None, str | None, str]]:
    return [(p.severity, p.table, p.row, p.column, p.rule) for p in result.problems]


def all_text(result: LoadResult) -> str:
    return "\n".join(f"{p.value} {p.params} {p.message('lv')} {p.message('en')}" for p in result.problems)


# --------------------------------------------------------------------------- files that used to crash a page


def test_old_mac_line_ends_load_like_any_other(tmp_path: Path) -> None:
    tables = valid_tables()
    text = table_text("events", tables.pop("events")).replace("\n", "\r")
    result = load_dataset(write_folder(tmp_path, tables, raw={"events.csv": text}))
    assert result.ok and result.problems == []
    assert result.dataset.events["event_id"].tolist() == ["E2019-001", "E2019-002", "E2019-003"]


def test_a_file_that_cannot_be_read_is_its_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_folder(tmp_path)
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "events.csv":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = load_dataset(folder)
    assert ("error", "events", None, None, "file_permission") in rules(result)
    assert "Permission denied" not in all_text(result)  # the OS's English words stay out


def test_a_fault_in_a_check_is_a_problem_of_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_raw, spec, _file):
        if spec.name == "projects":
            raise KeyError("boom")
        return []

    monkeypatch.setattr(loaders.dataset, "check_columns", broken)
    result = load_dataset(write_folder(tmp_path))
    assert ("error", "projects", None, None, "file_failed") in rules(result)
    assert not result.ok


def test_a_fault_anywhere_else_is_one_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(loaders.dataset, "_check_across_tables", broken)
    result = load_dataset(write_folder(tmp_path))
    assert rules(result) == [("error", "", None, None, "internal_error")] and result.dataset is None


def test_a_header_only_optional_table_without_a_line_end_is_empty(tmp_path: Path) -> None:
    tables = valid_tables()
    del tables["event_stops"]
    result = load_dataset(write_folder(tmp_path, tables, raw={"event_stops.csv": "event_id,stop_no,space_id"}))
    assert result.ok, rules(result)
    assert result.dataset.event_stops.empty


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_linked_table_file_is_refused_and_never_read(tmp_path: Path) -> None:
    tables = valid_tables()
    secret = tmp_path / "secret.csv"
    secret.write_text("SECRET_HEADER_LINE,x\n1,2\n", encoding="utf-8")
    folder = write_folder(tmp_path, {k: v for k, v in tables.items() if k != "projects"})
    os.symlink(secret, folder / "projects.csv")
    result = load_dataset(folder)
    assert ("error", "projects", None, None, "file_not_regular") in rules(result)
    assert "SECRET" not in all_text(result)
    assert "projects" not in result.files


# --------------------------------------------------------------------------- personal data


@pytest.mark.parametrize(
    ("table", "header"),
    [
        ("residents", "Vārds Uzvārds"),
        ("residents", "E-pasta adrese"),
        ("attendance", "Tālruņa numurs"),
        ("attendance", unicodedata.normalize("NFD", "Vārds")),  # as macOS writes it
        ("residents", "Kontakttālrunis"),
        ("spaces", "Kontaktpersonas vārds"),
        ("events", "Organizatora e-pasts"),
        ("attendance", "First name"),
        ("residents", "Personas kods"),
    ],
)
def test_a_column_of_a_persons_details_is_refused(tmp_path: Path, table: str, header: str) -> None:
    tables = valid_tables()
    for row in tables[table]:
        row[header] = "x"
    result = load_dataset(write_folder(tmp_path, tables))
    forbidden = [p for p in result.problems if p.rule == "forbidden_column"]
    assert [(p.severity, p.table, p.row) for p in forbidden] == [("error", table, 1)]
    assert not result.ok and result.dataset is None


def test_ordinary_headers_are_not_personal() -> None:
    for header in ("piezīmes", "description", "occupation", "settlement", "operator", "website", "municipality",
                   "population", "source", "vārdnīca", "stop_no", "outcome_type"):
        assert not names_a_person(header), header


@pytest.mark.parametrize(
    "code",
    ["120389\u201112345", "120389\u201312345", "120389\u221212345", "120389\u201412345", "12038912345",
     "321234\u201156789"],
    ids=["non-breaking-hyphen", "en-dash", "minus", "em-dash", "no-dash", "new-form-nb-hyphen"],
)
def test_a_personal_code_with_any_dash_is_refused_and_masked(tmp_path: Path, code: str) -> None:
    tables = valid_tables()
    tables["events"][0]["description"] = f"Kontaktpersona {code}"
    result = load_dataset(write_folder(tmp_path, tables))
    assert ("error", "events", 2, "description", "personal_code") in rules(result)
    assert code not in all_text(result) and code.replace("\u2011", "-") not in all_text(result)


def test_a_date_like_number_is_not_a_personal_code() -> None:
    assert kind_of("99999912345") is None  # day 99 and month 99: no date
    assert kind_of("Budžets 2019 2020") is None


@pytest.mark.parametrize(
    ("table", "index", "column", "value", "rule"),
    [
        ("attendance", 2, "person_id", "anna.ozola@example.lv", "email_address"),
        ("events", 0, "description", "Pieteikties: info@colabora.lv", "email_address"),
        ("events", 1, "description", "Zvaniet +371 29 123 456", "phone_number"),
        ("attendance", 0, "person_id", "29123456", "phone_number"),
        ("residents", 0, "resident_id", "+44 20 7946 0958", "phone_number"),
    ],
)
def test_e_mails_and_phone_numbers_are_refused_without_repeating_them(
    tmp_path: Path, table: str, index: int, column: str, value: str, rule: str
) -> None:
    tables = valid_tables()
    tables[table][index][column] = value
    result = load_dataset(write_folder(tmp_path, tables))
    assert ("error", table, index + 2, column, rule) in rules(result)
    assert value not in all_text(result)  # not in its own problem, nor in a foreign-key problem it causes
    assert not result.ok


def test_masking_keeps_where_the_value_was() -> None:
    assert mask("Zvaniet 29123456 vai rakstiet anna@example.lv") == "Zvaniet ******** vai rakstiet ***@***"


# --------------------------------------------------------------------------- text that changes figures silently


def test_a_stray_byte_order_mark_is_removed_with_a_warning(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["attendance"][4]["event_id"] = "\ufeffE2019-002"  # a second export pasted below the first
    result = load_dataset(write_folder(tmp_path, tables))
    assert rules(result) == [("warning", "attendance", 6, "event_id", "invisible_character")]
    assert result.dataset.attendance["event_id"].tolist()[4] == "E2019-002"  # and it counts for its event


def test_a_zero_width_space_in_a_municipality_is_removed(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["spaces"][0]["municipality"] = "Ogres\u200b novads"
    result = load_dataset(write_folder(tmp_path, tables))
    assert rules(result) == [("warning", "spaces", 2, "municipality", "invisible_character")]
    assert result.dataset.spaces["municipality"].tolist()[0] == "Ogres novads"


def test_decomposed_letters_are_the_same_letters(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["spaces"][1]["municipality"] = unicodedata.normalize("NFD", "Ķekavas novads")
    tables["spaces"][1]["name"] = unicodedata.normalize("NFD", "Ķekavas bibliotēka")
    result = load_dataset(write_folder(tmp_path, tables))
    assert result.problems == []
    assert result.dataset.spaces["municipality"].tolist()[1] == "Ķekavas novads"
    assert result.dataset.spaces["name"].tolist()[1] == "Ķekavas bibliotēka"


def test_an_excel_formula_without_a_saved_value_is_an_error_at_its_cell(tmp_path: Path) -> None:
    tables = valid_tables()
    folder = write_folder(tmp_path, {k: v for k, v in tables.items() if k != "events"})
    book = openpyxl.Workbook()  # openpyxl saves formulas without values, as some programs do
    sheet = book.active
    sheet.title = "events"
    columns = list(tables["events"][0])
    sheet.append(columns)
    for row in tables["events"]:
        sheet.append([row[c] for c in columns])
    sheet.cell(row=2, column=columns.index("participants") + 1, value="=20+5")
    book.save(folder / "events.xlsx")
    result = load_dataset(folder)
    assert ("error", "events", 2, "participants", "formula_without_value") in rules(result)
