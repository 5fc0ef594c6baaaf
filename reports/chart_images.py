"""The report's charts as PNG images for Word and PDF: plotly's image export (Kaleido) through Chromium.

Kaleido drives a headless Chromium; offline it cannot download one, so it uses Debian's
``/usr/bin/chromium`` (or the one set with ``BROWSER_PATH``: ``Settings.browser_path``, passed in
as ``browser``). All charts of a report are drawn in one browser
session (about 4 s in all, against 5 s *per chart* with ``fig.to_image``). When no browser can be
started, :func:`render_charts` returns no images and the reason, and the documents print a note
instead of the charts: a report is never lost because of a chart.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import plotly.graph_objects as go

from config.settings import BROWSER_CANDIDATES
from reports.model import Report
from reports.report_charts import report_charts

IMAGE_WIDTH = 1000
#: narrower images for charts that do not need the page's width (same text size when printed)
WIDTH_SHARES = {"participations_by_gender": 0.6}
RENDER_TIMEOUT_S = 30
TOTAL_TIMEOUT_S = 90
_CACHE_SIZE = 8
#: the last images drawn, by figure content and widths (shared by every session's thread: use the lock)
_cache: OrderedDict[tuple[str, ...], tuple[bytes, ...]] = OrderedDict()
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class ChartImage:
    title: str
    png: bytes
    #: height / width of the image
    aspect: float
    #: share of the text width to print it at (a donut needs less than a bar chart)
    width_share: float = 1.0


@dataclass(frozen=True)
class ChartImages:
    images: tuple[ChartImage, ...]
    #: titles of the charts left out in public mode
    hidden: tuple[str, ...]
    #: why the charts could not be drawn (``None`` when they were)
    missing_reason: str | None = None


def browser_path(configured: str | None = None) -> str | None:
    """``configured`` (the ``BROWSER_PATH`` setting) if given, else the first of Debian's chromiums there."""
    if configured:
        return configured
    return next((path for path in BROWSER_CANDIDATES if Path(path).is_file()), None)


async def _render_async(figures: list[go.Figure], widths: list[int], browser: str | None) -> list[bytes]:
    import kaleido  # imported here: the page and the JSON/Excel exports never need it

    path = browser_path(browser)
    options = {"path": path} if path else {}
    async with kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT_S, mathjax=False, **options) as renderer:
        return [
            await renderer.calc_fig(
                _for_print(fig), opts={"format": "png", "width": width, "height": _height(fig), "scale": 2}
            )
            for fig, width in zip(figures, widths, strict=True)
        ]


def _for_print(fig: go.Figure) -> go.Figure:
    """A copy on plain white paper (the page's theme may tint the background)."""
    return go.Figure(fig).update_layout(paper_bgcolor="white", plot_bgcolor="white")


def _height(fig: go.Figure) -> int:
    return int(fig.layout.height or 380)


def render_pngs(figures: list[go.Figure], widths: list[int] | None = None, browser: str | None = None) -> list[bytes]:
    """PNG bytes of each figure (raises when no browser can draw them).

    Runs in its own thread with its own event loop, so it works from a Streamlit script or a
    download callback as well as from the command line. Results are cached by figure content (the
    last 8; safe from several sessions' threads at once). ``browser``: the ``BROWSER_PATH`` setting.
    """
    widths = widths or [IMAGE_WIDTH] * len(figures)
    key = tuple(fig.to_json() for fig in figures) + tuple(map(str, widths))
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return list(_cache[key])
    pngs = _render(figures, widths, browser)  # not under the lock: other sessions' cached charts need no wait
    with _cache_lock:
        _cache[key] = tuple(pngs)
        _cache.move_to_end(key)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return pngs


def clear_cache() -> None:
    """Forget the drawn images (the benchmark draws them as the first click on the page does)."""
    with _cache_lock:
        _cache.clear()


def _render(figures: list[go.Figure], widths: list[int], browser: str | None) -> list[bytes]:
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-charts")
    try:
        return pool.submit(asyncio.run, _render_async(figures, widths, browser)).result(timeout=TOTAL_TIMEOUT_S)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def render_charts(report: Report, browser: str | None = None) -> ChartImages:
    """The report's charts as images, or none and the reason when they cannot be drawn.

    ``browser``: the ``BROWSER_PATH`` setting (``None``: Debian's chromium).
    """
    charts = report_charts(report)
    drawn = [chart for chart in charts if chart.figure is not None]
    hidden = tuple(chart.title for chart in charts if chart.figure is None)
    if not drawn:
        return ChartImages((), hidden)
    try:
        shares = [WIDTH_SHARES.get(chart.key, 1.0) for chart in drawn]
        pngs = render_pngs([chart.figure for chart in drawn], [round(IMAGE_WIDTH * share) for share in shares],
                           browser=browser)
    except Exception as exc:  # no browser, a crash, a timeout: the document goes out without charts
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
        return ChartImages((), hidden, missing_reason=reason[:200])
    images = tuple(
        ChartImage(chart.title, png, _height(chart.figure) / (IMAGE_WIDTH * share), share)
        for chart, png, share in zip(drawn, pngs, shares, strict=True)
    )
    return ChartImages(images, hidden)


#: images to come: call it to wait for them (what :func:`drawing_charts` returns)
PendingImages = Callable[[], ChartImages]


def drawing_charts(report: Report, browser: str | None = None,
                   render: Callable[[Report, str | None], ChartImages] | None = None) -> PendingImages:
    """Start drawing the report's charts in the background and return a function that waits for them.

    Drawing takes Chromium a few seconds (about 1.5 s of them its start), mostly in its own
    processes: a document builds its text in the meantime and asks for the images when it reaches
    the charts. ``render``: :func:`render_charts` unless given.
    """
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-charts-ahead")
    future = pool.submit(render or render_charts, report, browser)
    pool.shutdown(wait=False)

    def images() -> ChartImages:
        return future.result()

    return images


def resolved(images: ChartImages | PendingImages) -> ChartImages:
    """The images, waiting for them if they are still being drawn."""
    return images if isinstance(images, ChartImages) else images()
