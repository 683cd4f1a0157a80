"""The daily digest: one day of one RW (or the whole kelurahan) as a short WhatsApp text.

New and resolved that day, open and overdue at its end, and the three oldest open reports with their tracking codes.
The numbers are the metrics module's (`kpi_values` over that one day), so the digest agrees with the overview and
with an export of the same RW and day. Queued every morning for each RW head (the day before) and printed by
`python -m kutorejo_data digest`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, Engine, select

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.metrics import kpi_values, open_at_end_conditions
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.formatting import fmt_date, fmt_datetime, fmt_day_long, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.core.models import RT, RW, Kelurahan, Laporan, Pengguna
from kutorejo_data.records.decisions import Decision, overdue_decisions
from kutorejo_data.records.options import kelurahan_options, rw_options
from kutorejo_data.records.outbox import Outgoing, queue

from .whatsapp import plain

LANG = "id"  # WhatsApp messages are in Indonesian
OLDEST_LISTED = 3
DECISIONS_LISTED = 3
TITLE_WIDTH = 40


@dataclass(frozen=True)
class OldOpen:
    """One of the oldest open reports: its number, tracking code, title, RT/RW and age in days."""

    nomor: int
    kode: str | None
    judul: str
    rt: str
    rw: str
    umur_hari: int


@dataclass(frozen=True)
class Digest:
    """One day of an area: the metric values and the oldest open reports at the day's end."""

    kelurahan_nama: str
    rw: str | None
    tanggal: date
    values: dict[str, float | int | None]
    oldest: tuple[OldOpen, ...]
    generated_at: datetime
    late_decisions: tuple[Decision, ...] = ()  # open meeting decisions past their due date when it is made


# The metrics the digest shows, each with the words of a one-day digest (the values are the metrics' own).
DIGEST_LINES = (
    (metrics.LAPORAN_MASUK, "digest.masuk"),
    (metrics.SELESAI, "digest.selesai"),
    (metrics.TERBUKA, "digest.terbuka"),
    (metrics.TERLAMBAT, "digest.terlambat"),
)


def _oldest_open(conn: Connection, filters: ReportFilters, scope: Scope, now: datetime) -> tuple[OldOpen, ...]:
    conditions, moment = open_at_end_conditions(conn, filters, scope, now)
    rows = conn.execute(
        select(Laporan.id, Laporan.kode_lacak, Laporan.judul, RT.nomor, RW.nomor, Laporan.reported_at)
        .join(RT, RT.id == Laporan.rt_id)
        .join(RW, RW.id == Laporan.rw_id)
        .where(*conditions)
        .order_by(Laporan.reported_at, Laporan.id)
        .limit(OLDEST_LISTED)
    )
    return tuple(
        OldOpen(nomor, kode, judul, rt, rw, (moment - reported_at).days)
        for nomor, kode, judul, rt, rw, reported_at in rows
    )


def build_digest(
    conn: Connection,
    day: date,
    *,
    kelurahan_kode: str | None = None,
    rw: str | None = None,
    scope: Scope = EVERYTHING,
    now: datetime,
) -> Digest:
    """The digest of `day` for one RW (or the whole kelurahan); LookupError names an unknown kelurahan or RW."""
    chosen = [o for o in kelurahan_options(conn, scope) if kelurahan_kode in (None, o.kode)]
    if not chosen:
        raise LookupError(f"kelurahan {kelurahan_kode or ''} tidak ada di database".replace("  ", " "))
    kelurahan = chosen[0]
    rw = scope.rw or rw
    if rw and rw not in {o.kode for o in rw_options(conn, kelurahan.kode, scope)}:
        raise LookupError(f"RW {rw} tidak ada di Kelurahan {kelurahan.label}")
    filters = ReportFilters(kelurahan_kode=kelurahan.kode, rw=rw, dari=day, sampai=day)
    values = kpi_values(conn, filters, scope, now=now)
    late = tuple(overdue_decisions(conn, kelurahan.kode, rw, scope, today=now.date()))
    return Digest(kelurahan.label, rw, day, values, _oldest_open(conn, filters, scope, now), now, late)


def digest_text(digest: Digest) -> str:
    """The digest as a WhatsApp message (`*bold*`, `_italic_`, line breaks)."""
    kelurahan = f"Kelurahan {plain(digest.kelurahan_nama)}"
    area = f"RW {digest.rw}, {kelurahan}" if digest.rw else kelurahan
    lines = [
        f"*{t('digest.title', LANG, area=area)}*",
        f"*{fmt_day_long(digest.tanggal, LANG)}*",
        "",
    ]
    for metric, words in DIGEST_LINES:
        lines.append(f"• {t(words, LANG)}: *{fmt_int(digest.values[metric.key], LANG)}*")
    lines.append("")
    if digest.oldest:
        lines.append(f"*{t('digest.oldest', LANG, n=len(digest.oldest))}*")
        for item in digest.oldest:
            title = " ".join(part for part in (f"#{item.nomor}", item.kode, plain(item.judul, TITLE_WIDTH)) if part)
            age = t("digest.age", LANG, hari=fmt_int(item.umur_hari, LANG))
            lines.append(f"• {title} (RT {item.rt}/RW {item.rw}), {age}")
    else:
        lines.append(t("digest.none_open", LANG))
    if digest.late_decisions:
        lines += ["", f"*{t('digest.keputusan', LANG, n=fmt_int(len(digest.late_decisions), LANG))}*"]
        for decision in digest.late_decisions[:DECISIONS_LISTED]:
            due = t("keputusan.due", LANG, date=fmt_date(decision.batas, LANG))
            lines.append(f"• {plain(decision.apa, TITLE_WIDTH)} — {plain(decision.pemilik, 30)}, {due}")
    lines += ["", f"_{t('digest.generated', LANG, moment=fmt_datetime(digest.generated_at, LANG))}_"]
    return "\n".join(lines)


def queue_digests(engine: Engine, day: date, *, now: datetime) -> int:
    """Queue `day`'s digest of each RW for each active head of it (sent by the office), once; returns how many."""
    queued = 0
    with write_transaction(engine) as conn:
        heads = conn.execute(
            select(
                Pengguna.id,
                Pengguna.username,
                Pengguna.nama,
                Pengguna.telepon,
                Pengguna.kelurahan_id,
                Kelurahan.kode,
                RW.nomor,
            )
            .join(Kelurahan, Kelurahan.id == Pengguna.kelurahan_id)
            .join(RW, RW.id == Pengguna.rw_id)
            .where(Pengguna.role == "ketua_rw", Pengguna.aktif.is_(True))
            .order_by(Kelurahan.kode, RW.nomor, Pengguna.id)
        ).all()
        texts: dict[tuple[str, str], str] = {}
        for head in heads:
            area = (head.kode, head.nomor)
            if area not in texts:
                texts[area] = digest_text(build_digest(conn, day, kelurahan_kode=head.kode, rw=head.nomor, now=now))
            message = Outgoing(
                jenis="ringkasan_harian",
                values={"ringkasan": texts[area], "rw": head.nomor, "tanggal": fmt_date(day, LANG)},
                penerima=head.nama or head.username,
                telepon=head.telepon,
                kunci=f"ringkasan:{head.id}:{day.isoformat()}",
                kelurahan_id=head.kelurahan_id,
            )
            queued += queue(conn, message, now=now)
    return queued


def yesterday(now: datetime) -> date:
    """The day a morning digest is about."""
    return now.date() - timedelta(days=1)
