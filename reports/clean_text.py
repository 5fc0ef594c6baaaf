"""Text from the data made safe for each file format, applied where it enters a document.

Titles, names and venues come from spreadsheets and may hold what no document format takes:

* Word (python-docx) and Excel (xlsxwriter) write XML, which cannot hold NUL, ESC and the other C0
  control characters (except tab, line feed, carriage return), lone surrogates or U+FFFE / U+FFFF:
  python-docx raises ``ValueError`` ("All strings must be XML compatible"), a lone surrogate cannot
  even be encoded. :func:`xml_text` removes them; Word's line break (vertical tab, ``\\x0b``) and page
  break (form feed) become a space.
* PDF (fpdf2): the same characters removed (the font has no glyphs for them, and a form feed would
  break the page), and a table cell taller than a page cannot be drawn ("row … too high … single
  page"): :func:`pdf_text` cuts a text longer than :data:`PDF_CELL_LIMIT` characters with an ellipsis
  (the PDF then says that some texts were shortened; the Excel and JSON files have them whole).
  fpdf2 breaks a word too long for its cell inside the word, so long unbroken words need nothing.
* JSON and CSV: lone surrogates cannot be encoded as UTF-8; :func:`json_text` makes them U+FFFD
  (``json`` escapes control characters itself), CSV takes :func:`xml_text` (Excel opens it).

Formula neutralisation (:mod:`exports.safe_cells`) runs after these, on the cleaned text.
"""

from __future__ import annotations

import re

#: what XML 1.0 cannot hold (tab, LF and CR can stay), lone surrogates included
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Word's manual line break (vertical tab) and page break (form feed): a space, not nothing
_BREAKS = re.compile("[\x0b\x0c]")
_SURROGATES = re.compile("[\ud800-\udfff]")
#: the longest text of a PDF table cell, in characters (a cell of the events list then takes about
#: ten lines; every label and value of the report's own words is shorter than a third of this)
PDF_CELL_LIMIT = 300
ELLIPSIS = "…"


def xml_text(value: object) -> str:
    """Text Word and Excel can hold: XML-illegal characters removed, Word's line and page breaks a space."""
    text = "" if value is None else str(value)
    return _XML_ILLEGAL.sub("", _BREAKS.sub(" ", text))


def cut(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else its start, at a word if one ends near, and ``…``."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit * 0.8:
        head = head[:space]
    return head.rstrip() + ELLIPSIS


def pdf_text(value: object, limit: int | None = None) -> str:
    """Text fpdf2 can set: :func:`xml_text` with tabs as spaces and CR line ends as LF.

    With a ``limit`` (a table cell): one paragraph, line breaks as spaces, cut to ``limit`` characters.
    """
    text = xml_text(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if limit is None:
        return text
    return cut(" ".join(text.split("\n")), limit)


def is_cut(value: object, limit: int = PDF_CELL_LIMIT) -> bool:
    """Whether :func:`pdf_text` would shorten ``value``."""
    return pdf_text(value, limit) != " ".join(pdf_text(value).split("\n"))


def json_text(value: str) -> str:
    """Text UTF-8 can encode: a lone surrogate becomes U+FFFD."""
    return _SURROGATES.sub("\ufffd", value)
