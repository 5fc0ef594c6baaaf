"""Fixtures and helpers for the browser tests: a real ``streamlit run`` driven by Debian chromium.

Follows Streamlit's own e2e suite: every server runs headless on its own free port, is polled on
``/_stcore/health`` before use, and a page is looked at only once the app has finished running
(``stApp`` script state ``notRunning``, no ``stSkeleton``). Use Playwright ``expect`` (it waits by
itself), never sleeps.

Fixtures:
    ``streamlit_server``  the app on the demo data (session-scoped ``Server``).
    ``start_streamlit``   a factory ``(data_dir: Path | None) -> Server``; stopped after the test.
    ``browser``           headless Debian chromium (session-scoped).
    ``page``              a fresh context per test: 1440×1000, locale ``lv-LV``.

Helpers (import with ``from .conftest import ...``): ``start_server``, ``app_url``,
``open_app``, ``wait_for_app``, ``assert_no_exception``, ``kpi_value``, ``screenshot``,
``show_everything``, ``wait_for_charts``, ``whole_words``.

The browser is the app's ``BROWSER_PATH`` setting (the one that draws the report charts), by default
Debian's ``/usr/bin/chromium``; ``CHROMIUM_PATH``, the tests' old name for it, still works when
``BROWSER_PATH`` is not set. Without it the browser tests are skipped, or fail when ``CI=true``.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from config import load_settings

PROJECT_DIR = Path(__file__).resolve().parents[2]
SCREENSHOTS_DIR = PROJECT_DIR / "screenshots"
CHROMIUM = Path(load_settings(os.environ).browser_path or os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1440, "height": 1000}
LOCALE = "lv-LV"

SERVER_START_TIMEOUT_S = 60.0
#: How long a page may take to finish its first run (cold imports of pandas, plotly, folium...).
APP_RUN_TIMEOUT_MS = 30_000
CHART_TIMEOUT_MS = 15_000

_running_servers: list[Server] = []


# --------------------------------------------------------------------------- chromium


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_chromium() -> None:
    """Skip (or, with ``CI=true``, fail) when Debian's chromium is not installed."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    message = (
        f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install -y chromium; "
        "`playwright install` does not work offline)."
    )
    if _on_ci():
        pytest.fail(f"CI=true and chromium is missing. {message}", pytrace=False)
    pytest.skip(message)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("browser") is not None:
        require_chromium()


# --------------------------------------------------------------------------- streamlit server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A ``streamlit run dashboard.py`` in its own process group, logging to ``log_path``."""

    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    data_dir: Path | None = None
    _stopped: bool = field(default=False, repr=False)

    @property
    def url(self) -> str:
        """Base URL without a trailing slash, e.g. ``http://127.0.0.1:8765``."""
        return f"http://127.0.0.1:{self.port}"

    def log(self) -> str:
        """Everything the server wrote to stdout and stderr so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def stop(self) -> None:
        """Terminate the whole process group (SIGTERM, then SIGKILL after 10 s)."""
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        if self in _running_servers:
            _running_servers.remove(self)
        self.log_path.unlink(missing_ok=True)

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _is_healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().decode().strip() == "ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def start_server(data_dir: Path | None = None, *, timeout: float = SERVER_START_TIMEOUT_S) -> Server:
    """Start the app on ``data_dir`` (``COWORKING_DATA_DIR``; ``None`` = the demo data in ``data/``).

    Returns once ``/_stcore/health`` answers ``ok``; otherwise fails the test with the server log.
    The caller stops it (``server.stop()`` or ``with start_server(...) as server``); the
    ``start_streamlit`` fixture does that for you.
    """
    port = _free_port()
    env = os.environ.copy()
    env.pop("COWORKING_DATA_DIR", None)
    if data_dir is not None:
        env["COWORKING_DATA_DIR"] = str(Path(data_dir).resolve())
    env["PYTHONUNBUFFERED"] = "1"
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    fd, log_name = tempfile.mkstemp(prefix=f"streamlit-{port}-", suffix=".log")
    log_path = Path(log_name)
    with os.fdopen(fd, "wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown reaches every child
        )
    server = Server(process=process, port=port, log_path=log_path, data_dir=data_dir)
    _running_servers.append(server)

    deadline = time.monotonic() + timeout
    while True:
        if _is_healthy(server.url):
            return server
        exit_code = process.poll()
        if exit_code is not None or time.monotonic() > deadline:
            reason = f"exited with code {exit_code}" if exit_code is not None else f"not healthy after {timeout:g} s"
            log = server.log()
            server.stop()
            pytest.fail(
                f"streamlit server on port {port} {reason}.\n"
                f"command: {' '.join(command)}\ncwd: {PROJECT_DIR}\n"
                f"COWORKING_DATA_DIR: {env.get('COWORKING_DATA_DIR', '(unset: demo data)')}\n"
                f"----- server log -----\n{log}",
                pytrace=False,
            )
        time.sleep(0.2)  # polling a starting process, not waiting for the UI


#: The type of the ``start_streamlit`` fixture.
StartStreamlit = Callable[[Path | None], "Server"]


@pytest.fixture(scope="session")
def streamlit_server() -> Iterator[Server]:
    """The app on the demo data, shared by the whole session."""
    server = start_server(None)
    yield server
    server.stop()


@pytest.fixture
def start_streamlit() -> Iterator[StartStreamlit]:
    """A factory ``start_streamlit(data_dir: Path | None) -> Server``; its servers stop after the test."""
    started: list[Server] = []

    def factory(data_dir: Path | None = None) -> Server:
        server = start_server(data_dir)
        started.append(server)
        return server

    yield factory
    for server in started:
        server.stop()


def pytest_sessionfinish() -> None:  # a hook may take fewer of its arguments
    for server in list(_running_servers):  # servers started with start_server() and never stopped
        server.stop()


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT, locale=LOCALE)
    page = context.new_page()
    yield page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    """On a failed test: save a screenshot of its page and attach the servers' logs to the report."""
    report = yield
    if report.when == "call" and report.failed:
        page = getattr(item, "funcargs", {}).get("page")
        if isinstance(page, Page) and not page.is_closed():
            with contextlib.suppress(Exception):
                path = screenshot(page, f"failed-{item.name}")
                report.sections.append(("screenshot", str(path)))
        for server in _running_servers:
            report.sections.append((f"streamlit server :{server.port} log (tail)", server.log()[-6000:]))
    return report


