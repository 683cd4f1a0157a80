"""The RTs or RWs of an area (the units that are measured and compared), with their facts."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd
from sqlalchemy import ColumnElement, Connection, Select, false, func, null, select

from .filters import Area
from .models import RT, RW

Level = Literal["rt", "rw"]
LEVELS: tuple[Level, ...] = ("rt", "rw")
UNIT_COLUMNS = ["unit_id", "kelurahan_id", "rw_id", "rw", "rt", "label", "ketua_nama", "jumlah_kk", "jumlah_warga"]


def unit_label(rw: str, rt: str | None) -> str:
    """How a unit is named on screen: `RT 002/RW 03` or `RW 03`."""
    return f"RT {rt}/RW {rw}" if rt else f"RW {rw}"


def rt_conditions(area: Area) -> list[ColumnElement[bool]]:
    """Conditions on `rt` (joined with `rw`) for the RTs inside an area."""
    if area.empty:
        return [false()]
    if area.rt_id is not None:
        return [RT.id == area.rt_id]
    if area.rw_id is not None:
        return [RT.rw_id == area.rw_id]
    if area.kelurahan_id is not None:
        return [RW.kelurahan_id == area.kelurahan_id]
    return []


def rw_conditions(area: Area) -> list[ColumnElement[bool]]:
    """Conditions on `rw` for the RWs inside an area (none for an RT-level area)."""
    # An RT-level area does not show its RW: a reader scoped to one RT may not see the rest of the RW.
    if area.empty or area.rt_id is not None:
        return [false()]
    if area.rw_id is not None:
        return [RW.id == area.rw_id]
    if area.kelurahan_id is not None:
        return [RW.kelurahan_id == area.kelurahan_id]
    return []


def unit_ids(area: Area, level: Level) -> Select[Any]:
    """SELECT of the ids of the active units of a level inside an area (for IN conditions)."""
    if level == "rt":
        return (
            select(RT.id)
            .join(RW, RW.id == RT.rw_id)
            .where(RT.aktif.is_(True), RW.aktif.is_(True), *rt_conditions(area))
        )
    return select(RW.id).where(RW.aktif.is_(True), *rw_conditions(area))


def units_by_level(conn: Connection, area: Area) -> dict[Level, pd.DataFrame]:
    """area_units of both levels, read once for callers that count several periods of one area."""
    return {level: area_units(conn, area, level) for level in LEVELS}


def area_units(conn: Connection, area: Area, level: Level) -> pd.DataFrame:
    """The active units of a level inside an area, in RW/RT order. Columns: UNIT_COLUMNS."""
    if level == "rt":
        stmt = (
            select(RT.id, RW.kelurahan_id, RW.id, RW.nomor, RT.nomor, RT.ketua_nama, RT.jumlah_kk, RT.jumlah_warga)
            .join(RW, RW.id == RT.rw_id)
            .where(RT.aktif.is_(True), RW.aktif.is_(True), *rt_conditions(area))
            .order_by(RW.kelurahan_id, RW.nomor, RT.nomor)
        )
    else:
        kk = select(func.sum(RT.jumlah_kk)).where(RT.rw_id == RW.id, RT.aktif.is_(True)).scalar_subquery()
        warga = select(func.sum(RT.jumlah_warga)).where(RT.rw_id == RW.id, RT.aktif.is_(True)).scalar_subquery()
        stmt = (
            select(RW.id, RW.kelurahan_id, RW.id, RW.nomor, null(), RW.ketua_nama, kk, warga)
            .where(RW.aktif.is_(True), *rw_conditions(area))
            .order_by(RW.kelurahan_id, RW.nomor)
        )
    rows = conn.execute(stmt).all()
    if not rows:
        return pd.DataFrame(columns=UNIT_COLUMNS).astype(
            {"unit_id": "int64", "kelurahan_id": "int64", "rw_id": "int64"}
        )
    # Built from typed columns: pages ask for an area's units many times a run, and astype costs more than the query.
    ids = {
        name: np.fromiter((row[i] for row in rows), dtype="int64", count=len(rows))
        for i, name in enumerate(("unit_id", "kelurahan_id", "rw_id"))
    }
    return pd.DataFrame(
        {
            **ids,
            "rw": [row[3] for row in rows],
            "rt": [row[4] for row in rows],
            "label": [unit_label(row[3], row[4]) for row in rows],
            "ketua_nama": [row[5] for row in rows],
            "jumlah_kk": [row[6] for row in rows],
            "jumlah_warga": [row[7] for row in rows],
        },
        columns=UNIT_COLUMNS,
    )
