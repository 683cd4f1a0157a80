"""Usulan Musrenbang: the proposals an RW head or the office writes from a candidate; scope-aware reads, audited writes.

The candidates themselves (recurring problems and their evidence) are computed in analytics/musrenbang.py; a proposal
keeps its evidence as it stood when it was saved, since the proposal is a document handed up to the kecamatan.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, Engine, delete, false, insert, select, update

from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Area, Scope, resolve_area
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan, UsulanMusrenbang

from . import audit

USULAN_MAX = 300
LOKASI_MAX = 200
SATUAN_MAX = 30
TEXT_MAX = 5000
MIN_YEAR, MAX_YEAR = 2000, 2100
_TABLE = UsulanMusrenbang.__table__


@dataclass(frozen=True)
class Proposal:
    """A proposal as written: the words the user chose and the candidate's evidence at that moment."""

    tahun: int
    kandidat: str
    kelurahan_id: int
    rw_id: int | None
    rt_id: int | None
    kategori_id: int | None
    usulan: str
    permasalahan: str
    lokasi: str
    volume: float | None
    satuan: str
    prioritas: int
    alasan: str
    jumlah_laporan: int
    laporan_terkait: str  # report numbers, comma separated
    jumlah_foto: int
    pertama_dilaporkan: datetime | None
    terakhir_dilaporkan: datetime | None


@dataclass(frozen=True)
class SavedProposal:
    """A stored proposal with its area's and category's names, for lists and the Musrenbang form."""

    id: int
    tahun: int
    kandidat: str
    rw: str | None
    rt: str | None
    kelurahan_kode: str
    kategori_nama: str | None
    usulan: str
    permasalahan: str
    lokasi: str
    volume: float | None
    satuan: str
    prioritas: int
    alasan: str
    jumlah_laporan: int
    laporan_terkait: str
    jumlah_foto: int
    pertama_dilaporkan: datetime | None
    terakhir_dilaporkan: datetime | None
    updated_at: datetime
    updated_by: str


def _errors(proposal: Proposal) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not proposal.usulan.strip():
        errors["usulan"] = "error.usulan_empty"
    elif len(proposal.usulan) > USULAN_MAX:
        errors["usulan"] = "error.usulan_too_long"
    if len(proposal.lokasi) > LOKASI_MAX:
        errors["lokasi"] = "error.lokasi_too_long"
    if len(proposal.satuan) > SATUAN_MAX:
        errors["satuan"] = "error.satuan_too_long"
    if len(proposal.permasalahan) > TEXT_MAX or len(proposal.alasan) > TEXT_MAX:
        errors["alasan"] = "error.text_too_long"
    if proposal.volume is not None and not proposal.volume > 0:
        errors["volume"] = "error.volume_positive"
    if proposal.prioritas < 1:
        errors["prioritas"] = "error.prioritas_positive"
    if not MIN_YEAR <= proposal.tahun <= MAX_YEAR:
        errors["tahun"] = "error.tahun_invalid"
    return errors


def _area_ok(area: Area, kelurahan_id: int, rw_id: int | None, rt_id: int | None) -> bool:
    """Whether a proposal's area lies inside the scope's area."""
    if area.empty:
        return False
    if area.rt_id is not None:
        return rt_id == area.rt_id
    if area.rw_id is not None:
        return rw_id == area.rw_id
    if area.kelurahan_id is not None:
        return kelurahan_id == area.kelurahan_id
    return True


def _scope_conditions(area: Area) -> list[ColumnElement[bool]]:
    if area.empty:
        return [false()]
    if area.rt_id is not None:
        return [UsulanMusrenbang.rt_id == area.rt_id]
    if area.rw_id is not None:
        return [UsulanMusrenbang.rw_id == area.rw_id]
    if area.kelurahan_id is not None:
        return [UsulanMusrenbang.kelurahan_id == area.kelurahan_id]
    return []


