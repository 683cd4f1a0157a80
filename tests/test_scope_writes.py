"""Each role's scope in the query and write layers: writes outside it are refused, exports and caches stay inside."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from kutorejo_data.access import permissions
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.models import AuditLog, Laporan
from kutorejo_data.records.export import export_reports
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area, add_report, at

NOW = datetime(2026, 11, 29, 10, 0)
RW03 = permissions.scope_for(permissions.KETUA_RW, KUTOREJO, "03", None)
RT03_002 = permissions.scope_for(permissions.KETUA_RT, KUTOREJO, "03", "002")
GUEST = permissions.scope_for(permissions.TAMU, KUTOREJO, None, None)
LURAH = permissions.scope_for(permissions.LURAH, KUTOREJO, None, None)


def new_report(rw: str, rt: str) -> NewReport:
    return NewReport(kelurahan_kode=KUTOREJO, rw=rw, rt=rt, kategori="drainase-banjir", judul="Selokan mampet")


@pytest.fixture
def areas_db(any_db: Engine) -> Engine:
    """RT 001 and 002 of RW 03 and RT 001 of RW 05, one report each (ids 1, 2, 3 in that order)."""
    with any_db.begin() as conn:
        for rw, rt in (("03", "001"), ("03", "002"), ("05", "001")):
            add_report(
                conn,
                add_area(conn, rw=rw, rt=rt),
                "sampah-kebersihan",
                at(11, 2),
                pelapor_nama=f"Warga {rw}/{rt}",
                pelapor_telepon=f"0812000{rw}{rt}",
            )
    return any_db


def counts(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(Laporan)).scalar_one(),
            conn.execute(select(func.count()).select_from(AuditLog)).scalar_one(),
        )


@pytest.mark.parametrize(
    ("role", "rw", "rt", "expected"),
    [
        (permissions.KETUA_RW, "03", None, Scope(KUTOREJO, "03")),
        (permissions.KETUA_RT, "03", "002", Scope(KUTOREJO, "03", "002")),
        (permissions.TAMU, None, None, Scope(KUTOREJO, read_only=True)),
        (permissions.LURAH, "03", "002", Scope(KUTOREJO)),  # area fields mean nothing for the office
        (permissions.STAF, None, None, Scope(KUTOREJO)),
        (permissions.ADMIN, None, None, Scope(KUTOREJO)),
    ],
)
def test_the_scope_of_each_role(role: str, rw: str | None, rt: str | None, expected: Scope) -> None:
    assert permissions.scope_for(role, KUTOREJO, rw, rt) == expected
    assert permissions.scope_for(permissions.ADMIN, None, None, None) == EVERYTHING


@pytest.mark.parametrize(("scope", "rw", "rt"), [(RW03, "05", "001"), (RT03_002, "03", "001")])
def test_a_head_cannot_report_for_another_area(areas_db: Engine, scope: Scope, rw: str, rt: str) -> None:
    before = counts(areas_db)
    with pytest.raises(ValidationError) as refused:
        create_report(areas_db, new_report(rw, rt), actor="kepala", scope=scope, now=NOW)
    assert refused.value.fields == {"rt": "error.rt_unknown"}
    assert counts(areas_db) == before  # no row, no audit entry


@pytest.mark.parametrize(("scope", "rw", "rt"), [(RW03, "03", "001"), (RT03_002, "03", "002"), (LURAH, "05", "001")])
def test_inside_the_area_the_same_write_is_saved(areas_db: Engine, scope: Scope, rw: str, rt: str) -> None:
    assert create_report(areas_db, new_report(rw, rt), actor="kepala", scope=scope, now=NOW) == 4


@pytest.mark.parametrize(("scope", "nomor"), [(RW03, 3), (RT03_002, 1), (RT03_002, 3)])
def test_a_head_cannot_change_the_status_of_another_areas_report(areas_db: Engine, scope: Scope, nomor: int) -> None:
    before = counts(areas_db)
    with pytest.raises(ServiceError) as refused:
        change_status(areas_db, StatusChange(nomor, "diverifikasi", 1), actor="kepala", scope=scope, now=NOW)
    assert refused.value.key == "error.report_not_found"
    assert counts(areas_db) == before


def test_a_guest_can_write_nothing_anywhere(areas_db: Engine) -> None:
    before = counts(areas_db)
    with pytest.raises(ServiceError, match="error.read_only"):
        create_report(areas_db, new_report("03", "001"), actor="tamu", scope=GUEST, now=NOW)
    with pytest.raises(ServiceError, match="error.read_only"):
        change_status(areas_db, StatusChange(1, "diverifikasi", 1), actor="tamu", scope=GUEST, now=NOW)
    assert counts(areas_db) == before


def exported(engine: Engine, filters: ReportFilters, role: str, scope: Scope) -> list[dict[str, str]]:
    buffer = io.BytesIO()
    export_reports(engine, "csv", buffer, filters, scope, with_personal_data=permissions.may_see_personal_data(role))
    return list(csv.DictReader(io.StringIO(buffer.getvalue().decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("role", "scope", "expected"),
    [
        (permissions.KETUA_RW, RW03, {("03", "001"), ("03", "002")}),
        (permissions.KETUA_RT, RT03_002, {("03", "002")}),
        (permissions.LURAH, LURAH, {("03", "001"), ("03", "002"), ("05", "001")}),
    ],
)
def test_an_export_holds_only_the_area_even_when_asked_for_another(
    areas_db: Engine, role: str, scope: Scope, expected: set
) -> None:
    rows = exported(areas_db, ReportFilters(), role, scope)
    assert {(row["RW"], row["RT"]) for row in rows} == expected
    assert all(row["Nama pelapor"] == f"Warga {row['RW']}/{row['RT']}" for row in rows)  # their own reporters
    if scope.rw:
        assert exported(areas_db, ReportFilters(rw="05"), role, scope) == []


def test_a_guest_never_gets_personal_data_in_an_export(areas_db: Engine) -> None:
    rows = exported(areas_db, ReportFilters(), permissions.TAMU, GUEST)
    assert len(rows) == 3
    assert "Nama pelapor" not in rows[0] and "Telepon pelapor" not in rows[0]
    assert not [row for row in rows if any("0812000" in value for value in row.values())]


def test_cached_reads_are_kept_apart_by_scope(demo_db_url: str) -> None:
    from kutorejo_data.ui.frame import data

    everything = data.report_count(demo_db_url, ReportFilters(), EVERYTHING)
    rw03 = data.report_count(demo_db_url, ReportFilters(), Scope(rw="03"))
    rt = data.report_count(demo_db_url, ReportFilters(), Scope(rw="03", rt="002"))
    assert everything > rw03 > rt > 0
    assert data.report_count(demo_db_url, ReportFilters(), EVERYTHING) == everything  # served from the cache


def test_every_cached_read_of_rows_or_aggregates_takes_the_scope() -> None:
    source = (Path(__file__).resolve().parent.parent / "kutorejo_data" / "ui" / "frame" / "data.py").read_text()
    cached = source.split("@st.cache_data")[1:]
    unscoped = [block.split("def ")[1].split("(")[0] for block in cached if "scope: Scope" not in block.split(":\n")[0]]
    # Only lookups that are the same for everyone (categories and their photo rule, whether data exists, the
    # kelurahan's boundary polygons, the message texts) may ignore the scope.
    assert set(unscoped) <= {
        "database_status",
        "activity_status",
        "category_names",
        "after_photo_categories",
        "area_boundaries",
        "message_templates",
    }
