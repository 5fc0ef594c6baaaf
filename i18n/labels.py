"""Labels of the data's codes in a language: one rule for the pages, the charts and the reports."""

from __future__ import annotations

from collections.abc import Iterable

from i18n import CATALOGUES, normalise_language, t

#: the code of a value that is not known (``metrics.UNKNOWN``; i18n imports nothing from metrics)
UNKNOWN = "unknown"


def code_label(kind: str, code: str, lang: str) -> str:
    """``("event_type", "study_visit")`` → ``Pieredzes brauciens``: the catalogue's ``<kind>.<code>``.

    Without a translation, ``unknown`` is ``value.unknown`` (``Nav zināms``) and any other code keeps
    its own label: a configured age band (``<30``), a municipality (``municipality`` has no keys).
    """
    key = f"{kind}.{code}"
    if key in CATALOGUES[normalise_language(lang)]:
        return t(key, lang)
    return t("value.unknown", lang) if code == UNKNOWN else code


def code_labels(kind: str, codes: Iterable[object], lang: str) -> dict[str, str]:
    """``{"study_visit": "Pieredzes brauciens"}`` for ``kind="event_type"``, by :func:`code_label`."""
    return {str(code): code_label(kind, str(code), lang) for code in codes}


def column_label(table: str, column: str, lang: str) -> str:
    """A contract column for people: ``Sākums`` for ``starts_on`` (``Norises telpa`` for events'
    ``space_id``): the editor's headers and the changes an upload or an edit would make."""
    specific = f"entry.col.{table}.{column}"
    if specific in CATALOGUES[normalise_language(lang)]:
        return t(specific, lang)
    general = f"entry.col.{column}"
    return t(general, lang) if general in CATALOGUES[normalise_language(lang)] else column
