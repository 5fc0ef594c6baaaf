"""How wide a text is, and table columns sized to their content: the widths Word, PDF and Excel set.

Widths are measured in the shipped DejaVu Sans (``reports/fonts``, the PDF's font) from the font's
own advance widths, in points. Word's Calibri is narrower than DejaVu Sans, so a Word column sized
this way has a little room to spare, never too little; LibreOffice without Calibri falls back to
DejaVu-like widths, which then fit exactly.

:func:`fit_columns` works like a browser's automatic table layout, with one more step: a table whose
texts all fit on one line is only as wide as they are; otherwise the narrow columns (dates, figures)
get what their figures need, every column at least its longest word, and the rest of the width goes,
step by step, to the column where it saves the most lines over the whole table.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

FONT_DIR = Path(__file__).resolve().parent / "fonts"
_FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
#: no single column's smallest width may take more than this share of the table (a 300-letter word
#: would otherwise squeeze every other column; the text is then broken inside the word)
MAX_MIN_SHARE = 0.4
#: a label–value table's value column keeps at least its longest word, up to this share of the width
MAX_VALUE_WORD_SHARE = 0.75

#: ``(text, bold)``: one cell's text and whether it is set in bold
Cell = tuple[str, bool]


@functools.cache
def _advances(*, bold: bool) -> tuple[dict[int, int], int]:
    """``({code point: advance in 1/1000 em}, the advance of a character the font lacks)``."""
    from fpdf import FPDF  # the font parser fpdf2 uses for the PDF itself

    pdf = FPDF()
    pdf.add_font("measure", "B" if bold else "", FONT_DIR / _FONT_FILES[bold])
    font = next(iter(pdf.fonts.values()))
    advances = dict(font.cw)  # a plain dict: reading it from several threads changes nothing
    return advances, int(font.desc.missing_width or advances.get(ord("0"), 600))


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line, in points, at ``size`` points."""
    advances, missing = _advances(bold=bold)
    return sum(advances.get(ord(char), missing) for char in text) * size / 1000


def longest_word(text: str, size: float, *, bold: bool = False) -> float:
    return max((text_width(word, size, bold=bold) for word in text.split()), default=0.0)


def _words(text: str, size: float, *, bold: bool) -> list[list[float]]:
    """Per paragraph (line of ``text``), the widths of its words."""
    return [[text_width(word, size, bold=bold) for word in paragraph.split()] for paragraph in text.split("\n")]


def _lines(paragraphs: list[list[float]], space: float, width: float) -> int:
    """How many lines words of these widths take in ``width``, broken at spaces (a longer word inside itself)."""
    if width <= 0:
        return 1
    lines = 0
    for words in paragraphs:
        lines += 1
        used = 0.0
        for length in words:
            if used and used + space + length <= width:
                used += space + length
                continue
            if used:  # the word starts a new line
                lines += 1
            pieces = max(1, math.ceil(length / width))  # a word wider than the column is broken inside
            lines += pieces - 1
            used = length - (pieces - 1) * width
    return max(lines, 1)


