"""Importing activities (kegiatan): check each row, skip the ones already stored, insert the rest in bulk.

The level follows the area column: an RT makes an RT activity, an RW alone an RW activity, nothing (or
'kelurahan') a kelurahan-wide one. Attendance comes per role (ketua RT, Tomas, PKK, …); a total column
without a 'warga' column counts the remainder as residents. A stored activity is never changed by an import:
a matching row counts as already there (corrections happen on the Kegiatan page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from kutorejo_data.core.domain import DESKRIPSI_MAX, EARLIEST_REPORT, JUDUL_MAX
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.formatting import fmt_date
from kutorejo_data.core.i18n import t
from kutorejo_data.core.models import Kegiatan
from kutorejo_data.store.bulk import analyze, insert_rows

from . import vocab as import_vocab
from .columns import ATTENDANCE_FIELDS, ColumnMap
from .common import (
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
from .reading import Table
from .values import Cell, cell_text, normalise, parse_count, parse_datetime, parse_external_id

ROLE_FIELDS: dict[str, str] = {name: name.removeprefix("hadir_") for name in ATTENDANCE_FIELDS}


@dataclass(frozen=True)
class ActivityRow:
    """One checked activity row."""

    row: int
    area: AreaRef
    tingkat: str
    jenis: str
    tanggal: date
    judul: str
    target: int | None
    satuan: str
    catatan: str
    hadir: dict[str, int]  # role → count
    external_id: str
    content_key: str

    @property
    def has_own_number(self) -> bool:
        """True when the file numbers its rows."""
        return self.external_id != self.content_key

    def display(self, lang: str) -> dict[str, object]:
        """One line of a preview table."""
        if self.area.rt:
            where = f"RT {self.area.rt} / RW {self.area.rw}"
        else:
            where = f"RW {self.area.rw}" if self.area.rw else t("import.area_kelurahan", lang)
        return {
            t("import.col.baris", lang): self.row,
            t("import.col.tanggal", lang): fmt_date(self.tanggal, lang),
            t("import.col.wilayah", lang): where,
            t("import.col.jenis", lang): t(f"import.kegiatan.{self.jenis}", lang),
            t("import.col.judul", lang): self.judul,
            t("import.col.hadir", lang): sum(self.hadir.values()),
        }


@dataclass(frozen=True)
class StoredActivity:
    """A row that is already in the database, perhaps to be linked to the file's number."""

    row: ActivityRow
    kegiatan_id: int
    link_external_id: str | None

    def display(self, lang: str) -> dict[str, object]:
        """One line of the 'already there' table."""
        return {t("import.col.nomor", lang): self.kegiatan_id, **self.row.display(lang)}


