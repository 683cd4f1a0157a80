"""Activities, areas, categories and imports are audited like reports: one entry per write, in its transaction.

A write refused for bad input or outside the writer's area leaves no entry and changes nothing; a read-only
scope (a guest) is refused before anything is read or written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import Engine, select

from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.models import RT, RW, AuditLog, Kategori, Kegiatan, KegiatanKehadiran, Kelurahan, Laporan
from kutorejo_data.intake.importing import ImportOptions, ImportRefused, read_table, run_import
from kutorejo_data.records.activities import ActivityInput, create_activity, update_activity
from kutorejo_data.records.areas import (
    RtFields,
    add_kelurahan,
    add_rt,
    add_rw,
    delete_rt,
    delete_rw,
    update_rt,
    update_rw,
)
from kutorejo_data.records.categories import add_category, delete_category, update_category
from tests.factories import KUTOREJO, add_area, add_report
from tests.spreadsheets import activities_xlsx, messy_xlsx, xlsx_bytes
from tests.test_audit import entries

TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 12, 0)
GUEST = Scope(KUTOREJO, read_only=True)
RW03 = Scope(KUTOREJO, "03")
KERJA_BAKTI = ActivityInput(
    kelurahan_kode=KUTOREJO,
    tingkat="rt",
    rw="03",
    rt="002",
    jenis="kerja_bakti",
    tanggal=date(2026, 11, 14),
    judul="Kerja bakti selokan",
    target_peserta=40,
    target_satuan="KK",
    kehadiran={"ketua_rt": 1, "warga": 27},
)
TABLES = (Kelurahan, RW, RT, Kategori, Kegiatan, KegiatanKehadiran, Laporan, AuditLog)


def everything(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of the tables these writes touch (small test databases): 'nothing changed' means all of them."""
    with engine.connect() as conn:
        return {
            model.__tablename__: sorted(map(tuple, conn.execute(select(model.__table__))), key=repr) for model in TABLES
        }


def logged(engine: Engine) -> list[tuple]:
    """(actor, action, entity, entity_id) of each entry, oldest first."""
    return [(e["actor"], e["action"], e["entity"], e["entity_id"]) for e in entries(engine)]


def refused_key(write: Callable[[], object]) -> str:
    """The message key of a write that must be refused."""
    with pytest.raises(ServiceError) as refused:
        write()
    return refused.value.key


@pytest.fixture
def area_db(any_db: Engine) -> Engine:
    """Kutorejo with RW 03 / RT 002 and RW 03 / RT 001, RW 01 / RT 001; a report in RT 002 (so it is in use)."""
    with any_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        add_area(conn, rw="03", rt="001")
        add_area(conn, rw="01", rt="001")
        add_report(conn, area, "drainase-banjir", datetime(2026, 11, 1))
    return any_db


# --- Activities ------------------------------------------------------------------------------------------


def test_a_new_activity_is_logged_with_its_stored_values_and_attendance(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="Sri (rt03-002)", today=TODAY)
    [entry] = entries(area_db)
    assert (entry["actor"], entry["action"], entry["entity"], entry["entity_id"]) == (
        "Sri (rt03-002)",
        "create",
        "kegiatan",
        str(nomor),
    )
    assert entry["before"] is None
    assert entry["after"] == {
        "kelurahan": KUTOREJO,
        "tingkat": "rt",
        "rw": "03",
        "rt": "002",
        "jenis": "kerja_bakti",
        "tanggal": "2026-11-14",
        "judul": "Kerja bakti selokan",
        "target_peserta": 40,
        "target_satuan": "KK",
        "catatan": "",
        "kehadiran": {"ketua_rt": 1, "warga": 27},
    }


def test_a_corrected_activity_logs_only_what_changed_and_an_unchanged_save_logs_nothing(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="Sri (rt03-002)", today=TODAY)
    corrected = replace(KERJA_BAKTI, judul="Kerja bakti saluran", kehadiran={"ketua_rt": 1, "warga": 31})
    update_activity(area_db, nomor, corrected, actor="Budi (rw03)", scope=RW03, today=TODAY)
    update_activity(area_db, nomor, corrected, actor="Budi (rw03)", scope=RW03, today=TODAY)
    assert logged(area_db) == [
        ("Sri (rt03-002)", "create", "kegiatan", str(nomor)),
        ("Budi (rw03)", "update", "kegiatan", str(nomor)),
    ]
    entry = entries(area_db)[-1]
    assert entry["before"] == {"judul": "Kerja bakti selokan", "kehadiran": {"ketua_rt": 1, "warga": 27}}
    assert entry["after"] == {"judul": "Kerja bakti saluran", "kehadiran": {"ketua_rt": 1, "warga": 31}}


