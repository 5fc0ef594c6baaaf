"""Reading one table file into a frame of trimmed strings.

Detection is explicit and reported, never silent: the encoding (BOM, then strict UTF-8,
then Windows-1257), the separator (`;` or `,`, from the header line) and, for ``.xlsx``, the
sheet. Every cell comes back as text; typing happens in :mod:`loaders.parsing` so that CSV and
Excel files go through the same rules. The frame's index is the spreadsheet row number
(header = row 1), which is what every problem reports.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from loaders.archive import DEFAULT_LIMITS, ArchiveLimits, ArchiveRefused, check_archive
from loaders.fast import edge_bytes, text_bytes
from loaders.problems import Problem, error, warning

ENCODING_UTF8_BOM = "UTF-8 BOM"
ENCODING_UTF8 = "UTF-8"
ENCODING_CP1257 = "Windows-1257"
ENCODING_XLSX = "xlsx"

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: a file of nothing but white space and a BOM (matched in place: no copy of a large file)
_BLANK = re.compile(rb"[ \t\r\n\xef\xbb\xbf]*\Z")
_WHITESPACE = re.compile(r"\s+")
#: characters that show as nothing: byte-order mark (a second one where two exports were pasted
#: together), zero-width space / joiners, word joiner, soft hyphen
_INVISIBLE_CHARS = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_INVISIBLE_RE2 = "[\\x{FEFF}\\x{200B}-\\x{200D}\\x{2060}\\x{00AD}]"


@dataclass
class RawTable:
    """One file's cells as text, with what was detected and what went wrong."""

    table: str
    file: str
    frame: pd.DataFrame
    encoding: str
    separator: str | None
    problems: list[Problem] = field(default_factory=list)


