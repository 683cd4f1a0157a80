"""The server's start-up imports every module of the app's interface (and what they load on first use), and leaves
the garbage collector's full passes nothing of them to scan; no full pass follows every script run."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import gc, json, pkgutil, sys
from datetime import datetime
from streamlit import config
import kutorejo_data.ui
from kutorejo_data.ui.frame.startup import freeze_long_lived_objects
freeze_long_lived_objects()
modules = [m.name for m in pkgutil.walk_packages(kutorejo_data.ui.__path__, "kutorejo_data.ui.")]
found = {
    "missing": [name for name in modules if name not in sys.modules],
    "modules": len(modules),
    "frozen": gc.get_freeze_count(),
    "tracked": len(gc.get_objects()),
    "collects_after_every_run": config.get_option("runner.postScriptGC"),
}
before = set(sys.modules)
from kutorejo_data.core.workdays import WorkCalendar
WorkCalendar().due(datetime(2026, 12, 31, 9, 0), 5)  # the first due date a request counts, across a year's end
print(json.dumps(found | {"imported_by_first_due_date": sorted(set(sys.modules) - before)}))
"""


@cache
def _started_up() -> dict[str, Any]:
    """What PROBE found, in a process of its own: freezing the test runner's objects would change every later test's
    collections."""
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_start_up_imports_the_interface_and_freezes_what_it_built() -> None:
    found = _started_up()
    assert found["modules"] > 50 and found["missing"] == []
    assert found["frozen"] > 100_000  # the libraries' and the app's objects
    assert found["tracked"] < 1_000  # what the full pass still scans: only what was made since


def test_the_first_due_date_after_start_up_imports_nothing() -> None:
    # The holidays package loads a country's calendar (and with it every country's module, 0.2–0.4 s) on first use:
    # that must happen at start-up, not in the first request that counts a deadline.
    assert _started_up()["imported_by_first_due_date"] == []


def test_the_server_runs_no_full_collection_after_every_script_run() -> None:
    """Streamlit collects every generation after each run unless its config says not to (runner.postScriptGC): about
    19 ms a rerun here, with the run's last messages waiting to be sent. The probe reads the config as the server
    started in the project's folder does."""
    assert _started_up()["collects_after_every_run"] is False
