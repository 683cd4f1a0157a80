"""Which WhatsApp messages an event queues, for whom, and who sends them (records/outbox.py keeps them).

- The reporter (when a phone number was recorded) hears from the person in charge of the report: received, with the
  tracking code and the `cek` link; every status change; resolved, with "sudah beres?".
- The person in charge hears from the kelurahan office: a new task (a new report, a hand-over), a report that came
  up to them because the level below was late, a report its reporter reopened, and the day before a deadline.

Nobody is messaged about their own action (an RT head who records a report for their own RT gets no "new task").
Reports handed on because an account was deactivated, and reports named in bulk (imports, the demo), queue no task
messages: they would be hundreds at once; the person finds them in Tugas saya.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Row, select

from kutorejo_data.core import domain
from kutorejo_data.core.config import public_url
from kutorejo_data.core.db import batches
from kutorejo_data.core.formatting import fmt_date
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.core.models import RT, RW, Kategori, Laporan, Pengguna

from .holidays import calendar
from .outbox import Outgoing, queue, queue_many

PUBLIC_PAGE = "cek"
REPORTER_ACTOR = "pelapor"  # how the history names a resident who answered on the public page
REOPENED_BY_REPORTER = "Dibuka kembali oleh pelapor"  # the history note's start when they answered "belum"
# The assignment-history kinds that are news to the new holder, and the message each queues.
# The next working day is never further than this (a weekend joined to the longest holiday run, Lebaran).
_NEXT_WORKING_DAY_WITHIN = timedelta(days=15)
_TASK_MESSAGES = {"awal": "tugas_baru", "manual": "tugas_baru", "eskalasi": "tugas_terlambat"}


def public_link(kode: str | None) -> str:
    """The public status page of a report (its tracking code in the link)."""
    return f"{public_url()}/{PUBLIC_PAGE}?kode={kode}" if kode else f"{public_url()}/{PUBLIC_PAGE}"


def _reports(conn: Connection, laporan_ids: Collection[int]) -> dict[int, Row]:
    """The reports messages are about, by id (what every message's placeholders need)."""
    found: dict[int, Row] = {}
    for batch in batches(sorted(set(laporan_ids))):
        rows = conn.execute(
            select(
                Laporan.id,
                Laporan.kelurahan_id,
                Laporan.kode_lacak,
                Laporan.judul,
                Laporan.status,
                Laporan.penanganan,
                Laporan.penanggung_jawab_id,
                Laporan.batas_tahap,
                Laporan.pelapor_nama,
                Laporan.pelapor_telepon,
                RT.nomor.label("rt"),
                RW.nomor.label("rw"),
                Kategori.slug,
                Kategori.nama.label("kategori_nama"),
            )
            .join(RT, RT.id == Laporan.rt_id)
            .join(RW, RW.id == Laporan.rw_id)
            .join(Kategori, Kategori.id == Laporan.kategori_id)
            .where(Laporan.id.in_(batch))
        )
        found.update((row.id, row) for row in rows)
    return found


def _report(conn: Connection, laporan_id: int) -> Row | None:
    return _reports(conn, [laporan_id]).get(laporan_id)


def _values(report: Row) -> dict[str, object]:
    """The placeholders every report message may use."""
    return {
        "nomor": report.id,
        "kode": report.kode_lacak or "-",
        "judul": report.judul,
        "rt": report.rt,
        "rw": report.rw,
        "kategori": category_label(report.slug, report.kategori_nama),
        "link": public_link(report.kode_lacak),
        "status": t(f"status.{report.status}"),
        "batas": fmt_date(report.batas_tahap.date()) if report.batas_tahap else "-",
        "tingkat": t(f"penanganan.{report.penanganan or 'rt'}"),
    }


def _to_reporter(conn: Connection, report: Row, jenis: str, kunci: str, now: datetime) -> bool:
    """Queue a message to the reporter, sent by the person in charge; nothing when no number was recorded."""
    if not (report.pelapor_telepon or "").strip():
        return False
    message = Outgoing(
        jenis=jenis,
        values=_values(report),
        penerima=report.pelapor_nama or t("message.reporter_of", nomor=report.id),
        telepon=report.pelapor_telepon,
        kunci=kunci,
        laporan_id=report.id,
        pengirim_id=report.penanggung_jawab_id,
        kelurahan_id=report.kelurahan_id,
    )
    return queue(conn, message, now=now)


def _holders(conn: Connection, account_ids: Collection[int]) -> dict[int, Row]:
    """The accounts messages go to, by id."""
    stmt = select(Pengguna.id, Pengguna.username, Pengguna.nama, Pengguna.telepon, Pengguna.aktif, Pengguna.role)
    return {row.id: row for row in conn.execute(stmt.where(Pengguna.id.in_(sorted(set(account_ids)))))}


def _holder_message(
    report: Row, holder: Row | None, jenis: str, kunci: str, *, actor: str = "", **extra: object
) -> Outgoing | None:
    """A message to a person in charge, sent by the office; None for their own action, a closed account, or someone
    in the office itself (they would send it to themselves; their Tugas saya has it)."""
    if holder is None or not holder.aktif or holder.username == actor or holder.role in domain.OFFICE_ROLES:
        return None
    return Outgoing(
        jenis=jenis,
        values={**_values(report), **extra},
        penerima=holder.nama or holder.username,
        telepon=holder.telepon,
        kunci=kunci,
        laporan_id=report.id,
        kelurahan_id=report.kelurahan_id,
    )


def report_received(conn: Connection, laporan_id: int, *, now: datetime) -> None:
    """A new report: its reporter gets the tracking code and the link."""
    report = _report(conn, laporan_id)
    if report is not None:
        _to_reporter(conn, report, "laporan_diterima", f"diterima:{laporan_id}", now)


def status_changed(conn: Connection, laporan_id: int, version: int, *, actor: str, now: datetime) -> None:
    """A status change: its reporter hears the new status (resolved: with "sudah beres?"), unless they made it."""
    report = _report(conn, laporan_id) if actor != REPORTER_ACTOR else None
    if report is None:
        return
    jenis = "laporan_selesai" if report.status == domain.STATUS_SELESAI else "status_berubah"
    _to_reporter(conn, report, jenis, f"status:{laporan_id}:{version}", now)


@dataclass(frozen=True)
class HolderChange:
    """One assignment-history entry that names a new holder: its id (the message's once-only key), the report, the
    kind of change and to whom."""

    change_id: int
    laporan_id: int
    jenis: str
    to: int


def _queue_to_holders(
    conn: Connection, wanted: Sequence[tuple[int, int, str, str]], *, now: datetime, actor: str = ""
) -> int:
    """Queue messages to persons in charge, each (report id, account id, kind, once-only key), from one read of the
    reports and accounts however many there are; returns how many were new."""
    reports = _reports(conn, [laporan_id for laporan_id, _, _, _ in wanted])
    holders = _holders(conn, [account_id for _, account_id, _, _ in wanted])
    messages = [
        _holder_message(reports[laporan_id], holders.get(account_id), jenis, kunci, actor=actor)
        for laporan_id, account_id, jenis, kunci in wanted
        if laporan_id in reports
    ]
    return queue_many(conn, [message for message in messages if message is not None], now=now)


def holders_changed(conn: Connection, changes: Sequence[HolderChange], *, actor: str, now: datetime) -> int:
    """Changes of the person in charge: each new holder hears of theirs, when it is news; returns how many were
    queued (the daily escalation may bring hundreds at once)."""
    wanted = [
        (change.laporan_id, change.to, _TASK_MESSAGES[change.jenis], f"tugas:{change.change_id}")
        for change in changes
        if change.jenis in _TASK_MESSAGES
    ]
    return _queue_to_holders(conn, wanted, now=now, actor=actor)


def reopened_by_reporter(conn: Connection, laporan_id: int, reason: str, *, now: datetime) -> None:
    """The reporter answered "belum": the person in charge hears why, with the new deadline."""
    report = _report(conn, laporan_id)
    if report is None or report.penanggung_jawab_id is None:
        return
    holder = _holders(conn, [report.penanggung_jawab_id]).get(report.penanggung_jawab_id)
    kunci = f"dibuka:{laporan_id}:{now.isoformat()}"
    message = _holder_message(report, holder, "dibuka_kembali", kunci, alasan=reason)
    if message is not None:
        queue(conn, message, now=now)


def queue_reminders(conn: Connection, *, now: datetime) -> int:
    """Each person in charge of an open report whose level's deadline is the next working day (or today, when the job
    did not run yesterday) gets a reminder, once per deadline; returns how many were queued."""
    soon = conn.execute(
        select(Laporan.id, Laporan.kelurahan_id, Laporan.penanggung_jawab_id, Laporan.batas_tahap)
        .where(
            Laporan.status.in_(domain.OPEN_STATUSES),
            Laporan.penanggung_jawab_id.is_not(None),
            Laporan.batas_tahap >= now,
            Laporan.batas_tahap < now + _NEXT_WORKING_DAY_WITHIN,
        )
        .order_by(Laporan.batas_tahap, Laporan.id)
    ).all()
    calendars = {kelurahan: calendar(conn, kelurahan) for kelurahan in {row.kelurahan_id for row in soon}}
    due = [
        row for row in soon if calendars[row.kelurahan_id].working_days_between(now.date(), row.batas_tahap.date()) <= 1
    ]
    wanted = [
        (
            row.id,
            row.penanggung_jawab_id,
            "tugas_besok",
            f"besok:{row.id}:{row.penanggung_jawab_id}:{row.batas_tahap.isoformat()}",
        )
        for row in due
    ]
    return _queue_to_holders(conn, wanted, now=now)
