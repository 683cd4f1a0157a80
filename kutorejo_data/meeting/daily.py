"""The daily job, run by cron (`python -m kutorejo_data tick`) or by the app at most once an hour when nobody has.

Each step is idempotent, so running the job twice, or again after a missed day, does nothing twice: escalation
(records/escalation.py), deadline reminders, the morning digest of the day before for each RW head (from
DIGEST_HOUR), and, only when a gateway is configured, sending what is queued.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from kutorejo_data.core.db import write_transaction
from kutorejo_data.records import escalation, gateway, notifications

from .digest import queue_digests, yesterday

# The digest of the day before is queued from this hour on: early enough for the heads' morning.
DIGEST_HOUR = 6


@dataclass(frozen=True)
class DailyResult:
    """What one run did."""

    escalated: int
    assigned: int
    reminders: int
    digests: int
    gateway: gateway.GatewayResult | None


def run_daily(engine: Engine, *, now: datetime) -> DailyResult:
    """Run every step of the daily job once."""
    ticked = escalation.tick(engine, now=now)
    with write_transaction(engine) as conn:
        reminders = notifications.queue_reminders(conn, now=now)
    digests = queue_digests(engine, yesterday(now), now=now) if now.hour >= DIGEST_HOUR else 0
    sent = gateway.send_queued(engine, now=now)
    return DailyResult(ticked.escalated, ticked.assigned, reminders, digests, sent)


def run_daily_if_due(engine: Engine, *, now: datetime) -> DailyResult | None:
    """Run the job when it has not run in the last hour (the app's fallback when there is no cron)."""
    with engine.connect() as conn:
        last = escalation.last_run(conn)
    if last is not None and now - last < escalation.TICK_INTERVAL:
        return None
    return run_daily(engine, now=now)
