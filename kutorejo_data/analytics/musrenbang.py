"""Usulan Musrenbang candidates: the problems that are structural rather than one-offs, each with its evidence.

A candidate is a recurring problem (LAPORAN_BERULANG: the same category in one RT, or in one RW when spread over its
RTs, at least RECURRING_MIN_REPORTS valid reports in the last RECURRING_WINDOW_MONTHS months), a report open longer
than LONG_OPEN_DAYS, or a report handed to the dinas. The aggregation is SQL, inside the reader's scope (an RW head
sees only their RW's candidates); the counts are MASUK_SAH's (metrics.masuk_sah_by_category).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Connection, Integer, and_, column, func, not_, or_, select, true, tuple_, values
from sqlalchemy.orm import aliased

from kutorejo_data.core import domain
from kutorejo_data.core.db import is_sqlite
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope, day_after, day_start, report_conditions
from kutorejo_data.core.models import RT, RW, Foto, Kategori, Kelurahan, Laporan
from kutorejo_data.core.periods import add_months
from kutorejo_data.records.musrenbang import Proposal

from .metrics import (
    LONG_OPEN_DAYS,
    RECURRING_MIN_REPORTS,
    RECURRING_WINDOW_MONTHS,
    masuk_sah_by_category,
    masuk_sah_conditions,
)

# A recurring problem lists its most recent reports as evidence (its count, dates and photos cover them all), and
# the single-report candidates are the oldest ones: a page a meeting can read, whatever the size of the database.
EVIDENCE_REPORTS = 25
SINGLE_CANDIDATES = 200
# Why a problem is a candidate (the words are `musrenbang.dasar.<key>` in core/i18n.py).
BERULANG_RT = "berulang_rt"
BERULANG_RW = "berulang_rw"
TERBUKA_LAMA = "terbuka_lama"
DINAS = "dinas"
BASES: tuple[str, ...] = (BERULANG_RT, BERULANG_RW, TERBUKA_LAMA, DINAS)


@dataclass(frozen=True)
class Evidence:
    """What shows the problem: how many valid reports, when first and last, which ones, how many photos."""

    jumlah_laporan: int
    pertama: datetime | None
    terakhir: datetime | None
    laporan: tuple[int, ...]  # report numbers, oldest first
    kode_lacak: tuple[str, ...]  # their public tracking codes (for the office's eyes; not exported)
    jumlah_foto: int


@dataclass(frozen=True)
class Candidate:
    """One proposal candidate: where, which category, why, and its evidence."""

    kunci: str  # stable key: `rt-<rt id>-<kategori id>`, `rw-<rw id>-<kategori id>` or `laporan-<report number>`
    dasar: tuple[str, ...]  # the BASES that apply
    kelurahan_id: int
    rw_id: int
    rt_id: int | None  # None for an RW-wide recurring problem
    kategori_id: int
    kelurahan_kode: str
    kelurahan_nama: str
    rw: str
    rt: str | None
    kategori_slug: str
    kategori_nama: str
    judul: str  # a single report's title; "" for a recurring problem
    lokasi_teks: str  # a single report's location text
    bukti: Evidence

    @property
    def lokasi(self) -> str:
        """Where, as the Musrenbang form says it: `RT 002 / RW 03` or `RW 03`, plus the location text."""
        place = f"RT {self.rt} / RW {self.rw}" if self.rt else f"RW {self.rw}"
        return f"{place}, {self.lokasi_teks}" if self.lokasi_teks.strip() else place


@dataclass(frozen=True)
class Window:
    """The days whose reports count as recurring: the last RECURRING_WINDOW_MONTHS months up to today."""

    dari: date
    sampai: date


def window(today: date) -> Window:
    """The 12 months up to and including today."""
    return Window(add_months(today, -RECURRING_WINDOW_MONTHS) + timedelta(days=1), today)


def recurring_filters(kelurahan_kode: str | None, rw: str | None, today: date) -> ReportFilters:
    """The report filter whose valid reports the recurring counts count (also what the report export is given)."""
    span = window(today)
    return ReportFilters(kelurahan_kode=kelurahan_kode, rw=rw, dari=span.dari, sampai=span.sampai)


@dataclass
class _Group:
    rw_id: int
    rt_id: int | None
    kategori_id: int
    jumlah: int
    pertama: datetime
    terakhir: datetime
    members: list[Any] = field(default_factory=list)  # the most recent EVIDENCE_REPORTS, oldest first
    foto: int = 0  # photos of all its reports


def _photos() -> Any:
    return select(func.count(Foto.id)).where(Foto.laporan_id == Laporan.id).correlate(Laporan).scalar_subquery()


def _member_columns() -> list[Any]:
    return [
        Laporan.id,
        Laporan.kode_lacak,
        Laporan.kelurahan_id,
        Laporan.rw_id,
        Laporan.rt_id,
        Laporan.kategori_id,
        Laporan.reported_at,
        Laporan.judul,
        Laporan.lokasi,
        Laporan.status,
        Laporan.penanganan,
        _photos().label("foto"),
        Kelurahan.kode.label("kelurahan_kode"),
        Kelurahan.nama.label("kelurahan_nama"),
        RW.nomor.label("rw"),
        RT.nomor.label("rt"),
        Kategori.slug.label("kategori_slug"),
        Kategori.nama.label("kategori_nama"),
    ]


def _with_names(stmt: Any) -> Any:
    return (
        stmt.join(Kategori, Kategori.id == Laporan.kategori_id)
        .join(RT, RT.id == Laporan.rt_id)
        .join(RW, RW.id == Laporan.rw_id)
        .join(Kelurahan, Kelurahan.id == Laporan.kelurahan_id)
    )


def _latest_members(
    conn: Connection, filters: ReportFilters, scope: Scope, level: str, groups: dict[tuple[int, int], _Group]
) -> None:
    """Give each group its EVIDENCE_REPORTS most recent reports of the filters' period, oldest first: a walk back
    from the group's end of ix_laporan_rw_rt_kategori each, however long the kelurahan's history."""
    unit = Laporan.rt_id if level == "rt" else Laporan.rw_id
    keys = (
        values(
            column("rw_id", Integer),
            column("unit", Integer),
            column("kategori_id", Integer),
            name="kelompok",
            literal_binds=True,  # ids only, as many as there are groups: no bound-parameter limit to meet
        )
        .data([(g.rw_id, key[0], key[1]) for key, g in groups.items()])
        .cte()
    )
    latest = (
        select(Laporan.id, Laporan.kode_lacak, Laporan.reported_at)
        .where(
            Laporan.rw_id == keys.c.rw_id,
            unit == keys.c.unit,
            Laporan.kategori_id == keys.c.kategori_id,
            *masuk_sah_conditions(conn, filters, scope),
        )
        .order_by(Laporan.reported_at.desc(), Laporan.id.desc())
        .limit(EVIDENCE_REPORTS)
    )
    listed: tuple[Any, Any, Any]  # each latest report's id, tracking code and date
    if is_sqlite(conn):
        # SQLite has no LATERAL: each group's latest ids, then their rows by id.
        shown = aliased(Laporan)
        source = keys.join(shown, shown.id.in_(latest.with_only_columns(Laporan.id).correlate(keys)))
        listed = (shown.id, shown.kode_lacak, shown.reported_at)
    else:
        terbaru = latest.lateral("terbaru")
        source = keys.join(terbaru, true())
        listed = (terbaru.c.id, terbaru.c.kode_lacak, terbaru.c.reported_at)
    number, code, reported_at = listed
    rows = conn.execute(
        select(number, code, keys.c.unit, keys.c.kategori_id).select_from(source).order_by(reported_at, number)
    )
    found: dict[tuple[int, int], list[Any]] = {key: [] for key in groups}
    for row in rows:
        found[(row.unit, row.kategori_id)].append(row)
    for key, group in groups.items():
        group.members = found[key]


def _group_members(
    conn: Connection, filters: ReportFilters, scope: Scope, level: str, groups: dict[tuple[int, int], _Group]
) -> None:
    """Each group's EVIDENCE_REPORTS most recent reports, and all its photos counted, for groups keyed by
    (RT or RW id, category id). Bounded: a kelurahan with years of reports lists a page, not its history."""
    if not groups:
        return
    _latest_members(conn, filters, scope, level, groups)
    unit = Laporan.rt_id if level == "rt" else Laporan.rw_id
    photos = (
        select(unit, Laporan.kategori_id, func.count(Foto.id))
        .join(Foto, Foto.laporan_id == Laporan.id)
        # Named as the reports with a photo: the database then reads those, not every report of the window.
        .where(
            *masuk_sah_conditions(conn, filters, scope),
            Laporan.id.in_(select(Foto.laporan_id)),
        )
        .group_by(unit, Laporan.kategori_id)
    )
    for area_id, kategori_id, count in conn.execute(photos):
        if (area_id, kategori_id) in groups:
            groups[(area_id, kategori_id)].foto = int(count)


def _recurring_groups(conn: Connection, filters: ReportFilters, scope: Scope) -> list[_Group]:
    """RT groups at the threshold, then RW groups at the threshold whose category no single RT of theirs reaches."""
    threshold = RECURRING_MIN_REPORTS
    rt_rows = conn.execute(masuk_sah_by_category(conn, filters, scope, "rt")).all()
    groups = [
        _Group(r.rw_id, r.rt_id, r.kategori_id, int(r.jumlah), r.pertama, r.terakhir)
        for r in rt_rows
        if r.jumlah >= threshold
    ]
    covered = {(g.rw_id, g.kategori_id) for g in groups}
    # An RW's count is the sum of its RTs' (the same MASUK_SAH rows): summed here rather than counted twice.
    by_rw: dict[tuple[int, int], _Group] = {}
    for r in rt_rows:
        key = (r.rw_id, r.kategori_id)
        if key in covered:
            continue
        if key not in by_rw:
            by_rw[key] = _Group(r.rw_id, None, r.kategori_id, 0, r.pertama, r.terakhir)
        group = by_rw[key]
        group.jumlah += int(r.jumlah)
        group.pertama, group.terakhir = min(group.pertama, r.pertama), max(group.terakhir, r.terakhir)
    groups += [g for g in by_rw.values() if g.jumlah >= threshold]
    _group_members(conn, filters, scope, "rt", {(g.rt_id, g.kategori_id): g for g in groups if g.rt_id is not None})
    _group_members(conn, filters, scope, "rw", {(g.rw_id, g.kategori_id): g for g in groups if g.rt_id is None})
    return groups


def _single_evidence(row: Any) -> Evidence:
    """A single report as its own evidence."""
    return Evidence(
        jumlah_laporan=1,
        pertama=row.reported_at,
        terakhir=row.reported_at,
        laporan=(int(row.id),),
        kode_lacak=(row.kode_lacak,) if row.kode_lacak else (),
        jumlah_foto=int(row.foto or 0),
    )


@dataclass(frozen=True)
class _Names:
    """The groups' places and categories: RW id → (kelurahan id, kelurahan kode, kelurahan nama, RW), RT id → RT,
    category id → (slug, nama)."""

    rws: dict[int, tuple[int, str, str, str]]
    rts: dict[int, str]
    categories: dict[int, tuple[str, str]]


def _names(conn: Connection, groups: list[_Group]) -> _Names:
    rw_ids = sorted({g.rw_id for g in groups})
    rws = conn.execute(
        select(RW.id, Kelurahan.id, Kelurahan.kode, Kelurahan.nama, RW.nomor)
        .join(Kelurahan, Kelurahan.id == RW.kelurahan_id)
        .where(RW.id.in_(rw_ids))
    )
    rts = conn.execute(select(RT.id, RT.nomor).where(RT.rw_id.in_(rw_ids)))
    categories = conn.execute(select(Kategori.id, Kategori.slug, Kategori.nama))
    return _Names(
        {id_: (kelurahan_id, kode, nama, nomor) for id_, kelurahan_id, kode, nama, nomor in rws},
        {id_: nomor for id_, nomor in rts},
        {id_: (slug, nama) for id_, slug, nama in categories},
    )


def _recurring_candidate(group: _Group, names: _Names) -> Candidate:
    evidence = Evidence(
        jumlah_laporan=group.jumlah,
        pertama=group.pertama,
        terakhir=group.terakhir,
        laporan=tuple(int(r.id) for r in group.members),
        kode_lacak=tuple(r.kode_lacak for r in group.members if r.kode_lacak),
        jumlah_foto=group.foto,
    )
    kelurahan_id, kelurahan_kode, kelurahan_nama, rw = names.rws[group.rw_id]
    kategori_slug, kategori_nama = names.categories[group.kategori_id]
    if group.rt_id is not None:
        kunci, dasar = f"rt-{group.rt_id}-{group.kategori_id}", BERULANG_RT
    else:
        kunci, dasar = f"rw-{group.rw_id}-{group.kategori_id}", BERULANG_RW
    return Candidate(
        kunci=kunci,
        dasar=(dasar,),
        kelurahan_id=kelurahan_id,
        rw_id=group.rw_id,
        rt_id=group.rt_id,
        kategori_id=group.kategori_id,
        kelurahan_kode=kelurahan_kode,
        kelurahan_nama=kelurahan_nama,
        rw=rw,
        rt=None if group.rt_id is None else names.rts[group.rt_id],
        kategori_slug=kategori_slug,
        kategori_nama=kategori_nama,
        judul="",
        lokasi_teks="",
        bukti=evidence,
    )


def _in_groups(filters: ReportFilters, groups: list[_Group]) -> ColumnElement[bool]:
    """True for a report that is evidence of one of the recurring groups (received in their window, in their RT or
    RW and category; the single-report candidates never hold rejected or duplicate reports)."""
    assert filters.dari and filters.sampai
    rt_keys = [(g.rt_id, g.kategori_id) for g in groups if g.rt_id is not None]
    rw_keys = [(g.rw_id, g.kategori_id) for g in groups if g.rt_id is None]
    return and_(
        Laporan.reported_at >= day_start(filters.dari),
        Laporan.reported_at < day_after(filters.sampai),
        or_(
            tuple_(Laporan.rt_id, Laporan.kategori_id).in_(rt_keys),
            tuple_(Laporan.rw_id, Laporan.kategori_id).in_(rw_keys),
        ),
    )


def _single_reports(
    conn: Connection,
    kelurahan_kode: str | None,
    rw: str | None,
    scope: Scope,
    now: datetime,
    span: Window,
    grouped: ColumnElement[bool],
) -> list[Candidate]:
    """The SINGLE_CANDIDATES oldest reports open longer than LONG_OPEN_DAYS or handed to the dinas (open, or received
    in the window), leaving out those that are evidence of a recurring problem (`grouped`)."""
    area = report_conditions(conn, ReportFilters(kelurahan_kode=kelurahan_kode, rw=rw), scope, with_period=False)
    is_open = Laporan.status.in_(domain.OPEN_STATUSES)
    long_open = is_open & (Laporan.reported_at < now - timedelta(days=LONG_OPEN_DAYS))
    at_dinas = (Laporan.penanganan == DINAS) & or_(is_open, Laporan.reported_at >= day_start(span.dari))
    rows = conn.execute(
        _with_names(select(*_member_columns()))
        .where(*area, Laporan.status.not_in(domain.INVALID_STATUSES), or_(long_open, at_dinas), not_(grouped))
        .order_by(Laporan.reported_at, Laporan.id)
        .limit(SINGLE_CANDIDATES)
    ).all()
    candidates = []
    for row in rows:
        dasar = []
        if row.status in domain.OPEN_STATUSES and row.reported_at < now - timedelta(days=LONG_OPEN_DAYS):
            dasar.append(TERBUKA_LAMA)
        if row.penanganan == DINAS:
            dasar.append(DINAS)
        candidates.append(
            Candidate(
                kunci=f"laporan-{row.id}",
                dasar=tuple(dasar),
                kelurahan_id=row.kelurahan_id,
                rw_id=row.rw_id,
                rt_id=row.rt_id,
                kategori_id=row.kategori_id,
                kelurahan_kode=row.kelurahan_kode,
                kelurahan_nama=row.kelurahan_nama,
                rw=row.rw,
                rt=row.rt,
                kategori_slug=row.kategori_slug,
                kategori_nama=row.kategori_nama,
                judul=row.judul,
                lokasi_teks=row.lokasi or "",
                bukti=_single_evidence(row),
            )
        )
    return candidates


def candidates(
    conn: Connection,
    *,
    now: datetime,
    kelurahan_kode: str | None = None,
    rw: str | None = None,
    scope: Scope = EVERYTHING,
) -> list[Candidate]:
    """Every candidate inside the scope (and the requested kelurahan/RW): recurring problems, most reports first,
    then single reports (not already part of a recurring problem), the SINGLE_CANDIDATES oldest."""
    span = window(now.date())
    filters = recurring_filters(kelurahan_kode, rw, now.date())
    groups = _recurring_groups(conn, filters, scope)
    names = _names(conn, groups)
    recurring = [_recurring_candidate(g, names) for g in groups if g.members]
    recurring.sort(key=lambda c: (-c.bukti.jumlah_laporan, c.rw, c.rt or "", c.kategori_nama))
    # A report that is part of a recurring problem is evidence there, not a candidate of its own as well.
    singles = _single_reports(conn, kelurahan_kode, rw, scope, now, span, _in_groups(filters, groups))
    return recurring + singles


def problem_text(candidate: Candidate) -> str:
    """The problem in the form's words (Indonesian, the language of the Musrenbang form)."""
    if BERULANG_RT in candidate.dasar or BERULANG_RW in candidate.dasar:
        return (
            f"{candidate.kategori_nama}: {candidate.bukti.jumlah_laporan} laporan dalam "
            f"{RECURRING_WINDOW_MONTHS} bulan terakhir"
        )
    return candidate.judul


