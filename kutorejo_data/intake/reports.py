"""Importing issue reports: check each row, match it to a report already stored, plan, then write in bulk.

A row matches an existing report by its number (laporan.external_id) or, without one, by a content key
(kelurahan, RW, RT, day and normalised title). A match on number whose RT or day differs is refused: plain
row counters ('No' 1, 2, 3 …) in two different recaps must never overwrite each other's reports.

Status changes follow the spreadsheet forwards only: a skipped step (baru → selesai) becomes one history
entry with the note "impor"; a step backwards (selesai → diproses, i.e. reopening) or out of a closed status
is refused with a reason. A new row with a later status gets its creation entry plus that one entry, dated by
the file's status date column when there is one, else on the report date (its resolution time is then zero).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.domain import (
    CLOCK_TOLERANCE,
    DESKRIPSI_MAX,
    EARLIEST_REPORT,
    JUDUL_MAX,
    LOKASI_MAX,
    NAMA_MAX,
    PHONE_PATTERN,
)
from kutorejo_data.core.filters import Scope, day_after, day_start
from kutorejo_data.core.formatting import fmt_date
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.core.models import Kategori, Laporan
from kutorejo_data.records.assignment import assign_unassigned, deadlines_for
from kutorejo_data.records.tracking_codes import fresh_codes
from kutorejo_data.store.bulk import Row, analyze, insert_rows

from . import vocab as import_vocab
from .columns import ColumnMap
from .common import (
    IMPORT_NOTE,
    AreaIndex,
    AreaRef,
    ImportOptions,
    ImportPlan,
    Rejection,
    RowReader,
    chunks,
    content_key,
    is_example,
    read_area,
    reason,
    reserve_ids,
    stored,
    within_scope,
)
from .reading import ImportRefused, Table
from .values import Cell, cell_text, normalise, parse_coordinate, parse_datetime, parse_external_id, parse_phone

# The main line of a report's life; a spreadsheet may jump forwards along it, never back.
RANK: dict[str, int] = {
    domain.STATUS_BARU: 0,
    domain.STATUS_DIVERIFIKASI: 1,
    domain.STATUS_DIPROSES: 2,
    domain.STATUS_SELESAI: 3,
}


@dataclass(frozen=True)
class ReportRow:
    """One checked row, ready to be added or matched."""

    row: int
    area: AreaRef
    external_id: str  # the file's number, else the content key
    content_key: str
    kategori_id: int
    kategori_label: str
    judul: str
    deskripsi: str
    lokasi: str
    lat: float | None
    lon: float | None
    sumber: str
    prioritas: str
    pelapor_nama: str | None
    pelapor_telepon: str | None
    reported_at: datetime
    status: str | None  # None: the file does not say
    status_at: datetime | None
    catatan: str
    penanganan: str | None
    penanganan_nama: str | None

    @property
    def has_own_number(self) -> bool:
        """True when the file numbers its rows (rather than a content key standing in)."""
        return self.external_id != self.content_key

    @property
    def note(self) -> str:
        """The history note: 'impor', plus the file's own note."""
        return f"{IMPORT_NOTE}: {self.catatan}" if self.catatan else IMPORT_NOTE


@dataclass(frozen=True)
class NewReport:
    """A row to add, with its final status and when the jump to it happened."""

    row: ReportRow
    status: str
    changed_at: datetime

    def display(self, lang: str) -> dict[str, object]:
        """One line of the preview table."""
        r = self.row
        return {
            t("import.col.baris", lang): r.row,
            t("import.col.tanggal", lang): fmt_date(r.reported_at.date(), lang),
            t("import.col.wilayah", lang): f"RT {r.area.rt} / RW {r.area.rw}",
            t("import.col.kategori", lang): r.kategori_label,
            t("import.col.judul", lang): r.judul,
            t("import.col.status", lang): t(f"status.{self.status}", lang),
        }


@dataclass(frozen=True)
class ReportUpdate:
    """A row that moves an existing report forward (to_status) or only links it to the file's number."""

    row: ReportRow
    laporan_id: int
    version: int
    from_status: str
    to_status: str
    changed_at: datetime
    penanganan: str | None
    penanganan_nama: str | None
    link_external_id: str | None

    def display(self, lang: str) -> dict[str, object]:
        """One line of the preview table: old and new status, or the status when it stays."""
        line: dict[str, object] = {
            t("import.col.baris", lang): self.row.row,
            t("import.col.nomor", lang): self.laporan_id,
            t("import.col.judul", lang): self.row.judul,
        }
        if self.to_status == self.from_status:
            line[t("import.col.status", lang)] = t(f"status.{self.from_status}", lang)
        else:
            line[t("import.col.status_lama", lang)] = t(f"status.{self.from_status}", lang)
            line[t("import.col.status_baru", lang)] = t(f"status.{self.to_status}", lang)
        return line


