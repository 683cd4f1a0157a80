"""Keputusan rapat in the demo data: a few decisions at each of the last DECIDED_MEETINGS rapat koordinasi, owned
by an RW head, the office or a named person, some about an open report of the owner's RW; the older the meeting,
the more of them are done. Deterministic for a seed; only the decision tables are written (no other demo number
changes)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import numpy as np
from sqlalchemy import Connection, insert, select

from kutorejo_data.core import domain
from kutorejo_data.core.db import inserted_id
from kutorejo_data.core.models import (
    RW,
    Kegiatan,
    KeputusanLaporan,
    KeputusanRapat,
    KeputusanStatus,
    Laporan,
    Pengguna,
)

DECIDED_MEETINGS = 3
ACTOR = "staf"
# What a kelurahan's coordination meeting decides: the RW's own action ({rw}), or the office's.
RW_ACTIONS = (
    "Kerja bakti bersihkan saluran di RW {rw} sebelum musim hujan",
    "Data ulang warga calon penerima bansos di RW {rw}",
    "Pasang kembali lampu jalan yang mati di RW {rw}",
    "Jadwalkan ulang ronda malam di RW {rw}",
    "Tindak lanjuti laporan sampah menumpuk di RW {rw}",
)
OFFICE_ACTIONS = (
    "Ajukan perbaikan jalan ke Dinas PU melalui Musrenbang",
    "Koordinasi dengan puskesmas untuk fogging DBD",
    "Undang Karang Taruna menyusun jadwal kerja bakti bersama",
)
NAMED_OWNERS = ("Bu Sri Wahyuni (PKK)", "Pak Slamet (LPM)")
NOTES = {
    "berjalan": ("Sudah dibahas di musyawarah RW, menunggu jadwal", "Separuh pekerjaan selesai"),
    "selesai": ("Sudah dilaksanakan, foto di grup WhatsApp", "Selesai bersama warga"),
}


def _status(rng: np.random.Generator, batas: date, horizon: datetime, age: int) -> str:
    """Older meetings' decisions are mostly done; a recent one is still under way; some are late."""
    done_chance = (0.2, 0.6, 0.75)[min(age, 2)]
    roll = rng.random()
    if roll < done_chance:
        return "selesai"
    if batas < horizon.date() and roll < done_chance + 0.2:
        return "belum"  # overdue, not started: what the next meeting has to talk about
    return "berjalan"


def add_demo_decisions(conn: Connection, rng: np.random.Generator, kelurahan_id: int, horizon: datetime) -> int:
    """Write the decisions of the last meetings up to `horizon`, with their status history; returns how many."""
    meetings = conn.execute(
        select(Kegiatan.id, Kegiatan.tanggal)
        .where(
            Kegiatan.kelurahan_id == kelurahan_id,
            Kegiatan.jenis == domain.MEETING_ACTIVITY,
            Kegiatan.tingkat == "kelurahan",
            Kegiatan.tanggal <= horizon.date(),
        )
        .order_by(Kegiatan.tanggal.desc(), Kegiatan.id.desc())
        .limit(DECIDED_MEETINGS)
    ).all()
    heads = conn.execute(
        select(Pengguna.id, RW.id, RW.nomor)
        .join(RW, RW.id == Pengguna.rw_id)
        .where(Pengguna.role == "ketua_rw", Pengguna.kelurahan_id == kelurahan_id, Pengguna.aktif.is_(True))
        .order_by(RW.nomor)
    ).all()
    office = conn.execute(select(Pengguna.id).where(Pengguna.username == ACTOR)).scalar()
    if not heads:
        return 0
    written = 0
    for age, (kegiatan_id, day) in enumerate(meetings):
        held = datetime.combine(day, time(11, 0))
        for _ in range(int(rng.integers(3, 5))):
            kind = rng.random()
            rw_id = rw = None
            owner_id, owner_name = None, ""
            if kind < 0.6:
                owner_id, rw_id, rw = heads[int(rng.integers(0, len(heads)))]
                what = RW_ACTIONS[int(rng.integers(0, len(RW_ACTIONS)))].format(rw=rw)
            else:
                what = OFFICE_ACTIONS[int(rng.integers(0, len(OFFICE_ACTIONS)))]
                if kind < 0.85 and office is not None:
                    owner_id = office
                else:
                    owner_name = NAMED_OWNERS[int(rng.integers(0, len(NAMED_OWNERS)))]
            batas = day + timedelta(days=int(rng.choice([7, 14, 21])))
            status = _status(rng, batas, horizon, age)
            note = "" if status == "belum" else str(NOTES[status][int(rng.integers(0, 2))])
            changed = min(held + timedelta(days=int(rng.integers(2, 15)), hours=3), horizon)
            nomor = inserted_id(
                conn.execute(
                    insert(KeputusanRapat).values(
                        kelurahan_id=kelurahan_id,
                        kegiatan_id=kegiatan_id,
                        bulan=day.strftime("%Y-%m"),
                        tanggal_rapat=day,
                        rw_id=rw_id,
                        rt_id=None,
                        apa=what,
                        pemilik_id=owner_id,
                        pemilik_nama=owner_name,
                        batas=batas,
                        status=status,
                        catatan=note,
                        created_at=held,
                        created_by=ACTOR,
                        updated_at=changed if status != "belum" else held,
                        updated_by=ACTOR,
                    )
                )
            )
            history = [{"from_status": None, "to_status": "belum", "changed_at": held, "note": ""}]
            if status != "belum":
                history.append({"from_status": "belum", "to_status": status, "changed_at": changed, "note": note})
            conn.execute(
                insert(KeputusanStatus),
                [{"keputusan_id": nomor, "changed_by": ACTOR, **step} for step in history],
            )
            if rw_id is not None and rng.random() < 0.6:
                report = conn.execute(
                    select(Laporan.id)
                    .where(
                        Laporan.rw_id == rw_id,
                        Laporan.status.in_(domain.OPEN_STATUSES),
                        Laporan.reported_at < held,
                    )
                    .order_by(Laporan.reported_at, Laporan.id)
                    .limit(1)
                ).scalar()
                if report is not None:
                    conn.execute(insert(KeputusanLaporan).values(keputusan_id=nomor, laporan_id=report))
            written += 1
    return written
