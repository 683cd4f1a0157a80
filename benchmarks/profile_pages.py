"""Where one rerun of a page spends its time: SQL, pandas, figure building, Streamlit, the app's own code.

Run as `python -m benchmarks.profile_pages DB_URL [--pages kapasitas,presentasi] [--repeat 3]`; prints a Markdown
table (and `--json` the figures). Each page is opened signed in, as `benchmarks.measure_app` does, then rerun
after a filter change under cProfile. cProfile sees one thread, so during the profile a page's side-by-side reads
(core.concurrent_reads) run one after the other: the split shows what each part costs, the sum is a little more
than the page's wall-clock rerun.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

import streamlit as st

from kutorejo_data.core import concurrent_reads
from kutorejo_data.core.config import DATABASE_URL_ENV

from .measure_app import _route_through_app_py, _signed_in
from .pages import discover_pages

# (category, how a profiled function's file or name shows it belongs there), first match wins.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("SQL", ("/sqlalchemy/", "sqlite3", "/psycopg", "psycopg.", "/alembic/")),
    ("pandas", ("/pandas/", "/numpy/", "pandas.", "numpy.")),
    ("figures", ("/plotly/", "/_plotly_utils/", "/narwhals/")),
    ("Streamlit", ("/streamlit/", "/google/protobuf/", "/pyarrow/", "pyarrow.", "protobuf")),
    ("app code", ("/kutorejo_data/", "/pages/", "app.py")),
)
OTHER = "other (Python, json, …)"


class _InlineExecutor:
    """A stand-in for ThreadPoolExecutor that runs each read at once, in the profiled thread."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def __enter__(self) -> _InlineExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def submit(self, fn: Any, *args: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as error:  # noqa: BLE001 — handed back to the caller as the pool would
            future.set_exception(error)
        return future


@contextmanager
def reads_in_one_thread() -> Iterator[None]:
    """Make side-by-side reads sequential for the profile's duration."""
    original = concurrent_reads.ThreadPoolExecutor
    concurrent_reads.ThreadPoolExecutor = _InlineExecutor  # type: ignore[misc,assignment]
    try:
        yield
    finally:
        concurrent_reads.ThreadPoolExecutor = original  # type: ignore[misc]


def category(filename: str, function: str) -> str:
    """The part of the stack a profiled function belongs to."""
    where = f"{filename} {function}"
    for name, marks in CATEGORIES:
        if any(mark in where for mark in marks):
            return name
    return OTHER


@contextmanager
def profiling_new_threads() -> Iterator[list[cProfile.Profile]]:
    """Profile every thread started inside: AppTest runs the page's script in a thread of its own."""
    profiles: list[cProfile.Profile] = []

    def start(_frame: Any, _event: str, _arg: Any) -> None:
        profile = cProfile.Profile()
        profiles.append(profile)
        profile.enable()  # replaces this one-off hook with cProfile's own, for this thread

    threading.setprofile(start)
    try:
        yield profiles
    finally:
        threading.setprofile(None)  # type: ignore[arg-type]
        for profile in profiles:
            profile.disable()


def split(profiles: list[cProfile.Profile]) -> dict[str, float]:
    """Milliseconds of own time (tottime) per category."""
    totals: dict[str, float] = {}
    stats = pstats.Stats(*profiles)
    for (filename, _line, function), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        key = category(filename, function)
        totals[key] = totals.get(key, 0.0) + own * 1000
    return totals


def top_functions(profiles: list[cProfile.Profile], count: int = 30) -> list[tuple[str, int, float]]:
    """The app's own functions with the most cumulative time: where to look first."""
    stats = pstats.Stats(*profiles)
    rows = [
        (f"{filename.split('/kutorejo_data/')[-1]}:{function}", calls, cumulative * 1000)
        for (filename, _line, function), (_cc, calls, _own, cumulative, _callers) in stats.stats.items()  # type: ignore[attr-defined]
        if "/kutorejo_data/" in filename
    ]
    return sorted(rows, key=lambda row: -row[2])[:count]


def profile_page(name: str, repeat: int) -> dict[str, Any]:
    """The median split of `repeat` reruns of one page after an RW change it has not seen."""
    page = next(p for p in discover_pages() if p.name == name)
    at = _signed_in(page)
    st.cache_data.clear()
    at.run()
    param, values = page.change
    runs: list[dict[str, float]] = []
    last: list[cProfile.Profile] = []
    for i in range(repeat):
        at.query_params[param] = values[i % len(values)]
        with reads_in_one_thread(), profiling_new_threads() as profiles:
            at.run()
        runs.append(split(profiles))
        last = profiles
    keys = sorted({key for run in runs for key in run})
    median = {key: sorted(run.get(key, 0.0) for run in runs)[len(runs) // 2] for key in keys}
    return {"split_ms": median, "total_ms": sum(median.values()), "top": top_functions(last)}


def markdown(results: dict[str, dict[str, Any]]) -> str:
    """One row per page: the split in milliseconds and each part's share."""
    parts = [name for name, _ in CATEGORIES] + [OTHER]
    lines = [
        "| page | total ms | " + " | ".join(parts) + " |",
        "|---|---:|" + "---:|" * len(parts),
    ]
    for page, result in results.items():
        total = result["total_ms"]
        cells = [f"{result['split_ms'].get(p, 0):.0f} ({result['split_ms'].get(p, 0) / total:.0%})" for p in parts]
        lines.append(f"| {page} | {total:.0f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Profile the pages' reruns and print the split."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_pages")
    parser.add_argument("db_url")
    parser.add_argument("--pages", default="ringkasan,penyelesaian,partisipasi,kapasitas,wilayah,presentasi")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of Markdown")
    parser.add_argument("--top", action="store_true", help="also print each page's slowest app functions")
    args = parser.parse_args(argv)
    os.environ[DATABASE_URL_ENV] = args.db_url
    _route_through_app_py()
    results = {name: profile_page(name, args.repeat) for name in args.pages.split(",")}
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        return 0
    print(markdown(results))
    if args.top:
        for page, result in results.items():
            print(f"\n{page}:")
            for function, calls, ms in result["top"]:
                print(f"  {ms:8.1f} ms  {calls:4}×  {function}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
