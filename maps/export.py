"""The map as one standalone HTML file: opens from disk in any browser, with no server and no
internet (scripts and styles are inlined as ``data:`` URIs; only base-map tiles, if chosen,
come from the web)."""

from __future__ import annotations

from i18n import t
from loaders import Dataset
from maps.build import MapOptions, build_map
from maps.text import esc
from metrics import Filters


def standalone_html(ds: Dataset, filters: Filters, options: MapOptions, lang: str) -> str:
    m = build_map(ds, filters, options, lang)
    title = t("map.title", lang) + (f" · {options.caption}" if options.caption else "")
    m.get_root().title = esc(title)
    return m.get_root().render()
