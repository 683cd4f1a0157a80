"""SP4N-LAPOR!, the national complaint channel, for reports the kelurahan hands to the dinas: the ready-to-paste text,
the report's LAPOR! tracking ID (recorded, unique, audited), and status updates from a LAPOR! admin export.

LAPOR! stays the channel the dinas answers in; this dashboard is the kelurahan's own follow-up. The export's file is
read and its rows recognised in intake/lapor.py; the status moves are written here, in one transaction, each one in
the report's history with LAPOR_SOURCE as who changed it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, Row, select, update
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core import domain
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope, area_conditions, resolve_area
from kutorejo_data.core.formatting import fmt_date
from kutorejo_data.core.models import Laporan

from . import audit
from .photos import PhotoInfo, check_resolution_photos
from .report_writes import StatusChange, apply_status_change
from .reports import ReportDetail

LAPOR_URL = "https://www.lapor.go.id"
LAPOR_SOURCE = "SP4N-LAPOR!"
LAPOR_ID_MAX = 40
# LAPOR! tracking IDs are numbers (`#1234567`) or codes; anything else typed into the box is a mistake.
_LAPOR_ID = re.compile(r"^[A-Z0-9][A-Z0-9\-/.]{0,39}$")
_ADVANCE = {
    domain.STATUS_BARU: 0,
    domain.STATUS_DIVERIFIKASI: 1,
    domain.STATUS_DIPROSES: 2,
    domain.STATUS_SELESAI: 3,
    domain.STATUS_DITOLAK: 3,
    domain.STATUS_DUPLIKAT: 3,
}


def normalise_lapor_id(text: object) -> str | None:
    """A LAPOR! tracking ID as typed or exported (`#1234567`, ` 1234567 `, `1234567.0` from a spreadsheet) in one
    spelling; None for anything that is not one."""
    if text is None:
        return None
    if isinstance(text, float) and text.is_integer():
        text = int(text)
    value = re.sub(r"\s+", "", str(text)).removeprefix("#").upper()
    return value if _LAPOR_ID.match(value) else None


@dataclass(frozen=True)
class LaporText:
    """What the LAPOR! form asks for, filled from the report (nothing personal: the kelurahan submits it)."""

    judul: str
    isi: str
    lokasi: str
    kategori: str
    foto: tuple[str, ...]

    def full(self) -> str:
        """Everything as one text to paste, section by section."""
        lines = [f"Judul: {self.judul}", "", self.isi, "", f"Lokasi: {self.lokasi}", f"Kategori: {self.kategori}"]
        if self.foto:
            lines += ["", "Foto terlampir:", *(f"- {name}" for name in self.foto)]
        return "\n".join(lines)


def photo_file_name(nomor: int, index: int, photo: PhotoInfo) -> str:
    """The file name a photo is downloaded under for LAPOR!'s attachment field (the detail offers each one)."""
    return f"laporan_{nomor}_{photo.jenis}_{index}.jpg"


def photo_names(nomor: int, photos: Sequence[PhotoInfo]) -> tuple[str, ...]:
    """The photos to attach, by file name, with what each shows."""
    return tuple(
        f"{photo_file_name(nomor, index, photo)} (foto {photo.jenis}, {fmt_date(photo.created_at.date())})"
        for index, photo in enumerate(photos, start=1)
    )


def lapor_text(detail: ReportDetail, photos: Sequence[PhotoInfo]) -> LaporText:
    """The ready-to-paste LAPOR! text of a report."""
    village = f"Kelurahan {detail.kelurahan} ({detail.kode_wilayah})"
    place = f"RT {detail.rt} / RW {detail.rw}, {village}"
    text = detail.lokasi.strip()
    # A location text that already names its RT (as residents often write it) is not followed by it again.
    names_rt = re.search(rf"\bRT\s*\.?\s*0*{int(detail.rt)}\b", text, re.IGNORECASE) if detail.rt.isdigit() else None
    lokasi = (f"{text}, {village}" if names_rt else f"{text}, {place}") if text else place
    if detail.lat is not None and detail.lon is not None:
        lokasi += f" (koordinat {detail.lat:.5f}, {detail.lon:.5f})"
    isi = [
        detail.deskripsi.strip() or detail.judul,
        "",
        f"Dilaporkan warga kepada kelurahan pada {fmt_date(detail.reported_at.date())} "
        f"(laporan kelurahan no. {detail.nomor}); kelurahan meneruskan ke dinas/OPD terkait"
        + (f" ({detail.penanganan_nama})." if detail.penanganan_nama else "."),
    ]
    if detail.dukungan:
        isi.append(f"Dialami juga oleh {len(detail.dukungan)} rumah tangga lain.")
    return LaporText(
        judul=detail.judul,
        isi="\n".join(isi),
        lokasi=lokasi,
        kategori=detail.kategori_nama,
        foto=photo_names(detail.nomor, photos),
    )


