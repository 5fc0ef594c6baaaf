"""maps.image: the standalone map drawn to a PNG by headless Chromium (a subprocess with a time limit);
no Chromium, a Chromium that gives no image and one that hangs each end in an exception the page can
say in its language (``tests/test_page_map.py`` tests what the page says)."""

from __future__ import annotations

import struct
import time
from pathlib import Path

import pytest

import maps
import metrics
from loaders import Dataset
from maps import image

CHROMIUM = image.find_browser()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def fake_browser(folder: Path, body: str) -> str:
    path = folder / "chromium"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@needs_chromium
def test_the_map_is_drawn_as_a_slide_sized_png(demo: Dataset) -> None:
    html = maps.standalone_html(demo, metrics.Filters(), maps.MapOptions(route="E2019-006", public=True), "lv")
    started = time.monotonic()
    data = image.map_png(html)
    assert time.monotonic() - started < image.TIMEOUT_S
    assert png_size(data) == (1920, 1080)
    assert len(data) > 50_000  # the map, not a blank page (a blank 1920 × 1080 PNG is a few kB)


def test_the_image_leaves_the_zoom_buttons_out() -> None:
    html = "<html><head><title>x</title></head><body></body></html>"
    assert image._for_the_image(html) == (
        "<html><head><title>x</title><style>.leaflet-control-zoom { display: none; }</style></head>"
        "<body></body></html>"
    )


def test_no_browser_is_said(tmp_path: Path) -> None:
    missing = str(tmp_path / "no-chromium-here")
    assert image.find_browser(missing) is None
    with pytest.raises(image.NoBrowser, match="no-chromium-here"):
        image.map_png("<html></html>", missing)
    not_a_program = tmp_path / "chromium.txt"
    not_a_program.write_text("", encoding="utf-8")
    assert image.find_browser(str(not_a_program)) is None


def test_a_browser_that_gives_no_image_fails(tmp_path: Path) -> None:
    browser = fake_browser(tmp_path, "echo 'cannot open display' >&2; exit 3")
    with pytest.raises(image.ImageFailed, match="exited with 3 and no image: cannot open display"):
        image.map_png("<html></html>", browser)


def test_a_browser_that_hangs_is_stopped(tmp_path: Path) -> None:
    browser = fake_browser(tmp_path, "sleep 30 & sleep 30")  # a child of its own, as Chromium has
    started = time.monotonic()
    with pytest.raises(image.ImageFailed, match="no image in 1 s"):
        image.map_png("<html></html>", browser, timeout=1)
    assert time.monotonic() - started < 10
