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
