"""The database schema as SQLAlchemy 2 typed ORM classes; constraints live in the database."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from . import domain

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    """SQL text `column IN ('a', 'b')` for a CHECK constraint over a fixed vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


class Base(DeclarativeBase):
    """Declarative base with deterministic constraint names (Alembic needs them to alter tables)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AppMeta(Base):
    """Key/value facts about this database (e.g. whether it holds demo data)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Kelurahan(Base):
    """A kelurahan or desa, identified by its Kemendagri code."""

    __tablename__ = "kelurahan"
    __table_args__ = (CheckConstraint("length(kode) = 13", name="kode_format"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kode: Mapped[str] = mapped_column(String(13), unique=True)
    nama: Mapped[str] = mapped_column(String(100))
    kecamatan: Mapped[str] = mapped_column(String(100))
    kabupaten: Mapped[str] = mapped_column(String(100))


class RW(Base):
    """A Rukun Warga inside a kelurahan; `nomor` is zero-padded to two digits."""

    __tablename__ = "rw"
    __table_args__ = (
        UniqueConstraint("kelurahan_id", "nomor"),
        UniqueConstraint("id", "kelurahan_id"),
        CheckConstraint("length(nomor) = 2", name="nomor_format"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(ForeignKey("kelurahan.id"))
    nomor: Mapped[str] = mapped_column(String(2))
    ketua_nama: Mapped[str | None] = mapped_column(String(100))
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class RT(Base):
    """A Rukun Tetangga inside an RW, with its head and size; `nomor` is zero-padded to three digits."""

    __tablename__ = "rt"
    __table_args__ = (
        UniqueConstraint("rw_id", "nomor"),
        UniqueConstraint("id", "rw_id"),
        CheckConstraint("length(nomor) = 3", name="nomor_format"),
        CheckConstraint("jumlah_kk IS NULL OR jumlah_kk >= 0", name="kk_nonnegative"),
        CheckConstraint("jumlah_warga IS NULL OR jumlah_warga >= 0", name="warga_nonnegative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rw_id: Mapped[int] = mapped_column(ForeignKey("rw.id"))
    nomor: Mapped[str] = mapped_column(String(3))
    ketua_nama: Mapped[str | None] = mapped_column(String(100))
    jumlah_kk: Mapped[int | None] = mapped_column(Integer)
    jumlah_warga: Mapped[int | None] = mapped_column(Integer)
    # When the head/households/residents were last confirmed: stale data is a management signal.
    data_diperbarui: Mapped[date | None] = mapped_column(Date)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class Kategori(Base):
    """A problem category with its targets in working days: to respond (tanggap) and to resolve (SLA)."""

    __tablename__ = "kategori"
    __table_args__ = (CheckConstraint("sla_hari > 0", name="sla_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    nama: Mapped[str] = mapped_column(String(100))
    sla_hari: Mapped[int] = mapped_column(Integer)  # working days from report to resolution
    tanggap_hari: Mapped[int] = mapped_column(Integer, server_default="3")  # working days to respond
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    # Such a report is not closed as resolved without a photo showing it (records/report_writes.change_status).
    foto_sesudah_wajib: Mapped[bool] = mapped_column(Boolean, server_default=false())


# Columns of a report that the read side groups or filters on, carried in its area/period indexes.
_REPORT_FACETS = ("status", "kategori_id", "prioritas", "penanganan")


class Laporan(Base):
    """An issue report from an RT; its current status is the last entry of its history."""

    __tablename__ = "laporan"
    __table_args__ = (
        # RT, RW and kelurahan must agree: the composite keys make a mismatch impossible.
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint(_in("status", domain.STATUSES), name="status_valid"),
        CheckConstraint(_in("prioritas", domain.PRIORITIES), name="prioritas_valid"),
        CheckConstraint(_in("sumber", domain.SOURCES), name="sumber_valid"),
        CheckConstraint(f"penanganan IS NULL OR {_in('penanganan', domain.HANDLER_LEVELS)}", name="penanganan_valid"),
        CheckConstraint("status <> 'duplikat' OR duplikat_dari_id IS NOT NULL", name="duplikat_has_original"),
        CheckConstraint("duplikat_dari_id IS NULL OR duplikat_dari_id <> id", name="duplikat_not_self"),
        CheckConstraint("lat IS NULL OR (lat BETWEEN -90 AND 90)", name="lat_range"),
        CheckConstraint("lon IS NULL OR (lon BETWEEN -180 AND 180)", name="lon_range"),
        CheckConstraint("length(judul) > 0", name="judul_not_empty"),
        CheckConstraint("version >= 1", name="version_positive"),
        # Area and period first, then what aggregates group and filter on: index-only reads (migration 0003); the
        # deadline last, for counting the open and the overdue (migration 0017).
        Index("ix_laporan_kelurahan_reported", "kelurahan_id", "reported_at", *_REPORT_FACETS, "rw_id", "rt_id"),
        Index(
            "ix_laporan_rw_reported", "rw_id", "reported_at", *_REPORT_FACETS, "rt_id", "updated_at", "batas_selesai"
        ),
        Index("ix_laporan_rt_reported", "rt_id", "reported_at", *_REPORT_FACETS, "updated_at", "batas_selesai"),
        Index(
            "ix_laporan_status_reported",
            "status",
            "kelurahan_id",
            "reported_at",
            "rw_id",
            "rt_id",
            "kategori_id",
            "prioritas",
            "updated_at",
            "batas_selesai",
        ),
        # Reports changed since a moment (updated_at never lags the history: a trigger, migration 0006).
        Index(
            "ix_laporan_kelurahan_changed",
            "kelurahan_id",
            "updated_at",
            "reported_at",
            "rw_id",
            "rt_id",
            "status",
            "kategori_id",
            "prioritas",
            "batas_selesai",
        ),
        # History-to-report lookups (resolutions, changes since a moment) read this instead of the wide row.
        Index("ix_laporan_id_facets", "id", "kelurahan_id", "rw_id", "rt_id", "reported_at", *_REPORT_FACETS),
        Index("ix_laporan_kategori_reported", "kategori_id", "reported_at"),
        # Recurring problems (Usulan Musrenbang): the year's valid reports counted per RT and category in this order,
        # and each group's latest found by walking back from its end (migration 0018).
        Index("ix_laporan_rw_rt_kategori", "rw_id", "rt_id", "kategori_id", "reported_at", "status", "kelurahan_id"),
        # Tugas saya (a person's open reports by due date) and the escalation job (open reports past their stage).
        Index("ix_laporan_penanggung_jawab", "penanggung_jawab_id", "status", "batas_tahap"),
        Index("ix_laporan_status_batas_tahap", "status", "batas_tahap"),
        Index("uq_laporan_kode_lacak", "kode_lacak", unique=True),
        Index("uq_laporan_lapor_id", "lapor_id", unique=True),
        Index("ix_laporan_reported_at", "reported_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(Integer)
    rw_id: Mapped[int] = mapped_column(Integer)
    rt_id: Mapped[int] = mapped_column(Integer)
    kategori_id: Mapped[int] = mapped_column(ForeignKey("kategori.id"))
    judul: Mapped[str] = mapped_column(String(200))
    deskripsi: Mapped[str] = mapped_column(Text, default="")
    lokasi: Mapped[str] = mapped_column(String(200), default="")
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    sumber: Mapped[str] = mapped_column(String(20))
    prioritas: Mapped[str] = mapped_column(String(10))
    # Personal data (UU PDP): never shown in aggregates or exported without permission.
    pelapor_nama: Mapped[str | None] = mapped_column(String(100))
    pelapor_telepon: Mapped[str | None] = mapped_column(String(30))
    reported_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default=domain.STATUS_BARU)
    penanganan: Mapped[str | None] = mapped_column(String(20))
    penanganan_nama: Mapped[str | None] = mapped_column(String(100))
    duplikat_dari_id: Mapped[int | None] = mapped_column(ForeignKey("laporan.id"))
    # Optimistic concurrency: a status change names the version it saw.
    version: Mapped[int] = mapped_column(Integer, default=1)
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Never older than the report's newest history entry (enforced by a trigger, migration 0006).
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The first change away from `baru` and the first to `selesai` in the history (kept by the same trigger, 0008).
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime)
    first_resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Who must act now (penanggung jawab), and the due moments in working days (core/workdays.py): to respond and
    # to resolve (the category's targets, fixed when the report is made), and the current level's own deadline,
    # which escalation moves (records/escalation.py).
    penanggung_jawab_id: Mapped[int | None] = mapped_column(ForeignKey("pengguna.id"))
    # The public tracking code (core/tracking.py): with it, and only with it, a resident sees the status (`cek`).
    kode_lacak: Mapped[str | None] = mapped_column(String(16))
    # Other households affected by the same problem (rows of `dukungan`), counted here for lists and ordering.
    jumlah_dukungan: Mapped[int] = mapped_column(Integer, server_default="0")
    batas_tanggap: Mapped[datetime | None] = mapped_column(DateTime)
    batas_selesai: Mapped[datetime | None] = mapped_column(DateTime)
    batas_tahap: Mapped[datetime | None] = mapped_column(DateTime)
    # The report's tracking ID on SP4N-LAPOR! once the kelurahan handed it to the dinas there (records/lapor.py), and
    # the status LAPOR! showed in the last admin export imported (its own words, e.g. "Ditindaklanjuti").
    lapor_id: Mapped[str | None] = mapped_column(String(40))
    lapor_status: Mapped[str | None] = mapped_column(String(60))


class StatusHistory(Base):
    """One status change of a report. Append-only: database triggers refuse UPDATE and DELETE."""

    __tablename__ = "status_history"
    __table_args__ = (
        CheckConstraint(_in("to_status", domain.STATUSES), name="to_status_valid"),
        CheckConstraint(f"from_status IS NULL OR {_in('from_status', domain.STATUSES)}", name="from_status_valid"),
        CheckConstraint(f"penanganan IS NULL OR {_in('penanganan', domain.HANDLER_LEVELS)}", name="penanganan_valid"),
        # Statuses (and the id that breaks ties in time) carried along: status at a moment, first response and
        # "ever reached" read only this index.
        Index("ix_status_history_laporan_changed", "laporan_id", "changed_at", "to_status", "from_status", "id"),
        Index("ix_status_history_to_changed", "to_status", "changed_at", "laporan_id"),
        # One RW's or RT's resolutions in a period, without looking up the report of every one in the kelurahan.
        Index("ix_status_history_to_rw_changed", "to_status", "rw_id", "changed_at", "laporan_id"),
        Index("ix_status_history_to_rt_changed", "to_status", "rt_id", "changed_at", "laporan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    laporan_id: Mapped[int] = mapped_column(ForeignKey("laporan.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    from_status: Mapped[str | None] = mapped_column(String(20))  # NULL for the creation entry
    to_status: Mapped[str] = mapped_column(String(20))
    changed_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    penanganan: Mapped[str | None] = mapped_column(String(20))
    penanganan_nama: Mapped[str | None] = mapped_column(String(100))
    # The report's area, copied in by the database for any writer and kept equal to the report's (migration 0016);
    # no foreign keys: they are the report's, which has them.
    kelurahan_id: Mapped[int | None] = mapped_column(Integer)
    rw_id: Mapped[int | None] = mapped_column(Integer)
    rt_id: Mapped[int | None] = mapped_column(Integer)


class Tokoh(Base):
    """A named community figure (tokoh masyarakat) or religious figure (tokoh agama)."""

    __tablename__ = "tokoh"
    __table_args__ = (
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint("jenis IN ('tomas', 'toga')", name="jenis_valid"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(Integer)
    rw_id: Mapped[int] = mapped_column(Integer)
    rt_id: Mapped[int | None] = mapped_column(Integer)
    jenis: Mapped[str] = mapped_column(String(10))
    nama: Mapped[str] = mapped_column(String(100))
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)


class Kegiatan(Base):
    """An activity held by an RT, an RW or the whole kelurahan, with its attendance target."""

    __tablename__ = "kegiatan"
    __table_args__ = (
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint(_in("jenis", domain.ACTIVITY_TYPES), name="jenis_valid"),
        CheckConstraint(_in("tingkat", domain.AREA_LEVELS), name="tingkat_valid"),
        CheckConstraint(
            "(tingkat = 'rt' AND rt_id IS NOT NULL)"
            " OR (tingkat = 'rw' AND rw_id IS NOT NULL AND rt_id IS NULL)"
            " OR (tingkat = 'kelurahan' AND rw_id IS NULL AND rt_id IS NULL)",
            name="area_matches_tingkat",
        ),
        CheckConstraint("target_peserta IS NULL OR target_peserta > 0", name="target_positive"),
        Index("ix_kegiatan_kelurahan_tanggal", "kelurahan_id", "tanggal"),
        Index("ix_kegiatan_rw_tanggal", "rw_id", "tanggal"),
        Index("ix_kegiatan_rt_tanggal", "rt_id", "tanggal"),
        Index("ix_kegiatan_jenis_tanggal", "jenis", "tanggal"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(ForeignKey("kelurahan.id"))
    rw_id: Mapped[int | None] = mapped_column(Integer)
    rt_id: Mapped[int | None] = mapped_column(Integer)
    tingkat: Mapped[str] = mapped_column(String(10))
    jenis: Mapped[str] = mapped_column(String(30))
    tanggal: Mapped[date] = mapped_column(Date)
    judul: Mapped[str] = mapped_column(String(200), default="")
    target_peserta: Mapped[int | None] = mapped_column(Integer)
    target_satuan: Mapped[str] = mapped_column(String(20), default="orang")  # "orang" or "KK"
    catatan: Mapped[str] = mapped_column(Text, default="")
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class KegiatanKehadiran(Base):
    """How many people of one role attended an activity; the activity's attendance is their sum."""

    __tablename__ = "kegiatan_kehadiran"
    __table_args__ = (
        CheckConstraint(_in("peran", domain.ATTENDANCE_ROLES), name="peran_valid"),
        CheckConstraint("jumlah >= 0", name="jumlah_nonnegative"),
    )

    kegiatan_id: Mapped[int] = mapped_column(ForeignKey("kegiatan.id", ondelete="CASCADE"), primary_key=True)
    peran: Mapped[str] = mapped_column(String(20), primary_key=True)
    jumlah: Mapped[int] = mapped_column(Integer)


class KegiatanPeserta(Base):
    """A named attendee of an activity: the head of an RT/RW, or a Tomas/Toga from the registry."""

    __tablename__ = "kegiatan_peserta"
    __table_args__ = (
        CheckConstraint(_in("peran", domain.NAMED_ROLES), name="peran_valid"),
        CheckConstraint(
            "(peran = 'ketua_rt' AND rt_id IS NOT NULL AND tokoh_id IS NULL)"
            " OR (peran = 'ketua_rw' AND rw_id IS NOT NULL AND rt_id IS NULL AND tokoh_id IS NULL)"
            " OR (peran IN ('tomas', 'toga') AND tokoh_id IS NOT NULL)",
            name="who_matches_peran",
        ),
        Index("ix_kegiatan_peserta_kegiatan", "kegiatan_id"),
        Index("ix_kegiatan_peserta_rt", "rt_id"),
        Index("ix_kegiatan_peserta_rw", "rw_id"),
        Index("ix_kegiatan_peserta_tokoh", "tokoh_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kegiatan_id: Mapped[int] = mapped_column(ForeignKey("kegiatan.id", ondelete="CASCADE"))
    peran: Mapped[str] = mapped_column(String(20))
    rw_id: Mapped[int | None] = mapped_column(ForeignKey("rw.id"))
    rt_id: Mapped[int | None] = mapped_column(ForeignKey("rt.id"))
    tokoh_id: Mapped[int | None] = mapped_column(ForeignKey("tokoh.id"))


class Pengguna(Base):
    """A user account with a role and an area scope; the password is stored only as an argon2 hash."""

    __tablename__ = "pengguna"
    __table_args__ = (
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint(_in("role", domain.USER_ROLES), name="role_valid"),
        CheckConstraint("role <> 'ketua_rw' OR rw_id IS NOT NULL", name="ketua_rw_has_rw"),
        CheckConstraint("role <> 'ketua_rt' OR rt_id IS NOT NULL", name="ketua_rt_has_rt"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    nama: Mapped[str] = mapped_column(String(100), default="")
    # A WhatsApp number for the messages this person should get (tasks, reminders, the daily digest).
    telepon: Mapped[str | None] = mapped_column(String(30))
    role: Mapped[str] = mapped_column(String(20))
    kelurahan_id: Mapped[int | None] = mapped_column(ForeignKey("kelurahan.id"))
    rw_id: Mapped[int | None] = mapped_column(Integer)
    rt_id: Mapped[int | None] = mapped_column(Integer)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Consecutive failed logins since the last success or lock; a lock stops password guessing for a while.
    gagal_login: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    terkunci_sampai: Mapped[datetime | None] = mapped_column(DateTime)
    # The language the user last chose (an i18n.LANGUAGES code); NULL until they choose one.
    bahasa: Mapped[str | None] = mapped_column(String(2))


class SesiLogin(Base):
    """A signed-in browser: the cookie carries a signed random token, the database only its SHA-256."""

    __tablename__ = "sesi_login"
    __table_args__ = (Index("ix_sesi_login_pengguna", "pengguna_id", "ended_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pengguna_id: Mapped[int] = mapped_column(ForeignKey("pengguna.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Inactivity is measured from here, so a reloaded tab and a long-idle one are treated alike.
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    ended_reason: Mapped[str | None] = mapped_column(String(20))
    # When the server set this session's HttpOnly cookie (once, right after sign-in; see access/sessions.py).
    cookie_set_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditLog(Base):
    """One write: who, what, when, and the values before and after (JSON). Append-only, like the history."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_actor", "actor", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(150))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class RekapBulanan(Base):
    """Resolution figures of one closed month for one area, kept so a 12-month trend is not recomputed per view.

    Filled on first read (kutorejo_data/store/monthly_rekap.py); database triggers delete the rows a later write makes
    stale (a report received, moved or re-dated, or a resolution recorded, in that month and area). `tingkat` is
    `semua` (every kelurahan; `wilayah_id` 0), `kelurahan`, `rw` or `rt`.
    """

    __tablename__ = "rekap_bulanan"
    __table_args__ = (CheckConstraint("tingkat IN ('semua', 'kelurahan', 'rw', 'rt')", name="tingkat_valid"),)

    bulan: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    tingkat: Mapped[str] = mapped_column(String(10), primary_key=True)
    wilayah_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    masuk: Mapped[int] = mapped_column(Integer)
    selesai: Mapped[int] = mapped_column(Integer)
    selesai_median: Mapped[float | None] = mapped_column(Float)
    selesai_p90: Mapped[float | None] = mapped_column(Float)


class RekapKapasitas(Base):
    """The report counts behind the capacity measures for one RT and one month of receipt, kept once settled and,
    before that, for the day they were counted on.

    Filled on first read (kutorejo_data/store/capacity_rekap.py): for months whose counts no longer depend on the clock
    (every report in them is past its longest deadline) with no `hari`; for a month still settling with the day it
    was counted on, whose counts hold for that day only (migration 0019). Database triggers delete the row of a
    report's month and RT when the report is received, moved, re-dated, re-categorised, changes status or handler,
    or gains history, and every row when a category's SLA changes. An RW's counts are the sum of its RTs' (`rw_id` is
    the RT's RW).
    """

    __tablename__ = "rekap_kapasitas"
    __table_args__ = (Index("ix_rekap_kapasitas_rw", "rw_id", "bulan"),)

    bulan: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM of reported_at
    rt_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rw_id: Mapped[int] = mapped_column(Integer)
    laporan: Mapped[int] = mapped_column(Integer)  # reports received
    dicatat_terlambat: Mapped[int] = mapped_column(Integer)  # of them entered more than the on-time days late
    sah: Mapped[int] = mapped_column(Integer)  # valid reports
    sah_selesai: Mapped[int] = mapped_column(Integer)  # of them now resolved
    eskalasi_dari_rt: Mapped[int] = mapped_column(Integer)  # valid, handled above the RT
    eskalasi_dari_rt_lanjut: Mapped[int] = mapped_column(Integer)  # of them in progress or resolved
    eskalasi_dari_rw: Mapped[int] = mapped_column(Integer)  # valid, handled above the RW
    eskalasi_dari_rw_lanjut: Mapped[int] = mapped_column(Integer)
    sla_dihitung: Mapped[int] = mapped_column(Integer)  # valid, resolved or past the SLA
    sla_tepat: Mapped[int] = mapped_column(Integer)  # of them first resolved within the SLA
    tanggap_dihitung: Mapped[int] = mapped_column(Integer)  # responded or older than the fast-response days
    tanggap_cepat: Mapped[int] = mapped_column(Integer)  # of them first responded within those days
    hari: Mapped[date | None] = mapped_column(Date)  # the day counted on, for a month still settling; None: settled


class HariLibur(Base):
    """A day off the kelurahan adds to the national ones: cuti bersama not yet in the package, local days."""

    __tablename__ = "hari_libur"
    __table_args__ = (UniqueConstraint("tanggal", "kelurahan_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tanggal: Mapped[date] = mapped_column(Date)
    nama: Mapped[str] = mapped_column(String(100))
    kelurahan_id: Mapped[int | None] = mapped_column(ForeignKey("kelurahan.id"))  # None: every kelurahan
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AturanPenugasan(Base):
    """A routing rule: at a level, reports of a category (or any) in an area go to this account.

    The most specific rule wins (an RT over its RW over the kelurahan; a category over any category); without one,
    the head of the report's RT or RW, or the kelurahan's staff, is in charge (records/routing.py).
    """

    __tablename__ = "aturan_penugasan"
    __table_args__ = (
        CheckConstraint(_in("tingkat", domain.HANDLER_LEVELS), name="tingkat_valid"),
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint("rt_id IS NULL OR rw_id IS NOT NULL", name="rt_needs_rw"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tingkat: Mapped[str] = mapped_column(String(20))
    kelurahan_id: Mapped[int] = mapped_column(ForeignKey("kelurahan.id"))
    rw_id: Mapped[int | None] = mapped_column(Integer)
    rt_id: Mapped[int | None] = mapped_column(Integer)
    kategori_id: Mapped[int | None] = mapped_column(ForeignKey("kategori.id"))
    pengguna_id: Mapped[int] = mapped_column(ForeignKey("pengguna.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class RiwayatPenugasan(Base):
    """One change of who is in charge of a report, and why: on creation, by hand, or by escalation. Append-only."""

    __tablename__ = "riwayat_penugasan"
    __table_args__ = (
        CheckConstraint(_in("tingkat", domain.HANDLER_LEVELS), name="tingkat_valid"),
        CheckConstraint(_in("jenis", domain.ASSIGNMENT_KINDS), name="jenis_valid"),
        Index("ix_riwayat_penugasan_laporan", "laporan_id", "changed_at"),
        Index("ix_riwayat_penugasan_jenis_changed", "jenis", "changed_at", "laporan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    laporan_id: Mapped[int] = mapped_column(ForeignKey("laporan.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    jenis: Mapped[str] = mapped_column(String(20))  # "awal", "manual", "eskalasi", "akun_nonaktif"
    tingkat: Mapped[str] = mapped_column(String(20))
    dari_pengguna_id: Mapped[int | None] = mapped_column(ForeignKey("pengguna.id"))
    ke_pengguna_id: Mapped[int | None] = mapped_column(ForeignKey("pengguna.id"))
    batas_tahap: Mapped[datetime | None] = mapped_column(DateTime)
    alasan: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(100))


class Dukungan(Base):
    """Another household affected by an open report's problem ("me too"), added to it instead of a duplicate.

    The reporter's name and phone are personal data, shown only to those who may see the report's reporter.
    """

    __tablename__ = "dukungan"
    __table_args__ = (
        CheckConstraint(_in("sumber", domain.SOURCES), name="sumber_valid"),
        Index("ix_dukungan_laporan", "laporan_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    laporan_id: Mapped[int] = mapped_column(ForeignKey("laporan.id"))
    pelapor_nama: Mapped[str | None] = mapped_column(String(100))
    pelapor_telepon: Mapped[str | None] = mapped_column(String(30))
    catatan: Mapped[str] = mapped_column(Text, default="")
    sumber: Mapped[str] = mapped_column(String(20))
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)  # e.g. a WhatsApp message's key
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))


class KonfirmasiWarga(Base):
    """A resident's answer to "sudah beres?" on the public page after a report was resolved: yes (with an optional
    1–5 rating), or not yet (with a reason: the report is reopened). Append-only, like the history."""

    __tablename__ = "konfirmasi_warga"
    __table_args__ = (
        CheckConstraint(_in("jawaban", domain.CONFIRMATION_ANSWERS), name="jawaban_valid"),
        CheckConstraint("nilai IS NULL OR (nilai BETWEEN 1 AND 5)", name="nilai_range"),
        # One answer per resolution: a second click, or a second tab, is refused by the database itself.
        UniqueConstraint("laporan_id", "selesai_at"),
        Index("ix_konfirmasi_warga_selesai", "selesai_at", "laporan_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    laporan_id: Mapped[int] = mapped_column(ForeignKey("laporan.id"))
    # The resolution answered: the moment of the report's transition to `selesai` (its history entry).
    selesai_at: Mapped[datetime] = mapped_column(DateTime)
    jawaban: Mapped[str] = mapped_column(String(10))
    nilai: Mapped[int | None] = mapped_column(Integer)  # 1–5, for "ya"
    alasan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Pesan(Base):
    """A WhatsApp message the system wants sent: to whom (a number, normalised), the text, and whose job it is to
    send it (a click-to-send wa.me link) unless a configured gateway sends it."""

    __tablename__ = "pesan"
    __table_args__ = (
        CheckConstraint(_in("status", domain.MESSAGE_STATUSES), name="status_valid"),
        Index("ix_pesan_pengirim_status", "pengirim_id", "status", "created_at"),
        Index("ix_pesan_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    jenis: Mapped[str] = mapped_column(String(40))  # the template's key
    laporan_id: Mapped[int | None] = mapped_column(ForeignKey("laporan.id"))
    pengirim_id: Mapped[int | None] = mapped_column(ForeignKey("pengguna.id"))  # who should send it
    # Whose office sends it when pengirim_id is None (several kelurahan may share one database).
    kelurahan_id: Mapped[int | None] = mapped_column(ForeignKey("kelurahan.id"))
    penerima: Mapped[str] = mapped_column(String(100))  # to whom, in words (personal data for a resident)
    nomor: Mapped[str | None] = mapped_column(String(20))  # 62…, None when the number is missing or invalid
    teks: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="antre")
    # One message per event: the same event queued twice (a rerun job, two clicks) is kept once.
    kunci: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_by: Mapped[str | None] = mapped_column(String(100))


class TemplatePesan(Base):
    """A message template the kelurahan edited (the defaults live in code); named placeholders only."""

    __tablename__ = "template_pesan"

    jenis: Mapped[str] = mapped_column(String(40), primary_key=True)
    teks: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(100))


class Foto(Base):
    """A photo of a report: *sebelum* at entry, *sesudah* at resolution.

    Re-encoded on the server (intake/photos.py): orientation applied, at most 1600 px, JPEG without any metadata, and a
    small thumbnail. The bytes live in the database so SQLite and PostgreSQL behave alike and every backup has them.
    """

    __tablename__ = "foto"
    __table_args__ = (
        CheckConstraint(_in("jenis", domain.PHOTO_KINDS), name="jenis_valid"),
        CheckConstraint("ukuran > 0", name="ukuran_positive"),
        Index("ix_foto_laporan", "laporan_id", "jenis", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    laporan_id: Mapped[int] = mapped_column(ForeignKey("laporan.id"))
    jenis: Mapped[str] = mapped_column(String(10))
    gambar: Mapped[bytes] = mapped_column(LargeBinary)  # the JPEG
    gambar_kecil: Mapped[bytes] = mapped_column(LargeBinary)  # its thumbnail (JPEG)
    lebar: Mapped[int] = mapped_column(Integer)
    tinggi: Mapped[int] = mapped_column(Integer)
    ukuran: Mapped[int] = mapped_column(Integer)  # bytes of `gambar`
    # An after photo the resolver agreed may be shown on public pages (the report's tracking page).
    publik: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))


class PetaWilayah(Base):
    """The RW (and RT) boundaries of a kelurahan as polygons (GeoJSON, normalised by intake/boundaries.py), for the
    map; uploaded in Pengaturan, one map per kelurahan. `contoh` marks the demo's illustrative boundaries."""

    __tablename__ = "peta_wilayah"

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(ForeignKey("kelurahan.id"), unique=True)
    geojson: Mapped[str] = mapped_column(Text)
    fitur: Mapped[int] = mapped_column(Integer)  # how many polygons (features)
    nama_file: Mapped[str] = mapped_column(String(200), default="")
    contoh: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(100))


class KeputusanRapat(Base):
    """A coordination meeting's decision: what, who (an account or a named person), by when, about which reports
    or area, and how far it has got. `bulan` is the meeting's month (the deck that records it); the next month's
    deck opens with it."""

    __tablename__ = "keputusan_rapat"
    __table_args__ = (
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint(_in("status", domain.DECISION_STATUSES), name="status_valid"),
        CheckConstraint("pemilik_id IS NOT NULL OR pemilik_nama <> ''", name="has_owner"),
        CheckConstraint("batas >= tanggal_rapat", name="due_after_meeting"),
        Index("ix_keputusan_rapat_bulan", "kelurahan_id", "bulan"),
        Index("ix_keputusan_rapat_pemilik", "pemilik_id", "status", "batas"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(ForeignKey("kelurahan.id"))
    kegiatan_id: Mapped[int | None] = mapped_column(ForeignKey("kegiatan.id"))  # the meeting, when recorded
    bulan: Mapped[str] = mapped_column(String(7))  # YYYY-MM of the meeting
    tanggal_rapat: Mapped[date] = mapped_column(Date)
    rw_id: Mapped[int | None] = mapped_column(Integer)  # the area it is about, when it is about one
    rt_id: Mapped[int | None] = mapped_column(Integer)
    apa: Mapped[str] = mapped_column(Text)
    pemilik_id: Mapped[int | None] = mapped_column(ForeignKey("pengguna.id"))
    pemilik_nama: Mapped[str] = mapped_column(String(100), default="")
    batas: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="belum")
    catatan: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(150))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(150))


class KeputusanLaporan(Base):
    """A report a decision is about."""

    __tablename__ = "keputusan_laporan"

    keputusan_id: Mapped[int] = mapped_column(ForeignKey("keputusan_rapat.id"), primary_key=True)
    laporan_id: Mapped[int] = mapped_column(ForeignKey("laporan.id"), primary_key=True)


class KeputusanStatus(Base):
    """Every status change of a decision (who, when, from, to, note). Append-only, like the reports' history."""

    __tablename__ = "keputusan_status"
    __table_args__ = (Index("ix_keputusan_status_keputusan", "keputusan_id", "changed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    keputusan_id: Mapped[int] = mapped_column(ForeignKey("keputusan_rapat.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(150))
    from_status: Mapped[str | None] = mapped_column(String(10))
    to_status: Mapped[str] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")


class UsulanMusrenbang(Base):
    """A proposal for the annual Musrenbang, written by an RW head or the office from a candidate (a recurring
    problem, a report open too long, or one handed to the dinas; analytics/musrenbang.py). The evidence is kept as it
    stood when the proposal was saved: the proposal is a document handed upwards."""

    __tablename__ = "usulan_musrenbang"
    __table_args__ = (
        ForeignKeyConstraint(["rt_id", "rw_id"], ["rt.id", "rt.rw_id"]),
        ForeignKeyConstraint(["rw_id", "kelurahan_id"], ["rw.id", "rw.kelurahan_id"]),
        CheckConstraint("rt_id IS NULL OR rw_id IS NOT NULL", name="rt_needs_rw"),
        CheckConstraint("tahun BETWEEN 2000 AND 2100", name="tahun_range"),
        CheckConstraint("prioritas >= 1", name="prioritas_positive"),
        CheckConstraint("volume IS NULL OR volume > 0", name="volume_positive"),
        CheckConstraint("length(usulan) > 0", name="usulan_not_empty"),
        CheckConstraint("jumlah_laporan >= 0", name="jumlah_laporan_nonnegative"),
        # One proposal per candidate and year: a second click, or a second tab, edits instead of duplicating.
        UniqueConstraint("tahun", "kandidat"),
        Index("ix_usulan_musrenbang_tahun", "kelurahan_id", "tahun", "rw_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan_id: Mapped[int] = mapped_column(ForeignKey("kelurahan.id"))
    rw_id: Mapped[int | None] = mapped_column(Integer)
    rt_id: Mapped[int | None] = mapped_column(Integer)
    kategori_id: Mapped[int | None] = mapped_column(ForeignKey("kategori.id"))
    tahun: Mapped[int] = mapped_column(Integer)  # the plan year the proposal is for
    kandidat: Mapped[str] = mapped_column(String(60))  # the candidate's key (analytics/musrenbang.py)
    usulan: Mapped[str] = mapped_column(String(300))  # the activity proposed (Usulan/Kegiatan)
    permasalahan: Mapped[str] = mapped_column(Text, default="")
    lokasi: Mapped[str] = mapped_column(String(200), default="")
    volume: Mapped[float | None] = mapped_column(Float)
    satuan: Mapped[str] = mapped_column(String(30), default="")
    prioritas: Mapped[int] = mapped_column(Integer)  # 1 is the most urgent
    alasan: Mapped[str] = mapped_column(Text, default="")
    jumlah_laporan: Mapped[int] = mapped_column(Integer)
    laporan_terkait: Mapped[str] = mapped_column(Text, default="")  # report numbers, comma separated
    jumlah_foto: Mapped[int] = mapped_column(Integer, default=0)
    pertama_dilaporkan: Mapped[datetime | None] = mapped_column(DateTime)
    terakhir_dilaporkan: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(100))
