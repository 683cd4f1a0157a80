"""Activities: recorded with attendance by role, checked field by field and against the scope, corrected whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import Kegiatan, KegiatanKehadiran
from kutorejo_data.records.activities import (
    ActivityInput,
    create_activity,
    load_activity,
    recent_activities,
    update_activity,
)
from tests.app_driver import click, open_page
from tests.factories import KUTOREJO, add_area
from tests.test_audit import entries

TODAY = date(2026, 11, 29)
KERJA_BAKTI = ActivityInput(
    kelurahan_kode=KUTOREJO,
    tingkat="rt",
    rw="03",
    rt="002",
    jenis="kerja_bakti",
    tanggal=date(2026, 11, 22),
    judul="Bersih selokan",
    target_peserta=40,
    target_satuan="KK",
    kehadiran={"warga": 31, "ketua_rt": 1},
)


@pytest.fixture
def area_db(any_db: Engine) -> Engine:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="04", rt="001")
    return any_db


def attendance(engine: Engine, nomor: int) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(KegiatanKehadiran.peran, KegiatanKehadiran.jumlah).where(KegiatanKehadiran.kegiatan_id == nomor)
        )
        return dict(rows.all())


def test_an_activity_is_saved_with_its_attendance_by_role(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="rt", today=TODAY)
    assert attendance(area_db, nomor) == {"warga": 31, "ketua_rt": 1}
    with area_db.connect() as conn:
        assert load_activity(conn, nomor, EVERYTHING) == KERJA_BAKTI


@pytest.mark.parametrize(
    ("changes", "field", "key"),
    [
        ({"tanggal": date(2026, 11, 30)}, "tanggal", "error.tanggal_in_future"),
        ({"jenis": "arisan"}, "jenis", "error.jenis_invalid"),
        ({"rt": "009"}, "rt", "error.rt_unknown"),
        ({"tingkat": "rw", "rw": "09"}, "rw", "error.rw_unknown"),
        ({"target_peserta": 0}, "target_peserta", "error.target_positive"),
        ({"target_peserta": 9_007_199_254_740_991}, "target_peserta", "error.jumlah_too_large"),  # no DB overflow
        ({"target_satuan": "rumah"}, "target_satuan", "error.satuan_invalid"),
        ({"kehadiran": {"warga": 0}}, "kehadiran", "error.kehadiran_empty"),
        ({"kehadiran": {"warga": -3, "ketua_rt": 1}}, "hadir_warga", "error.jumlah_negative"),
        ({"kehadiran": {"alien": 2}}, "kehadiran", "error.peran_invalid"),
        ({"judul": "x" * 201}, "judul", "error.judul_too_long"),
    ],
)
def test_invalid_activities_are_refused_field_by_field_and_nothing_is_written(
    area_db: Engine, changes: dict, field: str, key: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        create_activity(area_db, replace(KERJA_BAKTI, **changes), actor="rt", today=TODAY)
    assert refused.value.fields[field] == key
    with area_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Kegiatan)).scalar_one() == 0


@pytest.mark.parametrize(
    ("tingkat", "rw", "rt", "expected"),
    [
        ("rt", "03", "002", "ok"),
        ("rw", "03", None, "ok"),
        ("kelurahan", None, None, "error.tingkat_outside_scope"),
        ("rt", "04", "001", "error.rt_unknown"),
    ],
)
def test_an_rw_head_records_activities_only_in_their_rw(
    area_db: Engine, tingkat: str, rw: str | None, rt: str | None, expected: str
) -> None:
    activity = replace(KERJA_BAKTI, tingkat=tingkat, rw=rw, rt=rt)
    try:
        create_activity(area_db, activity, scope=Scope(KUTOREJO, "03"), actor="rt", today=TODAY)
        outcome = "ok"
    except ValidationError as refused:
        outcome = next(iter(refused.fields.values()))
    assert outcome == expected


def test_a_correction_replaces_fields_and_attendance_together(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="rt", today=TODAY)
    corrected = replace(
        KERJA_BAKTI,
        tingkat="rw",
        rt=None,
        jenis="rapat_rw",
        kehadiran={"ketua_rt": 4, "ketua_rw": 1},
        target_peserta=None,
    )
    update_activity(area_db, nomor, corrected, actor="rt", today=TODAY)
    assert attendance(area_db, nomor) == {"ketua_rt": 4, "ketua_rw": 1}
    with area_db.connect() as conn:
        assert load_activity(conn, nomor, EVERYTHING) == corrected


def test_a_refused_correction_leaves_the_activity_as_it_was(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="rt", today=TODAY)
    with pytest.raises(ValidationError):
        update_activity(area_db, nomor, replace(KERJA_BAKTI, kehadiran={}), actor="rt", today=TODAY)
    with pytest.raises(ServiceError) as refused:
        update_activity(area_db, nomor, KERJA_BAKTI, scope=Scope(KUTOREJO, "04"), actor="rt", today=TODAY)
    assert refused.value.key == "error.kegiatan_not_found"
    assert attendance(area_db, nomor) == {"warga": 31, "ketua_rt": 1}


def test_recent_activities_are_newest_first_paged_in_sql_and_scoped(area_db: Engine) -> None:
    for day in range(1, 26):
        rw = "03" if day % 2 else "04"
        rt = "002" if rw == "03" else "001"
        create_activity(
            area_db, replace(KERJA_BAKTI, rw=rw, rt=rt, tanggal=date(2026, 10, day)), actor="rt", today=TODAY
        )
    with area_db.connect() as conn:
        first = recent_activities(conn, EVERYTHING, page=1, page_size=10)
        last = recent_activities(conn, EVERYTHING, page=3, page_size=10)
        rw03 = recent_activities(conn, Scope(KUTOREJO, "03"), page=1, page_size=100)
    assert (first.total, first.pages, len(first.rows), len(last.rows)) == (25, 3, 10, 5)
    assert first.rows[0].tanggal == date(2026, 10, 25) and last.rows[-1].tanggal == date(2026, 10, 1)
    assert first.rows[0].hadir == 32
    assert {row.rw for row in rw03.rows} == {"03"} and rw03.total == 13


def test_the_page_records_an_activity_and_corrects_it(monkeypatch, fresh_db: Engine, fresh_db_url: str) -> None:
    with fresh_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    at = open_page(monkeypatch, fresh_db_url, "kegiatan")
    at.text_input(key="kegiatan_baru_judul").input("Kerja bakti selokan")
    click(at, "Simpan kegiatan")
    assert "Isi kehadiran minimal satu orang." in [e.value for e in at.error]
    assert at.text_input(key="kegiatan_baru_judul").value == "Kerja bakti selokan"  # kept for the next try

    at.number_input(key="kegiatan_baru_hadir_warga").set_value(25)
    at.number_input(key="kegiatan_baru_target").set_value(40)
    click(at, "Simpan kegiatan")
    assert not at.exception
    assert at.success[0].value == "Kegiatan tersimpan dengan nomor #1."
    assert attendance(fresh_db, 1) == {"warga": 25}

    at.selectbox(key="kegiatan_daftar_pilih").select(1).run()
    assert at.number_input(key="kegiatan_edit_hadir_warga").value == 25
    at.number_input(key="kegiatan_edit_hadir_warga").set_value(28)
    at.number_input(key="kegiatan_edit_hadir_tomas").set_value(2)
    click(at, "Simpan koreksi")
    assert at.success[0].value == "Kegiatan #1 sudah dikoreksi."
    assert attendance(fresh_db, 1) == {"warga": 28, "tomas": 2}
    assert [(e["actor"], e["action"], e["entity"], e["entity_id"]) for e in entries(fresh_db)[-2:]] == [
        ("uji-admin", "create", "kegiatan", "1"),
        ("uji-admin", "update", "kegiatan", "1"),
    ]
    assert at.dataframe[0].value.iloc[0]["Hadir"] == "30"
