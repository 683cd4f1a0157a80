"""What report and activity imports share: options, per-row reasons, the plan, areas, scope and content keys."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, and_, select, text, true

from kutorejo_data.core.domain import KODE_WILAYAH_PATTERN
from kutorejo_data.core.filters import AreaModel, Scope, area_conditions, resolve_area
from kutorejo_data.core.i18n import t
from kutorejo_data.core.models import RT, RW, Kelurahan

from .columns import ColumnMap, Jenis
from .values import Cell, ValueProblem, cell_text, is_blank, normalise, parse_area, parse_area_part

T = TypeVar("T")
CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
EXAMPLE_ID = "CONTOH"  # the template's example row carries this number and is never imported
IMPORT_NOTE = "impor"


@dataclass(frozen=True)
class ImportOptions:
    """What the user chose besides the file: data kind, target kelurahan, column mapping ('Header' → field)."""

    jenis: Jenis = "laporan"
    kelurahan_kode: str | None = None
    mapping: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Reason:
    """Why a row is refused: the field it concerns (None: the whole row) and an i18n key with its values."""

    field: str | None
    key: str
    values: tuple[tuple[str, Any], ...] = ()

    def message(self, columns: ColumnMap, lang: str) -> str:
        """'Tanggal: Tanggal '31/02/2026' tidak dikenali …', naming the file's own column header."""
        text = t(self.key, lang, **dict(self.values))
        if self.field in columns.fields:
            return f"{columns.header(self.field)}: {text}"
        return text


def reason(field_name: str | None, key: str, **values: Any) -> Reason:
    """A Reason with keyword values."""
    return Reason(field_name, key, tuple(values.items()))


@dataclass(frozen=True)
class Rejection:
    """A refused row: its spreadsheet row number and every reason found."""

    row: int
    reasons: tuple[Reason, ...]

    def message(self, columns: ColumnMap, lang: str) -> str:
        """All reasons of the row, in one line."""
        return "; ".join(r.message(columns, lang) for r in self.reasons)


@dataclass
class ImportPlan:
    """What an import would do: rows to add, to update, already there unchanged, and refused rows with reasons."""

    jenis: Jenis
    columns: ColumnMap
    empty_rows: int
    added: list[Any] = field(default_factory=list)
    updated: list[Any] = field(default_factory=list)
    unchanged: list[Any] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[Reason] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        """Rows that are (or after writing will be) in the database as the file says."""
        return len(self.added) + len(self.updated) + len(self.unchanged)

    @property
    def writes_anything(self) -> bool:
        """True when confirming would add or change a record (linking a stored one to a number changes nothing seen)."""
        return bool(self.added or self.updated)


class RowReader:
    """Reads the fields of one row through the column map and collects every problem found."""

    def __init__(self, number: int, cells: Sequence[Cell], columns: ColumnMap) -> None:
        self.number = number
        self.cells = cells
        self.columns = columns
        self.reasons: list[Reason] = []

    def raw(self, name: str) -> Cell:
        """The cell of a field; None when the column is absent or the row is short."""
        index = self.columns.fields.get(name)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def has(self, name: str) -> bool:
        """True when the field's cell holds something."""
        return not is_blank(self.raw(name))

    def parse(self, name: str, parser: Callable[..., T], *args: Any) -> T | None:
        """The parsed cell, or None (blank, or refused with the reason recorded)."""
        value = self.raw(name)
        if is_blank(value):
            return None
        try:
            return parser(value, *args)
        except ValueProblem as problem:
            self.reasons.append(Reason(name, problem.key, tuple(problem.values.items())))
            return None

    def text(self, name: str, limit: int, too_long_key: str) -> str:
        """A text field, stripped; too long is a reason, not a silent cut."""
        value = cell_text(self.raw(name))
        if len(value) > limit:
            self.refuse(name, too_long_key)
        return value

    def refuse(self, name: str | None, key: str, **values: Any) -> None:
        """Record a reason."""
        self.reasons.append(reason(name, key, **values))

    def rejection(self) -> Rejection:
        """The row's rejection with all reasons found."""
        return Rejection(self.number, tuple(self.reasons))


@dataclass(frozen=True)
class AreaRef:
    """A resolved area of one row; rw/rt are None for a kelurahan-wide (or RW-wide) activity."""

    kode: str
    kelurahan_id: int
    rw: str | None = None
    rw_id: int | None = None
    rt: str | None = None
    rt_id: int | None = None