def line_count(text: str, width: float, size: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes in ``width`` points, broken at spaces (a longer word inside itself)."""
    return _lines(_words(text, size, bold=bold), text_width(" ", size, bold=bold), width)


def natural_width(columns: Sequence[Sequence[Cell]], size: float, padding: float) -> float:
    """How wide the table would be with every cell on one line (points)."""
    return sum(max((text_width(text, size, bold=bold) for text, bold in cells), default=0.0) + 2 * padding
               for cells in columns)


def fit_columns(columns: Sequence[Sequence[Cell]], size: float, available: float, padding: float) -> list[float]:
    """Column widths (points) for ``columns``: each its cells' ``(text, bold)``, the header first.

    ``available`` is the widest the table may be, ``padding`` a cell's inner margin on each side.
    """
    if not columns:
        return []

    def widest(cells: Sequence[Cell], measure) -> float:
        return max((measure(text, size, bold=bold) for text, bold in cells), default=0.0) + 2 * padding

    natural = [widest(cells, text_width) for cells in columns]
    if sum(natural) <= available:
        return natural
    least = [min(widest(cells, longest_word), available * MAX_MIN_SHARE, high)
             for cells, high in zip(columns, natural, strict=True)]
    # a column's body on one line, its header wrapped at its words: what a date or figure column needs
    body = [max(widest(cells[1:], text_width), low) for cells, low in zip(columns, least, strict=True)]
    fixed = _narrow_columns(body, available)
    floor = [body[i] if i in fixed else least[i] for i in range(len(columns))]
    if sum(floor) > available:  # the wide columns' longest words need more: no column is kept whole
        floor = least
    if sum(floor) >= available:  # narrower than the longest words: each column gives up alike
        return [width * available / sum(floor) for width in floor]
    return _share_room(columns, floor, natural, available - sum(floor), size, padding)


def _narrow_columns(body: list[float], available: float) -> set[int]:
    """The columns whose body fits in a fair share of what the columns before them leave."""
    fixed: set[int] = set()
    room = available
    while True:
        open_ = [i for i in range(len(body)) if i not in fixed]
        narrow = [i for i in open_ if body[i] <= room / len(open_)]
        if not narrow or len(narrow) == len(open_):
            return fixed
        fixed.update(narrow)
        room -= sum(body[i] for i in narrow)


#: the room is handed out in this many steps; at most this many rows are looked at
_STEPS = 60
_SAMPLE_ROWS = 200


def _share_room(columns: Sequence[Sequence[Cell]], floor: list[float], natural: list[float], room: float,
                size: float, padding: float) -> list[float]:
    """``floor`` widths plus ``room``, given a step at a time to the column where it saves the most lines
    per step over the table (a row is as tall as its tallest cell); once no step saves a line, the rest
    goes to the columns in proportion to what they still lack of their natural width."""
    step = room / _STEPS
    count = len(columns[0])
    rows = range(0, count, max(1, math.ceil(count / _SAMPLE_ROWS)))  # evenly spread rows stand for the rest
    spaces = {bold: text_width(" ", size, bold=bold) for bold in (False, True)}
    # lines[col, k, row]: the row's lines in the column given k steps (a column never needs more than natural)
    lines = np.ones((len(columns), _STEPS + 1, len(rows)), dtype=np.int32)
    for col, cells in enumerate(columns):
        for j, row in enumerate(rows):
            text, bold = cells[row]
            words = _words(text, size, bold=bold)
            for k in range(_STEPS + 1):
                width = floor[col] + k * step
                lines[col, k, j] = _lines(words, spaces[bold], width - 2 * padding)
                if width >= natural[col]:
                    lines[col, k + 1:, j] = lines[col, k, j]
                    break
    given = np.zeros(len(columns), dtype=np.int64)
    left = _STEPS
    while left:
        current = lines[np.arange(len(columns)), given]  # (columns, rows)
        height = current.max(axis=0).sum()
        best = (0.0, 0, -1)  # (lines saved per step, steps, column)
        for col in range(len(columns)):
            others = np.delete(current, col, axis=0).max(axis=0) if len(columns) > 1 else 0
            ahead = lines[col, given[col] + 1 : given[col] + left + 1]  # (k, rows)
            if not len(ahead):
                continue
            saved = height - np.maximum(ahead, others).sum(axis=1)
            per_step = saved / np.arange(1, len(ahead) + 1)
            k = int(per_step.argmax())
            if per_step[k] > best[0]:
                best = (float(per_step[k]), k + 1, col)
        if best[2] < 0:
            break
        given[best[2]] += best[1]
        left -= best[1]
    widths = [floor[col] + given[col] * step for col in range(len(columns))]
    lacking = [max(natural[col] - widths[col], 0.0) for col in range(len(columns))]
    total = sum(lacking)
    return [width + left * step * (lack / total if total else 1 / len(widths))
            for width, lack in zip(widths, lacking, strict=True)]


def fit_label_column(labels: Sequence[Cell], values: Sequence[Cell], size: float, available: float,
                     padding: float) -> float:
    """The label column's width (points) of a label–value table whose values take the rest of the line:
    the labels on one line if the values' longest word still fits beside them, else narrower, but never
    narrower than the labels' longest word."""
    natural = max((text_width(text, size, bold=bold) for text, bold in labels), default=0.0) + 2 * padding
    least = max((longest_word(text, size, bold=bold) for text, bold in labels), default=0.0) + 2 * padding
    value_word = max((longest_word(text, size, bold=bold) for text, bold in values), default=0.0) + 2 * padding
    # a value's word too long to keep whole (a 64-digit fingerprint) breaks anyway: the label may then take more
    fits = value_word <= available * MAX_VALUE_WORD_SHARE
    room = available - value_word if fits else available * MAX_MIN_SHARE
    return min(max(least, min(natural, room)), available * (1 - MAX_MIN_SHARE / 2))
