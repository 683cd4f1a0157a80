"""Photos of reports: the one stored form (a JPEG of at most 1600 px and its thumbnail, no metadata), saving them
inside a report's own write, and reading them only for readers who may see the report.

Every read takes the reader's scope and whether their role may see single reports (`may_see_reports`): a photo
is shown exactly where its report is, and never to a guest.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PIL import Image
from sqlalchemy import Connection, Select, case, func, insert, select

from kutorejo_data.core import domain
from kutorejo_data.core.db import inserted_id
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import (
    ReportFilters,
    Scope,
    area_conditions,
    day_after,
    day_start,
    history_area_conditions,
    report_conditions,
    resolve_area,
)
from kutorejo_data.core.models import RT, RW, Foto, Kategori, Laporan, StatusHistory

from . import audit

# The stored form: enough to read a street sign on a phone or a projector, small enough to keep thousands.
LONGEST_SIDE = 1600
THUMBNAIL_SIDE = 320
JPEG_QUALITY = 82
THUMBNAIL_QUALITY = 72
# Up to this many photos come with one write (a new report, or resolving one), and a report keeps at most this many.
MAX_PHOTOS_PER_WRITE = 4
MAX_PHOTOS_PER_REPORT = 16


@dataclass(frozen=True)
class PhotoFile:
    """A photo ready to store: re-encoded JPEG and thumbnail bytes, and the GPS position its EXIF carried (if any,
    and only inside Indonesia)."""

    gambar: bytes
    gambar_kecil: bytes
    lebar: int
    tinggi: int
    gps: tuple[float, float] | None = None


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    # No `exif`, `icc_profile` or comment is passed, so none is written: the stored file carries no metadata.
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def encode_photo(image: Image.Image, gps: tuple[float, float] | None = None) -> PhotoFile:
    """The stored form of an upright RGB image: at most LONGEST_SIDE px, and a THUMBNAIL_SIDE px thumbnail."""
    picture = image.convert("RGB") if image.mode != "RGB" else image.copy()
    picture.thumbnail((LONGEST_SIDE, LONGEST_SIDE), Image.Resampling.LANCZOS)
    small = picture.copy()
    small.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE), Image.Resampling.LANCZOS)
    return PhotoFile(_jpeg(picture, JPEG_QUALITY), _jpeg(small, THUMBNAIL_QUALITY), picture.width, picture.height, gps)


def first_gps(photos: Sequence[PhotoFile]) -> tuple[float, float] | None:
    """The position of the first photo that has one: where the report is, when nobody typed it."""
    return next((photo.gps for photo in photos if photo.gps is not None), None)


def check_count(conn: Connection, laporan_id: int | None, photos: Sequence[PhotoFile]) -> None:
    """Refuse more than MAX_PHOTOS_PER_WRITE photos at once, or more than MAX_PHOTOS_PER_REPORT on one report."""
    if len(photos) > MAX_PHOTOS_PER_WRITE:
        raise ValidationError({"foto": "error.photo_limit"})
    if laporan_id is not None and photos:
        stored = conn.execute(select(func.count()).select_from(Foto).where(Foto.laporan_id == laporan_id)).scalar_one()
        if stored + len(photos) > MAX_PHOTOS_PER_REPORT:
            raise ValidationError({"foto": "error.photo_report_full"})


def save_photos(
    conn: Connection,
    laporan_id: int,
    jenis: str,
    photos: Sequence[PhotoFile],
    *,
    actor: str,
    at: datetime,
    publik: bool = False,
) -> list[int]:
    """Store photos of a report inside the caller's write transaction (which checked the scope); one audit entry each.

    `publik` applies to after photos only: the resolver agreed they may be shown on public pages.
    """
    if jenis not in domain.PHOTO_KINDS:
        raise ValueError(f"unknown photo kind: {jenis}")
    ids = []
    for photo in photos:
        values = {
            "laporan_id": laporan_id,
            "jenis": jenis,
            "lebar": photo.lebar,
            "tinggi": photo.tinggi,
            "ukuran": len(photo.gambar),
            "publik": publik and jenis == domain.PHOTO_AFTER,
        }
        foto_id = inserted_id(
            conn.execute(
                insert(Foto).values(
                    **values, gambar=photo.gambar, gambar_kecil=photo.gambar_kecil, created_at=at, created_by=actor
                )
            )
        )
        # The audit keeps what was stored and its size, never the bytes (nor the GPS position: personal data).
        audit.record(conn, actor, "create", "foto", foto_id, after={**values, "gps": photo.gps is not None}, at=at)
        ids.append(foto_id)
    return ids


def after_photo_since_reopened(conn: Connection, laporan_id: int) -> bool:
    """Whether the report has an after photo taken since it was last reopened (an older one shows an older fix)."""
    reopened = (
        select(func.max(StatusHistory.changed_at))
        .where(StatusHistory.laporan_id == laporan_id, StatusHistory.from_status == domain.STATUS_SELESAI)
        .scalar_subquery()
    )
    stmt = select(Foto.id).where(
        Foto.laporan_id == laporan_id,
        Foto.jenis == domain.PHOTO_AFTER,
        (reopened.is_(None)) | (Foto.created_at >= reopened),
    )
    return conn.execute(stmt.limit(1)).first() is not None


# ---------------------------------------------------------------------------------------------------------------
# Reads: only where the report is visible


@dataclass(frozen=True)
class PhotoInfo:
    """One stored photo as a report's detail lists it: its thumbnail and what it is (the full JPEG on demand)."""

    id: int
    laporan_id: int
    jenis: str
    lebar: int
    tinggi: int
    ukuran: int
    publik: bool
    created_at: datetime
    created_by: str
    gambar_kecil: bytes


