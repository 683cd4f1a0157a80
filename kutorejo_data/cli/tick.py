"""`python -m kutorejo_data tick`: the daily escalation job (cron), safe to run twice or after a missed day."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from kutorejo_data.core.config import now_local
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.records.escalation import tick


def run_tick_command(engine: Engine, args: argparse.Namespace) -> int:
    """Escalate what is past its level's deadline and name a person for open reports without one; print counts."""
    result = tick(engine, now=now_local())
    print(
        f"{fmt_int(result.escalated)} laporan naik ke tingkat berikutnya; "
        f"{fmt_int(result.assigned)} laporan mendapat penanggung jawab."
    )
    return 0