class FileRefused(Exception):
    """The file cannot be read at all; the problem says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.rule)
        self.problem = problem


def normalise_header(name: object) -> str:
    """`` Space_ID `` → ``space_id``: NFC, trim, drop invisible characters, lower-case, inner spaces to ``_``."""
    text = unicodedata.normalize("NFC", "" if name is None else str(name))
    return _WHITESPACE.sub("_", _INVISIBLE.sub("", text).strip().lower())


def detect_encoding(data: bytes, table: str, file: str) -> str:
    """The encoding label (BOM, else strict UTF-8, else Windows-1257); :class:`FileRefused` if none.

    The check decodes in chunks and keeps nothing, so a large file is not held twice in memory.
    """
    if data.startswith(_UTF16_BOMS):
        raise FileRefused(error(table, "encoding_utf16", file=file))
    if b"\x00" in data[:4096]:
        raise FileRefused(error(table, "encoding_unknown", file=file))
    bom = data.startswith(b"\xef\xbb\xbf")
    if _decodes(data, "utf-8"):
        return ENCODING_UTF8_BOM if bom else ENCODING_UTF8
    if not bom and not any(byte in data for byte in _CP1257_UNDEFINED):
        return ENCODING_CP1257
    raise FileRefused(error(table, "encoding_unknown", file=file))


def _cp1257_undefined() -> list[bytes]:
    undefined = []
    for byte in range(256):
        try:
            bytes([byte]).decode("cp1257")
        except UnicodeDecodeError:
            undefined.append(bytes([byte]))
    return undefined


#: the bytes Windows-1257 leaves unassigned: a file decodes iff it has none of them (a dozen
#: ``memchr`` scans, where the codec would build the whole text only to throw it away)
_CP1257_UNDEFINED = _cp1257_undefined()


def _decodes(data: bytes, encoding: str, chunk: int = 1 << 20) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        for start in range(0, len(data), chunk):
            decoder.decode(view[start : start + chunk])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def first_line(data: bytes, encoding: str) -> str:
    """The header line as text (up to the first line end of any kind: LF, CR LF or an old-Mac CR)."""
    start = 3 if encoding == ENCODING_UTF8_BOM else 0
    ends = [i for i in (data.find(b"\n", 0, 1 << 20), data.find(b"\r", 0, 1 << 20)) if i >= 0]
    line = data[start : min(ends) if ends else len(data)]  # no copy of the rest of the file
    return line.decode("cp1257" if encoding == ENCODING_CP1257 else "utf-8")


def sniff_separator(header_line: str) -> str:
    """`;` when the header has more semicolons than commas (Latvian Excel), else `,`."""
    fields_semicolon = _count_outside_quotes(header_line, ";")
    fields_comma = _count_outside_quotes(header_line, ",")
    return ";" if fields_semicolon > fields_comma else ","


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == char and not quoted:
            count += 1
    return count


def read_csv_bytes(data: bytes, table: str, file: str) -> RawTable:
    encoding = detect_encoding(data, table, file)
    if _BLANK.match(data):
        raise FileRefused(error(table, "file_empty", file=file))
    if b"\n" not in data:
        # old-Mac line ends (CR only), or a header without a line end: one copy of a small file
        data = data.replace(b"\r", b"\n") + (b"" if b"\r" in data else b"\n")
    header_line = first_line(data, encoding)
    separator = sniff_separator(header_line)
    try:
        header = next(csv.reader([header_line], delimiter=separator), [])
    except csv.Error as exc:  # e.g. a NUL or an unbalanced quote in the header
        raise FileRefused(error(table, "file_unreadable", file=file)) from exc
    names = [normalise_header(h) for h in header]
    if not any(names):  # a blank first line: the header must be row 1, or every row number is off
        raise FileRefused(error(table, "header_missing", file=file))
    positional = [f"c{i}" for i in range(len(names))]

    payload = pa.py_buffer(data)  # the file's bytes, not copied
    if encoding == ENCODING_UTF8_BOM:
        payload = payload.slice(3)
    options = _ReadOptions(positional, separator, "cp1257" if encoding == ENCODING_CP1257 else "utf8",
                           quoted=b'"' in data)
    # Both cores first; pyarrow only numbers a bad row when reading on one thread, so a file
    # with a bad row (rare) is read again that way to report the spreadsheet row.
    arrow_table, bad_rows = _arrow_read(payload, options, table, file, threads=True)
    if bad_rows:
        arrow_table, bad_rows = _arrow_read(payload, options, table, file, threads=False)
    del data, payload  # the file's bytes are not needed any more: free them before trimming

    rows = _record_numbers(arrow_table.num_rows, [number for number, _ in bad_rows])
    positional_columns = arrow_table.columns
    del arrow_table
    arrow_table, rows = _trim_and_drop_empty_rows(positional, positional_columns, rows)
    arrow_table, invisible = _clean_text(arrow_table, rows)
    arrow_table = _unquote_formula_text(arrow_table)
    frame = arrow_table.to_pandas()
    frame.index = rows
    problems = [
        error(
            table,
            "row_field_count",
            row=number,
            file=file,
            params={"found": found, "expected": len(names), "separator": separator},
        )
        for number, found in bad_rows
    ]
    raw = RawTable(table, file, frame, encoding, separator, problems)
    _name_columns(raw, names)
    raw.problems.extend(_invisible_problems(raw, names, invisible))
    return raw


def _clean_text(table: pa.Table, rows: pd.Index) -> tuple[pa.Table, dict[int, list[int]]]:
    """Every cell in Unicode NFC (a macOS ``ā`` is ``a`` + a combining macron), invisible characters
    removed; returns the rows that had one, per column position (each is reported)."""
    columns, invisible = [], {}
    for position, column in enumerate(table.columns):
        if _may_need_cleaning(column):
            column = pc.utf8_normalize(column, form="NFC")
            found = pc.match_substring_regex(column, _INVISIBLE_RE2)
            if pc.any(found).as_py():
                invisible[position] = rows[found.to_numpy(zero_copy_only=False)].tolist()
                column = pc.utf8_trim_whitespace(pc.replace_substring_regex(column, _INVISIBLE_RE2, ""))
        columns.append(column)
    return pa.table(columns, names=table.column_names), invisible


#: a cell our CSV writer neutralised (:mod:`exports.safe_cells`): an apostrophe before a formula start
_QUOTED_FORMULA = "^'([=+\\-@\\t\\r])"


def _unquote_formula_text(table: pa.Table) -> pa.Table:
    """``'=1+1`` → ``=1+1``: the apostrophe the product's CSV writer puts before text a spreadsheet would
    run as a formula (``= + - @``, tab, CR) is taken off again, so a file it wrote reads back as the same
    values. Exactly one apostrophe, and only before those characters (``''=x`` → ``'=x``, ``'abc`` stays)."""
    columns = []
    for column in table.columns:
        if any(_starts_with_apostrophe(chunk) for chunk in column.chunks):
            column = pc.replace_substring_regex(column, _QUOTED_FORMULA, "\\1", max_replacements=1)
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def _starts_with_apostrophe(chunk: pa.Array) -> bool:
    """Whether a cell may start with ``'`` (first whether any byte is one: most columns have none)."""
    data = text_bytes(chunk)
    return bool((data == ord("'")).any()) and bool((edge_bytes(chunk)[0] == ord("'")).any())


