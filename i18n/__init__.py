"""All user-facing strings, in Latvian (default) and English.

``t(key, lang, **params)`` looks a key up and fills ``{placeholders}`` with ``str.format``.
A missing key is a programming error caught by the tests (every key must exist in both
catalogues), so at run time it falls back to the key itself rather than crashing a page.
"""

from __future__ import annotations

from typing import Any

from i18n.en import STRINGS as EN
from i18n.lv import STRINGS as LV

LANGUAGES: tuple[str, ...] = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
CATALOGUES: dict[str, dict[str, str]] = {"lv": LV, "en": EN}


def normalise_language(lang: str | None) -> str:
    """Return a supported language code, the default for anything else."""
    return lang if lang in CATALOGUES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    template = CATALOGUES[normalise_language(lang)].get(key, key)
    if not params:
        return template
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
