"""One process that is the app: every page through AppTest, the key queries on their own, and its peak memory.

Run as `python -m benchmarks.measure_app DB_URL --repeat N`; prints one JSON object. It runs in its own process so
that its peak RSS is the app's, not the demo generator's or the naive baseline's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from kutorejo_data.core.config import DATABASE_URL_ENV, DEFAULT_KELURAHAN_KODE, now_local
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.core.periods import preset_period
from kutorejo_data.demo.accounts import DEMO_PASSWORD
from kutorejo_data.ui.frame.startup import freeze_long_lived_objects
from kutorejo_data.ui.frame.url_params import DEFAULT_PRESET

from .key_queries import KEY_QUERIES
from .pages import APP, BenchPage, discover_pages
from .wire import WireCounter, counting_forward_msgs

APP_TIMEOUT_SECONDS = 900


def _ms(seconds: list[float]) -> float:
    return round(statistics.median(seconds) * 1000, 1)


@dataclass
class Samples:
    """Wall-clock and CPU seconds and bytes sent, one entry per run."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)

    def record(self, at: AppTest, wire: WireCounter) -> None:
        """Run the app once and note what it cost."""
        wire.reset()
        cpu, wall = time.process_time(), time.perf_counter()
        at.run()
        self.wall.append(time.perf_counter() - wall)
        # This process's CPU, all threads: the script's and, on SQLite, the database's; a busy machine stretches
        # the wall-clock time but not this.
        self.cpu.append(time.process_time() - cpu)
        self.sent.append(wire.bytes)
        if at.exception:
            raise RuntimeError(f"the page raised: {at.exception[0].message}")

    def summary(self, prefix: str) -> dict[str, Any]:
        """Medians (and the samples) under keys starting with `prefix`."""
        return {
            f"{prefix}_ms": _ms(self.wall),
            f"{prefix}_cpu_ms": _ms(self.cpu),
            f"{prefix}_bytes": max(self.sent),
            f"{prefix}_samples_ms": [round(s * 1000, 1) for s in self.wall],
        }


def _signed_in(page: BenchPage) -> AppTest:
    """A session signed in as the demo administrator, on the page (signing in is not part of the timing); the
    public page as a resident opens it, signed out."""
    at = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_SECONDS)
    at.switch_page(page.script).run()
    if page.public:
        return at
    at.text_input(key="login_username").input(BENCH_USER)
    at.text_input(key="login_password").input(DEMO_PASSWORD)
    at.button(key="login_submit").click()
    return at.run()


def _route_through_app_py() -> None:
    """Run every AppTest as the server does after its first request: app.py routes (see ui/context.py)."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


BENCH_USER = "admin"  # the demo administrator sees every page


def measure_page(page: BenchPage, repeat: int, wire: WireCounter) -> dict[str, Any]:
    """Median first run with cold data caches, median rerun after a filter change in the same session, and the
    slowest of the page's next steps (its NEXT_STEPS button pressed again and again, each step's median), where it
    has them."""
    first, rerun = Samples(), Samples()
    button, count = page.next_steps or ("", 0)
    steps = [Samples() for _ in range(count)]
    at = None
    for _ in range(repeat):
        at = _signed_in(page)
        st.cache_data.clear()
        first.record(at, wire)
    assert at is not None
    param, values = page.change
    for i in range(repeat):
        at.query_params[param] = values[i % len(values)]  # a value this session has not queried yet
        rerun.record(at, wire)
        for step in steps:
            at.button(key=button).click()
            step.record(at, wire)
    measured = {"filter_change": param, **first.summary("first_run"), **rerun.summary("rerun")}
    if not steps:
        return measured
    medians = [_ms(step.wall) for step in steps]
    slowest = medians.index(max(medians))
    return measured | steps[slowest].summary("next_step") | {"next_step": slowest + 1, "next_steps_ms": medians}


def measure_queries(db_url: str, repeat: int) -> dict[str, float]:
    """Median milliseconds of each key query with the pages' default filter (this month, whole kelurahan)."""
    from kutorejo_data.ui.frame.context import engine_for

    engine = engine_for(db_url)
    now = now_local().replace(second=0)
    dari, sampai = preset_period(DEFAULT_PRESET, now.date())
    filters = ReportFilters(kelurahan_kode=DEFAULT_KELURAHAN_KODE, dari=dari, sampai=sampai)
    timings: dict[str, float] = {}
    for name, query in KEY_QUERIES.items():
        samples = []
        for _ in range(repeat):
            with engine.connect() as conn:
                started = time.perf_counter()
                query(conn, filters, now)
                samples.append(time.perf_counter() - started)
        timings[name] = _ms(samples)
    return timings


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM).

    Not getrusage's ru_maxrss: Linux carries that across fork and exec, so a child of a process that once held
    a large demo generation would report its parent's peak.
    """
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no VmHWM in /proc/self/status (the benchmark measures memory on Linux)")


def main(argv: list[str] | None = None) -> int:
    """Measure every page and the key queries on one database; print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.measure_app")
    parser.add_argument("db_url")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pages", help="only these pages (file stems, comma-separated); default: every page")
    args = parser.parse_args(argv)
    os.environ[DATABASE_URL_ENV] = args.db_url
    pages = [page for page in discover_pages() if not args.pages or page.name in args.pages.split(",")]
    _route_through_app_py()
    with counting_forward_msgs() as wire:
        warm_up = AppTest.from_file(str(APP), default_timeout=APP_TIMEOUT_SECONDS)
        warm_up.run()  # imports, engine and migration check: paid once per server process, not per page
        # As serve.py does at start-up: without it, each full collection of this process scanned the libraries'
        # objects (125–150 ms here) inside whichever page's run it fell in, which the server never pays.
        freeze_long_lived_objects()
        results = {}
        for page in pages:
            results[page.name] = measure_page(page, args.repeat, wire)
            print(page.name, json.dumps(results[page.name]), file=sys.stderr, flush=True)  # progress of a long run
    rss_after_pages = peak_rss_mb()
    queries = measure_queries(args.db_url, args.repeat)
    json.dump({"pages": results, "queries_ms": queries, "peak_rss_mb": max(rss_after_pages, peak_rss_mb())}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
