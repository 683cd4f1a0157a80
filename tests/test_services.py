"""Writes: a new report with its first history entry; status changes that append history and refuse conflicts."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import Engine, select

from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.models import Laporan, StatusHistory
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area, photo_rule_off

NOW = datetime(2026, 11, 29, 10, 0)
REPORT = NewReport(kelurahan_kode=KUTOREJO, rw="03", rt="002", kategori="drainase-banjir", judul="Selokan mampet")


@pytest.fixture
def area_db(any_db: Engine) -> Engine:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="04", rt="001")
        photo_rule_off(conn)  # the workflow is tested here; evidence in tests/test_photos.py
    return any_db


def history(engine: Engine, laporan_id: int) -> list[tuple[str | None, str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(StatusHistory.from_status, StatusHistory.to_status, StatusHistory.changed_by)
            .where(StatusHistory.laporan_id == laporan_id)
            .order_by(StatusHistory.id)
        )
        return [tuple(row) for row in rows]


def test_create_report_saves_the_report_and_its_creation_entry(area_db: Engine) -> None:
    number = create_report(area_db, REPORT, actor="Ketua RT 002", now=NOW)
    assert history(area_db, number) == [(None, "baru", "Ketua RT 002")]
    with area_db.connect() as conn:
        status, version, reported = conn.execute(
            select(Laporan.status, Laporan.version, Laporan.reported_at).where(Laporan.id == number)
        ).one()
    assert (status, version, reported) == ("baru", 1, NOW)


@pytest.mark.parametrize(
    ("changes", "field", "key"),
    [
        ({"judul": "   "}, "judul", "error.judul_required"),
        ({"judul": "x" * 201}, "judul", "error.judul_too_long"),
        ({"rt": "009"}, "rt", "error.rt_unknown"),
        ({"kategori": "banjir-bandang"}, "kategori", "error.kategori_unknown"),
        ({"reported_at": datetime(2026, 12, 1)}, "reported_at", "error.date_in_future"),
        ({"lat": -7.6}, "lat", "error.coordinates_pair"),
        ({"pelapor_telepon": "bukan nomor"}, "pelapor_telepon", "error.telepon_invalid"),
    ],
)
def test_invalid_reports_are_refused_field_by_field_and_nothing_is_written(
    area_db: Engine, changes: dict, field: str, key: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        create_report(area_db, replace(REPORT, **changes), actor="uji", now=NOW)
    assert refused.value.fields[field] == key
    with area_db.connect() as conn:
        assert conn.execute(select(Laporan.id)).first() is None


def test_a_report_outside_the_writers_scope_is_refused(area_db: Engine) -> None:
    with pytest.raises(ValidationError) as refused:
        create_report(area_db, REPORT, actor="Ketua RW 04", scope=Scope(KUTOREJO, "04"), now=NOW)
    assert refused.value.fields == {"rt": "error.rt_unknown"}


def test_status_changes_append_history_and_bump_the_version(area_db: Engine) -> None:
    number = create_report(area_db, REPORT, actor="rt", now=NOW)
    version = change_status(area_db, StatusChange(number, "diverifikasi", 1, penanganan="rw"), actor="rw", now=NOW)
    version = change_status(
        area_db, StatusChange(number, "selesai", version, note="sudah dikeruk"), actor="rw", now=NOW
    )
    assert version == 3
    assert history(area_db, number) == [
        (None, "baru", "rt"),
        ("baru", "diverifikasi", "rw"),
        ("diverifikasi", "selesai", "rw"),
    ]


def test_a_stale_version_is_refused_as_changed_meanwhile(area_db: Engine) -> None:
    number = create_report(area_db, REPORT, actor="rt", now=NOW)
    change_status(area_db, StatusChange(number, "diverifikasi", 1), actor="first", now=NOW)
    with pytest.raises(ServiceError) as refused:
        change_status(area_db, StatusChange(number, "ditolak", 1, note="bukan wewenang"), actor="second", now=NOW)
    assert refused.value.key == "error.changed_meanwhile"
    assert len(history(area_db, number)) == 2


def test_only_allowed_transitions_are_accepted(area_db: Engine) -> None:
    number = create_report(area_db, REPORT, actor="rt", now=NOW)
    with pytest.raises(ServiceError) as refused:
        change_status(area_db, StatusChange(number, "selesai", 1), actor="rw", now=NOW)
    assert refused.value.key == "error.transition_not_allowed"


@pytest.mark.parametrize(
    ("steps", "field", "key"),
    [
        ([StatusChange(0, "ditolak", 1)], "note", "error.reject_needs_reason"),
        ([StatusChange(0, "duplikat", 1)], "duplikat_dari_id", "error.duplikat_needs_original"),
        (
            [StatusChange(0, "diproses", 1), StatusChange(0, "selesai", 2), StatusChange(0, "diproses", 3)],
            "note",
            "error.reopen_needs_reason",
        ),
    ],
)
def test_some_transitions_need_more_information(
    area_db: Engine, steps: list[StatusChange], field: str, key: str
) -> None:
    number = create_report(area_db, REPORT, actor="rt", now=NOW)
    *allowed, refused_step = [replace(step, laporan_id=number) for step in steps]
    for step in allowed:
        change_status(area_db, step, actor="rw", now=NOW)
    with pytest.raises(ValidationError) as refused:
        change_status(area_db, refused_step, actor="rw", now=NOW)
    assert refused.value.fields == {field: key}
    assert len(history(area_db, number)) == len(steps)


def test_duplicate_points_to_its_original(area_db: Engine) -> None:
    original = create_report(area_db, REPORT, actor="rt", now=NOW)
    copy = create_report(area_db, REPORT, actor="rt", now=NOW)
    change_status(area_db, StatusChange(copy, "duplikat", 1, duplikat_dari_id=original), actor="rw", now=NOW)
    with area_db.connect() as conn:
        assert conn.execute(select(Laporan.duplikat_dari_id).where(Laporan.id == copy)).scalar() == original


def test_status_change_outside_the_scope_finds_nothing(area_db: Engine) -> None:
    number = create_report(area_db, REPORT, actor="rt", now=NOW)  # RW 03
    with pytest.raises(ServiceError) as refused:
        change_status(
            area_db, StatusChange(number, "diverifikasi", 1), actor="rw04", scope=Scope(KUTOREJO, "04"), now=NOW
        )
    assert refused.value.key == "error.report_not_found"
    assert len(history(area_db, number)) == 1
