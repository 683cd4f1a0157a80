"""Eight people submitting reports and moving statuses at once for ten seconds: nothing lost, nothing locked."""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Engine, func, select

from kutorejo_data.core import domain
from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.models import Laporan, StatusHistory
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area

WRITERS = 8
DURATION_SECONDS = 10.0
HOT_REPORTS = 4  # most status changes hit these few reports, so writers really collide
# Moves that keep a report in play (no final ditolak/duplikat), with the reason a reopening needs.
NEXT: dict[str, tuple[str, ...]] = {
    domain.STATUS_BARU: (domain.STATUS_DIVERIFIKASI, domain.STATUS_DIPROSES),
    domain.STATUS_DIVERIFIKASI: (domain.STATUS_DIPROSES, domain.STATUS_SELESAI),
    domain.STATUS_DIPROSES: (domain.STATUS_SELESAI,),
    domain.STATUS_SELESAI: (domain.STATUS_DIPROSES,),
}


@dataclass
class Tally:
    """What one writer did: its successful creations and changes, the refused stale versions, and any error."""

    created: list[int] = field(default_factory=list)
    changed: Counter[int] = field(default_factory=Counter)
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)


def _report(rng: random.Random) -> NewReport:
    rt = rng.choice(("001", "002"))
    return NewReport(
        kelurahan_kode=KUTOREJO,
        rw="03",
        rt=rt,
        kategori="sampah-kebersihan",  # resolved without an after photo (the rule is tested in test_photos.py)
        judul=f"Sampah menumpuk {rng.randrange(1000)}",
    )


def _change_one(engine: Engine, rng: random.Random, nomor: int, actor: str) -> None:
    with engine.connect() as conn:
        status, version = conn.execute(select(Laporan.status, Laporan.version).where(Laporan.id == nomor)).one()
    time.sleep(rng.random() * 0.003)  # a person reading the screen before pressing the button
    to = rng.choice(NEXT[status])
    note = "dibuka kembali: belum tuntas" if status == domain.STATUS_SELESAI else ""
    change_status(engine, StatusChange(nomor, to, version, note=note), actor=actor)


def _writer(engine: Engine, seed: int, deadline: float, reports: list[int], lock: threading.Lock, tally: Tally) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        with lock:
            known = list(reports)
        try:
            if rng.random() < 0.3:
                nomor = create_report(engine, _report(rng), actor=f"penulis {seed}")
                tally.created.append(nomor)
                with lock:
                    reports.append(nomor)
            else:
                nomor = rng.choice(known[:HOT_REPORTS]) if rng.random() < 0.7 else rng.choice(known)
                _change_one(engine, rng, nomor, f"penulis {seed}")
                tally.changed[nomor] += 1
        except ServiceError as refused:
            if refused.key == "error.changed_meanwhile":
                tally.conflicts += 1
            else:
                tally.errors.append(refused.key)
        except Exception as error:  # noqa: BLE001 - every other failure (e.g. "database is locked") is counted
            tally.errors.append(repr(error))


def test_eight_concurrent_writers_lose_nothing_and_never_see_a_lock(any_db: Engine) -> None:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="001")
        add_area(conn, rw="03", rt="002")
    seed_reports = [create_report(any_db, _report(random.Random(n)), actor="awal") for n in range(HOT_REPORTS)]
    reports, lock = list(seed_reports), threading.Lock()
    tallies = [Tally() for _ in range(WRITERS)]
    deadline = time.monotonic() + DURATION_SECONDS
    threads = [
        threading.Thread(target=_writer, args=(any_db, n, deadline, reports, lock, tallies[n])) for n in range(WRITERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    created = [nomor for tally in tallies for nomor in tally.created]
    changed = sum((tally.changed for tally in tallies), Counter())
    conflicts = sum(tally.conflicts for tally in tallies)
    errors = [error for tally in tallies for error in tally.errors]
    print(
        f"\n{any_db.dialect.name}: {len(created)} reports created, {changed.total()} status changes, "
        f"{conflicts} stale versions refused, {len(errors)} errors"
    )

    assert errors == []
    assert len(created) > 50 and changed.total() > 100 and conflicts > 0
    with any_db.connect() as conn:
        in_db = set(conn.execute(select(Laporan.id)).scalars())
        assert in_db == set(seed_reports) | set(created)
        history_rows = conn.execute(select(func.count()).select_from(StatusHistory)).scalar_one()
        assert history_rows == HOT_REPORTS + len(created) + changed.total()
        per_report = dict(
            conn.execute(select(StatusHistory.laporan_id, func.count()).group_by(StatusHistory.laporan_id)).all()
        )
        versions = dict(conn.execute(select(Laporan.id, Laporan.version)).all())
        for nomor in in_db:
            assert per_report[nomor] == 1 + changed[nomor] == versions[nomor]
        _assert_histories_chain(conn)


def _assert_histories_chain(conn) -> None:  # type: ignore[no-untyped-def]
    """Each history row starts where the previous one ended, and the last one is the report's status."""
    rows = conn.execute(
        select(StatusHistory.laporan_id, StatusHistory.from_status, StatusHistory.to_status).order_by(
            StatusHistory.laporan_id, StatusHistory.id
        )
    ).all()
    last: dict[int, str] = {}
    for nomor, from_status, to_status in rows:
        assert from_status == last.get(nomor)
        last[nomor] = to_status
    assert last == dict(conn.execute(select(Laporan.id, Laporan.status)).all())
