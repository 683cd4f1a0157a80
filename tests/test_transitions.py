"""Every status pair: the allowed moves append exactly one history row, the others change nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import Connection, Engine, select

from kutorejo_data.core import domain
from kutorejo_data.core.coordinates import parse_coordinates
from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.errors import ValidationError as FormError
from kutorejo_data.core.models import Laporan, StatusHistory
from kutorejo_data.records.report_writes import StatusChange, change_status, note_required
from tests.factories import AreaIds, add_area, add_report, photo_rule_off

REPORTED = datetime(2026, 11, 1, 8, 0)
NOW = datetime(2026, 11, 29, 10, 0)
# A history that brings a fresh report to each status.
PATH_TO: dict[str, list[str]] = {
    "baru": [],
    "diverifikasi": ["diverifikasi"],
    "diproses": ["diverifikasi", "diproses"],
    "selesai": ["diproses", "selesai"],
    "ditolak": ["ditolak"],
    "duplikat": ["duplikat"],
}


def _report_at(conn: Connection, area: AreaIds, status: str, original: int) -> int:
    steps = [(REPORTED + timedelta(days=n + 1), to, "rw", "alasan") for n, to in enumerate(PATH_TO[status])]
    extra = {"duplikat_dari_id": original} if status == domain.STATUS_DUPLIKAT else {}
    return add_report(conn, area, "drainase-banjir", REPORTED, steps, **extra)


def _history(engine: Engine, nomor: int) -> list[tuple[str | None, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(StatusHistory.from_status, StatusHistory.to_status)
            .where(StatusHistory.laporan_id == nomor)
            .order_by(StatusHistory.id)
        )
        return [tuple(row) for row in rows]


def _outcome(engine: Engine, nomor: int, dari: str, ke: str, original: int) -> str:
    """Try one move on a report at `dari`: "allowed" with exactly one new history row, or "refused" with none."""
    version = 1 + len(PATH_TO[dari])
    before = _history(engine, nomor)
    change = StatusChange(
        nomor,
        ke,
        version,
        note="alasan yang jelas",
        penanganan="kelurahan",
        duplikat_dari_id=original if ke == domain.STATUS_DUPLIKAT else None,
    )
    try:
        new_version = change_status(engine, change, actor="Ketua RW 03", now=NOW)
    except ServiceError as refused:
        assert refused.key == "error.transition_not_allowed"
        assert _history(engine, nomor) == before
        return "refused"
    with engine.connect() as conn:
        saved = conn.execute(select(Laporan.status, Laporan.version).where(Laporan.id == nomor)).one()
    assert _history(engine, nomor) == [*before, (dari, ke)]
    assert tuple(saved) == (ke, version + 1) and new_version == version + 1
    return "allowed"


@pytest.mark.parametrize("dari", domain.STATUSES)
def test_from_each_status_only_the_workflows_moves_are_allowed(any_db: Engine, dari: str) -> None:
    with any_db.begin() as conn:
        photo_rule_off(conn)  # the workflow is tested here; evidence in tests/test_photos.py
        area = add_area(conn)
        original = add_report(conn, area, "drainase-banjir", REPORTED)
        reports = {ke: _report_at(conn, area, dari, original) for ke in domain.STATUSES}
    outcomes = {ke: _outcome(any_db, reports[ke], dari, ke, original) for ke in domain.STATUSES}
    expected = {ke: "allowed" if ke in domain.ALLOWED_TRANSITIONS[dari] else "refused" for ke in domain.STATUSES}
    assert outcomes == expected


def test_the_history_row_records_who_when_note_and_handler(any_db: Engine) -> None:
    with any_db.begin() as conn:
        nomor = add_report(conn, add_area(conn), "jalan-gang", REPORTED)
    change_status(
        any_db,
        StatusChange(
            nomor,
            "diproses",
            1,
            note="diteruskan ke PUPR",
            penanganan="dinas",
            penanganan_nama="Dinas PUPR Kab. Pasuruan",
        ),
        actor="Staf Kelurahan",
        now=NOW,
    )
    with any_db.connect() as conn:
        row = conn.execute(
            select(
                StatusHistory.changed_at,
                StatusHistory.changed_by,
                StatusHistory.note,
                StatusHistory.penanganan,
                StatusHistory.penanganan_nama,
            ).where(StatusHistory.laporan_id == nomor, StatusHistory.from_status.is_not(None))
        ).one()
        handler = conn.execute(select(Laporan.penanganan, Laporan.penanganan_nama).where(Laporan.id == nomor)).one()
    assert tuple(row) == (NOW, "Staf Kelurahan", "diteruskan ke PUPR", "dinas", "Dinas PUPR Kab. Pasuruan")
    assert tuple(handler) == ("dinas", "Dinas PUPR Kab. Pasuruan")


@pytest.mark.parametrize(
    ("dari", "ke", "key"),
    [
        ("selesai", "diproses", "error.reopen_needs_reason"),
        ("baru", "ditolak", "error.reject_needs_reason"),
        ("diproses", "ditolak", "error.reject_needs_reason"),
        ("baru", "diverifikasi", None),
        ("diproses", "selesai", None),
    ],
)
def test_which_moves_need_a_reason(dari: str, ke: str, key: str | None) -> None:
    assert note_required(dari, ke) == key


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("-7.6453, 112.6834", (-7.6453, 112.6834)),
        ("-7.6453,112.6834", (-7.6453, 112.6834)),
        ("-7,6453; 112,6834", (-7.6453, 112.6834)),
        (" -7.6453 112.6834 ", (-7.6453, 112.6834)),
    ],
)
def test_coordinates_are_read_as_copied_from_a_map_app(text: str, expected: tuple[float, float] | None) -> None:
    assert parse_coordinates(text) == expected


@pytest.mark.parametrize("text", ["Gang Mawar", "-7.6453", "7.6 N, 112.6 E", "1, 2, 3"])
def test_text_that_is_not_two_numbers_is_a_coordinates_error(text: str) -> None:
    with pytest.raises(FormError) as refused:
        parse_coordinates(text)
    assert refused.value.fields == {"lat": "error.coordinates_format"}
