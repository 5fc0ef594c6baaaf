"""A bounded load test of the PostgreSQL store: processes saving at once, throughput and lost updates.

    python -m benchmarks.pg_load --admin-url postgresql://postgres@127.0.0.1:5432/db \\
        --url postgresql://coworking_app:…@127.0.0.1:5432/db --processes 4 --seconds 20 --lags 2

The LAGs ``bench0`` … are added (``--admin-url``) and the demo data imported into each; then every
process does read-modify-save cycles on LAG ``worker % lags`` (append one event, retry on
``StaleData``) until the time is up. Reported: saves per second, the save latency (median, p95),
the retries, and the lost updates (an event saved but not in the data at the end): must be 0
(exit status 1 otherwise). Only loopback hosts are accepted: this writes to the database.
"""

from __future__ import annotations

import argparse
import csv
import io
import multiprocessing
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parents[1] / "data"
LOOPBACK = {"127.0.0.1", "localhost", "::1", ""}
MAX_PROCESSES, MAX_SECONDS, MAX_LAGS = 16, 300, 8


def with_event(events: bytes, event_id: str) -> bytes:
    """``events.csv`` (as the database writes it: UTF-8 with BOM, ``;``) with one more event: a copy of
    the first with ``event_id`` and no head count. The tests append events with it too."""
    text = events.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header, new = rows[0], list(rows[1])
    new[header.index("event_id")] = event_id
    new[header.index("participants")] = ""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([*rows, new])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _worker(url: str, lag: str, worker: int, deadline: float) -> tuple[list[str], list[float], int]:
    from storage.errors import StaleData
    from storage.postgres.store import PostgresStore

    store = PostgresStore(url, lag)
    saved, latencies, retries, cycle = [], [], 0, 0
    while time.time() < deadline:
        event_id = f"E-B{worker}-{cycle}"
        current = store.snapshot()
        began = time.perf_counter()
        try:
            store.save({"events.csv": with_event(current.files["events.csv"], event_id)}, (),
                       current.fingerprint, author=f"bench {worker}")
        except StaleData:
            retries += 1
            continue
        latencies.append(time.perf_counter() - began)
        saved.append(event_id)
        cycle += 1
    return saved, latencies, retries


def _loopback(url: str) -> bool:
    return (urlsplit(url.split("?")[0]).hostname or "") in LOOPBACK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pg_load", description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", required=True)
    parser.add_argument("--url", required=True, help="the app role's URL")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--lags", type=int, default=2)
    args = parser.parse_args(argv)
    if not (1 <= args.processes <= MAX_PROCESSES and 0 < args.seconds <= MAX_SECONDS and 1 <= args.lags <= MAX_LAGS):
        parser.error(f"bounds: processes 1–{MAX_PROCESSES}, seconds ≤ {MAX_SECONDS}, lags 1–{MAX_LAGS}")
    if not (_loopback(args.url) and _loopback(args.admin_url)):
        parser.error("only a loopback database (127.0.0.1, localhost, ::1)")

    from storage.postgres.admin import add_lag
    from storage.postgres.store import PostgresStore
    from storage.staging import snapshot

    files = snapshot(DATA).files
    lags = [f"bench{i}" for i in range(args.lags)]
    for lag in lags:
        add_lag(args.admin_url, lag, f"Benchmark {lag}")
        store = PostgresStore(args.url, lag)
        store.save(files, (), store.fingerprint(), kind="import", author="benchmark")
    before = {lag: len(PostgresStore(args.url, lag).load().dataset.events) for lag in lags}  # type: ignore[union-attr]

    deadline = time.time() + args.seconds
    began = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(args.processes) as pool:
        results = pool.starmap(_worker, [(args.url, lags[w % args.lags], w, deadline) for w in range(args.processes)])
    elapsed = time.perf_counter() - began

    lost = 0
    for lag in lags:
        events = PostgresStore(args.url, lag).load().dataset.events  # type: ignore[union-attr]
        present = set(events["event_id"])
        mine = [e for w, (saved, _, _) in enumerate(results) if lags[w % args.lags] == lag for e in saved]
        lost += sum(e not in present for e in mine) + (before[lag] + len(mine) - len(present))
    latencies = sorted(x for _, lat, _ in results for x in lat)
    saves = len(latencies)
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else float("nan")
    print(f"processes {args.processes}, LAGs {args.lags}, {elapsed:.1f} s (with process start)")
    print(f"saves {saves} ({saves / elapsed:.2f}/s), stale retries {sum(r for _, _, r in results)}")
    if latencies:
        print(f"save latency median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"lost updates {lost}")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
