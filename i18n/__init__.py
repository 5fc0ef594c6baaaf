"""All user-facing strings, in Latvian (default) and English.

``t(key, lang, **params)`` looks a key up and fills ``{placeholders}`` with ``str.format``.

The strings live in one format, one module per feature: ``i18n/strings_<feature>.py`` holds
``STRINGS = {key: {"lv": ..., "en": ...}}`` (listed in ``CATALOGUE_MODULES``):

* ``strings_app`` — the app's chrome and the pages' common words: title and notices, navigation,
  sidebar filters and periods, headline figures (``kpi.*``), chart axes, table columns, table names;
* ``strings_pages`` — the explore pages: Overview, Attendance, Residents, Spaces and their charts;
* ``strings_codes`` — the labels of codes (``event_type.*``, ``space_type.*``, ``gender.*``,
  ``age_band.*``, ``occupation.*``, ``role.*``, ``visit.*``, ``space.*``, ``value.*``);
* ``strings_problems`` — every data problem (``problem.*``), the severities and the loaders'
  command line (``cli.*``);
* ``strings_entry`` — data entry in the browser (the table editor, the sign-in import, keys);
  ``strings_signin_sheet`` — the printable sign-in sheet;
* ``strings_maps`` — the map and its page; ``strings_reports`` — the project reports, their page
  and command line; ``strings_data`` — the Data page and ``python -m storage``; ``strings_widgets``
  — the shared widgets (a chart's image download) and the installation box.

Building the catalogues at import raises :class:`CatalogueError` on a key defined twice (in one
module or in two) and on an entry without exactly the languages ``LANGUAGES``. A missing key is a
programming error caught by the tests, so at run time it falls back to the key itself rather than
crashing a page. Numbers and dates: :mod:`i18n.formatting`; labels of codes: :mod:`i18n.labels`.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

LANGUAGES: tuple[str, ...] = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
CATALOGUE_MODULES: tuple[str, ...] = (
    "strings_app", "strings_pages", "strings_codes", "strings_problems",
    "strings_maps", "strings_reports", "strings_data", "strings_widgets", "strings_monitoring",
    "strings_entry", "strings_signin_sheet", "strings_network",
)


class CatalogueError(ValueError):
    """A string catalogue is malformed: a key defined twice, or an entry missing a language."""


def _repeated_keys(module: ModuleType) -> list[str]:
    """Keys written twice in the module's ``STRINGS = {...}`` literal (Python keeps the last silently)."""
    file = getattr(module, "__file__", None)
    if not file or not file.endswith(".py"):  # a fake module (tests) or one without its source
        return []
    for node in ast.parse(Path(file).read_text("utf-8"), file).body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id == "STRINGS" and isinstance(node.value, ast.Dict):
            keys = Counter(key.value for key in node.value.keys if isinstance(key, ast.Constant))
            return sorted(key for key, count in keys.items() if count > 1)
    return []


def build_catalogues(modules: Iterable[ModuleType]) -> dict[str, dict[str, str]]:
    """``{lang: {key: text}}`` from the modules' ``STRINGS``; :class:`CatalogueError` if malformed."""
    catalogues: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    defined_in: dict[str, str] = {}
    for module in modules:
        name = module.__name__
        repeated = _repeated_keys(module)
        if repeated:
            raise CatalogueError(f"{name}: key(s) defined twice in the module: {', '.join(repeated)}")
        for key, texts in module.STRINGS.items():
            if key in defined_in:
                raise CatalogueError(f"key {key!r} is defined twice: in {defined_in[key]} and in {name}")
            defined_in[key] = name
            if not isinstance(texts, dict) or set(texts) != set(LANGUAGES):
                found = sorted(texts) if isinstance(texts, dict) else type(texts).__name__
                raise CatalogueError(f"{name}: {key!r} must have exactly the languages {LANGUAGES}, has {found}")
            for lang in LANGUAGES:
                catalogues[lang][key] = texts[lang]
    return catalogues


CATALOGUES: dict[str, dict[str, str]] = build_catalogues(
    import_module(f"i18n.{name}") for name in CATALOGUE_MODULES
)


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
