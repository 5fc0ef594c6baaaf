"""Process-wide state: the report charts' cache under many sessions' threads, and the allocator setup
made by the entry points (never by a library call)."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
from pathlib import Path

import plotly.graph_objects as go
import pytest

from reports import chart_images

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture
def counted_renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Draw nothing: each "PNG" is the figure's bar value and width; the list counts the draws."""
    draws: list[int] = []
    lock = threading.Lock()

    def fake_render(figures, widths, _browser):
        with lock:
            draws.append(len(figures))
        return [f"{fig.data[0].y[0]}@{width}".encode() for fig, width in zip(figures, widths, strict=True)]

    chart_images.clear_cache()
    monkeypatch.setattr(chart_images, "_render", fake_render)
    yield draws
    chart_images.clear_cache()


def figure(value: int) -> go.Figure:
    return go.Figure(go.Bar(x=["a"], y=[value]))


@pytest.mark.usefixtures("counted_renders")
def test_the_chart_cache_is_safe_from_many_threads() -> None:
    figures = [figure(value) for value in range(20)]  # more than the cache holds: entries come and go
    failures: list[BaseException] = []
    start = threading.Barrier(12)
    previous = sys.getswitchinterval()

    def session(offset: int) -> None:
        start.wait()
        try:
            for i in range(60):
                value = (offset + i) % len(figures)
                pngs = chart_images.render_pngs([figures[value]], [500 + value])
                assert pngs == [f"{value}@{500 + value}".encode()]
        except BaseException as exc:  # reported below, with the thread's assertion
            failures.append(exc)

    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=session, args=(offset,)) for offset in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    assert failures == []
    assert len(chart_images._cache) == chart_images._CACHE_SIZE


def test_the_chart_cache_keeps_the_last_eight(counted_renders: list[int]) -> None:
    for value in range(9):
        chart_images.render_pngs([figure(value)])
    assert len(counted_renders) == 9
    chart_images.render_pngs([figure(8)])  # cached
    assert len(counted_renders) == 9
    chart_images.render_pngs([figure(0)])  # the oldest was let go
    assert len(counted_renders) == 10


# --------------------------------------------------------------------------- the allocator


_PROBE = """
import pyarrow as pa
from loaders import load_dataset
from loaders.memory import return_freed_memory
before = pa.default_memory_pool().backend_name
load_dataset("data")
after_load = pa.default_memory_pool().backend_name
return_freed_memory()
print(before, after_load, pa.default_memory_pool().backend_name)
"""


def test_loading_leaves_the_allocator_to_the_entry_points() -> None:
    output = subprocess.run([sys.executable, "-c", _PROBE], cwd=PROJECT_DIR, capture_output=True, text=True,
                            check=True).stdout.split()
    before, after_load, after_setup = output
    assert after_load == before
    assert after_setup == "system"


@pytest.mark.parametrize(("module", "argv"), [
    ("loaders.cli", ["check", "/nonexistent-folder"]),
    ("reports.cli", ["/nonexistent-folder", "--project", "X", "--format", "json"]),
    ("storage.cli", ["hash-password"]),
])  # fmt: skip
@pytest.mark.usefixtures("capsys")  # the commands' output stays out of the test log
def test_every_command_sets_the_allocator_up_at_start(module: str, argv: list[str], monkeypatch) -> None:
    import importlib

    cli = importlib.import_module(module)
    calls: list[None] = []
    monkeypatch.setattr(cli, "return_freed_memory", lambda: calls.append(None))
    monkeypatch.setattr(sys, "stdin", io.StringIO("Lielvārde-2019\n"))
    cli.main(argv)
    assert calls == [None]


def test_the_app_sets_the_allocator_up_at_start(app, monkeypatch: pytest.MonkeyPatch) -> None:
    import loaders.memory

    calls: list[None] = []
    monkeypatch.setattr(loaders.memory, "return_freed_memory", lambda: calls.append(None))
    at = app(period="all")
    assert not at.exception
    assert calls == [None]
