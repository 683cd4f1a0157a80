"""The Peta page's reads: the filtered reports that have coordinates, as points, inside the reader's scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, func, select

from kutorejo_data.core.filters import ReportFilters, Scope, report_conditions
from kutorejo_data.core.models import RT, RW, Foto, Kategori, Laporan
from kutorejo_data.core.sqlfuncs import days_between

from .reports import _end

# Points drawn at most: beyond a few thousand a phone's browser slows down and the map is a blur anyway.
MAP_LIMIT = 3000
POINT_COLUMNS = ["nomor", "lat", "lon", "status", "judul", "kategori", "kategori_nama", "rw", "rt", "umur", "foto"]


@dataclass(frozen=True)
class ReportPoints:
    """The newest `MAP_LIMIT` filtered reports with coordinates, and how many there are in all."""

    points: pd.DataFrame  # POINT_COLUMNS; umur in days (until closed, for a closed report); foto: has a photo
    with_coordinates: int
    total: int


def report_points(
    conn: Connection, filters: ReportFilters, scope: Scope, *, now: datetime, limit: int = MAP_LIMIT
) -> ReportPoints:
    """The filtered reports inside the scope that have coordinates, newest first, as map points."""
    conditions = report_conditions(conn, filters, scope)
    total, located = conn.execute(select(func.count(), func.count(Laporan.lat)).where(*conditions)).one()
    has_photo = select(Foto.id).where(Foto.laporan_id == Laporan.id).exists()
    stmt = (
        select(
            Laporan.id,
            Laporan.lat,
            Laporan.lon,
            Laporan.status,
            Laporan.judul,
            Kategori.slug,
            Kategori.nama,
            RW.nomor,
            RT.nomor,
            days_between(Laporan.reported_at, _end(now)),
            has_photo,
        )
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(RT, RT.id == Laporan.rt_id)
        .where(*conditions, Laporan.lat.is_not(None), Laporan.lon.is_not(None))
        .order_by(Laporan.reported_at.desc(), Laporan.id.desc())
        .limit(limit)
    )
    points = pd.DataFrame([tuple(row) for row in conn.execute(stmt)], columns=POINT_COLUMNS)
    return ReportPoints(points=points, with_coordinates=int(located), total=int(total))