def _visible(conn: Connection, stmt: Select, scope: Scope, may_see_reports: bool) -> Select | None:
    """The statement restricted to photos of reports inside the scope; None for a reader who sees no single report."""
    if not may_see_reports:
        return None
    area = resolve_area(conn, None, None, None, scope)
    return stmt.join(Laporan, Laporan.id == Foto.laporan_id).where(*area_conditions(area))


def photos_of(conn: Connection, nomor: int, scope: Scope, *, may_see_reports: bool) -> tuple[PhotoInfo, ...]:
    """A report's photos with their thumbnails, before ones first, each kind oldest first; none outside the scope."""
    stmt = _visible(
        conn,
        select(
            Foto.id,
            Foto.laporan_id,
            Foto.jenis,
            Foto.lebar,
            Foto.tinggi,
            Foto.ukuran,
            Foto.publik,
            Foto.created_at,
            Foto.created_by,
            Foto.gambar_kecil,
        ).where(Foto.laporan_id == nomor),
        scope,
        may_see_reports,
    )
    if stmt is None:
        return ()
    order = {kind: i for i, kind in enumerate(domain.PHOTO_KINDS)}
    photos = [PhotoInfo(*row) for row in conn.execute(stmt.order_by(Foto.id))]
    return tuple(sorted(photos, key=lambda photo: (order[photo.jenis], photo.id)))


def photo_image(conn: Connection, foto_id: int, scope: Scope, *, may_see_reports: bool) -> bytes | None:
    """The full JPEG of one photo; None when it does not exist or its report is not the reader's to see."""
    stmt = _visible(conn, select(Foto.gambar).where(Foto.id == foto_id), scope, may_see_reports)
    return None if stmt is None else conn.execute(stmt).scalar()


def list_thumbnails(
    conn: Connection, nomors: Sequence[int], scope: Scope, *, may_see_reports: bool
) -> dict[int, bytes]:
    """For a page of the report list: each report's first before photo's thumbnail (else its first after photo's)."""
    if not nomors:
        return {}
    first = (
        select(func.min(Foto.id))
        .where(Foto.laporan_id.in_(list(nomors)))
        .group_by(Foto.laporan_id, Foto.jenis)
        .scalar_subquery()
    )
    stmt = _visible(
        conn, select(Foto.laporan_id, Foto.jenis, Foto.gambar_kecil).where(Foto.id.in_(first)), scope, may_see_reports
    )
    if stmt is None:
        return {}
    found: dict[int, bytes] = {}
    for laporan_id, _kind, thumbnail in sorted(conn.execute(stmt), key=lambda row: row[1] != domain.PHOTO_BEFORE):
        found.setdefault(int(laporan_id), thumbnail)
    return found


def photo_counts(conn: Connection) -> tuple[int, int]:
    """(how many photos, their stored bytes: images and thumbnails) in the whole database, for the README's figures."""
    row = conn.execute(
        select(func.count(), func.coalesce(func.sum(Foto.ukuran + func.length(Foto.gambar_kecil)), 0))
    ).one()
    return int(row[0]), int(row[1])