def test_a_refused_activity_write_leaves_no_entry_and_changes_nothing(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="rt", today=TODAY)
    before = everything(area_db)
    nobody = replace(KERJA_BAKTI, kehadiran={})
    assert refused_key(lambda: create_activity(area_db, nobody, actor="rt", today=TODAY)) == "error.form_invalid"
    assert refused_key(lambda: update_activity(area_db, nomor, nobody, actor="rt", today=TODAY)) == "error.form_invalid"
    assert (
        refused_key(
            lambda: update_activity(area_db, nomor, KERJA_BAKTI, actor="rw", scope=Scope(KUTOREJO, "01"), today=TODAY)
        )
        == "error.kegiatan_not_found"
    )
    assert everything(area_db) == before


def test_a_guest_can_record_or_correct_no_activity(area_db: Engine) -> None:
    nomor = create_activity(area_db, KERJA_BAKTI, actor="rt", today=TODAY)
    before = everything(area_db)
    assert refused_key(lambda: create_activity(area_db, KERJA_BAKTI, actor="tamu", scope=GUEST, today=TODAY)) == (
        "error.read_only"
    )
    assert (
        refused_key(
            lambda: update_activity(
                area_db, nomor, replace(KERJA_BAKTI, judul="Lain"), actor="tamu", scope=GUEST, today=TODAY
            )
        )
        == "error.read_only"
    )
    assert everything(area_db) == before


def test_a_write_and_its_entry_are_saved_together_or_not_at_all(area_db: Engine, monkeypatch) -> None:
    def broken(*args, **kwargs) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("kutorejo_data.records.audit.record", broken)
    before = everything(area_db)
    writes = [
        lambda: create_activity(area_db, KERJA_BAKTI, actor="rt", today=TODAY),
        lambda: add_rw(area_db, KUTOREJO, 9, actor="admin"),
        lambda: update_rt(area_db, KUTOREJO, "03", "001", RtFields("Bu Sri", 40, 150), actor="admin"),
        lambda: delete_rt(area_db, KUTOREJO, "01", "001", actor="admin"),
        lambda: add_category(area_db, "Pohon tumbang", 3, actor="admin"),
        lambda: run_import(area_db, read_table(messy_xlsx(), "laporan"), ImportOptions(), actor="staf", now=NOW),
    ]
    for write in writes:
        with pytest.raises(RuntimeError, match="disk full"):
            write()
    assert everything(area_db) == before


# --- Areas -----------------------------------------------------------------------------------------------


def test_every_area_write_is_logged_with_what_it_changed(any_db: Engine) -> None:
    add_kelurahan(any_db, KUTOREJO, actor="admin")
    add_rw(any_db, KUTOREJO, 3, "Pak Slamet", actor="admin")
    update_rw(any_db, KUTOREJO, "03", "Pak Slamet", False, actor="lurah")
    update_rw(any_db, KUTOREJO, "03", "Pak Slamet", False, actor="lurah")  # nothing changes, nothing is logged
    add_rt(any_db, KUTOREJO, "03", 2, RtFields("Bu Sri", 45, 160), actor="admin")
    update_rt(
        any_db,
        KUTOREJO,
        "03",
        "002",
        RtFields("Bu Sri", 47, 166),
        actor="Sri (rt03-002)",
        scope=Scope(KUTOREJO, "03", "002"),
    )
    delete_rt(any_db, KUTOREJO, "03", "002", actor="admin")
    delete_rw(any_db, KUTOREJO, "03", actor="admin")
    rw, rt = f"{KUTOREJO} RW 03", f"{KUTOREJO} RW 03 RT 002"
    assert logged(any_db) == [
        ("admin", "create", "kelurahan", KUTOREJO),
        ("admin", "create", "rw", rw),
        ("lurah", "update", "rw", rw),
        ("admin", "create", "rt", rt),
        ("Sri (rt03-002)", "update", "rt", rt),
        ("admin", "delete", "rt", rt),
        ("admin", "delete", "rw", rw),
    ]
    kelurahan, new_rw, rw_change, new_rt, rt_change, gone_rt, gone_rw = entries(any_db)
    assert kelurahan["after"]["kode"] == KUTOREJO and kelurahan["after"]["nama"] == "Kutorejo"
    assert new_rw["after"] == {"ketua_nama": "Pak Slamet", "aktif": True}
    assert (rw_change["before"], rw_change["after"]) == ({"aktif": True}, {"aktif": False})
    assert {k: new_rt["after"][k] for k in ("ketua_nama", "jumlah_kk", "jumlah_warga", "aktif")} == {
        "ketua_nama": "Bu Sri",
        "jumlah_kk": 45,
        "jumlah_warga": 160,
        "aktif": True,
    }
    assert (rt_change["before"], rt_change["after"]) == (
        {"jumlah_kk": 45, "jumlah_warga": 160},
        {"jumlah_kk": 47, "jumlah_warga": 166},
    )
    assert gone_rt["before"]["ketua_nama"] == "Bu Sri" and gone_rt["after"] is None
    assert gone_rw["before"] == {"ketua_nama": "Pak Slamet", "aktif": False} and gone_rw["after"] is None


