"""The contract's funder, programme and measure in the report's language.

The ``projects`` table holds them as the contract writes them: codes (``ELFLA``) and Latvian names
(``Latvijas Lauku attīstības programma 2014–2020``, ``19.3 Starpteritoriālā un starpvalstu
sadarbība``). An English report shows the known ones by their English names; any other value (and
every value in a Latvian report) is shown as written. Values are matched after tidying: Unicode NFC,
case, spaces, dashes and a trailing full stop do not matter, nor does ``2014.–2020. gadam`` against
``2014–2020``.
"""

from __future__ import annotations

import re
import unicodedata

#: field → {tidied Latvian value or code: English}
_ENGLISH: dict[str, dict[str, str]] = {
    "funder": {
        "elfla": "EAFRD (European Agricultural Fund for Rural Development)",
        "eafrd": "EAFRD (European Agricultural Fund for Rural Development)",
        "eiropas lauksaimniecības fonds lauku attīstībai": "EAFRD (European Agricultural Fund for Rural Development)",
        "eiropas lauksaimniecības fonds lauku attīstībai (elfla)":
            "EAFRD (European Agricultural Fund for Rural Development)",
        "lad": "Rural Support Service (Lauku atbalsta dienests)",
        "lauku atbalsta dienests": "Rural Support Service (Lauku atbalsta dienests)",
        "zemkopības ministrija": "Ministry of Agriculture (Zemkopības ministrija)",
    },
    "programme": {
        "latvijas lauku attīstības programma 2014-2020": "Rural Development Programme of Latvia 2014–2020",
        "lauku attīstības programma 2014-2020": "Rural Development Programme of Latvia 2014–2020",
        "lap 2014-2020": "Rural Development Programme of Latvia 2014–2020",
        "kopējās lauksaimniecības politikas stratēģiskais plāns 2023-2027":
            "Common Agricultural Policy Strategic Plan 2023–2027",
        "klp stratēģiskais plāns 2023-2027": "Common Agricultural Policy Strategic Plan 2023–2027",
    },
    "measure": {  # the LEADER sub-measures (EU Regulation 808/2014, Annex I)
        "19.1 sagatavošanās atbalsts": "19.1 Preparatory support",
        "19.2 darbību īstenošana saskaņā ar sabiedrības virzītas vietējās attīstības stratēģiju":
            "19.2 Support for implementation of operations under the community-led local development strategy",
        "19.3 starpteritoriālā un starpvalstu sadarbība": "19.3 Inter-territorial and transnational cooperation",
        "19.3 vietējās rīcības grupas sadarbības projektu sagatavošana un īstenošana":
            "19.3 Preparation and implementation of cooperation activities of the local action group",
        "19.4 darbības nodrošināšana un aktivizēšana": "19.4 Support for running costs and animation",
    },
}

_DASHES = re.compile("[\u2010-\u2015\u2212]")
#: ``2014.–2020. gadam`` / ``2014.-2020.g.`` → ``2014-2020``
_YEARS = re.compile(r"(\d{4})\.?\s*-\s*(\d{4})\.?(\s*(gadam|g\.|gads))?")


def _tidy(value: str) -> str:
    text = unicodedata.normalize("NFC", value).casefold()
    text = _DASHES.sub("-", text)
    text = _YEARS.sub(r"\1-\2", text)
    text = " ".join(text.split())
    return text.rstrip(".").strip()


def contract_term(field: str, value: str | None, lang: str) -> str | None:
    """``("funder", "ELFLA", "en")`` → ``EAFRD (European Agricultural Fund for Rural Development)``.

    ``field`` is ``funder``, ``programme`` or ``measure``; ``None`` stays ``None``.
    """
    if value is None or lang == "lv":
        return value
    return _ENGLISH.get(field, {}).get(_tidy(str(value)), value)