class _RowParser:
    def __init__(self, conn: Connection, columns: ColumnMap, options: ImportOptions, scope: Scope, now: datetime):
        self.areas = AreaIndex(conn)
        self.columns, self.options, self.scope, self.now = columns, options, scope, now

    def parse(self, number: int, cells: Sequence[Cell]) -> ActivityRow | Rejection:
        r = RowReader(number, cells, self.columns)
        number_text = r.parse("nomor", parse_external_id)
        if is_example(number_text):
            r.refuse("nomor", "import.reason.example_row")
            return r.rejection()
        tanggal = self._date(r)
        area = read_area(r, self.areas, self.options, self.scope, need_rt=False)
        jenis = self._choice(r, "jenis", import_vocab.ACTIVITY_TYPES, "import.reason.jenis_unknown")
        if jenis is None and not r.has("jenis"):
            r.refuse("jenis", "import.reason.required")
        satuan = self._choice(r, "target_satuan", import_vocab.TARGET_UNITS, "import.reason.satuan_unknown")
        judul = " ".join(r.text("judul", JUDUL_MAX, "error.judul_too_long").split())
        catatan = r.text("catatan", DESKRIPSI_MAX, "error.deskripsi_too_long")
        target = r.parse("target", parse_count) or None  # a target of 0 means "none set"
        hadir = self._attendance(r)
        if r.reasons or area is None or tanggal is None or jenis is None:
            return r.rejection()
        tingkat = "rt" if area.rt else "rw" if area.rw else "kelurahan"
        key = content_key(
            area.kode, tingkat, area.rw or "", area.rt or "", tanggal.isoformat(), jenis, normalise(judul)
        )
        return ActivityRow(
            row=number,
            area=area,
            tingkat=tingkat,
            jenis=jenis,
            tanggal=tanggal,
            judul=judul,
            target=target,
            satuan=satuan or "orang",
            catatan=catatan,
            hadir=hadir,
            external_id=number_text or key,
            content_key=key,
        )

    def _date(self, r: RowReader) -> date | None:
        value = r.parse("tanggal", parse_datetime)
        if value is None:
            if not r.has("tanggal"):
                r.refuse("tanggal", "import.reason.required")
            return None
        if value.date() > self.now.date():
            r.refuse("tanggal", "import.reason.activity_in_future")
        elif value < EARLIEST_REPORT:
            r.refuse("tanggal", "error.date_too_old")
        return value.date()

    @staticmethod
    def _choice(r: RowReader, name: str, vocab: import_vocab.Vocabulary, unknown_key: str) -> str | None:
        text = cell_text(r.raw(name))
        if not text:
            return None
        if text.startswith("="):
            r.refuse(name, "import.reason.formula", value=text[:60])
            return None
        found = vocab.match(text)
        if found is None:
            r.refuse(name, unknown_key, value=text[:60])
        return found

    @staticmethod
    def _attendance(r: RowReader) -> dict[str, int]:
        """Counts per role; the total's remainder goes to 'warga' when there is no warga column."""
        hadir = {role: count for name, role in ROLE_FIELDS.items() if (count := r.parse(name, parse_count)) is not None}
        total = r.parse("hadir", parse_count)
        if total is None:
            return hadir
        counted = sum(hadir.values())
        if "warga" not in hadir and total >= counted:
            hadir["warga"] = total - counted
        elif total != counted:
            r.refuse("hadir", "import.reason.hadir_mismatch", total=total, jumlah=counted)
        return hadir


class _StoredIndex:
    """Activities already stored that rows may match: by number and by content key. Numbers that belong to
    activities outside the importer's area are only noted (`elsewhere`)."""

    def __init__(self, conn: Connection, rows: Sequence[ActivityRow], areas: AreaIndex, scope: Scope) -> None:
        columns = (
            Kegiatan.id,
            Kegiatan.external_id,
            Kegiatan.kelurahan_id,
            Kegiatan.rw_id,
            Kegiatan.rt_id,
            Kegiatan.tingkat,
            Kegiatan.jenis,
            Kegiatan.tanggal,
            Kegiatan.judul,
        )
        self.by_external: dict[str, Any] = {}
        self.elsewhere: set[str] = set()
        visible = within_scope(conn, scope, Kegiatan).label("in_scope")
        for batch in chunks(sorted({r.external_id for r in rows})):
            for numbered in conn.execute(select(*columns, visible).where(Kegiatan.external_id.in_(batch))):
                if numbered.in_scope:
                    self.by_external[numbered.external_id] = numbered
                else:
                    self.elsewhere.add(numbered.external_id)
        self.by_content: dict[str, list[Any]] = {}
        if not rows:
            return
        kode = {id_: k for k, (id_, _) in areas.kelurahan.items()}
        stmt = select(*columns).where(
            Kegiatan.kelurahan_id.in_({r.area.kelurahan_id for r in rows}),
            Kegiatan.tanggal >= min(r.tanggal for r in rows),
            Kegiatan.tanggal <= max(r.tanggal for r in rows),
        )
        for found in conn.execute(stmt):
            rw = areas.rw_nomor.get(found.rw_id, "") if found.rw_id else ""
            rt = areas.rt_area[found.rt_id][1] if found.rt_id else ""
            key = content_key(
                kode[found.kelurahan_id],
                found.tingkat,
                rw,
                rt,
                found.tanggal.isoformat(),
                found.jenis,
                normalise(found.judul),
            )
            self.by_content.setdefault(key, []).append(found)


