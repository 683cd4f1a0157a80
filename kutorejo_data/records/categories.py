"""Problem categories the office keeps: name, target resolution time (SLA, days), active.

Categories are shared by every area, so only the kelurahan office (or wider) changes them. A category that
reports use is never deleted, only deactivated. Every change is written to the audit log in the same transaction.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import Kategori, Laporan

from . import audit
from .areas import integrity_backstop

SLA_MAX_DAYS = 365
KATEGORI_NAMA_MAX = 100
SLUG_MAX = 64


def slugify(nama: str) -> str:
    """A URL-safe slug from a category name (`Jalan & gang` → `jalan-gang`)."""
    ascii_name = unicodedata.normalize("NFKD", nama).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[: SLUG_MAX - 4].strip("-") or "kategori"


def _category_errors(
    conn: Connection, nama: str, sla_hari: int | None, slug: str | None, tanggap_hari: int | None = None
) -> dict[str, str]:
    errors: dict[str, str] = {}
    name = nama.strip()
    if not name:
        errors["nama"] = "error.kategori_nama_required"
    elif len(name) > KATEGORI_NAMA_MAX:
        errors["nama"] = "error.nama_too_long"
    else:
        same = select(Kategori.slug).where(func.lower(Kategori.nama) == name.lower())
        if slug is not None:
            same = same.where(Kategori.slug != slug)
        if conn.execute(same).first() is not None:
            errors["nama"] = "error.kategori_exists"
    if sla_hari is None or sla_hari <= 0:
        errors["sla_hari"] = "error.sla_positive"
    elif sla_hari > SLA_MAX_DAYS:
        errors["sla_hari"] = "error.sla_too_large"
    if tanggap_hari is not None and not 0 < tanggap_hari <= SLA_MAX_DAYS:
        errors["tanggap_hari"] = "error.tanggap_range"
    return errors


def _require_category_manager(scope: Scope) -> None:
    """Categories are shared by every area: only the kelurahan office (or wider) changes them; never a guest."""
    require_writable(scope)
    if scope.rw is not None:
        raise ServiceError("error.settings_outside_scope")


def _snapshot(conn: Connection, slug: str) -> dict[str, object] | None:
    """The audited fields of a category; None when there is no such category."""
    row = conn.execute(
        select(
            Kategori.nama, Kategori.sla_hari, Kategori.tanggap_hari, Kategori.aktif, Kategori.foto_sesudah_wajib
        ).where(Kategori.slug == slug)
    ).first()
    return None if row is None else dict(row._mapping)


def add_category(
    engine: Engine,
    nama: str,
    sla_hari: int | None,
    *,
    actor: str,
    scope: Scope = EVERYTHING,
    tanggap_hari: int = domain.DEFAULT_RESPONSE_WORKING_DAYS,
    foto_sesudah_wajib: bool = False,
) -> str:
    """Add an active category at the end of the list; returns its new, unique slug. Targets are working days."""
    _require_category_manager(scope)
    with integrity_backstop("error.kategori_exists", "nama"), write_transaction(engine) as conn:
        errors = _category_errors(conn, nama, sla_hari, None, tanggap_hari)
        if errors:
            raise ValidationError(errors)
        base = slugify(nama)
        taken = set(
            conn.execute(select(Kategori.slug).where(Kategori.slug.startswith(base, autoescape=True))).scalars()
        )
        slug = next(s for s in (base, *(f"{base}-{n}" for n in range(2, len(taken) + 3))) if s not in taken)
        last = conn.execute(select(func.max(Kategori.urutan))).scalar() or 0
        conn.execute(
            insert(Kategori).values(
                slug=slug,
                nama=nama.strip(),
                sla_hari=sla_hari,
                tanggap_hari=tanggap_hari,
                aktif=True,
                urutan=last + 1,
                foto_sesudah_wajib=foto_sesudah_wajib,
            )
        )
        audit.record(conn, actor, "create", "kategori", slug, after=_snapshot(conn, slug))
    return slug


def update_category(
    engine: Engine,
    slug: str,
    nama: str,
    sla_hari: int | None,
    aktif: bool,
    *,
    actor: str,
    scope: Scope = EVERYTHING,
    tanggap_hari: int | None = None,
    foto_sesudah_wajib: bool | None = None,
) -> None:
    """Rename a category, change its targets (working days), (de)activate it, or whether resolving needs an after
    photo; its slug stays, so links keep working. New targets apply to reports made from now on: a due date already
    set is a promise kept."""
    _require_category_manager(scope)
    with write_transaction(engine) as conn:
        stored = _snapshot(conn, slug)
        if stored is None:
            raise ServiceError("error.kategori_not_found")
        errors = _category_errors(conn, nama, sla_hari, slug, tanggap_hari)
        if errors:
            raise ValidationError(errors)
        values: dict[str, object] = {"nama": nama.strip(), "sla_hari": sla_hari, "aktif": aktif}
        if tanggap_hari is not None:
            values["tanggap_hari"] = tanggap_hari
        if foto_sesudah_wajib is not None:
            values["foto_sesudah_wajib"] = foto_sesudah_wajib
        conn.execute(update(Kategori).where(Kategori.slug == slug).values(**values))
        before, after = audit.changed_fields(stored, _snapshot(conn, slug) or {})
        if after:
            audit.record(conn, actor, "update", "kategori", slug, before, after)


def delete_category(engine: Engine, slug: str, *, actor: str, scope: Scope = EVERYTHING) -> None:
    """Delete a category no report uses; otherwise refuse and explain (deactivate it instead)."""
    _require_category_manager(scope)
    with integrity_backstop("error.in_use_now"), write_transaction(engine) as conn:
        kategori_id = conn.execute(select(Kategori.id).where(Kategori.slug == slug)).scalar()
        if kategori_id is None:
            raise ServiceError("error.kategori_not_found")
        used = conn.execute(
            select(func.count()).select_from(Laporan).where(Laporan.kategori_id == kategori_id)
        ).scalar_one()
        if used:
            raise ServiceError("error.kategori_in_use", laporan=used)
        before = _snapshot(conn, slug)
        conn.execute(delete(Kategori).where(Kategori.id == kategori_id))
        audit.record(conn, actor, "delete", "kategori", slug, before=before)
