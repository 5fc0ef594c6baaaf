"""The demo data with texts that markdown would turn into an image, an HTML tag and bold: in the data
folder's path, CoLabora's project title and CoLabora Lielvārde's name and operator.

Shared by ``tests/test_markdown_escaping.py`` (the markdown each page sends) and
``tests/browser/test_markdown.py`` (what the browser shows).
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
COLABORA = "18-00-A019.333-000015"
SPACE = "colabora-lielvarde"

IMAGE = "![x](http://example.invalid/x.png)"
HTML = "<img src=x onerror=alert(1)>"
BOLD = "**bold**"
HOSTILE = f"{IMAGE} {HTML} {BOLD}"
PROJECT_TITLE = f"CoLabora {HOSTILE}"
SPACE_NAME = f"CoLabora Lielvārde {HOSTILE}"
OPERATOR = f"Ogres novada pašvaldība {HOSTILE}"


def _edit(folder: Path, name: str, key: tuple[str, str], column: str, value: str) -> None:
    """Set ``column`` of the row whose ``key[0]`` is ``key[1]`` in the demo's ``name`` (Windows-1257, ``;``)."""
    rows = list(csv.reader(io.StringIO((folder / name).read_text("cp1257")), delimiter=";"))
    header = rows[0]
    (row,) = [r for r in rows[1:] if r and r[header.index(key[0])] == key[1]]
    row[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    (folder / name).write_bytes(buffer.getvalue().encode("cp1257"))


def hostile_copy(base: Path) -> Path:
    """The demo data under ``base``, in a folder whose path reads
    ``…/![x](http:/example.invalid/x.png) <img src=x onerror=alert(1)> **bold**/data``, with the hostile
    texts in CoLabora's title and CoLabora Lielvārde's name and operator."""
    folder = base / "![x](http:" / "example.invalid" / f"x.png) {HTML} {BOLD}" / "data"
    shutil.copytree(PROJECT_DIR / "data", folder, ignore=shutil.ignore_patterns("*.md"))
    _edit(folder, "projects.csv", ("project_code", COLABORA), "title", PROJECT_TITLE)
    _edit(folder, "spaces.csv", ("space_id", SPACE), "name", SPACE_NAME)
    _edit(folder, "spaces.csv", ("space_id", SPACE), "operator", OPERATOR)
    assert IMAGE.replace("//", "/") in str(folder)
    return folder
