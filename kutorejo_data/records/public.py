"""What anyone holding a report's tracking code may see (the `cek` page, the only page without sign-in).

Status, category, RW/RT, dates, due date, the public updates (each status change with its date and the level
handling it) and the after photos the resolver marked public. Never the title or description (they may name people),
a before photo, names, phone numbers, notes or who changed what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from kutorejo_data.core import domain
from kutorejo_data.core.models import RT, RW, Foto, Kategori, Kelurahan, Laporan, StatusHistory
from kutorejo_data.core.tracking import normalise_code

from .confirmation import Resolution, latest_resolution
from .photos import MAX_PHOTOS_PER_WRITE


@dataclass(frozen=True)
class PublicUpdate:
    """One public step of a report: when, the status it moved to, and the level handling it then."""

    at: datetime
    status: str
    penanganan: str | None


@dataclass(frozen=True)
class PublicStatus:
    """A report as its tracking code shows it to the public."""

    kode: str
    status: str
    kategori_slug: str
    kategori_nama: str
    kelurahan: str
    rw: str
    rt: str
    reported_at: datetime
    batas_selesai: datetime | None
    penanganan: str | None
    updates: tuple[PublicUpdate, ...]
    resolution: Resolution | None  # set while the report is resolved: the "sudah beres?" question
    after_photos: tuple[bytes, ...]  # JPEGs of the after photos marked public, oldest first


def public_status(conn: Connection, typed: str) -> PublicStatus | None:
    """The report with this tracking code (typed as people type it), or None when nothing has it."""
    code = normalise_code(typed)
    if code is None:
        return None
    row = conn.execute(
        select(
            Laporan.id,
            Laporan.kode_lacak,
            Laporan.status,
            Laporan.reported_at,
            Laporan.batas_selesai,
            Laporan.penanganan,
            Kategori.slug,
            Kategori.nama.label("kategori_nama"),
            Kelurahan.nama.label("kelurahan"),
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
        )
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .join(Kelurahan, Kelurahan.id == Laporan.kelurahan_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(RT, RT.id == Laporan.rt_id)
        .where(Laporan.kode_lacak == code)
    ).one_or_none()
    if row is None:
        return None
    updates = conn.execute(
        select(StatusHistory.changed_at, StatusHistory.to_status, StatusHistory.penanganan)
        .where(StatusHistory.laporan_id == row.id)
        .order_by(StatusHistory.changed_at, StatusHistory.id)
    ).all()
    return PublicStatus(
        kode=row.kode_lacak,
        status=row.status,
        kategori_slug=row.slug,
        kategori_nama=row.kategori_nama,
        kelurahan=row.kelurahan,
        rw=row.rw,
        rt=row.rt,
        reported_at=row.reported_at,
        batas_selesai=row.batas_selesai,
        penanganan=row.penanganan,
        updates=tuple(PublicUpdate(*update) for update in updates),
        resolution=latest_resolution(conn, row.id),
        after_photos=tuple(
            conn.execute(
                select(Foto.gambar)
                .where(Foto.laporan_id == row.id, Foto.jenis == domain.PHOTO_AFTER, Foto.publik.is_(True))
                .order_by(Foto.id)
                .limit(MAX_PHOTOS_PER_WRITE)  # one resolution's worth
            ).scalars()
        ),
    )


def tracking_code(conn: Connection, laporan_id: int) -> str | None:
    """A report's tracking code (to hand to its reporter right after saving it)."""
    return conn.execute(select(Laporan.kode_lacak).where(Laporan.id == laporan_id)).scalar()