def record_lapor_id(
    engine: Engine, nomor: int, lapor_id: str, *, actor: str, scope: Scope = EVERYTHING, now: datetime
) -> str | None:
    """Record (or clear, with an empty text) the LAPOR! tracking ID of a report handed to the dinas; audited.

    Returns the ID as stored. One ID names one report: a second report with the same ID is refused.
    """
    require_writable(scope)
    value = None
    if lapor_id.strip():
        value = normalise_lapor_id(lapor_id)
        if value is None:
            raise ValidationError({"lapor_id": "error.lapor_id_invalid"})
    try:
        with write_transaction(engine) as conn:
            area = resolve_area(conn, None, None, None, scope)
            row = conn.execute(
                select(Laporan.id, Laporan.penanganan, Laporan.lapor_id).where(
                    Laporan.id == nomor, *area_conditions(area)
                )
            ).one_or_none()
            if row is None:
                raise ServiceError("error.report_not_found", nomor=nomor)
            if row.penanganan != "dinas" and value is not None:
                raise ServiceError("error.lapor_not_dinas", nomor=nomor)
            taken = conn.execute(select(Laporan.id).where(Laporan.lapor_id == value, Laporan.id != nomor)).scalar()
            if value is not None and taken is not None:
                raise ValidationError({"lapor_id": "error.lapor_id_taken"})
            conn.execute(update(Laporan).where(Laporan.id == nomor).values(lapor_id=value))
            audit.record(
                conn, actor, "update", "laporan", nomor, {"lapor_id": row.lapor_id}, {"lapor_id": value}, at=now
            )
    except IntegrityError:  # the same ID saved for another report at the same moment
        raise ValidationError({"lapor_id": "error.lapor_id_taken"}) from None
    return value


@dataclass(frozen=True)
class LaporLink:
    """A report's link to LAPOR!: its tracking ID there and the status LAPOR! last showed (None until recorded)."""

    lapor_id: str | None
    lapor_status: str | None


def lapor_link(conn: Connection, nomor: int, scope: Scope = EVERYTHING) -> LaporLink | None:
    """The LAPOR! link of a report inside the scope; None outside it."""
    area = resolve_area(conn, None, None, None, scope)
    row = conn.execute(
        select(Laporan.lapor_id, Laporan.lapor_status).where(Laporan.id == nomor, *area_conditions(area))
    ).one_or_none()
    return None if row is None else LaporLink(row.lapor_id, row.lapor_status)


# ---------------------------------------------------------------------------------------------------------------
# Status updates from LAPOR!


@dataclass(frozen=True)
class LaporUpdate:
    """One row of a LAPOR! export (already recognised) naming a status for a tracking ID."""

    row: int  # the spreadsheet row, for messages
    lapor_id: str
    status: str  # one of domain.STATUSES
    lapor_status: str  # LAPOR!'s own words, kept on the report
    catatan: str = ""


@dataclass(frozen=True)
class LaporOutcome:
    """What an update did (or would do) to its report."""

    update: LaporUpdate
    laporan_id: int
    from_status: str
    steps: tuple[str, ...]  # the statuses it moves through; () when nothing changes
    reason: str | None = None  # why it does not move although LAPOR! says so (an i18n key)


@dataclass(frozen=True)
class LaporResult:
    """Per update: moved, unchanged (already there, or not moved with a reason), or its ID unknown here."""

    moved: tuple[LaporOutcome, ...]
    unchanged: tuple[LaporOutcome, ...]
    unknown: tuple[LaporUpdate, ...]


def _path(from_status: str, to_status: str) -> tuple[str, ...]:
    """The shortest walk through the allowed transitions (a resolution LAPOR! reports may skip a step here)."""
    queue: deque[tuple[str, tuple[str, ...]]] = deque([(from_status, ())])
    seen = {from_status}
    while queue:
        status, walked = queue.popleft()
        for following in domain.ALLOWED_TRANSITIONS.get(status, ()):
            if following in seen or following == domain.STATUS_DUPLIKAT:
                continue
            if following == to_status:
                return (*walked, following)
            seen.add(following)
            queue.append((following, (*walked, following)))
    return ()