# --------------------------------------------------------------------------- helpers


def app_url(base: str, path: str = "", params: Mapping[str, str | Sequence[str]] | None = None) -> str:
    """``base/path?query``; a list value repeats its key (``{"muni": ["A", "B"]}`` → ``muni=A&muni=B``).

    ``path`` is a page's URL path: ``""`` (Overview), ``"attendance"``, ``"residents"``, ``"spaces"``.
    """
    url = f"{base.rstrip('/')}/{path.strip('/')}"
    if params:
        url += "?" + urlencode({k: v for k, v in params.items() if v is not None}, doseq=True)
    return url


def wait_for_app(page: Page, timeout: float = APP_RUN_TIMEOUT_MS) -> None:
    """Wait until the script has finished running and no element is still a skeleton."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning", timeout=timeout)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=timeout)


def open_app(page: Page, url: str, timeout: float = APP_RUN_TIMEOUT_MS) -> Page:
    """Navigate to ``url`` and wait until the app has finished its run."""
    page.goto(url, timeout=timeout)
    wait_for_app(page, timeout=timeout)
    return page


def assert_no_exception(page: Page) -> None:
    """The page shows no Streamlit exception box (``stException``)."""
    expect(page.get_by_test_id("stException")).to_have_count(0)


def kpi_value(page: Page, key: str) -> str:
    """The text of the ``st.metric`` value inside ``st.container(key=key)``.

    ``key`` is the container key (``"kpi-events"``) or the KPI name alone (``"events"``).
    """
    if not key.startswith("kpi-"):
        key = f"kpi-{key}"
    value = page.locator(f".st-key-{key} [data-testid='stMetricValue']")
    expect(value).to_be_visible()
    return value.inner_text().strip()


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG to ``<project>/screenshots/<name>.png`` and return its path."""
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


_VISIBLE_TEXT_JS = """
root => {
  const parts = [];
  const shown = element => {
    const style = getComputedStyle(element);
    return style.display !== "none" && style.visibility !== "hidden" && parseFloat(style.fontSize) > 0;
  };
  const walk = node => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.parentElement && shown(node.parentElement)) parts.push(node.textContent);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || getComputedStyle(node).display === "none") return;
    for (const where of ["::before", "::after"]) {
      const content = getComputedStyle(node, where).content;
      if (content && content.startsWith('"')) parts.push(JSON.parse(content));
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(" ");
}
"""


def visible_text(locator: Locator) -> str:
    """The text a person sees in ``locator``: the shown text nodes and the CSS ``content`` of ::before
    and ::after (a text hidden with ``display: none``, ``visibility: hidden`` or a zero font is left out)."""
    return locator.evaluate(_VISIBLE_TEXT_JS)


def whole_words(words: tuple[str, ...], text: str) -> list[str]:
    return [word for word in words if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)]


def wait_for_charts(page: Page, at_least: int) -> None:
    """Every ``st.plotly_chart`` on the page has been drawn by plotly (its SVG is there)."""
    charts = page.get_by_test_id("stPlotlyChart")
    if at_least:
        expect(charts.first).to_be_visible(timeout=CHART_TIMEOUT_MS)
    count = charts.count()
    assert count >= at_least, f"expected at least {at_least} chart(s), found {count}"
    drawn = page.locator("[data-testid='stPlotlyChart'] .js-plotly-plot")
    expect(drawn).to_have_count(count, timeout=CHART_TIMEOUT_MS)
    for i in range(count):  # plotly has drawn the plot area of each one
        expect(drawn.nth(i).locator(".main-svg .cartesianlayer, .main-svg .pielayer").first).to_be_attached(
            timeout=CHART_TIMEOUT_MS
        )


def show_everything(page: Page) -> None:
    """Make the viewport as tall as the page's content.

    Streamlit scrolls inside ``stMain``, not the document, so a "full page" screenshot of a
    1000 px viewport would cut everything below the fold off.
    """
    height = page.evaluate(_CONTENT_HEIGHT_JS)
    page.set_viewport_size({"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height)})
    page.wait_for_function(
        """() => [...document.querySelectorAll("[data-testid='stMain'], [data-testid='stSidebarContent']")]
                 .every((e) => e.scrollHeight <= e.clientHeight + 1)"""
    )


_CONTENT_HEIGHT_JS = """() => Math.max(...[...document.querySelectorAll(
    "[data-testid='stMain'], [data-testid='stSidebarContent']")].map((e) => e.scrollHeight + 2))"""
