"""Text that goes into the map's HTML: escaped values and small info tables.

Folium puts popup and tooltip content into JavaScript template literals (`` `...` ``) and
renders it as raw HTML, so a value must be safe in both: :func:`esc` HTML-escapes it and also
turns the characters that mean something inside a template literal (`` ` ``, ``$``, ``\\``)
into character references, which the browser shows as the characters themselves.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def esc(value: object) -> str:
    """``value`` as text that shows literally in HTML and in a JavaScript template literal."""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL)


def info_tables(titles: Sequence[object], columns: Sequence[tuple[str, Sequence[object]]]) -> list[str]:
    """Per item, a bold title over a two-column table of label → value; every piece escaped here.

    ``columns``: each label with its value for every item. Built for a whole map layer at once
    (500 popups at country scale): each label and each distinct value is escaped only once.
    """
    escaped: dict[str, str] = {}

    def texts(values: Sequence[object]) -> list[str]:
        return [escaped[v] if v in escaped else escaped.setdefault(v, esc(v)) for v in map(str, values)]

    cells = []
    for label, values in columns:
        head = f"<tr><th>{esc(label)}</th><td>"
        cells.append([f"{head}{value}</td></tr>" for value in texts(values)])
    return [f'<div class="map-info"><b>{title}</b><table>{"".join(row)}</table></div>'
            for title, *row in zip(texts(titles), *cells, strict=True)]
