"""The issue's targets, checked against the benchmark's figures at the largest size measured."""

from __future__ import annotations

from typing import Any

RERUN_MS = 150
FIRST_RUN_MS = 1000
BASELINE_RATIO = 10
POSTGRES_FACTOR = 1.5
MAX_BYTES = 2 * 2**20
MAX_RSS_MB = 600
GENERATION_SECONDS = 120
TARGET_REPORTS = 1_000_000


def _check(name: str, value: float | None, limit: float, ok: bool) -> dict[str, Any]:
    return {"target": name, "value": value, "limit": limit, "met": ok}


def evaluate(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One line per target and page at the largest SQLite size (and the matching PostgreSQL run, if any)."""
    sqlite_runs = [r for r in runs if r["backend"] == "sqlite"]
    if not sqlite_runs:
        return []
    lite = max(sqlite_runs, key=lambda r: r["reports"])
    pg = next((r for r in runs if r["backend"] == "postgresql" and r["reports"] == lite["reports"]), None)
    checks = []
    size = f"{lite['reports']:,}"
    for name, page in lite["pages"].items():
        checks.append(
            _check(f"sqlite {size} {name} rerun ms", page["rerun_ms"], RERUN_MS, page["rerun_ms"] <= RERUN_MS)
        )
        checks.append(
            _check(
                f"sqlite {size} {name} first run ms",
                page["first_run_ms"],
                FIRST_RUN_MS,
                page["first_run_ms"] <= FIRST_RUN_MS,
            )
        )
        if page["baseline_ratio"] is not None:
            checks.append(
                _check(
                    f"sqlite {size} {name} baseline ÷ rerun",
                    page["baseline_ratio"],
                    BASELINE_RATIO,
                    page["baseline_ratio"] >= BASELINE_RATIO,
                )
            )
    for run in runs:
        label = f"{run['backend']} {run['reports']:,}"
        for name, page in run["pages"].items():
            sent = max(page["first_run_bytes"], page["rerun_bytes"])
            checks.append(_check(f"{label} {name} bytes per run", sent, MAX_BYTES, sent <= MAX_BYTES))
        checks.append(_check(f"{label} peak RSS MB", run["peak_rss_mb"], MAX_RSS_MB, run["peak_rss_mb"] < MAX_RSS_MB))
    if lite["generation_s"] is not None and lite["reports"] >= TARGET_REPORTS:
        checks.append(
            _check(
                f"sqlite {size} demo generation s",
                lite["generation_s"],
                GENERATION_SECONDS,
                lite["generation_s"] <= GENERATION_SECONDS,
            )
        )
    if pg is not None:
        # "The same targets within 1.5x of SQLite's": 225 ms rerun, 1.5 s first run.
        for name, page in pg["pages"].items():
            for key, target in (("rerun_ms", RERUN_MS), ("first_run_ms", FIRST_RUN_MS)):
                limit = POSTGRES_FACTOR * target
                checks.append(_check(f"postgresql {size} {name} {key}", page[key], limit, page[key] <= limit))
    return checks
