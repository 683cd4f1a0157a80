"""Small hand-made activity data for tests: activities with attendance, named attendees, tokoh, RT facts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Connection, insert, update

from kutorejo_data.core.models import RT, RW, Kegiatan, KegiatanKehadiran, KegiatanPeserta, Tokoh
from tests.factories import AreaIds

# A named attendee: ("ketua_rt", area) or ("ketua_rw", area) or ("tomas" | "toga", tokoh_id).
Named = tuple[str, AreaIds] | tuple[str, int]


def add_activity(
    conn: Connection,
    jenis: str,
    tanggal: date,
    area: AreaIds,
    *,
    tingkat: str = "rt",
    target: int | None = None,
    counts: dict[str, int] | None = None,
    named: Sequence[Named] = (),
    entered: datetime | None = None,
) -> int:
    """Insert an activity of `area`'s RT, its RW, or its kelurahan (by `tingkat`) with attendance; return its id.

    `entered` is when it was recorded (default: the evening of its date).
    """
    values: dict[str, Any] = {
        "kelurahan_id": area.kelurahan_id,
        "rw_id": None if tingkat == "kelurahan" else area.rw_id,
        "rt_id": area.rt_id if tingkat == "rt" else None,
        "tingkat": tingkat,
        "jenis": jenis,
        "tanggal": tanggal,
        "judul": f"{jenis} uji",
        "target_peserta": target,
        "created_at": entered or datetime.combine(tanggal, time(19, 0)),
    }
    kegiatan_id = conn.execute(insert(Kegiatan).values(**values)).inserted_primary_key[0]
    for peran, jumlah in (counts or {}).items():
        conn.execute(insert(KegiatanKehadiran).values(kegiatan_id=kegiatan_id, peran=peran, jumlah=jumlah))
    for peran, who in named:
        if isinstance(who, AreaIds):
            person = {"rw_id": who.rw_id, "rt_id": who.rt_id if peran == "ketua_rt" else None}
        else:
            person = {"tokoh_id": who}
        conn.execute(insert(KegiatanPeserta).values(kegiatan_id=kegiatan_id, peran=peran, **person))
    return kegiatan_id


def add_tokoh(conn: Connection, area: AreaIds, jenis: str, nama: str, *, of_rt: bool = True) -> int:
    """Register a Tomas/Toga of the area's RW (and of its RT when `of_rt`); return the id."""
    return conn.execute(
        insert(Tokoh).values(
            kelurahan_id=area.kelurahan_id,
            rw_id=area.rw_id,
            rt_id=area.rt_id if of_rt else None,
            jenis=jenis,
            nama=nama,
            aktif=True,
        )
    ).inserted_primary_key[0]


def set_rt_facts(
    conn: Connection,
    area: AreaIds,
    *,
    ketua: str | None,
    kk: int | None,
    warga: int | None,
    diperbarui: date | None,
) -> None:
    """Set an RT's head, households, residents and the date they were last confirmed."""
    conn.execute(
        update(RT)
        .where(RT.id == area.rt_id)
        .values(ketua_nama=ketua, jumlah_kk=kk, jumlah_warga=warga, data_diperbarui=diperbarui)
    )


def set_rw_head(conn: Connection, area: AreaIds, ketua: str | None) -> None:
    """Set the head of the area's RW."""
    conn.execute(update(RW).where(RW.id == area.rw_id).values(ketua_nama=ketua))
