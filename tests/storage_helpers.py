"""Helpers shared by the storage and Data-page tests: snapshots of a folder, upload payloads, a clock."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.helpers import table_text, valid_tables


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (dot-files and ``.history`` included): relative path → bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def data_files(folder: Path) -> dict[str, bytes]:
    """The files directly in ``folder`` (not ``.history``)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def events_csv(extra: int = 0, *, change_title: bool = False, broken_date_row: int | None = None,
               encoding: str = "utf-8", sep: str = ",", date_style: str = "iso") -> bytes:
    """The valid dataset's events as a CSV: ``extra`` new events, the first title changed, a broken date."""
    rows = valid_tables()["events"]
    if change_title:
        rows[0]["title"] = "Koprades telpas atklāšana (precizēts)"
    for i in range(1, extra + 1):
        rows.append({**rows[2], "event_id": f"E2026-{i:03d}", "title": f"Jauns pasākums Ķekavā {i}"})
    text = table_text("events", rows, sep=sep, date_style=date_style)
    if broken_date_row is not None:
        lines = text.split("\n")
        index = broken_date_row - 1  # spreadsheet row → line (the header is row 1)
        lines[index] = lines[index].replace("2019-06-05", "2019-02-31").replace("05.06.2019", "31.02.2019")
        text = "\n".join(lines)
    return text.encode(encoding)


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def table_csv(table: str, change: dict[str, object] | None = None) -> bytes:
    """A valid table of the small dataset as UTF-8 CSV; ``change`` overrides cells of its first row."""
    rows = valid_tables()[table]
    rows[0].update(change or {})
    return table_text(table, rows).encode("utf-8")


def table_xlsx(table: str) -> bytes:
    from tests.helpers import xlsx_bytes

    return xlsx_bytes(table, valid_tables()[table])


class FakeClock:
    """A clock for the password throttle that moves only when a test says so (nothing sleeps)."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def with_event(files: dict[str, bytes], event_id: str) -> bytes:
    """``events.csv`` of ``files`` (as the database writes it) with one more event, a copy of the first."""
    from benchmarks.pg_load import with_event as appended

    return appended(files["events.csv"], event_id)