def plan_activities(
    conn: Connection, table: Table, columns: ColumnMap, options: ImportOptions, scope: Scope, now: datetime
) -> ImportPlan:
    """Check every row and decide whether it is new, already there, or refused; reads only."""
    parser = _RowParser(conn, columns, options, scope, now)
    plan = ImportPlan(jenis="kegiatan", columns=columns, empty_rows=table.empty_rows)
    rows: list[ActivityRow] = []
    first_seen: dict[str, int] = {}
    for number, cells in table.rows:
        parsed = parser.parse(number, cells)
        if isinstance(parsed, Rejection):
            plan.rejected.append(parsed)
        elif parsed.external_id in first_seen:
            plan.rejected.append(
                Rejection(
                    number, (reason("nomor", "import.reason.duplicate_row", baris=first_seen[parsed.external_id]),)
                )
            )
        else:
            first_seen[parsed.external_id] = number
            rows.append(parsed)
    stored = _StoredIndex(conn, rows, parser.areas, scope)
    claimed: dict[int, int] = {}
    for row in rows:
        decision = _decide(row, stored, claimed)
        if isinstance(decision, Rejection):
            plan.rejected.append(decision)
        elif decision is None:
            plan.added.append(row)
        else:
            plan.unchanged.append(decision)
    plan.rejected.sort(key=lambda rejection: rejection.row)
    return plan


def _decide(row: ActivityRow, stored: _StoredIndex, claimed: dict[int, int]) -> StoredActivity | Rejection | None:
    if row.external_id in stored.elsewhere:
        return Rejection(row.row, (reason("nomor", "import.reason.not_in_area", nomor=row.external_id),))
    found = stored.by_external.get(row.external_id)
    link = None
    if found is not None:
        same = (found.tanggal, found.tingkat, found.rw_id, found.rt_id) == (
            row.tanggal,
            row.tingkat,
            row.area.rw_id,
            row.area.rt_id,
        )
        if not same:
            return Rejection(row.row, (reason("nomor", "import.reason.id_conflict", nomor=row.external_id),))
    else:
        candidates = [c for c in stored.by_content.get(row.content_key, ()) if c.id not in claimed]
        if not candidates:
            return None
        found = candidates[0]
        if found.external_id is None:
            link = row.external_id
        elif row.has_own_number:
            return Rejection(row.row, (reason(None, "import.reason.exists", nomor=found.id, lain=found.external_id),))
    if found.id in claimed:
        return Rejection(row.row, (reason(None, "import.reason.duplicate_row", baris=claimed[found.id]),))
    claimed[found.id] = row.row
    return StoredActivity(row=row, kegiatan_id=found.id, link_external_id=link)


_KEGIATAN_COLUMNS = (
    "id",
    "kelurahan_id",
    "rw_id",
    "rt_id",
    "tingkat",
    "jenis",
    "tanggal",
    "judul",
    "target_peserta",
    "target_satuan",
    "catatan",
    "external_id",
    "created_at",
)


def write_activities(conn: Connection, plan: ImportPlan, now: datetime) -> None:
    """Insert the new activities and their attendance in bulk, and link stored ones to the file's numbers."""
    added: list[ActivityRow] = plan.added
    if added:
        ids = reserve_ids(conn, "kegiatan", len(added))
        insert_rows(
            conn,
            "kegiatan",
            _KEGIATAN_COLUMNS,
            [
                (
                    kegiatan_id,
                    r.area.kelurahan_id,
                    r.area.rw_id,
                    r.area.rt_id,
                    r.tingkat,
                    r.jenis,
                    stored(r.tanggal),
                    r.judul,
                    r.target,
                    r.satuan,
                    r.catatan,
                    r.external_id,
                    stored(now),
                )
                for kegiatan_id, r in zip(ids, added, strict=True)
            ],
        )
        insert_rows(
            conn,
            "kegiatan_kehadiran",
            ("kegiatan_id", "peran", "jumlah"),
            [
                (kegiatan_id, role, count)
                for kegiatan_id, r in zip(ids, added, strict=True)
                for role, count in r.hadir.items()
            ],
        )
        analyze(conn, ("kegiatan", "kegiatan_kehadiran"))
    links = [s for s in plan.unchanged if s.link_external_id]
    if links:
        conn.execute(
            update(Kegiatan)
            .where(Kegiatan.id == bindparam("b_id"), Kegiatan.external_id.is_(None))
            .values(external_id=bindparam("b_external_id")),
            [{"b_id": s.kegiatan_id, "b_external_id": s.link_external_id} for s in links],
        )
