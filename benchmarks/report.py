"""`python -m benchmarks.report RESULT.json`: the benchmark's JSON as the Markdown tables of benchmarks/RESULTS.md."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .targets import evaluate


def _n(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _browser_cell(measured: dict[str, Any]) -> str:
    """The drawn filter change, and the last change of any kind where the run recorded it (benchmarks/browser.py)."""
    drawn = _n(measured.get("filter_change_ms"))
    return (
        drawn if "with_canvas_fallback_ms" not in measured else f"{drawn} / {_n(measured['with_canvas_fallback_ms'])}"
    )


def pages_table(runs: list[dict[str, Any]]) -> list[str]:
    """One row per database and page: timings (wall and CPU; in the browser where measured), baseline ratio, bytes,
    memory."""
    lines = [
        "| backend | reports | page | first run ms | rerun ms | browser filter change ms (drawn / any change) "
        "| first / rerun CPU ms "
        "| naive ms | naive ÷ rerun | naive ÷ first | KB sent (max) | peak RSS MB |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        browser = run.get("browser", {})
        for name, page in run["pages"].items():
            sent = max(page["first_run_bytes"], page["rerun_bytes"]) / 1024
            drawn = _browser_cell(browser.get(name, {}))
            lines.append(
                f"| {run['backend']} | {run['reports']:,} | {name} | {_n(page['first_run_ms'])} | "
                f"{_n(page['rerun_ms'])} | {drawn} | {_n(page['first_run_cpu_ms'])} / {_n(page['rerun_cpu_ms'])} | "
                f"{_n(page['baseline_ms'])} | {_n(page['baseline_ratio'], 1)} | "
                f"{_n(page['baseline_ratio_first_run'], 1)} | {_n(sent, 1)} | {_n(run['peak_rss_mb'])} |"
            )
            if "next_step_ms" in page:  # the page's slowest next step after the filter change, as a rerun of its own
                step = f"{name}, slowest next step (press {page['next_step']})"
                lines.append(
                    f"| {run['backend']} | {run['reports']:,} | {step} | — | {_n(page['next_step_ms'])} | "
                    f"— | — / {_n(page['next_step_cpu_ms'])} | — | — | — | {_n(page['next_step_bytes'] / 1024, 1)} | "
                    f"{_n(run['peak_rss_mb'])} |"
                )
    return lines


def databases_table(runs: list[dict[str, Any]]) -> list[str]:
    """Demo generation time and database size per run."""
    lines = [
        "| backend | reports | demo generation s (CPU s) | database MB | naive read of both tables ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for run in runs:
        cpu = run.get("generation_cpu_s")
        lines.append(
            f"| {run['backend']} | {run['reports']:,} | {_n(run['generation_s'], 1)} ({_n(cpu, 1)}) | "
            f"{_n(run['database_mb'])} | {_n(run['baseline']['read_ms'])} |"
        )
    return lines


def queries_table(runs: list[dict[str, Any]]) -> list[str]:
    """Median ms of each key query per run (this month, whole kelurahan)."""
    names = list(runs[0]["queries_ms"])
    lines = [
        "| query | " + " | ".join(f"{r['backend']} {r['reports']:,}" for r in runs) + " |",
        "|---|" + "---:|" * len(runs),
    ]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(_n(r["queries_ms"].get(name)) for r in runs) + " |")
    return lines


def targets_list(targets: list[dict[str, Any]]) -> list[str]:
    """Every target with its value and whether it was met."""
    return [
        f"- {'✅' if t['met'] else '❌'} {t['target']}: {_n(t['value'], 1)} (limit {_n(t['limit'], 1)})"
        for t in targets
    ]


def _machine_speed(machine: dict[str, Any]) -> str:
    """The machine's Python check (benchmarks/machine_speed.py), when the run recorded one."""
    check = machine.get("python_check_ms")
    return "" if check is None else f"Python check {_n(check, 0)} ms · "


def render(document: dict[str, Any]) -> str:
    """The whole Markdown body."""
    runs = document["runs"]
    parts = [
        f"Run {document['started_utc']} · {document['machine']['cpus']} CPUs · load average at start "
        f"{', '.join(f'{x:.1f}' for x in document['machine']['load_average_at_start'])} · "
        + _machine_speed(document["machine"])
        + " · ".join(f"{k} {v}" for k, v in document["versions"].items())
        + f" · median of {document['repeat']} runs",
        "",
        "### Pages",
        "",
        *pages_table(runs),
        "",
        "### Databases",
        "",
        *databases_table(runs),
        "",
        "### Key queries (ms)",
        "",
        *queries_table(runs),
        "",
        "### Targets",
        "",
        # Judged again by today's targets (benchmarks/targets.py), so an older run reads the same way as a new one.
        *targets_list(evaluate(runs)),
    ]
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the tables of one result file."""
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print("usage: python -m benchmarks.report RESULT.json", file=sys.stderr)
        return 2
    print(render(json.loads(Path(args[0]).read_text(encoding="utf-8"))), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