@dataclass(frozen=True)
class _Stored:
    id: int
    external_id: str | None
    rt_id: int
    reported_at: datetime
    judul: str
    status: str
    version: int
    updated_at: datetime
    penanganan: str | None
    penanganan_nama: str | None

    @classmethod
    def of(cls, row: Sequence[Any]) -> _Stored:
        """The report in a row whose first columns are _STORED_COLUMNS."""
        return cls(*row[: len(_STORED_COLUMNS)])


_STORED_COLUMNS = (
    Laporan.id,
    Laporan.external_id,
    Laporan.rt_id,
    Laporan.reported_at,
    Laporan.judul,
    Laporan.status,
    Laporan.version,
    Laporan.updated_at,
    Laporan.penanganan,
    Laporan.penanganan_nama,
)


class _RowParser:
    """Turns cells into a ReportRow or a Rejection, with the database's areas and categories at hand."""

    def __init__(self, conn: Connection, columns: ColumnMap, options: ImportOptions, scope: Scope, now: datetime):
        self.areas = AreaIndex(conn)
        categories = conn.execute(select(Kategori.slug, Kategori.nama, Kategori.id).where(Kategori.aktif.is_(True)))
        self.kategori = {slug: (id_, nama) for slug, nama, id_ in categories}
        self.vocab = import_vocab.category_vocabulary({slug: nama for slug, (_, nama) in self.kategori.items()})
        self.columns, self.options, self.scope, self.now = columns, options, scope, now

    def parse(self, number: int, cells: Sequence[Cell]) -> ReportRow | Rejection:
        r = RowReader(number, cells, self.columns)
        number_text = r.parse("nomor", parse_external_id)
        if is_example(number_text):
            r.refuse("nomor", "import.reason.example_row")
            return r.rejection()
        reported_at = self._date(r, "tanggal")
        area = read_area(r, self.areas, self.options, self.scope, need_rt=True)
        kategori = self._choice(r, "kategori", self.vocab, "import.reason.kategori_unknown", required=True)
        judul = " ".join(r.text("judul", JUDUL_MAX, "error.judul_too_long").split())
        if not judul:
            r.refuse("judul", "error.judul_required")
        lat, lon = r.parse("lat", parse_coordinate), r.parse("lon", parse_coordinate)
        if (lat is None) != (lon is None):
            r.refuse("lat" if lat is None else "lon", "error.coordinates_pair")
        elif lat is not None and lon is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
            r.refuse("lat", "error.coordinates_range")
        status = self._choice(r, "status", import_vocab.STATUSES, "import.reason.status_unknown")
        status_at = self._date(r, "tanggal_status")
        if status_at and reported_at and status_at < reported_at:
            r.refuse("tanggal_status", "import.reason.status_date_before")
        prioritas = self._choice(r, "prioritas", import_vocab.PRIORITIES, "import.reason.prioritas_unknown")
        sumber = self._choice(r, "sumber", import_vocab.SOURCES, "import.reason.sumber_unknown")
        penanganan = self._choice(r, "penanganan", import_vocab.HANDLERS, "import.reason.penanganan_unknown")
        telepon = r.parse("pelapor_telepon", parse_phone)
        if telepon and not PHONE_PATTERN.match(telepon):
            r.refuse("pelapor_telepon", "error.telepon_invalid")
        values: dict[str, Any] = {
            "deskripsi": r.text("deskripsi", DESKRIPSI_MAX, "error.deskripsi_too_long"),
            "lokasi": r.text("lokasi", LOKASI_MAX, "error.lokasi_too_long"),
            "catatan": r.text("catatan", DESKRIPSI_MAX, "error.deskripsi_too_long"),
            "pelapor_nama": r.text("pelapor_nama", NAMA_MAX, "error.nama_too_long") or None,
            "penanganan_nama": r.text("penanganan_nama", NAMA_MAX, "error.nama_too_long") or None,
        }
        if r.reasons or area is None or reported_at is None or kategori is None:
            return r.rejection()
        key = content_key(area.kode, area.rw, area.rt, reported_at.date().isoformat(), normalise(judul))
        kategori_id, kategori_nama = self.kategori[kategori]
        return ReportRow(
            row=number,
            area=area,
            external_id=number_text or key,
            content_key=key,
            kategori_id=kategori_id,
            kategori_label=category_label(kategori, kategori_nama),
            judul=judul,
            lat=lat,
            lon=lon,
            sumber=sumber or "rt",
            prioritas=prioritas or "sedang",
            pelapor_telepon=telepon,
            reported_at=reported_at,
            status=status,
            status_at=status_at,
            penanganan=penanganan,
            **values,
        )

    def _date(self, r: RowReader, name: str) -> datetime | None:
        value = r.parse(name, parse_datetime)
        if value is None:
            if name == "tanggal" and not r.has(name):
                r.refuse(name, "import.reason.required")
            return None
        if value > self.now + CLOCK_TOLERANCE:
            r.refuse(name, "error.date_in_future")
        elif value < EARLIEST_REPORT:
            r.refuse(name, "error.date_too_old")
        return value

    @staticmethod
    def _choice(
        r: RowReader, name: str, vocab: import_vocab.Vocabulary, unknown_key: str, *, required: bool = False
    ) -> str | None:
        text = cell_text(r.raw(name))
        if not text:
            if required:
                r.refuse(name, "import.reason.required")
            return None
        if text.startswith("="):
            r.refuse(name, "import.reason.formula", value=text[:60])
            return None
        found = vocab.match(text)
        if found is None:
            r.refuse(name, unknown_key, value=text[:60])
        return found


