"""`python -m kutorejo_data tick`: the daily job (cron), safe to run twice or after a missed day."""

from __future__ import annotations

import argparse

from sqlalchemy import Engine

from kutorejo_data.core.config import now_local
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.meeting.daily import run_daily


def run_tick_command(engine: Engine, args: argparse.Namespace) -> int:
    """Escalate, name people in charge, queue reminders and the morning digests, send through a configured gateway;
    print what it did."""
    result = run_daily(engine, now=now_local())
    print(
        f"{fmt_int(result.escalated)} laporan naik ke tingkat berikutnya; "
        f"{fmt_int(result.assigned)} laporan mendapat penanggung jawab; "
        f"{fmt_int(result.reminders)} pengingat batas waktu dan {fmt_int(result.digests)} ringkasan harian "
        "masuk antrean Pesan."
    )
    if result.gateway is not None:
        sent = result.gateway
        print(f"Gateway WhatsApp: {fmt_int(sent.sent)} terkirim, {fmt_int(sent.refused)} ditolak.")
        if sent.unreachable:
            print("Gateway WhatsApp tidak dapat dihubungi; sisanya dicoba lagi pada jalan berikutnya.")
    return 0