def save_proposal(engine: Engine, proposal: Proposal, *, actor: str, scope: Scope = EVERYTHING, now: datetime) -> int:
    """Save the proposal of a candidate for a year (a second save of the same candidate edits it); audited."""
    require_writable(scope)
    errors = _errors(proposal)
    if errors:
        raise ValidationError(errors)
    values = {
        **asdict(proposal),
        "usulan": proposal.usulan.strip(),
        "lokasi": proposal.lokasi.strip(),
        "satuan": proposal.satuan.strip(),
        "updated_at": now,
        "updated_by": actor,
    }
    with write_transaction(engine) as conn:
        area = resolve_area(conn, None, None, None, scope)
        if not _area_ok(area, proposal.kelurahan_id, proposal.rw_id, proposal.rt_id):
            raise ServiceError("error.usulan_outside_scope")
        existing = conn.execute(
            select(_TABLE).where(
                UsulanMusrenbang.tahun == proposal.tahun, UsulanMusrenbang.kandidat == proposal.kandidat
            )
        ).one_or_none()
        if existing is None:
            proposal_id = inserted_id(
                conn.execute(insert(UsulanMusrenbang).values(**values, created_at=now, created_by=actor))
            )
            audit.record(conn, actor, "create", "usulan_musrenbang", proposal_id, None, asdict(proposal), at=now)
            return proposal_id
        before = {key: existing._mapping[key] for key in asdict(proposal)}
        conn.execute(update(UsulanMusrenbang).where(UsulanMusrenbang.id == existing.id).values(**values))
        old, new = audit.changed_fields(before, asdict(proposal))
        audit.record(conn, actor, "update", "usulan_musrenbang", existing.id, old, new, at=now)
        return int(existing.id)


def delete_proposal(engine: Engine, proposal_id: int, *, actor: str, scope: Scope = EVERYTHING, now: datetime) -> None:
    """Remove a proposal inside the scope (the audit log keeps it as it was)."""
    require_writable(scope)
    with write_transaction(engine) as conn:
        area = resolve_area(conn, None, None, None, scope)
        row = conn.execute(
            select(_TABLE).where(UsulanMusrenbang.id == proposal_id, *_scope_conditions(area))
        ).one_or_none()
        if row is None:
            raise ServiceError("error.usulan_not_found", nomor=proposal_id)
        before = dict(row._mapping)
        conn.execute(delete(UsulanMusrenbang).where(UsulanMusrenbang.id == proposal_id))
        audit.record(conn, actor, "delete", "usulan_musrenbang", proposal_id, before, None, at=now)


def proposals(
    conn: Connection,
    tahun: int,
    *,
    kelurahan_kode: str | None = None,
    rw: str | None = None,
    scope: Scope = EVERYTHING,
) -> list[SavedProposal]:
    """The year's proposals inside the scope (and the requested kelurahan/RW), by priority then area."""
    area = resolve_area(conn, kelurahan_kode, rw, None, scope)
    rows = conn.execute(
        select(
            *_TABLE.columns,
            RW.nomor.label("rw"),
            RT.nomor.label("rt"),
            Kelurahan.kode.label("kelurahan_kode"),
            Kategori.nama.label("kategori_nama"),
        )
        .join(Kelurahan, Kelurahan.id == UsulanMusrenbang.kelurahan_id)
        .outerjoin(RW, RW.id == UsulanMusrenbang.rw_id)
        .outerjoin(RT, RT.id == UsulanMusrenbang.rt_id)
        .outerjoin(Kategori, Kategori.id == UsulanMusrenbang.kategori_id)
        .where(UsulanMusrenbang.tahun == tahun, *_scope_conditions(area))
        .order_by(UsulanMusrenbang.prioritas, RW.nomor, RT.nomor, UsulanMusrenbang.id)
    ).all()
    return [
        SavedProposal(
            id=row.id,
            tahun=row.tahun,
            kandidat=row.kandidat,
            rw=row.rw,
            rt=row.rt,
            kelurahan_kode=row.kelurahan_kode,
            kategori_nama=row.kategori_nama,
            usulan=row.usulan,
            permasalahan=row.permasalahan,
            lokasi=row.lokasi,
            volume=row.volume,
            satuan=row.satuan,
            prioritas=row.prioritas,
            alasan=row.alasan,
            jumlah_laporan=row.jumlah_laporan,
            laporan_terkait=row.laporan_terkait,
            jumlah_foto=row.jumlah_foto,
            pertama_dilaporkan=row.pertama_dilaporkan,
            terakhir_dilaporkan=row.terakhir_dilaporkan,
            updated_at=row.updated_at,
            updated_by=row.updated_by,
        )
        for row in rows
    ]
