"""The partnership's logo strip: PNG files in the data folder's ``logos/`` folder.

The partnership puts the logos a funder asks for (the EU's, LEADER's, its own) in
``<data folder>/logos/`` as PNG files; the Word and PDF reports show them in a row at the top of the
first page, in file-name order, at one height, at most :data:`MAX_LOGOS`. Nothing is ever fetched
from anywhere else.

Each file is checked before it goes near a document, and one that fails is left out (and logged),
so a report never shows a broken picture: a regular file (not a symbolic link, nor one reached
through a linked ``logos`` folder), at most :data:`MAX_BYTES`, a PNG signature, dimensions read from
its header within :data:`MAX_SIDE` / :data:`MAX_PIXELS` *before* it is decoded (a small file can
claim a huge picture), a sane shape (:data:`MAX_ASPECT`), and then a full decode with Pillow. The
picture is then scaled down to print size and written anew as a plain PNG (which also drops any
text or metadata chunks the file carried).
"""

from __future__ import annotations

import io
import logging
import os
import stat
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

from i18n import t

log = logging.getLogger(__name__)

FOLDER = "logos"
MAX_LOGOS = 5
MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 5000
MAX_PIXELS = 12_000_000
#: the longest side at most this many times the shortest
MAX_ASPECT = 12.0
MIN_SIDE = 8
#: logos are printed about 1.5 cm high: 300 dpi needs under 200 pixels
PRINT_HEIGHT_PX = 240
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Logo:
    name: str
    #: a plain PNG, re-encoded from the file
    png: bytes
    width: int
    height: int

    @property
    def aspect(self) -> float:
        """width / height"""
        return self.width / self.height


class BadLogo(ValueError):
    """Why a file is left out: ``report.logo.<key>`` in the catalogue, with its ``params``."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "en") -> str:
        return t(f"report.logo.{self.key}", lang, **self.params)


@dataclass(frozen=True)
class LeftOut:
    """A file of ``logos/`` that is not shown, and why."""

    name: str
    reason: BadLogo


def _read_regular_file(path: Path) -> bytes:
    """The file's bytes, if it is a regular file (not a link) of at most ``MAX_BYTES``.

    ``O_NOFOLLOW`` also refuses a link put in the file's place after the check; ``O_NONBLOCK`` keeps a
    named pipe from blocking the open (it is then refused as not a regular file)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise BadLogo("link")
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise BadLogo("unreadable", reason=exc.strerror or type(exc).__name__) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise BadLogo("not_a_file")
        if info.st_size > MAX_BYTES:
            raise BadLogo("too_big", limit=MAX_BYTES // (1024 * 1024))
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(descriptor, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise BadLogo("unreadable", reason=exc.strerror or type(exc).__name__) from None
    finally:
        os.close(descriptor)
    if size > MAX_BYTES:
        raise BadLogo("too_big", limit=MAX_BYTES // (1024 * 1024))
    return b"".join(chunks)


def _header_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk, which must come first."""
    if not data.startswith(PNG_SIGNATURE):
        raise BadLogo("not_png")
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise BadLogo("not_png")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _check_size(width: int, height: int) -> None:
    if min(width, height) < MIN_SIDE or max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
        raise BadLogo("size", width=width, height=height)
    if max(width, height) / min(width, height) > MAX_ASPECT:
        raise BadLogo("shape", width=width, height=height)


def check_logo(name: str, data: bytes) -> Logo:
    """The logo in ``data``, scaled to print size and re-encoded; :class:`BadLogo` if it is not a sane PNG."""
    from PIL import Image  # Pillow comes with fpdf2

    width, height = _header_size(data)
    _check_size(width, height)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
                if image.size != (width, height):
                    raise BadLogo("broken")
                image.load()
                picture = image.convert("RGBA" if _has_alpha(image) else "RGB")
    except BadLogo:
        raise
    except Exception:  # truncated, corrupt, a bomb: whatever Pillow refuses
        raise BadLogo("broken") from None
    if picture.height > PRINT_HEIGHT_PX:
        picture = picture.resize((max(1, round(picture.width * PRINT_HEIGHT_PX / picture.height)), PRINT_HEIGHT_PX),
                                 Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return Logo(name, out.getvalue(), picture.width, picture.height)


def _has_alpha(image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode in ("P", "L", "RGB") and "transparency" in image.info)


def read_logos(folder: Path | str | None) -> tuple[list[Logo], list[LeftOut]]:
    """The good logos of ``<folder>/logos/`` in file-name order (at most :data:`MAX_LOGOS`), and the
    files left out. No folder, no ``logos`` folder, or a ``logos`` that is a link or not a folder: none."""
    if folder is None:
        return [], []
    place = Path(folder) / FOLDER
    try:
        if not stat.S_ISDIR(os.lstat(place).st_mode):  # lstat: a link to a folder elsewhere is not followed
            log.warning("%s is not a folder: no logos", place)
            return [], []
        names = sorted((entry.name for entry in os.scandir(place)
                        if entry.name.lower().endswith(".png") and not entry.name.startswith(".")),
                       key=lambda name: (name.casefold(), name))
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        log.warning("the logos in %s cannot be read: %s", place, exc.strerror)
        return [], []
    found: list[Logo] = []
    left_out: list[LeftOut] = []
    for name in names:
        if len(found) == MAX_LOGOS:
            left_out.append(LeftOut(name, BadLogo("too_many", most=MAX_LOGOS)))
            continue
        try:
            found.append(check_logo(name, _read_regular_file(place / name)))
        except BadLogo as bad:
            left_out.append(LeftOut(name, bad))
        except Exception:  # whatever else goes wrong with one file, the report is still made without it
            log.exception("logo %s is left out", place / name)
            left_out.append(LeftOut(name, BadLogo("broken")))
    for item in left_out:
        log.info("logo %s is left out: %s", place / item.name, item.reason.message())
    return found, left_out


def logos(folder: Path | str | None) -> list[Logo]:
    """The good logos of ``<folder>/logos/``, in file-name order, at most :data:`MAX_LOGOS` (see :func:`read_logos`)."""
    return read_logos(folder)[0]
