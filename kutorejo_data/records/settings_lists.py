"""Read side of the settings page: RWs, RTs and categories with how much data uses each (inactive ones too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, ScalarSelect, func, select

from kutorejo_data.core.filters import Scope, area_conditions, resolve_area
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, Laporan


@dataclass(frozen=True)
class RwRow:
    """One RW of a kelurahan as the settings page lists it."""

    nomor: str
    ketua_nama: str | None
    aktif: bool
    jumlah_rt: int
    jumlah_laporan: int


@dataclass(frozen=True)
class RtRow:
    """One RT of an RW as the settings page lists it."""

    nomor: str
    ketua_nama: str | None
    jumlah_kk: int | None
    jumlah_warga: int | None
    data_diperbarui: date | None
    aktif: bool
    jumlah_laporan: int


@dataclass(frozen=True)
class CategoryRow:
    """One category as the settings page lists it; `jumlah_laporan` counts reports inside the reader's scope."""

    slug: str
    nama: str
    sla_hari: int
    aktif: bool
    jumlah_laporan: int
    tanggap_hari: int
    foto_sesudah_wajib: bool = False


def _report_count(*conditions: ColumnElement[bool]) -> ScalarSelect[int]:
    """Correlated count of the reports that point at the outer query's row."""
    return select(func.count()).select_from(Laporan).where(*conditions).correlate_except(Laporan).scalar_subquery()


def rw_rows(conn: Connection, kelurahan_kode: str, scope: Scope) -> list[RwRow]:
    """Every RW of the kelurahan inside the scope, active or not, by number."""
    if scope.kelurahan_kode not in (None, kelurahan_kode):
        return []
    stmt = (
        select(
            RW.nomor,
            RW.ketua_nama,
            RW.aktif,
            select(func.count()).select_from(RT).where(RT.rw_id == RW.id).correlate(RW).scalar_subquery(),
            _report_count(Laporan.rw_id == RW.id),
        )
        .join(Kelurahan, Kelurahan.id == RW.kelurahan_id)
        .where(Kelurahan.kode == kelurahan_kode)
        .order_by(RW.nomor)
    )
    if scope.rw is not None:
        stmt = stmt.where(RW.nomor == scope.rw)
    return [RwRow(*row) for row in conn.execute(stmt)]


def rt_rows(conn: Connection, kelurahan_kode: str, rw: str, scope: Scope) -> list[RtRow]:
    """Every RT of one RW inside the scope, active or not, by number."""
    area = resolve_area(conn, kelurahan_kode, rw, None, scope)
    if area.empty or area.rw_id is None:
        return []
    stmt = (
        select(
            RT.nomor,
            RT.ketua_nama,
            RT.jumlah_kk,
            RT.jumlah_warga,
            RT.data_diperbarui,
            RT.aktif,
            _report_count(Laporan.rt_id == RT.id),
        )
        .where(RT.rw_id == area.rw_id)
        .order_by(RT.nomor)
    )
    if area.rt_id is not None:
        stmt = stmt.where(RT.id == area.rt_id)
    return [RtRow(*row) for row in conn.execute(stmt)]


def category_rows(conn: Connection, scope: Scope) -> list[CategoryRow]:
    """Every category, active or not, in the office's order, with its reports inside the scope."""
    area = resolve_area(conn, None, None, None, scope)
    used = _report_count(Laporan.kategori_id == Kategori.id, *area_conditions(area))
    stmt = select(
        Kategori.slug,
        Kategori.nama,
        Kategori.sla_hari,
        Kategori.aktif,
        used,
        Kategori.tanggap_hari,
        Kategori.foto_sesudah_wajib,
    ).order_by(Kategori.urutan, Kategori.nama)
    return [CategoryRow(*row) for row in conn.execute(stmt)]