def _outcome(conn: Connection, update: LaporUpdate, report: Row[Any]) -> LaporOutcome:
    current: str = report.status
    laporan_id: int = report.id
    if update.status == current:
        return LaporOutcome(update, laporan_id, current, ())
    if current in domain.CLOSED_STATUSES:
        # Closed here: reopening is a person's decision with a reason, never an import's.
        return LaporOutcome(update, laporan_id, current, (), "sp4n.reason.closed_here")
    if _ADVANCE[update.status] <= _ADVANCE[current]:
        return LaporOutcome(update, laporan_id, current, (), "sp4n.reason.behind")
    steps = _path(current, update.status)
    if domain.STATUS_SELESAI in steps:
        try:  # a category resolved only with an after photo waits for someone to bring one
            check_resolution_photos(conn, laporan_id, report.kategori_id, domain.STATUS_SELESAI, ())
        except ServiceError:
            return LaporOutcome(update, laporan_id, current, (), "sp4n.reason.photo_needed")
    return LaporOutcome(update, laporan_id, current, steps)


def plan_updates(conn: Connection, updates: Sequence[LaporUpdate], scope: Scope = EVERYTHING) -> LaporResult:
    """Match the updates to reports by their LAPOR! ID inside the scope (an ID outside it is unknown here)."""
    area = resolve_area(conn, None, None, None, scope)
    latest = {u.lapor_id: u for u in updates}  # an ID listed twice: its last row is LAPOR!'s latest word
    ids = sorted(latest)
    reports: dict[str, Any] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(
            select(Laporan.id, Laporan.lapor_id, Laporan.status, Laporan.kategori_id).where(
                Laporan.lapor_id.in_(chunk), *area_conditions(area)
            )
        ):
            reports[row.lapor_id] = row
    moved: list[LaporOutcome] = []
    unchanged: list[LaporOutcome] = []
    unknown: list[LaporUpdate] = []
    for update_ in latest.values():
        report = reports.get(update_.lapor_id)
        if report is None:
            unknown.append(update_)
            continue
        outcome = _outcome(conn, update_, report)
        (moved if outcome.steps else unchanged).append(outcome)
    return LaporResult(tuple(moved), tuple(unchanged), tuple(unknown))


def _note(update_: LaporUpdate) -> str:
    note = f"{LAPOR_SOURCE} {update_.lapor_id}: {update_.lapor_status}"
    return f"{note}. {update_.catatan.strip()}" if update_.catatan.strip() else note


def apply_updates(
    engine: Engine,
    updates: Sequence[LaporUpdate],
    *,
    actor: str,
    scope: Scope = EVERYTHING,
    now: datetime,
    file_name: str | None = None,
) -> LaporResult:
    """Move the matched reports to LAPOR!'s statuses and keep LAPOR!'s words on them, in one transaction.

    Each move is a status change in the report's history, made by `SP4N-LAPOR! · <actor>` with LAPOR!'s status and
    note; one audit entry names the file and its counts. Raises ServiceError (nothing written) when a move is refused
    (e.g. a category that needs an after photo to be resolved).
    """
    require_writable(scope)
    source = f"{LAPOR_SOURCE} · {actor}"[:100]
    with write_transaction(engine) as conn:
        result = plan_updates(conn, updates, scope)
        for outcome in result.moved:
            version = conn.execute(select(Laporan.version).where(Laporan.id == outcome.laporan_id)).scalar_one()
            for step in outcome.steps:
                change = StatusChange(outcome.laporan_id, step, version, note=_note(outcome.update))
                version = apply_status_change(conn, change, actor=source, scope=scope, now=now)
        for outcome in (*result.moved, *result.unchanged):
            conn.execute(
                update(Laporan)
                .where(Laporan.id == outcome.laporan_id)
                .values(lapor_status=outcome.update.lapor_status[:60])
            )
        audit.record(
            conn,
            actor,
            "import",
            "laporan",
            None,
            after={
                "sumber": LAPOR_SOURCE,
                "file": file_name,
                "diperbarui": len(result.moved),
                "tetap": len(result.unchanged),
                "tidak_dikenal": len(result.unknown),
            },
            at=now,
        )
    return result