def _may_need_cleaning(column: pa.ChunkedArray) -> bool:
    """Whether a column could hold a combining mark (not NFC) or an invisible character: a look at
    its UTF-8 bytes (lead bytes 0xCC/0xCD are the combining diacritics U+0300–U+036F; the invisible
    characters start with 0xC2 0xAD, 0xE2 0x80/0x81 or 0xEF 0xBB). Plain ASCII (most ids and
    numbers) and ordinary Latvian text need neither pass."""
    for chunk in column.chunks:
        data = text_bytes(chunk)
        if not data.size or data.max() < 0x80:
            continue
        if ((data == 0xCC) | (data == 0xCD)).any():  # lead bytes only: UTF-8 continuation bytes are 0x80–0xBF
            return True
        lead, follow = data[:-1], data[1:]
        marks = ((lead == 0xC2) & (follow == 0xAD)) | ((lead == 0xE2) & ((follow == 0x80) | (follow == 0x81)))
        if (marks | ((lead == 0xEF) & (follow == 0xBB))).any():
            return True
    return False


def _invisible_problems(raw: RawTable, names: list[str], invisible: dict[int, list[int]]) -> list[Problem]:
    """A warning per cell an invisible character was removed from (the column by its header name)."""
    return [warning(raw.table, "invisible_character", row=int(row), column=names[position] or f"#{position + 1}",
                    file=raw.file)
            for position, rows in invisible.items() for row in rows]


def _trim_and_drop_empty_rows(
    names: list[str], columns: list[pa.ChunkedArray], rows: pd.Index
) -> tuple[pa.Table, pd.Index]:
    """Cells without surrounding spaces; rows of nothing but separators (Excel writes them) dropped.

    ``columns`` is emptied: each untrimmed column is let go as soon as its trimmed copy exists,
    so a large file is not held twice.
    """
    trimmed = []
    while columns:
        column = columns.pop(0)
        trimmed.append(pc.utf8_trim_whitespace(column) if _may_need_trimming(column) else column)
    table = pa.table(trimmed, names=names)
    # an empty row has an empty first cell: most files have none, and then no row needs a look
    if not trimmed or not pc.any(pc.equal(trimmed[0], "")).as_py():
        return table, rows
    has_data = functools.reduce(pc.or_, [pc.not_equal(column, "") for column in trimmed])
    if pc.all(has_data).as_py() is not False:
        return table, rows
    return table.filter(has_data), rows[has_data.to_numpy(zero_copy_only=False)]


#: what ``utf8_trim_whitespace`` takes off a cell's ends (the same as Python's ``str.isspace``; a test
#: checks both over every code point): ASCII tab to CR and 0x1C–0x20, NEL, no-break space, the
#: Unicode spaces, line and paragraph separators
_TRIMMED = (*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B),
            0x2028, 0x2029, 0x202F, 0x205F, 0x3000)


def _edge_table(index: int) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[[chr(code).encode("utf-8")[index] for code in _TRIMMED]] = True
    return table


#: the first bytes and the last bytes of those characters in UTF-8
_TRIMMED_FIRST, _TRIMMED_LAST = _edge_table(0), _edge_table(-1)


def _may_need_trimming(column: pa.ChunkedArray) -> bool:
    """Whether some cell could start or end with white space: a look at the cells' first and last
    bytes. The last byte of a multi-byte space ends some letters too (``0x81`` of U+2001 ends
    ``ā``): such a column is simply trimmed. Ids, numbers, dates and codes need no trimming pass."""
    for chunk in column.chunks:
        data = text_bytes(chunk)
        if not data.size or (data.min() > 0x20 and data.max() < 0x80):
            continue  # no space, control character or non-ASCII byte anywhere (two quick reductions)
        first, last = edge_bytes(chunk)
        if _TRIMMED_FIRST[first].any() or _TRIMMED_LAST[last].any():
            return True
    return False