def test_a_refused_area_write_leaves_no_entry_and_changes_nothing(area_db: Engine) -> None:
    before = everything(area_db)
    refusals = {
        "error.form_invalid": [
            lambda: add_kelurahan(area_db, KUTOREJO, actor="admin"),  # already there
            lambda: add_rw(area_db, KUTOREJO, "tiga", actor="admin"),
            lambda: add_rw(area_db, KUTOREJO, 3, actor="admin"),  # already there
            lambda: update_rw(area_db, KUTOREJO, "03", "x" * 101, True, actor="admin"),
            lambda: add_rt(area_db, KUTOREJO, "03", 2, RtFields(), actor="admin"),  # already there
            lambda: update_rt(area_db, KUTOREJO, "03", "002", RtFields(jumlah_kk=50, jumlah_warga=10), actor="admin"),
        ],
        "error.settings_outside_scope": [
            lambda: update_rw(area_db, KUTOREJO, "03", "Pak Slamet", True, actor="rw", scope=RW03)
        ],
        "error.area_not_found": [
            lambda: update_rt(
                area_db, KUTOREJO, "03", "001", RtFields("Bu Sri"), actor="rt", scope=Scope(KUTOREJO, "03", "002")
            )
        ],
        "error.rt_in_use": [lambda: delete_rt(area_db, KUTOREJO, "03", "002", actor="admin")],
        "error.rw_has_rt": [lambda: delete_rw(area_db, KUTOREJO, "03", actor="admin")],
    }
    for key, writes in refusals.items():
        for write in writes:
            assert refused_key(write) == key
    assert everything(area_db) == before


def test_a_guest_can_change_no_area_and_no_category(area_db: Engine) -> None:
    before = everything(area_db)
    writes = [
        lambda: add_kelurahan(area_db, "35.14.11.1001", actor="tamu", scope=GUEST),
        lambda: add_rw(area_db, KUTOREJO, 9, actor="tamu", scope=GUEST),
        lambda: update_rw(area_db, KUTOREJO, "03", "Tamu", False, actor="tamu", scope=GUEST),
        lambda: delete_rw(area_db, KUTOREJO, "01", actor="tamu", scope=GUEST),
        lambda: add_rt(area_db, KUTOREJO, "03", 9, RtFields(), actor="tamu", scope=GUEST),
        lambda: update_rt(area_db, KUTOREJO, "03", "001", RtFields("Tamu"), actor="tamu", scope=GUEST),
        lambda: delete_rt(area_db, KUTOREJO, "03", "001", actor="tamu", scope=GUEST),
        lambda: add_category(area_db, "Pohon tumbang", 3, actor="tamu", scope=GUEST),
        lambda: update_category(area_db, "lainnya", "Lain-lain", 3, True, actor="tamu", scope=GUEST),
        lambda: delete_category(area_db, "air-bersih", actor="tamu", scope=GUEST),
    ]
    assert [refused_key(write) for write in writes] == ["error.read_only"] * len(writes)
    assert everything(area_db) == before


# --- Categories ------------------------------------------------------------------------------------------


