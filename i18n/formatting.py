"""Numbers, dates, months and sorting in the UI language (Babel; the OS has no lv_LV locale)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from babel.dates import format_date as _babel_format_date
from babel.dates import get_month_names
from babel.numbers import format_decimal, format_percent

_LOCALES = {"lv": "lv_LV", "en": "en_GB"}
#: the Latvian alphabet's order (ā after a, č after c, ...)
_LV_ALPHABET = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"
_LV_RANK = {ch: i for i, ch in enumerate(_LV_ALPHABET)}


def locale_of(lang: str) -> str:
    return _LOCALES.get(lang, _LOCALES["lv"])


def fmt_int(value: float | int | None, lang: str) -> str:
    """``1234`` → ``1 234`` (lv) / ``1,234`` (en); missing → ``–``."""
    if value is None:
        return "–"
    return _formatted_int(round(value), lang)


@lru_cache(maxsize=8192)
def _formatted_int(value: int, lang: str) -> str:
    # Babel takes ~60 µs a number; a map's popups repeat the same small numbers hundreds of times
    return format_decimal(value, locale=locale_of(lang))


def fmt_count(value: int | str, lang: str) -> str:
    """A count as a view shows it: ``1 234`` / ``1,234``, or a small-count mark (``<5``, ``≥5``) as it is.

    The one printer of shown counts (pages, map popups, tooltips, legend, side panel, reports).
    """
    return value if isinstance(value, str) else fmt_int(value, lang)


def fmt_decimal(value: float | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return "–"
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=locale_of(lang))


def fmt_percent(value: float | None, lang: str, digits: int = 0) -> str:
    """``0.983`` → ``98 %`` (lv, a no-break space before the sign, as Latvian writes it) / ``98%`` (en).

    Babel's Latvian pattern has no space (``98%``), so the pattern is given here.
    """
    if value is None:
        return "–"
    number = "#,##0" + ("." + "0" * digits if digits else "")
    return format_percent(value, format=number + ("\u00a0%" if lang == "lv" else "%"), locale=locale_of(lang))


def fmt_signed(value: int, lang: str) -> str:
    """A change: ``+12``, ``-3``, ``0`` (ASCII minus: Streamlit's metric reads it for the arrow)."""
    sign = "+" if value > 0 else "-" if value < 0 else ""
    return sign + fmt_int(abs(value), lang)


def fmt_date(value: dt.date | None, lang: str, style: str = "medium") -> str:
    """``2019-03-18`` → ``18.03.2019`` (lv medium) / ``18 Mar 2019`` (en medium)."""
    if value is None:
        return "–"
    if lang == "lv" and style == "medium":
        return value.strftime("%d.%m.%Y")
    return _babel_format_date(value, format=style, locale=locale_of(lang))


def fmt_datetime(value: dt.datetime | None, lang: str) -> str:
    """``2026-12-01 23:59`` → ``01.12.2026 23:59`` (lv) / ``1 Dec 2026 23:59`` (en); missing → ``–``.

    A time with a zone is shown in the server's local time; a naive one as it is.
    """
    if value is None:
        return "–"
    local = value.astimezone() if value.tzinfo else value
    return f"{fmt_date(local.date(), lang)} {local:%H:%M}"


def period_text(start: dt.date | None, end: dt.date | None, lang: str) -> str:
    """``01.01.2019 – 31.12.2019``, ``from 01.01.2019``, ``until …`` or ``all time``."""
    from i18n import t  # the catalogues import nothing from here; imported late to keep it so

    if start is None and end is None:
        return t("period.all_time", lang)
    if end is None:
        return t("period.since", lang, date=fmt_date(start, lang))
    if start is None:
        return t("period.until", lang, date=fmt_date(end, lang))
    return f"{fmt_date(start, lang)} – {fmt_date(end, lang)}"


def month_name(month: int, lang: str, width: str = "wide") -> str:
    """Stand-alone month name (``marts`` / ``March``; ``width="abbreviated"``: ``sept.`` / ``Sep``).

    Abbreviated English takes Babel's ``en``: its ``en_GB`` writes September ``Sept``.
    """
    locale = "en" if lang == "en" and width == "abbreviated" else locale_of(lang)
    return get_month_names(width, context="stand-alone", locale=locale)[month]


def fmt_month(value: dt.date, lang: str, width: str = "wide") -> str:
    """``2019-03`` → ``2019. marts`` / ``March 2019`` (``width="abbreviated"``: ``2019. dec.``)."""
    if lang == "lv":
        return f"{value.year}. {month_name(value.month, lang, width)}"
    return f"{month_name(value.month, lang, width)} {value.year}"


def month_abbreviation(month: int, lang: str) -> str:
    """``janv.``, ``febr.``, ``marts`` / ``Jan``, ``Sep`` (Babel's stand-alone abbreviations)."""
    return month_name(month, lang, "abbreviated")


def quarter_numeral(quarter: int, lang: str) -> str:
    """Latvian writes a quarter with a Roman numeral (``III ceturksnis``), English with a digit (``Q3``)."""
    return ("I", "II", "III", "IV")[quarter - 1] if lang == "lv" else str(quarter)


def quarter_name(year: int, quarter: int, lang: str) -> str:
    """``I cet. 2025`` / ``Q1 2025``."""
    from i18n import t
    return t("period.quarter_label", lang, numeral=quarter_numeral(quarter, lang), year=year)


def quarter_tick(quarter: int, lang: str) -> str:
    """A quarter's tick on a time axis: ``I cet.`` / ``Q1``."""
    from i18n import t
    return t("period.quarter_tick", lang, numeral=quarter_numeral(quarter, lang))


def quarter_option(quarter: int, lang: str) -> str:
    """A quarter in the period picker: ``I ceturksnis (janv.–marts)`` / ``Q1 (Jan–Mar)``."""
    from i18n import t
    return t("period.quarter_option", lang, numeral=quarter_numeral(quarter, lang),
             first=month_abbreviation(3 * quarter - 2, lang), last=month_abbreviation(3 * quarter, lang))


def latvian_sort_key(text: str) -> tuple:
    """Sort key in Latvian alphabetical order: ``ā`` after ``a`` and before ``b``."""
    key = []
    for ch in unicodedata.normalize("NFC", text.casefold()):
        if ch in _LV_RANK:
            key.append((0, _LV_RANK[ch], ""))
        else:
            key.append((1, 0, ch))
    return tuple(key)


def sort_names(names: Iterable[str]) -> list[str]:
    return sorted(names, key=latvian_sort_key)
