"""Settings: areas and categories are added and edited with clear messages; what is in use is never deleted."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import Engine, select

from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import RT, RW, Kategori, Kelurahan
from kutorejo_data.records.activities import ActivityInput, create_activity
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
from kutorejo_data.records.categories import add_category, delete_category, slugify, update_category
from kutorejo_data.records.settings_lists import category_rows, rt_rows, rw_rows
from tests.app_driver import click, open_page
from tests.factories import KUTOREJO, add_area, add_report
from tests.test_audit import entries


@pytest.fixture
def kelurahan_db(any_db: Engine) -> Engine:
    add_kelurahan(any_db, KUTOREJO, actor="admin")
    return any_db


def rt_numbers(engine: Engine, rw: str) -> list[str]:
    with engine.connect() as conn:
        return [row.nomor for row in rt_rows(conn, KUTOREJO, rw, EVERYTHING)]


def test_a_kelurahan_is_added_by_its_kemendagri_code_with_the_official_names(kelurahan_db: Engine) -> None:
    with kelurahan_db.connect() as conn:
        row = conn.execute(select(Kelurahan.nama, Kelurahan.kecamatan, Kelurahan.kabupaten)).one()
    assert tuple(row) == ("Kutorejo", "Pandaan", "Kabupaten Pasuruan")
    for kode, key in [
        (KUTOREJO, "error.kelurahan_exists"),
        ("35.14.99.9999", "error.kode_unknown"),
        ("35.14.11", "error.kode_not_kelurahan"),
    ]:
        with pytest.raises(ValidationError) as refused:
            add_kelurahan(kelurahan_db, kode, actor="admin")
        assert refused.value.fields == {"kode": key}


def test_rw_and_rt_numbers_are_zero_padded_and_unique_within_their_parent(kelurahan_db: Engine) -> None:
    assert add_rw(kelurahan_db, KUTOREJO, 3, "Pak Slamet", actor="admin") == "03"
    assert add_rw(kelurahan_db, KUTOREJO, "4", actor="admin") == "04"
    assert add_rt(kelurahan_db, KUTOREJO, "03", 2, RtFields("Bu Sri", 45, 160), actor="admin") == "002"
    # The same number in another RW:
    assert add_rt(kelurahan_db, KUTOREJO, "04", "002", RtFields(), actor="admin") == "002"
    for call, key in [
        (lambda: add_rt(kelurahan_db, KUTOREJO, "03", "2", RtFields(), actor="admin"), "error.rt_exists"),
        (lambda: add_rw(kelurahan_db, KUTOREJO, "03", actor="admin"), "error.rw_exists"),
        (lambda: add_rt(kelurahan_db, KUTOREJO, "03", 1000, RtFields(), actor="admin"), "error.rt_nomor_invalid"),
        (lambda: add_rw(kelurahan_db, KUTOREJO, "tiga", actor="admin"), "error.rw_nomor_invalid"),
    ]:
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.fields == {"nomor": key}
    assert rt_numbers(kelurahan_db, "03") == ["002"]


@pytest.mark.parametrize(
    ("fields", "field", "key"),
    [
        (RtFields(jumlah_kk=-1), "jumlah_kk", "error.jumlah_negative"),
        (RtFields(jumlah_warga=9_007_199_254_740_991), "jumlah_warga", "error.jumlah_too_large"),
        (RtFields(jumlah_kk=50, jumlah_warga=40), "jumlah_warga", "error.warga_less_than_kk"),
        (RtFields(ketua_nama="x" * 101), "ketua_nama", "error.nama_too_long"),
    ],
)
def test_impossible_rt_facts_are_refused(kelurahan_db: Engine, fields: RtFields, field: str, key: str) -> None:
    add_rw(kelurahan_db, KUTOREJO, 3, actor="admin")
    with pytest.raises(ValidationError) as refused:
        add_rt(kelurahan_db, KUTOREJO, "03", 1, fields, actor="admin")
    assert refused.value.fields == {field: key}


def test_editing_an_rt_confirms_its_data_date_only_when_the_facts_change(kelurahan_db: Engine) -> None:
    add_rw(kelurahan_db, KUTOREJO, 3, actor="admin")
    add_rt(kelurahan_db, KUTOREJO, "03", 2, RtFields("Bu Sri", 45, 160), actor="admin")
    with kelurahan_db.begin() as conn:
        conn.execute(RT.__table__.update().values(data_diperbarui=date(2025, 1, 1)))
    update_rt(kelurahan_db, KUTOREJO, "03", "002", RtFields("Bu Sri", 45, 160, aktif=False), actor="admin")
    with kelurahan_db.connect() as conn:
        assert conn.execute(select(RT.data_diperbarui, RT.aktif)).one() == (date(2025, 1, 1), False)
    update_rt(kelurahan_db, KUTOREJO, "03", "002", RtFields("Pak Budi", 47, 166), actor="admin")
    with kelurahan_db.connect() as conn:
        row = conn.execute(select(RT.ketua_nama, RT.jumlah_kk, RT.jumlah_warga, RT.data_diperbarui, RT.aktif)).one()
    assert row[:3] == ("Pak Budi", 47, 166) and row.data_diperbarui > date(2025, 1, 1) and row.aktif


def test_an_inactive_rw_leaves_the_forms_but_keeps_its_row(kelurahan_db: Engine) -> None:
    add_rw(kelurahan_db, KUTOREJO, 3, actor="admin")
    update_rw(kelurahan_db, KUTOREJO, "03", "Pak Slamet", aktif=False, actor="admin")
    with kelurahan_db.connect() as conn:
        assert [(r.nomor, r.ketua_nama, r.aktif) for r in rw_rows(conn, KUTOREJO, EVERYTHING)] == [
            ("03", "Pak Slamet", False)
        ]


def test_areas_in_use_are_refused_with_an_explanation_and_unused_ones_deleted(kelurahan_db: Engine) -> None:
    with kelurahan_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        add_report(conn, area, "drainase-banjir", datetime(2026, 11, 1))
    create_activity(
        kelurahan_db,
        ActivityInput(KUTOREJO, "rt", "03", "002", "kerja_bakti", date(2026, 11, 2), kehadiran={"warga": 9}),
        actor="admin",
    )
    add_rt(kelurahan_db, KUTOREJO, "03", 7, RtFields(), actor="admin")
    add_rw(kelurahan_db, KUTOREJO, 9, actor="admin")

    with pytest.raises(ServiceError) as refused:
        delete_rt(kelurahan_db, KUTOREJO, "03", "002", actor="admin")
    assert (refused.value.key, refused.value.values) == (
        "error.rt_in_use",
        {"rt": "002", "laporan": 1, "kegiatan": 1, "lainnya": 0},
    )
    with pytest.raises(ServiceError) as refused:
        delete_rw(kelurahan_db, KUTOREJO, "03", actor="admin")
    assert (refused.value.key, refused.value.values) == ("error.rw_has_rt", {"rw": "03", "jumlah": 2})

    delete_rt(kelurahan_db, KUTOREJO, "03", "007", actor="admin")
    delete_rw(kelurahan_db, KUTOREJO, "09", actor="admin")
    assert rt_numbers(kelurahan_db, "03") == ["002"]
    with kelurahan_db.connect() as conn:
        assert conn.execute(select(RW.nomor)).scalars().all() == ["03"]


def test_rw_heads_manage_only_their_own_rts(kelurahan_db: Engine) -> None:
    add_rw(kelurahan_db, KUTOREJO, 3, actor="admin")
    add_rw(kelurahan_db, KUTOREJO, 4, actor="admin")
    rw03 = Scope(KUTOREJO, "03")
    assert add_rt(kelurahan_db, KUTOREJO, "03", 1, RtFields(), scope=rw03, actor="admin") == "001"
    refusals = [
        lambda: add_rt(kelurahan_db, KUTOREJO, "04", 1, RtFields(), scope=rw03, actor="admin"),
        lambda: add_rw(kelurahan_db, KUTOREJO, 5, scope=rw03, actor="admin"),
        lambda: update_rw(kelurahan_db, KUTOREJO, "03", "", True, scope=rw03, actor="admin"),
        lambda: add_category(kelurahan_db, "Pohon tumbang", 3, scope=rw03, actor="admin"),
    ]
    for refusal in refusals:
        with pytest.raises(ServiceError):
            refusal()
    assert rt_numbers(kelurahan_db, "04") == []


@pytest.mark.parametrize(
    ("nama", "slug"),
    [
        ("Jalan & gang", "jalan-gang"),
        ("Pohon Tumbang", "pohon-tumbang"),
        ("Pemakaman / makam", "pemakaman-makam"),
        ("Résumé 2026!", "resume-2026"),
        ("???", "kategori"),
    ],
)
def test_category_slugs_are_url_safe(nama: str, slug: str) -> None:
    assert slugify(nama) == slug


def test_new_categories_get_a_unique_slug_and_names_stay_unique(any_db: Engine) -> None:
    assert add_category(any_db, "Pohon tumbang", 3, actor="admin") == "pohon-tumbang"
    assert add_category(any_db, "Pohon-tumbang (jalan)", 3, actor="admin") == "pohon-tumbang-jalan"
    assert add_category(any_db, "Pohon tumbang?", 3, actor="admin") == "pohon-tumbang-2"
    for nama, sla, field, key in [
        ("pohon TUMBANG", 3, "nama", "error.kategori_exists"),
        ("  ", 3, "nama", "error.kategori_nama_required"),
        ("Banjir rob", 0, "sla_hari", "error.sla_positive"),
        ("Banjir rob", 400, "sla_hari", "error.sla_too_large"),
    ]:
        with pytest.raises(ValidationError) as refused:
            add_category(any_db, nama, sla, actor="admin")
        assert refused.value.fields == {field: key}


def test_a_category_in_use_is_deactivated_not_deleted(any_db: Engine) -> None:
    with any_db.begin() as conn:
        add_report(conn, add_area(conn), "lainnya", datetime(2026, 11, 1))
    with pytest.raises(ServiceError) as refused:
        delete_category(any_db, "lainnya", actor="admin")
    assert (refused.value.key, refused.value.values) == ("error.kategori_in_use", {"laporan": 1})
    update_category(any_db, "lainnya", "Lain-lain", 21, aktif=False, actor="admin")
    delete_category(any_db, "air-bersih", actor="admin")
    with any_db.connect() as conn:
        rows = {row.slug: row for row in category_rows(conn, EVERYTHING)}
        assert (rows["lainnya"].nama, rows["lainnya"].sla_hari, rows["lainnya"].aktif) == ("Lain-lain", 21, False)
        assert rows["lainnya"].jumlah_laporan == 1
        assert "air-bersih" not in rows
        assert conn.execute(select(Kategori.slug).where(Kategori.slug == "air-bersih")).first() is None


def test_the_page_adds_an_rt_and_explains_why_a_used_one_stays(
    monkeypatch, fresh_db: Engine, fresh_db_url: str
) -> None:
    with fresh_db.begin() as conn:
        add_report(conn, add_area(conn, rw="03", rt="002"), "drainase-banjir", datetime(2026, 11, 1))
    at = open_page(monkeypatch, fresh_db_url, "pengaturan")
    at.number_input(key="pengaturan_rt_nomor").set_value(2)
    click(at, "Tambah", form="pengaturan_rt_tambah")
    assert "RT dengan nomor ini sudah ada di RW ini." in [e.value for e in at.error]

    at.number_input(key="pengaturan_rt_nomor").set_value(5)
    at.text_input(key="pengaturan_rt_ketua").input("Bu Sri")
    at.number_input(key="pengaturan_rt_kk").set_value(42)
    at.number_input(key="pengaturan_rt_warga").set_value(150)
    click(at, "Tambah", form="pengaturan_rt_tambah")
    assert at.success[0].value == "RT 005 / RW 03 ditambahkan."
    assert rt_numbers(fresh_db, "03") == ["002", "005"]
    rt_entries = [(e["actor"], e["action"], e["entity_id"]) for e in entries(fresh_db) if e["entity"] == "rt"]
    assert rt_entries == [("uji-admin", "create", f"{KUTOREJO} RW 03 RT 005")]  # the signed-in user, once

    at.selectbox(key="pengaturan_rt_pilih").select("002").run()
    at.button(key="pengaturan_rt_hapus").click().run()
    assert at.error[0].value.startswith("RT 002 tidak bisa dihapus: dipakai 1 laporan, 0 kegiatan")
    assert "Nonaktifkan saja" in at.error[0].value
    assert rt_numbers(fresh_db, "03") == ["002", "005"]


def test_the_page_adds_a_category_and_shows_its_name_as_typed(monkeypatch, fresh_db_url: str) -> None:
    at = open_page(monkeypatch, fresh_db_url, "pengaturan")
    at.text_input(key="pengaturan_kat_nama").input("**Pohon** <b>tumbang</b>")
    at.number_input(key="pengaturan_kat_sla").set_value(3)
    click(at, "Tambah", form="pengaturan_kat_tambah")
    # Escaped for Markdown, so the message shows the asterisks and the tag instead of bold text.
    assert at.success[0].value == r"Kategori \*\*Pohon\*\* \<b\>tumbang\<\/b\> ditambahkan."
    assert "**Pohon** <b>tumbang</b>" in at.dataframe[0].value["Kategori"].tolist()
