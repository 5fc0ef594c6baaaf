"""Benchmark from one LAG to the whole country.

    python -m benchmarks.run --scale lag|country|eu [--style excel-lv|iso] [--runs 5] [--data DIR]

Generates the synthetic folder (``scripts/make_synthetic.py``) once into a cache folder, then
measures in this one process, each figure the median of ``--runs`` runs: load + validate
against a raw ``pyarrow.csv.read_csv`` of the same files; both kinds of start step by step, one
after a change (validate, write the typed snapshot, compute and keep the joins of
``metrics.prepared``, the first figures) and one with unchanged files (the typed snapshot and
the kept joins, ``loaders/snapshot.py``, the first figures); peak memory of both (median of
fresh processes); the Overview and Attendance figures for a one-year filter once more, AppTest
page runs (first cold run, then warm reruns after a filter change), building the map, and the
three report files of the largest project.
Prints one table and writes it as JSON to ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.csv as pacsv

import metrics
from benchmarks.measure import PROJECT_DIR, folder_size_mb, load_peak_rss, median_seconds
from config import load_settings
from loaders import load_dataset
from loaders.memory import return_freed_memory
from loaders.reading import ENCODING_CP1257, detect_encoding, sniff_separator
from loaders.snapshot import load_folder, snapshot_dir
from metrics.events import event_routes
from metrics.prepared import prepare
from metrics.scope import clear_cache

RESULTS_DIR = PROJECT_DIR / "benchmarks" / "results"
RSS_PROBES = 5
ONE_YEAR = metrics.Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
#: the pages a user waits for after changing a filter (the Data page computes no figures)
PAGES = ("app_pages/overview.py", "app_pages/attendance.py", "app_pages/residents.py", "app_pages/spaces.py",
         "app_pages/map.py", "app_pages/reports.py")


def synthetic_folder(scale: str, style: str) -> Path:
    folder = Path(tempfile.gettempdir()) / "coworking-bench" / f"{scale}-{style}"
    if not (folder / "attendance.csv").exists():
        subprocess.run([sys.executable, "scripts/make_synthetic.py", "--scale", scale, "--style", style,
                        "--out", str(folder)], cwd=PROJECT_DIR, check=True)
    return folder


def raw_arrow_read(folder: Path) -> None:
    """The floor: pyarrow reads every table file, no detection beyond the encoding, no checks."""
    for path in sorted(folder.glob("*.csv")):
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
        encoding = "cp1257" if detect_encoding(head, "", path.name) == ENCODING_CP1257 else "utf8"
        separator = sniff_separator(head.decode("cp1257").split("\n", 1)[0])
        pacsv.read_csv(path, read_options=pacsv.ReadOptions(encoding=encoding),
                       parse_options=pacsv.ParseOptions(delimiter=separator))


def overview_and_attendance_figures(ds) -> None:
    """Every figure the Overview and Attendance pages show, for one year (selections recomputed)."""
    clear_cache()
    f = ONE_YEAR
    metrics.overview_kpis(ds, f)
    metrics.kpi_changes(ds, f)
    metrics.participations_by_month(ds, f)
    metrics.participations_by_space(ds, f)
    metrics.first_time_vs_returning(ds, f)
    metrics.participations_by_gender(ds, f)
    metrics.participations_by_age_band(ds, f)
    metrics.events_table(ds, f)


def page_times(folder: Path, runs: int) -> dict[str, float]:
    """AppTest: the first (cold) run, then per page the median rerun after a filter change."""
    from streamlit.testing.v1 import AppTest

    from config.settings import ENV_DATA_DIR
    from ui.map_page.view import network_map_args
    from ui.settings import reload_settings

    os.environ[ENV_DATA_DIR] = str(folder)  # the app reads its settings once: as if started on ``folder``
    reload_settings()
    times: dict[str, float] = {}
    at = AppTest.from_file(str(PROJECT_DIR / "dashboard.py"), default_timeout=600)
    at.query_params["period"] = "custom"
    at.query_params["from"], at.query_params["to"] = "2024-01-01", "2024-12-31"
    times["first run (cold, loads the data)"] = median_seconds(at.run, 1)
    for page in PAGES:
        if not (PROJECT_DIR / page).exists():
            continue
        at.switch_page(page).run()
        if at.sidebar.multiselect:
            choices: list = [["study_visit"], ["training"], []]

            def change_filter(at=at, choices=choices) -> None:
                choice = choices.pop(0)
                choices.append(choice)
                at.sidebar.multiselect(key="type").set_value(choice).run()
        else:  # the Reports page has its own choices: switch the public version on and off
            def change_filter(at=at) -> None:
                toggle = at.toggle(key="report_public")
                toggle.set_value(not toggle.value).run()

        times[f"{Path(page).stem}: rerun after a filter change"] = median_seconds(change_filter, runs)
        if page == "app_pages/map.py":  # the map is cached per filters: also a choice never drawn before
            def new_map(change_filter=change_filter) -> None:
                network_map_args.cache_clear()
                change_filter()

            times["map: rerun after a filter change, map not built before"] = median_seconds(new_map, runs)
        if at.exception:
            raise RuntimeError(f"{page}: {at.exception[0].value}")
    return times


def _forget_derived() -> None:
    """Forget what is computed once per dataset (the joins, the routes) and per view."""
    prepare.cache_clear()
    event_routes.cache_clear()
    clear_cache()


def one_start(folder: Path, *, changed: bool) -> dict[str, float]:
    """One start of the app on ``folder``, as its first page sees it: the load (after a change: the
    snapshot is gone, so every file is validated and the snapshot written; else read from it), the
    joins of the counting rules (computed and kept, or read back) and the first Overview and
    Attendance figures. Seconds of each step."""
    _forget_derived()
    if changed:
        shutil.rmtree(snapshot_dir(folder), ignore_errors=True)
    began = time.perf_counter()
    ds = load_folder(folder).dataset
    loaded = time.perf_counter()
    prepare(ds)
    joined = time.perf_counter()
    overview_and_attendance_figures(ds)
    done = time.perf_counter()
    return {"load": loaded - began, "joins": joined - loaded, "figures": done - joined, "total": done - began}


def start_rows(folder: Path, *, changed: bool, runs: int) -> list[tuple[str, float, str]]:
    """The medians of ``runs`` starts (see :func:`one_start`), step by step."""
    starts = [one_start(folder, changed=changed) for _ in range(runs)]
    median = {step: statistics.median(start[step] for start in starts) for step in starts[0]}
    if changed:
        return [("changed folder: load + validate + write the snapshot (s)", median["load"], ""),
                ("changed folder: joins computed and kept (s)", median["joins"], ""),
                ("changed folder: first Overview + Attendance figures (s)", median["figures"], ""),
                ("changed folder: first page in all (s)", median["total"], "")]
    return [("unchanged folder: typed tables from the snapshot (s)", median["load"], ""),
            ("unchanged folder: kept joins read (s)", median["joins"], ""),
            ("unchanged folder: first Overview + Attendance figures (s)", median["figures"], ""),
            ("  joins + first figures after the load (s)", median["joins"] + median["figures"], "target ≤ 3 eu"),
            ("unchanged folder: first page in all (s)", median["total"], "target ≤ 1 country, ≤ 5 eu")]


def memory_rows(folder: Path, mode: str, label: str) -> list[tuple[str, float, str]]:
    """Peak memory of fresh processes (median of :data:`RSS_PROBES`; threads make it vary)."""
    probes = sorted((load_peak_rss(folder, mode) for _ in range(RSS_PROBES)), key=lambda probe: probe["increase_mb"])
    memory = probes[len(probes) // 2]
    size = folder_size_mb(folder)
    return [(f"{label}: peak RSS of the process (MB)", memory["peak_mb"], ""),
            (f"{label}: RSS added (MB), median of {RSS_PROBES}", memory["increase_mb"], ""),
            ("  lowest / highest probe (MB)", probes[0]["increase_mb"], f"{probes[-1]['increase_mb']:.1f}"),
            (f"{label}: ratio added RSS / folder size", memory["increase_mb"] / size, "target ≤ 2")]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=("lag", "country", "eu"), default="country")
    parser.add_argument("--style", choices=("excel-lv", "iso"), default="excel-lv")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, help="an existing data folder instead of the synthetic one")
    parser.add_argument("--skip-pages", action="store_true", help="leave out the AppTest page runs")
    args = parser.parse_args(argv)
    return_freed_memory()  # the process-wide allocator setup of every entry point, as in the app
    browser = load_settings(os.environ).browser_path

    folder = args.data or synthetic_folder(args.scale, args.style)
    rows: list[tuple[str, float, str]] = []
    load_s = median_seconds(lambda: load_dataset(folder), args.runs)
    raw_s = median_seconds(lambda: raw_arrow_read(folder), args.runs)
    rows += [("load + validate (s)", load_s, ""), ("raw pyarrow.csv read (s)", raw_s, ""),
             ("ratio load / raw read", load_s / raw_s, "target ≤ 2.5")]
    starts = max(1, args.runs // 2) if args.scale == "eu" else args.runs
    rows += start_rows(folder, changed=True, runs=starts)
    rows += start_rows(folder, changed=False, runs=starts)  # the snapshot and joins of the last changed start
    rows.append(("folder size on disk (MB)", folder_size_mb(folder), ""))
    rows += memory_rows(folder, "validate", "load + validate")
    rows += memory_rows(folder, "start", "start from the snapshot + joins")

    _forget_derived()
    ds = load_folder(folder).dataset
    prepare(ds)
    rows.append(("Overview + Attendance figures again, 1 year, other selections cleared (s)",
                 median_seconds(lambda: overview_and_attendance_figures(ds), args.runs), ""))
    for name, seconds in _optional_sections(ds, args, browser).items():
        rows.append((name, seconds, ""))
    if not args.skip_pages:
        rerun_target = "target ≤ 0.5 eu" if args.scale == "eu" else "target ≤ 0.2"
        rows += [(name, seconds, rerun_target if "rerun" in name else "")
                 for name, seconds in page_times(folder, args.runs).items()]

    cpu = platform.processor() or platform.machine()
    machine = f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"
    width = max(len(name) for name, _, _ in rows)
    print(f"scale {args.scale}, style {args.style}, {args.runs} runs each; {machine}")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value:10.3f}  {note}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    out = RESULTS_DIR / f"{args.scale}-{args.style}-{stamp}.json"
    out.write_text(json.dumps({"scale": args.scale, "style": args.style, "runs": args.runs, "machine": machine,
                               "rows": [{"name": n, "value": v, "note": note} for n, v, note in rows]}, indent=2))
    print(f"written: {out.relative_to(PROJECT_DIR)}")


def _optional_sections(ds, args: argparse.Namespace, browser: str | None) -> dict[str, float]:
    """Building the map (one year) and the three report files of the largest project."""
    import maps
    from reports import assemble_report, chart_images
    from reports.build import build

    times: dict[str, float] = {}
    html = ""

    def map_html() -> None:
        nonlocal html
        clear_cache()
        html = maps.standalone_html(ds, ONE_YEAR, maps.MapOptions(), "lv")

    times["map: build + standalone HTML, 1 year (s)"] = median_seconds(map_html, args.runs)
    times["map: HTML size (MB)"] = len(html.encode("utf-8")) / 1024 / 1024

    events = ds.events["project_code"].value_counts()
    if len(events):
        largest = str(events.index[0])

        def three_files() -> None:
            clear_cache()
            chart_images.clear_cache()  # draw the charts as the first click on the page does
            report = assemble_report(ds, largest, lang="lv")
            for fmt in ("xlsx", "docx", "pdf"):
                build(report, fmt, browser=browser)

        times[f"report {largest}: Excel + Word + PDF (s)"] = median_seconds(three_files, max(1, args.runs // 2))
    return times


if __name__ == "__main__":
    main()
