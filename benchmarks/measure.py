"""Timing and memory helpers for the benchmark."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parents[1]


def median_seconds(action: Callable[[], Any], runs: int) -> float:
    """Median wall time of ``runs`` calls (one untimed call first would hide cold costs: none here)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


_RSS_PROBE = """
import json, sys
from pathlib import Path
from loaders import load_dataset
from loaders.memory import return_freed_memory
return_freed_memory()  # as every entry point does at its start
load_dataset(Path("data"))  # warm-up: lazy imports, allocator arenas, thread pools (~100 MB, any data)
def status_kb(field):
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith(field + ":")))
before = status_kb("VmRSS")
if sys.argv[2] == "validate":
    ok = load_dataset(Path(sys.argv[1])).ok
else:  # a start: the typed snapshot and the kept joins, as the app's first page
    from loaders.snapshot import load_folder
    from metrics.prepared import prepare
    result = load_folder(Path(sys.argv[1]))
    ok = result.ok and prepare(result.dataset) is not None
# the high-water mark of this process's own memory: getrusage's ru_maxrss would also count the parent's
# pages (Linux keeps the larger of the forked copy's and the new program's peak across exec)
after = status_kb("VmHWM")
print(json.dumps({"ok": ok, "baseline_kb": before, "peak_kb": after}))
"""


def load_peak_rss(folder: Path, mode: str = "validate") -> dict[str, float]:
    """Peak resident memory of a fresh process that imports the loaders and loads ``folder``
    (with the allocator setup of every entry point, :func:`loaders.memory.return_freed_memory`):
    ``mode`` ``validate`` reads and checks every file; ``start`` reads the typed snapshot and the
    joins kept with it (what a start with unchanged files holds).

    ``baseline`` is the process after its imports and one load of the small demo data (which
    sets up what any load needs once: lazy imports, allocator arenas, pyarrow's thread pool);
    ``increase`` is what loading ``folder`` added on top.
    """
    output = subprocess.run(
        [sys.executable, "-c", _RSS_PROBE, str(folder), mode], cwd=PROJECT_DIR, capture_output=True, text=True,
        check=True,
    ).stdout
    probe = json.loads(output.strip().splitlines()[-1])
    return {
        "baseline_mb": probe["baseline_kb"] / 1024,
        "peak_mb": probe["peak_kb"] / 1024,
        "increase_mb": (probe["peak_kb"] - probe["baseline_kb"]) / 1024,
    }


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 1024 / 1024