def _check_transition(old: str, new: str) -> tuple[str, dict[str, str]] | None:
    """None when the spreadsheet may move a report from `old` to `new`; else the reason key and values."""
    if new == domain.STATUS_DUPLIKAT:
        return "import.reason.duplikat_status", {}
    if old in domain.INVALID_STATUSES:
        return "import.reason.closed", {"dari": old, "ke": new}
    if old in RANK and new in RANK:
        if RANK[new] < RANK[old]:
            return "import.reason.backwards", {"dari": old, "ke": new}
        return None
    if new in domain.ALLOWED_TRANSITIONS[old]:
        return None
    return "error.transition_not_allowed", {"dari": old, "ke": new}


class _StoredIndex:
    """Reports already in the database that rows may match: by number, and by content key. Numbers that belong to
    reports outside the importer's area are only noted (`elsewhere`)."""

    def __init__(self, conn: Connection, rows: Sequence[ReportRow], areas: AreaIndex, scope: Scope) -> None:
        self.by_external: dict[str, _Stored] = {}
        self.elsewhere: set[str] = set()
        visible = within_scope(conn, scope, Laporan).label("in_scope")
        for batch in chunks(sorted({r.external_id for r in rows})):
            for found in conn.execute(select(*_STORED_COLUMNS, visible).where(Laporan.external_id.in_(batch))):
                if found.in_scope:
                    self.by_external[found.external_id] = _Stored.of(found)
                else:
                    self.elsewhere.add(found.external_id)
        self.by_content: dict[str, list[_Stored]] = {}
        if not rows:
            return
        start = day_start(min(r.reported_at for r in rows).date())
        end = day_after(max(r.reported_at for r in rows).date())
        kelurahan_kode = {id_: kode for kode, (id_, _) in areas.kelurahan.items()}
        rw_kelurahan = {rw_id: kel_id for (kel_id, _), rw_id in areas.rw.items()}
        for rt_ids in chunks(sorted({r.area.rt_id for r in rows if r.area.rt_id is not None})):
            stmt = select(*_STORED_COLUMNS, Laporan.rw_id).where(
                Laporan.rt_id.in_(rt_ids), Laporan.reported_at >= start, Laporan.reported_at < end
            )
            for found in conn.execute(stmt):
                stored = _Stored.of(found)
                rw, rt = areas.rt_label(stored.rt_id)
                kode = kelurahan_kode[rw_kelurahan[found.rw_id]]
                key = content_key(kode, rw, rt, stored.reported_at.date().isoformat(), normalise(stored.judul))
                self.by_content.setdefault(key, []).append(stored)


def plan_reports(
    conn: Connection, table: Table, columns: ColumnMap, options: ImportOptions, scope: Scope, now: datetime
) -> ImportPlan:
    """Check every row and decide what it would do; reads only."""
    parser = _RowParser(conn, columns, options, scope, now)
    plan = ImportPlan(jenis="laporan", columns=columns, empty_rows=table.empty_rows)
    rows: list[ReportRow] = []
    first_seen: dict[str, int] = {}
    for number, cells in table.rows:
        parsed = parser.parse(number, cells)
        if isinstance(parsed, Rejection):
            plan.rejected.append(parsed)
        elif parsed.external_id in first_seen:
            plan.rejected.append(
                _reject(parsed, "nomor", "import.reason.duplicate_row", baris=first_seen[parsed.external_id])
            )
        else:
            first_seen[parsed.external_id] = number
            rows.append(parsed)
    stored = _StoredIndex(conn, rows, parser.areas, scope)
    claimed: dict[int, int] = {}
    for row in rows:
        _decide(row, stored, claimed, plan, now)
    plan.rejected.sort(key=lambda rejection: rejection.row)
    if "tanggal_status" not in columns.fields and any(a.status != domain.STATUS_BARU for a in plan.added):
        plan.notices.append(reason(None, "import.notice.no_status_date"))
    return plan


