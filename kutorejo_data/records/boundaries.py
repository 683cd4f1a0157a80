"""The kelurahan's map of RW/RT boundaries (`peta_wilayah`): one GeoJSON per kelurahan, replaced by the office."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import ServiceError, require_writable
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.models import Kelurahan, PetaWilayah

from . import audit


@dataclass(frozen=True)
class StoredBoundaries:
    """A kelurahan's boundary map as stored: the polygons (GeoJSON dict) and where they came from."""

    geojson: dict[str, Any]
    fitur: int
    nama_file: str
    contoh: bool  # the demo's illustrative boundaries
    updated_at: datetime
    updated_by: str


def boundaries_of(conn: Connection, kelurahan_kode: str) -> StoredBoundaries | None:
    """The boundary map of a kelurahan, or None when none was uploaded (boundaries are no secret: any reader)."""
    row = conn.execute(
        select(
            PetaWilayah.geojson,
            PetaWilayah.fitur,
            PetaWilayah.nama_file,
            PetaWilayah.contoh,
            PetaWilayah.updated_at,
            PetaWilayah.updated_by,
        )
        .join(Kelurahan, Kelurahan.id == PetaWilayah.kelurahan_id)
        .where(Kelurahan.kode == kelurahan_kode)
    ).first()
    if row is None:
        return None
    return StoredBoundaries(
        json.loads(row.geojson), row.fitur, row.nama_file, row.contoh, row.updated_at, row.updated_by
    )


def save_boundaries(
    engine: Engine,
    kelurahan_kode: str,
    geojson: str,
    fitur: int,
    *,
    nama_file: str,
    actor: str,
    scope: Scope,
    contoh: bool = False,
    now: datetime | None = None,
) -> None:
    """Store (or replace) a kelurahan's boundary map, already checked by intake.boundaries; the office only."""
    require_writable(scope)
    if scope.rw is not None or scope.kelurahan_kode not in (None, kelurahan_kode):
        raise ServiceError("error.settings_outside_scope")
    now = now or now_local()
    with write_transaction(engine) as conn:
        kelurahan_id = conn.execute(select(Kelurahan.id).where(Kelurahan.kode == kelurahan_kode)).scalar()
        if kelurahan_id is None:
            raise ServiceError("error.settings_outside_scope")
        before = conn.execute(
            select(PetaWilayah.fitur, PetaWilayah.nama_file, PetaWilayah.contoh).where(
                PetaWilayah.kelurahan_id == kelurahan_id
            )
        ).first()
        values = {
            "geojson": geojson,
            "fitur": fitur,
            "nama_file": nama_file[:200],
            "contoh": contoh,
            "updated_at": now,
            "updated_by": actor,
        }
        if before is None:
            conn.execute(insert(PetaWilayah).values(kelurahan_id=kelurahan_id, **values))
        else:
            conn.execute(update(PetaWilayah).where(PetaWilayah.kelurahan_id == kelurahan_id).values(**values))
        # The polygons themselves are not copied into the log: their count, file name and size say what changed.
        after = {"fitur": fitur, "nama_file": nama_file[:200], "contoh": contoh, "ukuran": len(geojson)}
        audit.record(
            conn,
            actor,
            "create" if before is None else "update",
            "peta_wilayah",
            kelurahan_kode,
            None if before is None else dict(before._mapping),
            after,
            at=now,
        )
