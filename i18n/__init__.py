"""All user-facing strings, in Latvian (default) and English.

``t(key, lang, **params)`` looks a key up and fills ``{placeholders}`` with ``str.format``.
The core catalogues are ``i18n/lv.py`` and ``i18n/en.py``; a feature may keep its strings in
its own module ``i18n/strings_<feature>.py`` as ``STRINGS = {key: {"lv": ..., "en": ...}}``
(listed in ``_FEATURE_MODULES``). A missing key is a programming error caught by the tests
(every key must exist in both languages), so at run time it falls back to the key itself
rather than crashing a page.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from i18n.en import STRINGS as EN
from i18n.lv import STRINGS as LV

LANGUAGES: tuple[str, ...] = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
_FEATURE_MODULES: tuple[str, ...] = ("strings_maps", "strings_reports", "strings_data")


def _catalogues() -> dict[str, dict[str, str]]:
    catalogues = {"lv": dict(LV), "en": dict(EN)}
    for name in _FEATURE_MODULES:
        for key, texts in import_module(f"i18n.{name}").STRINGS.items():
            for lang in LANGUAGES:
                catalogues[lang][key] = texts[lang]
    return catalogues


CATALOGUES: dict[str, dict[str, str]] = _catalogues()


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