@dataclass(frozen=True)
class ResolvedWithPhotos:
    """A report resolved in a period with a photo from before and one from after: the meeting's evidence slide."""

    nomor: int
    judul: str
    kategori: str  # slug
    kategori_nama: str
    rw: str
    rt: str
    resolved_at: datetime
    sebelum: bytes  # the first before photo (JPEG)
    sesudah: bytes  # the latest after photo (JPEG)


def resolved_with_photos(
    conn: Connection, filters: ReportFilters, scope: Scope, *, may_see_reports: bool, limit: int = 3
) -> tuple[ResolvedWithPhotos, ...]:
    """Reports resolved within the filters' period (and now still resolved) that have both kinds of photo, the
    notable first: high priority, then the longest-standing problem."""
    if not may_see_reports or filters.dari is None or filters.sampai is None:
        return ()
    start, end = day_start(filters.dari), day_after(filters.sampai)
    # Read from the period's resolutions (an index on the history, by area where there is one), not from every report
    # ever resolved: a report counts when its last resolution is in the period, i.e. none came after it.
    resolved = (
        select(StatusHistory.laporan_id, func.max(StatusHistory.changed_at).label("selesai"))
        .where(
            StatusHistory.to_status == domain.STATUS_SELESAI,
            StatusHistory.changed_at >= start,
            StatusHistory.changed_at < end,
            *history_area_conditions(conn, filters, scope),
        )
        .group_by(StatusHistory.laporan_id)
        .subquery()
    )
    resolved_later = (
        select(StatusHistory.id)
        .where(
            StatusHistory.laporan_id == Laporan.id,
            StatusHistory.to_status == domain.STATUS_SELESAI,
            StatusHistory.changed_at >= end,
        )
        .exists()
    )
    has = lambda kind: select(Foto.id).where(Foto.laporan_id == Laporan.id, Foto.jenis == kind).exists()  # noqa: E731
    priority = case({p: i for i, p in enumerate(domain.PRIORITIES)}, value=Laporan.prioritas)
    rows = conn.execute(
        select(Laporan.id, Laporan.judul, Kategori.slug, Kategori.nama, RW.nomor, RT.nomor, resolved.c.selesai)
        .join(resolved, resolved.c.laporan_id == Laporan.id)
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(RT, RT.id == Laporan.rt_id)
        .where(
            *report_conditions(conn, filters, scope, with_period=False),
            Laporan.status == domain.STATUS_SELESAI,
            ~resolved_later,
            has(domain.PHOTO_BEFORE),
            has(domain.PHOTO_AFTER),
        )
        .order_by(priority, Laporan.reported_at, Laporan.id)
        .limit(limit)
    ).all()
    found = []
    for nomor, judul, slug, nama, rw, rt, selesai in rows:
        images = conn.execute(
            select(Foto.jenis, Foto.gambar).where(Foto.laporan_id == nomor).order_by(Foto.jenis, Foto.id)
        ).all()
        before = next(image for kind, image in images if kind == domain.PHOTO_BEFORE)
        after = [image for kind, image in images if kind == domain.PHOTO_AFTER][-1]
        found.append(ResolvedWithPhotos(nomor, judul, slug, nama, rw, rt, selesai, before, after))
    return tuple(found)


def check_resolution_photos(
    conn: Connection, laporan_id: int, kategori_id: int, to_status: str, photos: Sequence[PhotoFile]
) -> None:
    """A status change's photos: after photos come only with a resolution, and a category with *foto sesudah wajib*
    is not resolved without one (brought now, or taken since the report was last reopened)."""
    if photos and to_status != domain.STATUS_SELESAI:
        raise ValidationError({"foto": "error.photo_only_when_resolving"})
    check_count(conn, laporan_id, photos)
    if to_status != domain.STATUS_SELESAI or photos:
        return
    required, nama = conn.execute(
        select(Kategori.foto_sesudah_wajib, Kategori.nama).where(Kategori.id == kategori_id)
    ).one()
    if required and not after_photo_since_reopened(conn, laporan_id):
        raise ServiceError("error.after_photo_required", nomor=laporan_id, kategori=nama)


def after_photo_categories(conn: Connection) -> frozenset[str]:
    """Slugs of the categories whose reports are resolved only with an after photo (*foto sesudah wajib*)."""
    return frozenset(conn.execute(select(Kategori.slug).where(Kategori.foto_sesudah_wajib.is_(True))).scalars())
