"""The personal-data guard: names, e-mails, phone numbers and personal codes never get in.

Two checks, both on text normalised the same way (Unicode NFC, case-folded, diacritics and
punctuation folded):

* a **header** that names a person's details as a word anywhere in it (``Vārds Uzvārds``,
  ``E-pasta adrese``, ``Tālruņa numurs``, ``first name``, a macOS ``Vārds`` with a decomposed
  ``ā``), in Latvian or English, with or without diacritics;
* a **cell** that holds a Latvian personal code (``DDMMYY-CNNNN`` with any hyphen or dash or
  none, the date part checked; or the new ``32xxxx-xxxxx``), an e-mail address or a phone number
  (Latvian ``2xxxxxxx`` / ``6xxxxxxx``, optionally ``+371``; any ``+`` international number).

Either refuses the file (an error at the header or the cell). Messages never repeat the value:
:func:`mask` hides what is personal in any problem's value.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import pairwise

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from loaders.fast import cell_bytes

#: hyphens and dashes people type or Word puts in: -, ‐ ‑ ‒ – — ―, −, ﹘ ﹣ －
_DASH_CHARS = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DASH = f"[{_DASH_CHARS}]"
_DASH_RE2 = "[\\-\\x{2010}-\\x{2015}\\x{2212}\\x{FE58}\\x{FE63}\\x{FF0D}]"
_DAY_MONTH = "(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])"

#: old ``DDMMYY-CNNNN`` (C = century digit 0–2) and new ``32xxxx-xxxxx`` personal codes
PERSONAL_CODE = re.compile(
    rf"(?<![0-9])(?:{_DAY_MONTH}[0-9]{{2}}{_DASH}?[0-2][0-9]{{4}}|32[0-9]{{4}}{_DASH}?[0-9]{{5}})(?![0-9])"
)
EMAIL = re.compile(r"[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}")
#: Latvian numbers (8 digits from 2 or 6, written together or as 2x xxx xxx), with or without
#: +371 / 00371; any number written with a leading + (7–15 digits, spaces or dashes between)
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)371[ \-]?)?[26][0-9](?:[0-9]{6}|[ \-][0-9]{3}[ \-][0-9]{3})(?![0-9])"
    r"|(?<![\w+])\+[0-9](?:[ \-]?[0-9]){6,14}(?![0-9])"
)

# the same three in RE2 for pyarrow (no look-arounds: a non-digit or an end instead), to find the cells
_CODE_RE2 = (f"(?:^|[^0-9])(?:{_DAY_MONTH}[0-9]{{2}}{_DASH_RE2}?[0-2][0-9]{{4}}|32[0-9]{{4}}{_DASH_RE2}?[0-9]{{5}})"
             "(?:[^0-9]|$)")
_EMAIL_RE2 = r"[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}"
_PHONE_RE2 = (r"(?:^|[^\p{L}\p{N}+])(?:(?:\+|00)371[ \-]?)?[26][0-9](?:[0-9]{6}|[ \-][0-9]{3}[ \-][0-9]{3})(?:[^0-9]|$)"
              r"|(?:^|[^\p{L}\p{N}+])\+[0-9](?:[ \-]?[0-9]){6,14}(?:[^0-9]|$)")
_RE2 = {"personal_code": _CODE_RE2, "email_address": _EMAIL_RE2, "phone_number": _PHONE_RE2}


def _byte_set(characters: bytes, *, non_ascii: bool = False) -> np.ndarray:
    allowed = np.zeros(256, dtype=bool)
    allowed[list(characters)] = True
    allowed[0x80:] = non_ascii
    return allowed


#: what a personal code is written with (a dash beyond ASCII is several bytes, all ≥ 0x80), and its length
_CODE_BYTES, _CODE_LENGTH = _byte_set(b"0123456789-", non_ascii=True), 10
#: what a phone number is written with, and its shortest form (8 digits)
_PHONE_BYTES, _PHONE_LENGTH = _byte_set(b"0123456789 -+"), 8
#: the shortest e-mail address, ``a@b.lv``
_EMAIL_LENGTH = 6

#: words (folded) that name a person's details in a header
_WORDS = frozenset({
    "name", "names", "surname", "surnames", "firstname", "lastname", "fullname", "forename", "username",
    "vards", "vardi", "varda", "uzvards", "uzvardi", "uzvarda", "vardsuzvards",
    "email", "emails", "mail", "epasts", "epasta", "epastu", "epasti",
    "phone", "phones", "telephone", "mobile", "tel", "telefons", "telefona", "telefonu", "talrunis", "talruna",
    "talruni", "talr", "mob", "mobilais",
    "personaskods", "personaskoda", "personalcode", "idcode", "passport", "pase", "pases",
})  # fmt: skip
#: stems specific enough to find inside a compound word (``kontakttālrunis``, ``emailadrese``)
_STEMS = ("talrun", "telefon", "epast", "email", "uzvard", "personaskod", "surname")
#: two words that do, written apart (``e pasts``, ``personas kods``)
_PAIRS = frozenset({
    ("e", "pasts"), ("e", "pasta"), ("e", "pastu"), ("e", "mail"), ("personas", "kods"), ("personas", "koda"),
    ("personal", "code"), ("id", "code"), ("personal", "id"),
})  # fmt: skip


def fold(text: str) -> str:
    """NFC, case-folded, diacritics dropped, anything but letters and digits as one space."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFC", text).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", plain).split())


def names_a_person(header: str) -> bool:
    """Whether a header names a person's details (as a word, or two, anywhere in it)."""
    words = fold(header).split()
    return (any(word in _WORDS or any(stem in word for stem in _STEMS) for word in words)
            or any(pair in _PAIRS for pair in pairwise(words)) or "".join(words) in _WORDS)


