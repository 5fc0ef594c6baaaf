"""The map as a PNG image for slides: the standalone HTML (:func:`maps.standalone_html`) drawn by a
headless Chromium.

The HTML needs no internet (with no base map), so neither does the image. Chromium is Debian's
``/usr/bin/chromium`` or the one set with ``BROWSER_PATH`` (``Settings.browser_path``, passed in as
``browser``), run as a subprocess with a time limit in a temporary folder of its own (its profile
too), so nothing is left behind and several sessions can draw at once. The image is 1920 × 1080
pixels: the map laid out at 1280 × 720 and drawn at 1.5 pixels per CSS pixel, so the legend's text is
large enough on a slide; the zoom buttons are left out.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from pathlib import Path

from config.settings import BROWSER_CANDIDATES

#: CSS pixels of the page the map is laid out on, and the pixels per CSS pixel of the image
LAYOUT_SIZE = (1280, 720)
SCALE = 1.5
TIMEOUT_S = 60
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: in the image only: no zoom buttons (nobody can press them on a slide)
_IMAGE_CSS = "<style>.leaflet-control-zoom { display: none; }</style>"
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--mute-audio",
)  # fmt: skip


class NoBrowser(RuntimeError):
    """No Chromium to draw the image with."""


class ImageFailed(RuntimeError):
    """Chromium ran but gave no image (a crash, a time-out)."""


def find_browser(configured: str | None = None) -> str | None:
    """``configured`` (the ``BROWSER_PATH`` setting) if it is a program, else the first of Debian's
    chromiums there; ``None`` when there is none."""
    candidates = (configured,) if configured else BROWSER_CANDIDATES
    return next((path for path in candidates if path and Path(path).is_file() and os.access(path, os.X_OK)), None)


def _for_the_image(html: str) -> str:
    head_end = html.find("</head>")
    return html + _IMAGE_CSS if head_end < 0 else html[:head_end] + _IMAGE_CSS + html[head_end:]


def map_png(html: str, browser: str | None = None, *, timeout: float = TIMEOUT_S) -> bytes:
    """The PNG of the standalone map ``html``. Raises :class:`NoBrowser` or :class:`ImageFailed`."""
    program = find_browser(browser)
    if program is None:
        raise NoBrowser(f"no Chromium at {browser or ' or '.join(BROWSER_CANDIDATES)}")
    width, height = LAYOUT_SIZE
    with tempfile.TemporaryDirectory(prefix="map-png-") as folder:
        page, image = Path(folder) / "map.html", Path(folder) / "map.png"
        page.write_text(_for_the_image(html), encoding="utf-8")
        command = [program, *_FLAGS, f"--user-data-dir={Path(folder) / 'profile'}",
                   f"--window-size={width},{height}", f"--force-device-scale-factor={SCALE}",
                   f"--screenshot={image}", page.as_uri()]
        returncode, stderr = _run(command, timeout)
        data = image.read_bytes() if image.is_file() else b""
        if not data.startswith(_PNG_SIGNATURE):
            raise ImageFailed(f"{program} exited with {returncode} and no image: {stderr[-2000:]}")
        return data


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run ``command`` in a process group of its own; on a time-out the whole group (Chromium's
    renderer and helper processes too) is killed."""
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, start_new_session=True)
    except OSError as error:
        raise ImageFailed(f"{command[0]} could not be started: {error}") from error
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as expired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ImageFailed(f"{command[0]} gave no image in {timeout:g} s") from expired
    return process.returncode, stderr.decode("utf-8", "replace")
