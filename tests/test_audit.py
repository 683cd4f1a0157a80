"""The audit log: every write says who, what, when and before/after, in the write's own transaction; never edited."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import DBAPIError

from kutorejo_data.access import account_admin, accounts
from kutorejo_data.access.account_admin import AccountDraft
from kutorejo_data.core.models import AuditLog, Laporan
from kutorejo_data.records.report_writes import NewReport, StatusChange, change_status, create_report
from tests.factories import KUTOREJO, add_area
from tests.signin import PASSWORD, add_user, open_as

NOW = datetime(2026, 11, 29, 10, 0)
REPORT = NewReport(
    kelurahan_kode=KUTOREJO,
    rw="03",
    rt="002",
    kategori="drainase-banjir",
    judul="Selokan mampet",
    pelapor_nama="Siti Aminah",
    pelapor_telepon="081234567890",
)


@pytest.fixture
def area_db(any_db: Engine) -> Engine:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    return any_db


def entries(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                AuditLog.at,
                AuditLog.actor,
                AuditLog.action,
                AuditLog.entity,
                AuditLog.entity_id,
                AuditLog.before,
                AuditLog.after,
            ).order_by(AuditLog.id)
        ).mappings()
        return [
            {**row, "before": json.loads(row["before"] or "null"), "after": json.loads(row["after"] or "null")}
            for row in rows
        ]


def test_a_new_report_is_logged_without_the_reporters_personal_data(area_db: Engine) -> None:
    nomor = create_report(area_db, REPORT, actor="Budi (rt03-002)", now=NOW)
    [entry] = entries(area_db)
    assert (entry["actor"], entry["action"], entry["entity"], entry["entity_id"]) == (
        "Budi (rt03-002)",
        "create",
        "laporan",
        str(nomor),
    )
    assert entry["after"]["judul"] == "Selokan mampet" and entry["after"]["rt"] == "002"
    assert entry["after"]["pelapor_dicatat"] is True
    assert "Siti" not in json.dumps(entry, default=str) and "0812" not in json.dumps(entry, default=str)
    assert entry["before"] is None and entry["at"] == NOW


def test_a_status_change_is_logged_with_before_and_after(area_db: Engine) -> None:
    nomor = create_report(area_db, REPORT, actor="rt", now=NOW)
    change_status(
        area_db,
        StatusChange(nomor, "diproses", 1, note="Kerja bakti Minggu", penanganan="rt"),
        actor="Ketua RW (rw03)",
        now=NOW.replace(hour=11),
    )
    entry = entries(area_db)[-1]
    assert (entry["actor"], entry["action"], entry["entity_id"]) == ("Ketua RW (rw03)", "status", str(nomor))
    assert entry["before"]["status"] == "baru" and entry["before"]["version"] == 1
    assert entry["after"]["status"] == "diproses" and entry["after"]["version"] == 2
    assert entry["after"]["note"] == "Kerja bakti Minggu" and entry["after"]["penanganan"] == "rt"


def test_a_write_and_its_log_entry_are_saved_together_or_not_at_all(area_db: Engine, monkeypatch) -> None:
    def broken(*args, **kwargs) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("kutorejo_data.records.audit.record", broken)
    with pytest.raises(RuntimeError):
        create_report(area_db, REPORT, actor="rt", now=NOW)
    with area_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Laporan)).scalar_one() == 0


def test_the_log_cannot_be_edited_or_emptied(area_db: Engine) -> None:
    create_report(area_db, REPORT, actor="rt", now=NOW)
    for statement in ("UPDATE audit_log SET actor = 'orang lain'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), area_db.begin() as conn:
            conn.execute(text(statement))
    assert len(entries(area_db)) == 1


def test_account_changes_are_logged_and_passwords_never_are(area_db: Engine) -> None:
    add_user(area_db, "budi", "ketua_rt", rw="03", rt="002")
    draft = AccountDraft("budi", "ketua_rw", "Budi Santoso", rw="03")
    account_admin.update_user(area_db, draft, actor="admin", now=NOW)
    account_admin.set_password(area_db, "budi", "sandi-baru-456", actor="admin", now=NOW)
    account_admin.set_active(area_db, "budi", False, actor="admin", now=NOW)
    account_admin.unlock(area_db, "budi", actor="admin", now=NOW)
    logged = entries(area_db)
    assert [(e["actor"], e["action"]) for e in logged] == [
        ("uji", "create"),
        ("admin", "update"),
        ("admin", "password"),
        ("admin", "deactivate"),
        ("admin", "unlock"),
    ]
    assert logged[1]["before"] == {"nama": "", "role": "ketua_rt", "rt": "002"}  # only what changed
    assert logged[1]["after"] == {"nama": "Budi Santoso", "role": "ketua_rw", "rt": None}
    assert logged[3]["before"] == {"aktif": True} and logged[3]["after"] == {"aktif": False}
    everything = json.dumps(logged, default=str)
    assert "$argon2" not in everything and "sandi-baru" not in everything and PASSWORD not in everything


def test_the_admin_reads_the_log_and_manages_accounts_in_pengguna(monkeypatch, fresh_db_url: str) -> None:
    from kutorejo_data.core.db import make_engine

    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(engine, "admin", "admin")
    app = open_as(monkeypatch, fresh_db_url, "admin", "pages/pengguna.py", password=PASSWORD)
    assert not app.exception and app.title[0].value == "Pengguna"
    app.text_input(key="pengguna_baru_username").input("Sri.RT2")
    app.text_input(key="pengguna_baru_nama").input("Sri Wahyuni")
    app.selectbox(key="pengguna_baru_role").select("ketua_rt").run()
    app.selectbox(key="pengguna_baru_rt").select("002")
    app.text_input(key="pengguna_baru_sandi").input("sandi-sri-2026")
    app.text_input(key="pengguna_baru_sandi2").input("sandi-sri-2026")
    app.button(key="pengguna_baru_simpan").click().run()
    assert not app.exception
    assert any("sri.rt2" in s.value for s in app.success)
    assert app.text_input(key="pengguna_baru_sandi").value == ""  # the typed password is cleared
    account = accounts.authenticate(engine, "sri.rt2", "sandi-sri-2026")
    assert account is not None and (account.role, account.rw, account.rt) == ("ketua_rt", "03", "002")
    log = app.dataframe[-1].value
    assert {"create"} <= set(log["Tindakan"]) and "sri.rt2" in set(log["No./nama"])
    engine.dispose()


def test_a_refused_account_change_says_why(monkeypatch, fresh_db_url: str) -> None:
    from kutorejo_data.core.db import make_engine

    engine = make_engine(fresh_db_url)
    add_user(engine, "admin", "admin")
    engine.dispose()
    app = open_as(monkeypatch, fresh_db_url, "admin", "pages/pengguna.py", password=PASSWORD)
    app.text_input(key="pengguna_baru_username").input("x")
    app.text_input(key="pengguna_baru_sandi").input("pendek")
    app.text_input(key="pengguna_baru_sandi2").input("pendek")
    app.button(key="pengguna_baru_simpan").click().run()
    message = " ".join(e.value for e in app.error)
    assert "Nama pengguna 3–64 karakter" in message and "minimal 8 karakter" in message
    app.selectbox(key="pengguna_pilih").select("admin").run()
    app.button(key="pengguna_ubah_admin_aktif").click().run()
    assert any("satu admin aktif" in e.value for e in app.error)  # the last admin cannot lock everyone out


def test_the_actor_filter_matches_literal_text(area_db: Engine) -> None:
    from kutorejo_data.records.audit import recent_entries

    for actor in ("budi_rw (rw03)", "budiXrw (rw04)", "100% staf"):
        create_report(area_db, REPORT, actor=actor, now=NOW)
    with area_db.connect() as conn:
        assert recent_entries(conn, actor="_")["actor"].tolist() == ["budi_rw (rw03)"]
        assert recent_entries(conn, actor="%")["actor"].tolist() == ["100% staf"]
