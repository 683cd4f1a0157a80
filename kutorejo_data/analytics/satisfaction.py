"""Residents' answers to "sudah beres?": per area and per category, how many of the period's resolutions the reporter
confirmed (DIKONFIRMASI_WARGA), reopened (DIBUKA_KEMBALI_PELAPOR), and the satisfaction index of their ratings
(IKM_WARGA). One SQL pass per table; the shares and the index are computed from its counts here, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd
from sqlalchemy import ColumnElement, Connection, and_, case, func, select

from kutorejo_data.core import domain
from kutorejo_data.core.filters import (
    ReportFilters,
    Scope,
    day_after,
    day_start,
    history_area_conditions,
    report_conditions,
)
from kutorejo_data.core.models import Kategori, KonfirmasiWarga, Laporan, StatusHistory

from .accountability import area_unit, in_order
from .metrics import DIBUKA_KEMBALI_PELAPOR, DIKONFIRMASI_WARGA, IKM_WARGA, MIN_RATINGS_FOR_IKM

Grouping = Literal["semua", "wilayah", "kategori"]
COUNTS = ["penyelesaian", "dikonfirmasi_ya", "dikonfirmasi_belum", "dinilai", "jumlah_nilai"]
TABLE_COLUMNS = ["grup", *COUNTS, DIKONFIRMASI_WARGA.key, DIBUKA_KEMBALI_PELAPOR.key, IKM_WARGA.key]


@dataclass(frozen=True)
class Satisfaction:
    """The whole selection's figures and the tables per area and per category (columns: grup, COUNTS, and the
    three metrics' keys)."""

    total: dict[str, float | int | None]
    by_area: pd.DataFrame
    by_category: pd.DataFrame


def ikm(rating_sum: int, rated: int) -> float | None:
    """IKM_WARGA from the ratings' sum and count: (mean − 1) ÷ 4 × 100; None below MIN_RATINGS_FOR_IKM ratings."""
    if rated < MIN_RATINGS_FOR_IKM:
        return None
    return (rating_sum / rated - 1) / 4 * 100


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def satisfaction_counts(conn: Connection, filters: ReportFilters, scope: Scope, grouping: Grouping) -> pd.DataFrame:
    """Per group: the period's resolutions (each transition to `selesai`) and the answers given to them."""
    return _table(_sums(conn, filters, scope)[grouping])


def _sums(conn: Connection, filters: ReportFilters, scope: Scope) -> dict[Grouping, dict[str | None, list[int]]]:
    """Every grouping's COUNTS per group, from one pass grouped by area and category (each adds up by group)."""
    assert filters.dari is not None and filters.sampai is not None
    word, nomor, area_join = area_unit(conn, filters, scope)
    stmt = (
        select(
            nomor,
            Kategori.slug,
            func.count(),
            _count(KonfirmasiWarga.jawaban == "ya"),
            _count(KonfirmasiWarga.jawaban == "belum"),
            func.count(KonfirmasiWarga.nilai),
            func.coalesce(func.sum(KonfirmasiWarga.nilai), 0),
        )
        .select_from(StatusHistory)
        .join(Laporan, Laporan.id == StatusHistory.laporan_id)
        .outerjoin(
            KonfirmasiWarga,
            and_(
                KonfirmasiWarga.laporan_id == StatusHistory.laporan_id,
                KonfirmasiWarga.selesai_at == StatusHistory.changed_at,
            ),
        )
        .outerjoin(Kategori, Kategori.id == Laporan.kategori_id)
        .outerjoin(*area_join)
        .where(
            StatusHistory.to_status == domain.STATUS_SELESAI,
            StatusHistory.changed_at >= day_start(filters.dari),
            StatusHistory.changed_at < day_after(filters.sampai),
            *history_area_conditions(conn, filters, scope),
            *report_conditions(conn, filters, scope, with_period=False),
        )
        .group_by(nomor, Kategori.slug)
    )
    # The whole selection is one row, also when nothing was resolved.
    sums: dict[Grouping, dict[str | None, list[int]]] = {
        "semua": {"semua": [0] * len(COUNTS)},
        "wilayah": {},
        "kategori": {},
    }
    for unit, slug, *figures in conn.execute(stmt):
        groups = ("semua", None if unit is None else word + unit, slug)
        for grouping, group in zip(GROUPINGS, groups, strict=True):
            row = sums[grouping].setdefault(group, [0] * len(COUNTS))
            for i, figure in enumerate(figures):
                row[i] += int(figure or 0)  # counts and coalesced sums: never NULL
    return sums


def _table(sums: dict[str | None, list[int]]) -> pd.DataFrame:
    """grup, COUNTS and the three metrics per group (None where there is nothing to divide); groups in order."""
    rows = []
    for group in in_order(sums):
        resolved, confirmed, reopened, rated, rating_sum = sums[group]
        shares = (confirmed / resolved, reopened / resolved) if resolved else (None, None)
        rows.append((group, *sums[group], *shares, ikm(rating_sum, rated)))
    return pd.DataFrame(rows, columns=TABLE_COLUMNS, dtype=object)


def totals(counts: pd.DataFrame) -> dict[str, float | int | None]:
    """The one row of satisfaction_counts(..., "semua") as figures by key."""
    return {str(key): value for key, value in counts.iloc[0].items() if key != "grup"}


GROUPINGS: tuple[Grouping, ...] = ("semua", "wilayah", "kategori")


def satisfaction(conn: Connection, filters: ReportFilters, scope: Scope) -> Satisfaction:
    """The figures of the selection, and per area and per category."""
    sums = _sums(conn, filters, scope)
    return Satisfaction(
        total=totals(_table(sums["semua"])), by_area=_table(sums["wilayah"]), by_category=_table(sums["kategori"])
    )
