"""`python -m benchmarks.run`: build demo databases of each size, measure the app and the naive baseline, report.

For each backend (SQLite always; PostgreSQL with --postgres ADMIN_URL) and each size it generates the demo data,
runs `benchmarks.measure_app` (the app: pages through AppTest, key queries, peak RSS) and `benchmarks.baseline`
(the naive pandas way) in their own processes, prints one JSON document and writes it to
benchmarks/results/<timestamp>.json. `python -m benchmarks.report FILE` turns that into the Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import browser
from .databases import BenchDatabase, postgres_database, sqlite_database
from .machine_speed import python_check_ms
from .pages import ROOT
from .targets import evaluate

RESULTS_DIR = Path(__file__).resolve().parent / "results"
DEFAULT_WORKDIR = Path("/tmp/kutorejo-bench")


def _measure(module: str, db: BenchDatabase, repeat: int) -> dict[str, Any]:
    """Run one measuring module in a fresh Python process (its own memory) and read its JSON."""
    done = subprocess.run(
        [sys.executable, "-m", module, db.url, "--repeat", str(repeat)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return json.loads(done.stdout)


def measure_database(
    backend: str, reports: int, db: BenchDatabase, repeat: int, baseline_repeat: int, in_browser: bool
) -> dict:
    """All figures for one database: pages with their baseline ratio, key queries, memory, generation time, and the
    filter change drawn in Chromium (`in_browser`)."""
    print(f"[bench] {backend} {reports:,} reports: measuring the app", file=sys.stderr, flush=True)
    app = _measure("benchmarks.measure_app", db, repeat)
    print(f"[bench] {backend} {reports:,} reports: naive baseline", file=sys.stderr, flush=True)
    baseline = _measure("benchmarks.baseline", db, baseline_repeat)
    for name, page in app["pages"].items():
        naive = baseline["pages_ms"].get(name)
        page["baseline_ms"] = naive
        page["baseline_ratio"] = round(naive / page["rerun_ms"], 1) if naive else None
        page["baseline_ratio_first_run"] = round(naive / page["first_run_ms"], 1) if naive else None
    drawn: dict[str, Any] = {}
    if in_browser:
        print(f"[bench] {backend} {reports:,} reports: filter changes in Chromium", file=sys.stderr, flush=True)
        drawn = _measure("benchmarks.browser", db, repeat)["pages"]
    return {
        "backend": backend,
        "reports": reports,
        "browser": drawn,
        "generation_s": db.generation_seconds,
        "generation_cpu_s": db.generation_cpu_seconds,
        "database_mb": db.size_mb,
        "pages": app["pages"],
        "queries_ms": app["queries_ms"],
        "peak_rss_mb": app["peak_rss_mb"],
        "baseline": baseline,
    }


def _versions(postgres: str | None) -> dict[str, str]:
    import streamlit
    from sqlalchemy import create_engine, text

    versions = {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "streamlit": streamlit.__version__,
    }
    if postgres:
        engine = create_engine(postgres.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            versions["postgresql"] = conn.execute(text("SHOW server_version")).scalar_one()
        engine.dispose()
    return versions


def main(argv: list[str] | None = None) -> int:
    """Run the whole benchmark; exit code 0 when it ran (targets are reported, not enforced)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="report counts, comma-separated")
    parser.add_argument("--postgres", metavar="ADMIN_URL", help="PostgreSQL server to create throwaway databases on")
    parser.add_argument("--postgres-sizes", help="sizes for PostgreSQL (default: --sizes)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the median is reported")
    parser.add_argument("--baseline-repeat", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="where the SQLite files go")
    parser.add_argument("--reuse", action="store_true", help="reuse databases of the right size from a kept run")
    parser.add_argument("--keep", action="store_true", help="keep the databases for a later --reuse")
    parser.add_argument("--no-browser", action="store_true", help="skip the filter changes timed in Chromium")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pg_sizes = [int(s) for s in (args.postgres_sizes or args.sizes).split(",")]
    plan: list[tuple[str, int]] = [("sqlite", n) for n in sizes]
    if args.postgres:
        plan += [("postgresql", n) for n in pg_sizes]
    started = datetime.now(UTC)
    path = RESULTS_DIR / f"{started:%Y%m%dT%H%M%SZ}.json"
    machine = {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg(), "python_check_ms": python_check_ms()}
    runs: list[dict[str, Any]] = []
    for backend, reports in plan:
        print(f"[bench] {backend} {reports:,} reports: building the database", file=sys.stderr, flush=True)
        database: AbstractContextManager[BenchDatabase] = (
            sqlite_database(args.workdir, reports, reuse=args.reuse, keep=args.keep)
            if backend == "sqlite"
            else postgres_database(args.postgres, reports, reuse=args.reuse, keep=args.keep)
        )
        with database as db:
            in_browser = not args.no_browser and browser.available()
            runs.append(measure_database(backend, reports, db, args.repeat, args.baseline_repeat, in_browser))
        # Written after every database, so an hour-long run that stops half-way still leaves its figures.
        text_ = json.dumps(_document(started, machine, args, runs), indent=2)
        RESULTS_DIR.mkdir(exist_ok=True)
        path.write_text(text_ + "\n", encoding="utf-8")
    print(text_)
    print(f"[bench] written to {path}", file=sys.stderr)
    return 0


def _document(
    started: datetime, machine: dict[str, Any], args: argparse.Namespace, runs: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "started_utc": started.isoformat(timespec="seconds"),
        "machine": {**machine, "load_average_at_end": os.getloadavg()},
        "versions": _versions(args.postgres),
        "repeat": args.repeat,
        "bytes_counted": "serialized size of every ForwardMsg a run enqueues (upper bound of the websocket bytes)",
        "runs": runs,
        "targets": evaluate(runs),
    }


if __name__ == "__main__":
    sys.exit(main())
