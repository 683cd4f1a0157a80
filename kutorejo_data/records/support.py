"""Support (dukungan): another household affected by an open report's problem, added to that report instead of a
duplicate report. The support count on the report (`jumlah_dukungan`) moves in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core import domain
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope, area_conditions, resolve_area
from kutorejo_data.core.models import Dukungan, Laporan

from . import audit

NOTE_MAX = 2000


@dataclass(frozen=True)
class Support:
    """Who else is affected (personal data, optional) and what they said."""

    laporan_id: int
    catatan: str = ""
    pelapor_nama: str | None = None
    pelapor_telepon: str | None = None
    sumber: str = "warga"
    external_id: str | None = None  # a chat message's key, so importing the chat again adds nothing twice


def add_support(engine: Engine, support: Support, *, actor: str, scope: Scope = EVERYTHING, now: datetime) -> int:
    """Add a household's support to an open report inside the scope; returns the report's new support count.

    Raises ServiceError when the report is closed or not found, or when this message was already added.
    """
    require_writable(scope)
    errors: dict[str, str] = {}
    if support.pelapor_telepon and not domain.PHONE_PATTERN.match(support.pelapor_telepon.strip()):
        errors["pelapor_telepon"] = "error.telepon_invalid"
    if support.pelapor_nama and len(support.pelapor_nama.strip()) > domain.NAMA_MAX:
        errors["pelapor_nama"] = "error.nama_too_long"
    if support.sumber not in domain.SOURCES:
        errors["sumber"] = "error.sumber_invalid"
    if errors:
        raise ValidationError(errors)
    try:
        with write_transaction(engine) as conn:
            return _add(conn, support, actor, scope, now)
    except IntegrityError:  # the same message added twice at once: the unique key caught it
        raise ServiceError("error.support_exists", nomor=support.laporan_id) from None


def _add(conn: Connection, support: Support, actor: str, scope: Scope, now: datetime) -> int:
    area = resolve_area(conn, None, None, None, scope)
    report = conn.execute(
        select(Laporan.id, Laporan.status).where(Laporan.id == support.laporan_id, *area_conditions(area))
    ).one_or_none()
    if report is None:
        raise ServiceError("error.report_not_found", nomor=support.laporan_id)
    if report.status not in domain.OPEN_STATUSES:
        raise ServiceError("error.support_closed", nomor=support.laporan_id)
    if (
        support.external_id
        and conn.execute(select(Dukungan.id).where(Dukungan.external_id == support.external_id)).first()
    ):
        raise ServiceError("error.support_exists", nomor=support.laporan_id)
    conn.execute(
        insert(Dukungan).values(
            laporan_id=support.laporan_id,
            pelapor_nama=(support.pelapor_nama or "").strip() or None,
            pelapor_telepon=(support.pelapor_telepon or "").strip() or None,
            catatan=support.catatan.strip()[:NOTE_MAX],
            sumber=support.sumber,
            external_id=support.external_id,
            created_at=now,
            created_by=actor,
        )
    )
    conn.execute(
        update(Laporan).where(Laporan.id == support.laporan_id).values(jumlah_dukungan=Laporan.jumlah_dukungan + 1)
    )
    count = conn.execute(select(Laporan.jumlah_dukungan).where(Laporan.id == support.laporan_id)).scalar_one()
    named = bool((support.pelapor_nama or "").strip() or (support.pelapor_telepon or "").strip())
    audit.record(
        conn,
        actor,
        "support",
        "laporan",
        support.laporan_id,
        after={"dukungan": count, "pelapor_dicatat": named},
        at=now,
    )
    return int(count)


@dataclass(frozen=True)
class SupportEntry:
    """Another household affected: when, what they said, and (for who may see it) who they are."""

    waktu: datetime
    catatan: str
    sumber: str
    pelapor: str | None  # name · phone, only for who may see the report's reporter


def supports_of(conn: Connection, laporan_id: int, *, with_personal_data: bool) -> tuple[SupportEntry, ...]:
    """A report's support entries, oldest first; names and phones only for who may see them."""
    rows = conn.execute(
        select(Dukungan.created_at, Dukungan.catatan, Dukungan.sumber, Dukungan.pelapor_nama, Dukungan.pelapor_telepon)
        .where(Dukungan.laporan_id == laporan_id)
        .order_by(Dukungan.created_at, Dukungan.id)
    )
    return tuple(
        SupportEntry(
            row.created_at,
            row.catatan,
            row.sumber,
            " · ".join(p for p in (row.pelapor_nama, row.pelapor_telepon) if p) if with_personal_data else None,
        )
        for row in rows
    )
