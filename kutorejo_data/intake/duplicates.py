"""Duplicates at entry: before a complaint is saved, the open reports of the same RT from the last 30 days that say
nearly the same thing (normalised Indonesian words compared with rapidfuzz, the same category counting extra)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from kutorejo_data.core import domain
from kutorejo_data.core.filters import Scope, area_conditions, resolve_area
from kutorejo_data.core.models import Kategori, Laporan

from .indonesian import normalise

LOOK_BACK = timedelta(days=30)
# A new complaint is offered as support for an open report scoring at least this (0–100).
SIMILAR_FROM = 60
SAME_CATEGORY_BONUS = 15
SHOWN = 3


@dataclass(frozen=True)
class Similar:
    """An open report a new complaint may repeat, and how alike the two are (0–100)."""

    nomor: int
    judul: str
    kategori: str
    reported_at: datetime
    jumlah_dukungan: int
    score: int


def similarity(new_text: str, report_text: str, same_category: bool) -> int:
    """How alike two complaints are, 0–100: their content words as sets, plus a bonus for the same category."""
    a, b = normalise(new_text), normalise(report_text)
    if not a or not b:
        return 0
    score = fuzz.token_set_ratio(a, b)
    return min(100, round(score + (SAME_CATEGORY_BONUS if same_category else 0)))


def similar_open_reports(
    conn: Connection,
    scope: Scope,
    *,
    kelurahan_kode: str | None,
    rw: str,
    rt: str,
    text: str,
    kategori: str | None,
    now: datetime,
) -> list[Similar]:
    """The open reports of the RT received in the last 30 days that the text may repeat, most alike first."""
    area = resolve_area(conn, kelurahan_kode, rw, rt, scope)
    if area.empty or area.rt_id is None or not text.strip():
        return []
    rows = conn.execute(
        select(
            Laporan.id, Laporan.judul, Laporan.deskripsi, Kategori.slug, Laporan.reported_at, Laporan.jumlah_dukungan
        )
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(
            *area_conditions(area),
            Laporan.status.in_(domain.OPEN_STATUSES),
            Laporan.reported_at >= now - LOOK_BACK,
        )
    ).all()
    found = []
    for row in rows:
        score = similarity(text, f"{row.judul} {row.deskripsi}", kategori == row.slug)
        if score >= SIMILAR_FROM:
            found.append(Similar(row.id, row.judul, row.slug, row.reported_at, row.jumlah_dukungan, score))
    return sorted(found, key=lambda s: (-s.score, -s.reported_at.timestamp()))[:SHOWN]
