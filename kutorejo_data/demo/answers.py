"""Residents' answers to "sudah beres?" in the demo data: the reporters' own reopenings (written by the generator
as the reporter's, within 14 days of a resolution) are their *belum*; of the other resolutions some reporters
confirm with *ya*, most with a rating.

Only reports from residents (sumber `warga`) in the last ANSWERED_MONTHS months get answers: the page and the deck
look at recent months, and a million-report load test stays quick. Deterministic for a seed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import groupby
from typing import NamedTuple

import numpy as np
from sqlalchemy import Connection, insert, select

from kutorejo_data.core import domain
from kutorejo_data.core.models import KonfirmasiWarga, Laporan, StatusHistory
from kutorejo_data.records.notifications import REOPENED_BY_REPORTER, REPORTER_ACTOR

ANSWERED_MONTHS = 6
CONFIRM_SHARE = 0.45  # of resolutions the reporter did not reopen, how many reporters answer "ya"
RATED_SHARE = 0.8  # of those, how many also give a rating
RATINGS = np.array([1, 2, 3, 4, 5])
RATING_WEIGHTS = np.array([0.03, 0.05, 0.14, 0.40, 0.38])


class _Step(NamedTuple):
    laporan_id: int
    changed_at: datetime
    to_status: str
    changed_by: str
    note: str


def add_resident_answers(conn: Connection, rng: np.random.Generator, horizon: datetime) -> int:
    """Write the answers to the recent resolutions of residents' reports; returns how many."""
    since = horizon - timedelta(days=31 * ANSWERED_MONTHS)
    steps = [
        _Step(*row)
        for row in conn.execute(
            select(
                StatusHistory.laporan_id,
                StatusHistory.changed_at,
                StatusHistory.to_status,
                StatusHistory.changed_by,
                StatusHistory.note,
            )
            .join(Laporan, Laporan.id == StatusHistory.laporan_id)
            .where(Laporan.sumber == "warga", StatusHistory.changed_at >= since)
            .order_by(StatusHistory.laporan_id, StatusHistory.changed_at, StatusHistory.id)
        )
    ]
    answers = []
    for _, group in groupby(steps, key=lambda step: step.laporan_id):
        history = list(group)
        for resolved, following in zip(history, [*history[1:], None], strict=True):
            if resolved.to_status == domain.STATUS_SELESAI:
                answer = _answer(rng, resolved, following, horizon)
                if answer is not None:
                    answers.append(answer)
    if answers:
        conn.execute(insert(KonfirmasiWarga), answers)
    return len(answers)


def _answer(rng: np.random.Generator, resolved: _Step, following: _Step | None, horizon: datetime) -> dict | None:
    """The reporter's answer to one resolution, or None when they gave none."""
    if following is not None and following.changed_by == REPORTER_ACTOR:
        reason = following.note.removeprefix(f"{REOPENED_BY_REPORTER}: ")
        return _row(resolved, "belum", None, reason, following.changed_at)
    if rng.random() >= CONFIRM_SHARE:
        return None
    answered_at = resolved.changed_at + timedelta(hours=float(rng.uniform(2, 24 * 10)))
    if answered_at > horizon or (following is not None and answered_at >= following.changed_at):
        return None
    rating = int(rng.choice(RATINGS, p=RATING_WEIGHTS)) if rng.random() < RATED_SHARE else None
    return _row(resolved, "ya", rating, "", answered_at)


def _row(resolved: _Step, jawaban: str, nilai: int | None, alasan: str, at: datetime) -> dict[str, object]:
    return {
        "laporan_id": resolved.laporan_id,
        "selesai_at": resolved.changed_at,
        "jawaban": jawaban,
        "nilai": nilai,
        "alasan": alasan,
        "created_at": at,
    }