def test_every_category_write_is_logged_with_what_it_changed(any_db: Engine) -> None:
    slug = add_category(any_db, "Pohon tumbang", 3, actor="lurah")
    update_category(any_db, slug, "Pohon tumbang", 5, True, actor="lurah")
    update_category(any_db, slug, "Pohon tumbang", 5, True, actor="lurah")  # nothing changes, nothing is logged
    delete_category(any_db, slug, actor="admin")
    assert logged(any_db) == [
        ("lurah", "create", "kategori", "pohon-tumbang"),
        ("lurah", "update", "kategori", "pohon-tumbang"),
        ("admin", "delete", "kategori", "pohon-tumbang"),
    ]
    created, changed, deleted = entries(any_db)
    created_values = {
        "nama": "Pohon tumbang",
        "sla_hari": 3,
        "tanggap_hari": 3,
        "aktif": True,
        "foto_sesudah_wajib": False,
    }
    assert (created["before"], created["after"]) == (None, created_values)
    assert (changed["before"], changed["after"]) == ({"sla_hari": 3}, {"sla_hari": 5})
    assert (deleted["before"], deleted["after"]) == ({**created_values, "sla_hari": 5}, None)


def test_a_refused_category_write_leaves_no_entry_and_changes_nothing(area_db: Engine) -> None:
    before = everything(area_db)
    assert refused_key(lambda: add_category(area_db, " ", 3, actor="lurah")) == "error.form_invalid"
    assert refused_key(lambda: add_category(area_db, "Pohon tumbang", 0, actor="lurah")) == "error.form_invalid"
    assert refused_key(lambda: update_category(area_db, "tidak-ada", "X", 3, True, actor="lurah")) == (
        "error.kategori_not_found"
    )
    assert refused_key(lambda: delete_category(area_db, "drainase-banjir", actor="lurah")) == "error.kategori_in_use"
    assert refused_key(lambda: add_category(area_db, "Pohon tumbang", 3, actor="rw", scope=RW03)) == (
        "error.settings_outside_scope"
    )
    assert everything(area_db) == before


# --- Imports ---------------------------------------------------------------------------------------------


def test_an_import_is_one_entry_per_file_with_its_counts(area_db: Engine) -> None:
    table = read_table(messy_xlsx(), "laporan")
    run_import(area_db, table, ImportOptions(), actor="Staf (staf)", file_name="rekap.xlsx", now=NOW)
    run_import(area_db, table, ImportOptions(), actor="Staf (staf)", file_name="rekap.xlsx", now=NOW)
    assert logged(area_db) == [("Staf (staf)", "import", "laporan", None)] * 2  # not one per row
    first, again = entries(area_db)
    assert first["at"] == NOW and first["before"] is None
    assert first["after"] == {"ditambah": 7, "diperbarui": 0, "sama": 0, "ditolak": 9, "berkas": "rekap.xlsx"}
    assert again["after"] == {"ditambah": 0, "diperbarui": 0, "sama": 7, "ditolak": 9, "berkas": "rekap.xlsx"}


def test_an_activity_import_is_logged_as_kegiatan(area_db: Engine) -> None:
    run_import(
        area_db,
        read_table(activities_xlsx(), "kegiatan"),
        ImportOptions(jenis="kegiatan"),
        actor="Budi (rw03)",
        now=NOW,
    )
    [entry] = entries(area_db)
    assert (entry["actor"], entry["action"], entry["entity"]) == ("Budi (rw03)", "import", "kegiatan")
    assert entry["after"] == {"ditambah": 3, "diperbarui": 0, "sama": 0, "ditolak": 2}  # no file name given


def test_a_dry_run_or_a_refused_import_writes_no_entry(area_db: Engine) -> None:
    before = everything(area_db)
    run_import(area_db, read_table(messy_xlsx(), "laporan"), ImportOptions(), actor="staf", now=NOW, dry_run=True)
    without_title = xlsx_bytes([["Tanggal", "RT/RW", "Kategori", "Perihal X"], ["05/11/2026", "2/3", "sampah", "X"]])
    with pytest.raises(ImportRefused):
        run_import(area_db, read_table(without_title, "laporan"), ImportOptions(), actor="staf", now=NOW)
    assert everything(area_db) == before


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_guest_cannot_import_not_even_a_dry_run(area_db: Engine, dry_run: bool) -> None:
    before = everything(area_db)
    table = read_table(messy_xlsx(), "laporan")
    assert (
        refused_key(lambda: run_import(area_db, table, ImportOptions(), GUEST, actor="tamu", now=NOW, dry_run=dry_run))
        == "error.read_only"
    )
    assert everything(area_db) == before