def _reject(row: ReportRow, field: str | None, key: str, **values: Any) -> Rejection:
    return Rejection(row.row, (reason(field, key, **values),))


def _match(
    row: ReportRow, stored: _StoredIndex, claimed: dict[int, int]
) -> tuple[_Stored | None, str | None] | Rejection:
    """The stored report a row stands for (and the number to link it to), None for a new one, or a refusal."""
    if row.external_id in stored.elsewhere:
        return _reject(row, "nomor", "import.reason.not_in_area", nomor=row.external_id)
    found = stored.by_external.get(row.external_id)
    if found is not None:
        if found.rt_id != row.area.rt_id or found.reported_at.date() != row.reported_at.date():
            return _reject(row, "nomor", "import.reason.id_conflict", nomor=row.external_id)
        return found, None
    for candidate in stored.by_content.get(row.content_key, ()):
        if candidate.id in claimed:
            continue
        if candidate.external_id is None:
            return candidate, row.external_id
        if row.has_own_number:  # the same report was already imported under another number
            return _reject(row, None, "import.reason.exists", nomor=candidate.id, lain=candidate.external_id)
        return candidate, None
    return None, None


def _decide(row: ReportRow, stored: _StoredIndex, claimed: dict[int, int], plan: ImportPlan, now: datetime) -> None:
    """Add, update, leave unchanged or refuse one row."""
    matched = _match(row, stored, claimed)
    if isinstance(matched, Rejection):
        plan.rejected.append(matched)
        return
    found, link = matched
    if found is None:
        status = row.status or domain.STATUS_BARU
        if status == domain.STATUS_DUPLIKAT:
            plan.rejected.append(_reject(row, "status", "import.reason.duplikat_status"))
            return
        plan.added.append(NewReport(row=row, status=status, changed_at=row.status_at or row.reported_at))
        return
    if found.id in claimed:
        plan.rejected.append(_reject(row, None, "import.reason.duplicate_row", baris=claimed[found.id]))
        return
    claimed[found.id] = row.row
    new = row.status or found.status
    refusal = _check_transition(found.status, new) if new != found.status else None
    if refusal is not None:
        key, values = refusal
        plan.rejected.append(_reject(row, "status", key, nomor=found.id, **values))
        return
    penanganan = row.penanganan or found.penanganan
    update_ = ReportUpdate(
        row=row,
        laporan_id=found.id,
        version=found.version,
        from_status=found.status,
        to_status=new,
        # History never runs backwards: a status date before the last change counts as that change's time.
        changed_at=max(row.status_at or now, found.updated_at, found.reported_at),
        penanganan=penanganan,
        penanganan_nama=row.penanganan_nama or (found.penanganan_nama if penanganan == found.penanganan else None),
        link_external_id=link,
    )
    (plan.updated if new != found.status else plan.unchanged).append(update_)


# ---------------------------------------------------------------------------------------------------------
# Writing, in the caller's transaction: bulk inserts (COPY on PostgreSQL, executemany on SQLite), never row by row

_LAPORAN_COLUMNS = (
    "id",
    "kelurahan_id",
    "rw_id",
    "rt_id",
    "kategori_id",
    "judul",
    "deskripsi",
    "lokasi",
    "lat",
    "lon",
    "sumber",
    "prioritas",
    "pelapor_nama",
    "pelapor_telepon",
    "reported_at",
    "status",
    "penanganan",
    "penanganan_nama",
    "version",
    "external_id",
    "created_at",
    "updated_at",
    "batas_tanggap",
    "batas_selesai",
    "batas_tahap",
    "kode_lacak",
)
_HISTORY_COLUMNS = (
    "laporan_id",
    "changed_at",
    "from_status",
    "to_status",
    "changed_by",
    "note",
    "penanganan",
    "penanganan_nama",
)
History = tuple[int, str | None, str | None, str, str, str, str | None, str | None]