def kind_of(value: str) -> str | None:
    """``personal_code``, ``email_address``, ``phone_number`` (in that order) or ``None``."""
    if PERSONAL_CODE.search(value):
        return "personal_code"
    if EMAIL.search(value):
        return "email_address"
    if PHONE.search(value):
        return "phone_number"
    return None


def suspect_values(cells: pa.ChunkedArray) -> list[str]:
    """The distinct cell values that hold something personal.

    First a look at the column's bytes (a few numpy passes, no string per cell): which kinds it
    *could* hold, by an ``@``, or a long enough run of the characters a code or a phone number is
    written with inside one cell. Only for those, each distinct value is searched once in RE2.
    A million ids like ``P0012345`` need no search at all.
    """
    kinds = _possible_kinds(cells)
    if not kinds:
        return []
    distinct = pc.unique(cells)
    found = functools.reduce(pc.or_, [pc.match_substring_regex(distinct, _RE2[kind]) for kind in kinds])
    return [value for value in distinct.filter(found).to_pylist() if value is not None and kind_of(value) is not None]


def _possible_kinds(cells: pa.ChunkedArray) -> list[str]:
    longest = pc.max(pc.binary_length(cells)).as_py() or 0
    if longest < _EMAIL_LENGTH:
        return []  # years, codes, short ids: nothing here is long enough
    # known impossible, and so not looked for: cells too short for them
    impossible = {kind for kind, length in (("personal_code", _CODE_LENGTH), ("phone_number", _PHONE_LENGTH))
                  if longest < length}
    kinds = set(impossible)
    for chunk in cells.chunks:
        if len(kinds) == len(_RE2):
            break
        data, starts = cell_bytes(chunk)
        if data.size:
            kinds |= {kind for kind in _RE2 if kind not in kinds and _could_be(kind, data, starts)}
    return [kind for kind in _RE2 if kind in kinds - impossible]


def _could_be(kind: str, data: np.ndarray, starts: np.ndarray) -> bool:
    """Whether cells written back to back as ``data`` could hold ``kind`` (an ``@``, or a long enough run)."""
    if kind == "email_address":
        return bool((data == ord("@")).any())
    if kind == "personal_code":
        return _has_run(data, starts, _CODE_BYTES, _CODE_LENGTH)
    return _has_run(data, starts, _PHONE_BYTES, _PHONE_LENGTH)


def _in_table(data: np.ndarray, table: np.ndarray) -> np.ndarray:
    """``table[data]`` for a byte table made of a few ranges: a comparison or two per range, into
    reused buffers (a lookup by fancy indexing costs several times as much)."""
    edges = np.flatnonzero(np.diff(np.concatenate(([False], table, [False])).astype(np.int8)))
    found = np.zeros(data.shape, dtype=bool)
    compared = np.empty(data.shape, dtype=bool)
    shifted = np.empty(data.shape, dtype=np.uint8)
    for low, high in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):  # table[low:high] is set
        if high - low == 1:
            np.equal(data, low, out=compared)
        elif high == 256:
            np.greater_equal(data, low, out=compared)
        else:
            np.subtract(data, np.uint8(low), out=shifted)
            np.less(shifted, high - low, out=compared)
        found |= compared
    return found


def _all_in_windows(flags: np.ndarray, length: int, *, any_: bool = False) -> np.ndarray:
    """For each i, whether ``flags[i : i + length]`` are all set (or, with ``any_``, any is): by
    doubling the window, about log2(length) passes instead of ``length``."""
    combine = np.logical_or if any_ else np.logical_and
    windows, span = flags, 1
    while span * 2 <= length:  # windows[i] covers flags[i : i + span]
        windows = combine(windows[:-span], windows[span:])
        span *= 2
    if span < length:  # two overlapping windows of ``span`` cover exactly ``length``
        rest = length - span
        windows = combine(windows[:-rest], windows[rest:])
    return windows


#: bytes looked at in one go: the few passes over a block stay in the processor's cache
_BLOCK = 1 << 17


def _has_run(data: np.ndarray, starts: np.ndarray, allowed: np.ndarray, length: int) -> bool:
    """Whether some cell holds ``length`` ``allowed`` bytes in a row (cells lie back to back in ``data``).

    Block by block; each block reaches ``length - 1`` bytes into the next, so every window of
    ``length`` bytes lies wholly inside one block.
    """
    if data.size < length:
        return False
    if length == 1:
        return bool(_in_table(data, allowed).any())
    starts = starts[(starts > 0) & (starts < data.size)]  # the cell starts that can cut a run
    for low in range(0, data.size - length + 1, _BLOCK):
        block = data[low : low + _BLOCK + length - 1]
        runs = _all_in_windows(_in_table(block, allowed), length)
        if not runs.any():
            continue
        # a run that only exists across the end of one cell and the start of the next does not
        # count: the window at i crosses one if a cell starts at i + 1 .. i + length - 1
        later_start = np.zeros(block.size, dtype=bool)
        inside = starts[np.searchsorted(starts, low) : np.searchsorted(starts, low + block.size)]
        later_start[inside - low] = True
        crossing = _all_in_windows(later_start, length - 1, any_=True)[1:]
        if (runs & ~crossing).any():
            return True
    return False


def mask(value: str) -> str:
    """``value`` with personal codes, e-mails and phone numbers hidden (where they are still shows)."""
    value = PERSONAL_CODE.sub(lambda m: m.group(0)[:2] + re.sub(r"[0-9]", "*", m.group(0)[2:]), value)
    value = EMAIL.sub("***@***", value)
    return PHONE.sub(lambda m: re.sub(r"[0-9]", "*", m.group(0)), value)