class AreaIndex:
    """Every kelurahan, RW and RT of the database in memory (a few hundred rows) for fast row checks."""

    def __init__(self, conn: Connection) -> None:
        rows = conn.execute(select(Kelurahan.id, Kelurahan.kode, Kelurahan.nama)).all()
        self.kelurahan = {kode: (id_, nama) for id_, kode, nama in rows}
        self.by_name = {normalise(nama): kode for _, kode, nama in rows}
        self.rw = {(kel, nomor): id_ for id_, kel, nomor in conn.execute(select(RW.id, RW.kelurahan_id, RW.nomor))}
        self.rt = {(rw, nomor): id_ for id_, rw, nomor in conn.execute(select(RT.id, RT.rw_id, RT.nomor))}
        self.rt_area = {rt_id: key for key, rt_id in self.rt.items()}
        self.rw_nomor = {rw_id: nomor for (_, nomor), rw_id in self.rw.items()}

    def default_kode(self, chosen: str | None) -> str | None:
        """The kelurahan rows go to when they do not say: the chosen one, or the only one there is."""
        if chosen:
            return chosen
        return next(iter(self.kelurahan)) if len(self.kelurahan) == 1 else None

    def kode_for(self, value: str) -> str | None:
        """A kelurahan named in a cell by Kemendagri code or by name ('Kel. Kutorejo')."""
        text = value.strip()
        if KODE_WILAYAH_PATTERN.match(text):
            return text if text in self.kelurahan else None
        name = re.sub(r"^(kelurahan|kel|desa|ds)\b\s*", "", normalise(text))
        return self.by_name.get(name)

    def rt_label(self, rt_id: int) -> tuple[str, str]:
        """(RW, RT) numbers of an RT id."""
        rw_id, rt = self.rt_area[rt_id]
        return self.rw_nomor[rw_id], rt


def read_area(
    reader: RowReader, index: AreaIndex, options: ImportOptions, scope: Scope, *, need_rt: bool
) -> AreaRef | None:
    """The row's kelurahan/RW/RT, checked against the database and the writer's scope; None with reasons recorded."""
    if not index.kelurahan:
        reader.refuse(None, "import.reason.no_areas")
        return None
    kode = index.default_kode(options.kelurahan_kode)
    if reader.has("kelurahan"):
        named = cell_text(reader.raw("kelurahan"))
        kode = index.kode_for(named)
        if kode is None:
            reader.refuse("kelurahan", "import.reason.kelurahan_unknown", value=named[:60])
            return None
    if kode is None or kode not in index.kelurahan:
        reader.refuse(None, "import.reason.kelurahan_missing")
        return None
    rw, rt = _area_numbers(reader)
    if reader.reasons:
        return None
    if need_rt and rt is None:
        reader.refuse("rt_rw" if "rt_rw" in reader.columns.fields else "rt", "import.reason.rt_missing")
        return None
    if rt is not None and rw is None:
        reader.refuse("rt_rw" if "rt_rw" in reader.columns.fields else "rw", "import.reason.rw_missing")
        return None
    if not _in_scope(scope, kode, rw, rt):
        reader.refuse(None, "import.reason.outside_scope")
        return None
    kelurahan_id, nama = index.kelurahan[kode]
    rw_id = index.rw.get((kelurahan_id, rw)) if rw else None
    rt_id = index.rt.get((rw_id, rt)) if rt and rw_id else None
    if (rw and rw_id is None) or (rt and rt_id is None):
        where = f"RT {rt} / RW {rw}" if rt else f"RW {rw}"
        reader.refuse(None, "import.reason.area_unknown", area=where, kelurahan=nama)
        return None
    return AreaRef(kode=kode, kelurahan_id=kelurahan_id, rw=rw, rw_id=rw_id, rt=rt, rt_id=rt_id)


def _area_numbers(reader: RowReader) -> tuple[str | None, str | None]:
    """(RW, RT) from the combined column, else from the RT and RW columns."""
    if reader.has("rt_rw"):
        parsed = reader.parse("rt_rw", parse_area)
        return parsed if parsed else (None, None)
    return reader.parse("rw", parse_area_part, 2), reader.parse("rt", parse_area_part, 3)


def _in_scope(scope: Scope, kode: str, rw: str | None, rt: str | None) -> bool:
    """Rows outside the writer's area are refused, like every other write."""
    return (
        scope.kelurahan_kode in (None, kode)
        and (scope.rw is None or scope.rw == rw)
        and (scope.rt is None or scope.rt == rt)
    )


def within_scope(conn: Connection, scope: Scope, model: AreaModel) -> ColumnElement[bool]:
    """True for the rows of `model` inside the importer's area: a number found only outside it is "not found in
    your area" to them, as it is everywhere else in the app (nothing says another area has it)."""
    return and_(true(), *area_conditions(resolve_area(conn, None, None, None, scope), model))


def content_key(*parts: object) -> str:
    """A stable id for a row without a number of its own: a hash of what identifies it."""
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:24]
    return f"key:{digest}"


def is_example(external_id: str | None) -> bool:
    """The template's example row, which a user may forget to delete."""
    return external_id is not None and external_id.strip().upper() == EXAMPLE_ID


def chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` values."""
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def reserve_ids(conn: Connection, table: str, count: int) -> list[int]:
    """Ids for `count` rows about to be bulk-inserted: the id sequence's next values on PostgreSQL, the ids
    after the largest on SQLite (safe: the write transaction holds SQLite's only write lock)."""
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        stmt = text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)")
        return [int(value) for value in conn.execute(stmt, {"n": count}).scalars()]
    start = int(conn.execute(text(f"SELECT COALESCE(MAX(id), 0) FROM {table}")).scalar_one()) + 1
    return list(range(start, start + count))


def stored(value: datetime | date | None) -> str | None:
    """A timestamp or date as bulk inserts pass it: the text SQLAlchemy stores on SQLite, which COPY parses too."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value.isoformat()