def write_reports(conn: Connection, plan: ImportPlan, actor: str, now: datetime) -> None:
    """Write the plan's added and updated reports and their history entries; raises ImportRefused on a conflict."""
    updates: list[ReportUpdate] = plan.updated
    links = [u for u in (*plan.updated, *plan.unchanged) if u.link_external_id]
    _lock_and_verify(conn, [*updates, *links])
    history: list[History] = []
    if plan.added:
        history += _insert_new(conn, plan.added, actor, now)
    if updates:
        result = conn.execute(
            update(Laporan)
            .where(Laporan.id == bindparam("b_id"), Laporan.version == bindparam("b_version"))
            .values(
                status=bindparam("b_status"),
                version=Laporan.version + 1,
                updated_at=bindparam("b_at"),
                penanganan=bindparam("b_penanganan"),
                penanganan_nama=bindparam("b_penanganan_nama"),
            ),
            [
                {
                    "b_id": u.laporan_id,
                    "b_version": u.version,
                    "b_status": u.to_status,
                    "b_at": u.changed_at,
                    "b_penanganan": u.penanganan,
                    "b_penanganan_nama": u.penanganan_nama,
                }
                for u in updates
            ],
        )
        if result.rowcount != len(updates):
            raise ImportRefused("import.refused.changed_meanwhile")
        history += [
            (
                u.laporan_id,
                stored(u.changed_at),
                u.from_status,
                u.to_status,
                actor,
                u.row.note,
                u.penanganan,
                u.penanganan_nama,
            )
            for u in updates
        ]
    if links:
        conn.execute(
            update(Laporan)
            .where(Laporan.id == bindparam("b_id"), Laporan.external_id.is_(None))
            .values(external_id=bindparam("b_external_id")),
            [{"b_id": u.laporan_id, "b_external_id": u.link_external_id} for u in links],
        )
    if history:
        insert_rows(conn, "status_history", _HISTORY_COLUMNS, history)
        # Fresh statistics: the next import's lookups by number must use the index, not scan.
        analyze(conn, ("laporan", "status_history"))


def _lock_and_verify(conn: Connection, updates: Sequence[ReportUpdate]) -> None:
    """Lock the reports to be changed (PostgreSQL) and make sure nobody changed them since they were read."""
    expected = {u.laporan_id: u.version for u in updates}
    for batch in chunks(sorted(expected)):
        stmt = select(Laporan.id, Laporan.version).where(Laporan.id.in_(batch)).with_for_update()
        for laporan_id, version in conn.execute(stmt):
            if expected[laporan_id] != version:
                raise ImportRefused("import.refused.changed_meanwhile")


def _insert_new(conn: Connection, added: Sequence[NewReport], actor: str, now: datetime) -> list[History]:
    """Insert the new reports and return their history rows: creation, and the jump to a later status."""
    ids = reserve_ids(conn, "laporan", len(added))
    rows: list[Row] = []
    history: list[History] = []
    due = deadlines_for(
        conn,
        [item.row.area.kelurahan_id for item in added],
        [item.row.kategori_id for item in added],
        [item.row.reported_at for item in added],
        [item.row.penanganan if item.status != domain.STATUS_BARU else None for item in added],
    )
    codes = fresh_codes(conn, len(added))
    for laporan_id, item, deadline, code in zip(ids, added, due, codes, strict=True):
        r = item.row
        jumped = item.status != domain.STATUS_BARU
        penanganan, penanganan_nama = (r.penanganan, r.penanganan_nama) if jumped else (None, None)
        rows.append(
            (
                laporan_id,
                r.area.kelurahan_id,
                r.area.rw_id,
                r.area.rt_id,
                r.kategori_id,
                r.judul,
                r.deskripsi,
                r.lokasi,
                r.lat,
                r.lon,
                r.sumber,
                r.prioritas,
                r.pelapor_nama,
                r.pelapor_telepon,
                stored(r.reported_at),
                item.status,
                penanganan,
                penanganan_nama,
                2 if jumped else 1,
                r.external_id,
                stored(now),
                stored(item.changed_at),
                stored(deadline.batas_tanggap),
                stored(deadline.batas_selesai),
                stored(deadline.batas_tahap),
                code,
            )
        )
        history.append((laporan_id, stored(r.reported_at), None, domain.STATUS_BARU, actor, IMPORT_NOTE, None, None))
        if jumped:
            history.append(
                (
                    laporan_id,
                    stored(item.changed_at),
                    domain.STATUS_BARU,
                    item.status,
                    actor,
                    r.note,
                    penanganan,
                    penanganan_nama,
                )
            )
    insert_rows(conn, "laporan", _LAPORAN_COLUMNS, rows)
    assign_unassigned(conn, actor=actor, now=now, only=ids)
    return history