@dataclass(frozen=True)
class _ReadOptions:
    columns: list[str]
    separator: str
    encoding: str
    #: whether the file has any quote: only then can a cell hold a line break
    quoted: bool


def _arrow_read(
    payload: pa.Buffer, options: _ReadOptions, table: str, file: str, *, threads: bool
) -> tuple[pa.Table, list[tuple[int | None, int]]]:
    """Every cell as text; rows with the wrong number of cells are skipped and returned."""
    bad_rows: list[tuple[int | None, int]] = []

    def on_invalid_row(row: pacsv.InvalidRow) -> str:
        bad_rows.append((row.number, row.actual_columns))
        return "skip"

    try:
        arrow_table = pacsv.read_csv(
            pa.BufferReader(payload),
            read_options=pacsv.ReadOptions(
                column_names=options.columns, skip_rows=1, use_threads=threads, encoding=options.encoding
            ),
            parse_options=pacsv.ParseOptions(
                # without any quote in the file the parser can split blocks at line ends without
                # tracking quoting (30 % faster)
                delimiter=options.separator, newlines_in_values=options.quoted, invalid_row_handler=on_invalid_row,
                # a blank line is a spreadsheet row too: skipping it would shift every later row number
                ignore_empty_lines=False,
            ),
            convert_options=pacsv.ConvertOptions(
                # large_string is what pandas' ``str`` holds: the frame then shares arrow's buffers
                column_types={name: pa.large_string() for name in options.columns},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:  # its English reason would not help staff
        raise FileRefused(error(table, "file_unreadable", file=file)) from exc
    return arrow_table, bad_rows


def _record_numbers(kept: int, skipped: list[int | None]) -> pd.Index:
    """Spreadsheet row numbers of the kept records, given the numbers of the skipped ones."""
    if not skipped:
        return pd.RangeIndex(2, 2 + kept, name="row")
    skipped_known = sorted(n for n in skipped if n is not None)
    every = np.arange(2, 2 + kept + len(skipped), dtype=np.int64)
    return pd.Index(np.setdiff1d(every, skipped_known)[:kept], name="row")


def read_xlsx(path: Path, table: str, limits: ArchiveLimits = DEFAULT_LIMITS) -> RawTable:
    """Read the sheet named like the table, else the first sheet, after the zip-bomb guard.

    A formula is read as the value Excel saved with it; one saved without a value (written by a
    program that does not calculate) is an error at its cell rather than a silently empty cell.
    """
    file = path.name
    try:
        check_archive(path, limits)
    except ArchiveRefused as exc:
        raise FileRefused(error(table, exc.rule, file=file, params=exc.params)) from exc
    cells = _sheet(path, table, file, formulas=True)
    if not cells or all(value is None for value, _ in cells[0]):
        raise FileRefused(error(table, "file_empty", file=file))
    values, unsaved = _with_saved_values(path, table, file, cells)
    header, body = values[0], [[_cell_text(cell) for cell in row] for row in values[1:]]
    width = len(header)
    names = [normalise_header(h) for h in header]
    problems = [error(table, "formula_without_value", row=r + 1, column=names[c] if c < width else None, file=file)
                for r, c in unsaved]
    body = [(row + [""] * width)[:width] if len(row) <= width else row for row in body]
    kept: list[list[str]] = []
    numbers: list[int] = []
    for number, row in enumerate(body, start=2):
        if len(row) > width and any(row[width:]):
            problems.append(
                error(table, "row_field_count", row=number, file=file,
                      params={"found": len(row), "expected": width, "separator": ""})
            )
            continue
        kept.append(row[:width])
        numbers.append(number)
    invisible = _clean_rows(numbers, kept)
    positional = [f"c{i}" for i in range(width)]
    frame = pd.DataFrame(kept, columns=positional, index=pd.Index(numbers, name="row"), dtype="str")
    raw = RawTable(table, file, frame, ENCODING_XLSX, None, problems)
    _name_columns(raw, names, tidy=True)
    raw.problems.extend(_invisible_problems(raw, names, invisible))
    return raw


def _with_saved_values(path: Path, table: str, file: str, cells: list[list[tuple[object, bool]]]
                       ) -> tuple[list[list[object]], list[tuple[int, int]]]:
    """The cells' values, a formula replaced by the value Excel saved with it; and where none was saved."""
    values = [[value for value, _ in row] for row in cells]
    formulas = [(r, c) for r, row in enumerate(cells) for c, (_, formula) in enumerate(row) if formula]
    if not formulas:
        return values, []
    saved = _sheet(path, table, file, formulas=False)
    unsaved = []
    for r, c in formulas:
        values[r][c] = saved[r][c][0] if r < len(saved) and c < len(saved[r]) else None
        if values[r][c] is None:
            unsaved.append((r, c))
    return values, unsaved


def _clean_rows(numbers: list[int], rows: list[list[str]]) -> dict[int, list[int]]:
    """Every text in NFC with invisible characters removed, in place; the rows that had one, per column."""
    invisible: dict[int, list[int]] = {}
    for number, row in zip(numbers, rows, strict=True):
        for position, text in enumerate(row):
            if not text.isascii():
                composed = unicodedata.normalize("NFC", text)
                row[position] = _INVISIBLE.sub("", composed)
                if len(row[position]) != len(composed):
                    invisible.setdefault(position, []).append(number)
    return invisible


def _sheet(path: Path, table: str, file: str, *, formulas: bool) -> list[list[tuple[object, bool]]]:
    """The sheet's cells as (value, is a formula). ``formulas``: formulas as written (``=SUM(…)``), else the
    values Excel saved for them (``None`` when it saved none)."""
    import openpyxl  # imported lazily: only Excel files need it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=not formulas)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise FileRefused(error(table, "archive_invalid", file=file)) from exc
    try:
        names = {name.strip().lower(): name for name in workbook.sheetnames}
        sheet = workbook[names.get(table, workbook.sheetnames[0])]
        return [[(cell.value, getattr(cell, "data_type", None) == "f") for cell in row] for row in sheet.iter_rows()]
    except Exception as exc:  # a damaged sheet inside a readable archive
        raise FileRefused(error(table, "archive_invalid", file=file)) from exc
    finally:
        workbook.close()


def _cell_text(cell: object) -> str:
    """An Excel cell as the text a CSV export would hold (dates as ISO)."""
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        if cell.time() == dt.time(0, 0):
            return cell.date().isoformat()
        return cell.isoformat(sep=" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    return str(cell)


def _name_columns(raw: RawTable, names: list[str], *, tidy: bool = False) -> None:
    """Give the positional columns their header names and drop blank unnamed columns.

    ``tidy``: also trim the cells and drop wholly empty rows (the CSV path does both in arrow).
    """
    frame = raw.frame
    frame.columns = [name or f"#{i + 1}" for i, name in enumerate(names)]
    if tidy:
        frame = frame.apply(lambda column: column.str.strip())
        # Excel writes rows of bare separators below the data; a wholly empty row is not data.
        if len(frame.columns):
            frame = frame[frame.ne("").any(axis=1)]
    for i, name in enumerate(names):
        if not name and not frame[f"#{i + 1}"].ne("").any():
            frame = frame.drop(columns=f"#{i + 1}")
    seen: set[str] = set()
    for name in frame.columns:
        if name in seen:
            raw.problems.append(error(raw.table, "column_duplicate", row=1, column=name, file=raw.file))
        seen.add(name)
    raw.frame = frame.loc[:, ~frame.columns.duplicated()]


def read_table_file(path: Path, table: str, limits: ArchiveLimits = DEFAULT_LIMITS) -> RawTable:
    """Read ``path`` (``.csv`` or ``.xlsx``) as ``table``; raise :class:`FileRefused` if impossible."""
    refuse_unless_regular(path, table)
    if path.suffix.lower() == ".xlsx":
        return read_xlsx(path, table, limits)
    # no local name for the bytes: read_csv_bytes frees them once arrow has parsed them
    return read_csv_bytes(_file_bytes(path, table), table, path.name)


def is_regular(path: Path) -> bool:
    """A plain file, not a symbolic link, a device, a pipe or a folder (never follows a link)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def refuse_unless_regular(path: Path, table: str) -> None:
    """A link could make the app read any file on the server; a pipe could block it."""
    if not is_regular(path):
        raise FileRefused(error(table, "file_not_regular", file=path.name))


def _file_bytes(path: Path, table: str) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise FileRefused(error(table, "file_permission", file=path.name)) from exc
    except OSError as exc:
        raise FileRefused(error(table, "file_unreadable", file=path.name)) from exc