def basis_text(candidate: Candidate) -> str:
    """Why it is a candidate, with its evidence, as the form's 'Alasan/Data pendukung' says it."""
    parts = []
    for dasar in candidate.dasar:
        if dasar == BERULANG_RT:
            parts.append(f"Berulang di RT {candidate.rt} ({candidate.bukti.jumlah_laporan} laporan sah)")
        elif dasar == BERULANG_RW:
            parts.append(f"Berulang di beberapa RT RW {candidate.rw} ({candidate.bukti.jumlah_laporan} laporan sah)")
        elif dasar == TERBUKA_LAMA:
            parts.append(f"Terbuka lebih dari {LONG_OPEN_DAYS} hari")
        elif dasar == DINAS:
            parts.append("Diserahkan ke dinas/OPD")
    evidence = candidate.bukti
    if evidence.pertama is not None and evidence.terakhir is not None:
        parts.append(f"dilaporkan {evidence.pertama:%d-%m-%Y} s.d. {evidence.terakhir:%d-%m-%Y}")
    parts.append(f"{evidence.jumlah_foto} foto")
    return "; ".join(parts)


def draft(candidate: Candidate, tahun: int) -> Proposal:
    """A first proposal from a candidate, for the user to edit: the form's fields filled from its evidence."""
    return Proposal(
        tahun=tahun,
        kandidat=candidate.kunci,
        kelurahan_id=candidate.kelurahan_id,
        rw_id=candidate.rw_id,
        rt_id=candidate.rt_id,
        kategori_id=candidate.kategori_id,
        usulan=f"Penanganan {candidate.kategori_nama[:1].lower()}{candidate.kategori_nama[1:]}",
        permasalahan=problem_text(candidate),
        lokasi=candidate.lokasi[:200],
        volume=None,
        satuan="",
        prioritas=1,
        alasan=basis_text(candidate),
        jumlah_laporan=candidate.bukti.jumlah_laporan,
        laporan_terkait=", ".join(str(n) for n in candidate.bukti.laporan),
        jumlah_foto=candidate.bukti.jumlah_foto,
        pertama_dilaporkan=candidate.bukti.pertama,
        terakhir_dilaporkan=candidate.bukti.terakhir,
    )
