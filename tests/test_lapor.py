"""SP4N-LAPOR!: a report handed to the dinas gets its ready-to-paste LAPOR! text and its LAPOR! tracking ID; a LAPOR!
admin export moves the linked reports' statuses (history source SP4N-LAPOR!), in one transaction, and nothing else."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, insert, select

from kutorejo_data.cli.main import main
from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING
from kutorejo_data.core.models import AuditLog, Foto, Laporan, StatusHistory
from kutorejo_data.intake.lapor import LaporRefused, lapor_status, read_lapor_file, run_lapor_import
from kutorejo_data.intake.reading import ImportRefused
from kutorejo_data.records.lapor import (
    LAPOR_SOURCE,
    LAPOR_URL,
    LaporUpdate,
    apply_updates,
    lapor_text,
    normalise_lapor_id,
    record_lapor_id,
)
from kutorejo_data.records.photos import photos_of
from kutorejo_data.records.reports import report_detail
from tests.bombs import bomb_xlsx
from tests.factories import add_area, add_report, at
from tests.spreadsheets import csv_bytes, xlsx_bytes


@pytest.fixture
def lapor_db(any_db: Engine) -> Engine:
    """Four reports: A (dinas, LAPOR! 1001, baru after hand-over), B (dinas, LAPOR! 1002, diproses), C (dinas,
    LAPOR! 1003, already selesai here), D (at the RT, no LAPOR! ID)."""
    with any_db.begin() as conn:
        area = add_area(conn, rw="03", rt="002")
        add_report(
            conn,
            area,
            "sampah-kebersihan",
            at(10, 1),
            [(at(10, 2), "diverifikasi", ("dinas", "DLH"))],
            judul="Sampah menumpuk di TPS liar",
            deskripsi="Tumpukan sampah di lahan kosong, bau dan banyak lalat.",
            lokasi="Jl. Melati 4",
            lapor_id="1001",
        )
        add_report(conn, area, "kesehatan", at(10, 5), [(at(10, 6), "diproses", ("dinas", "Dinkes"))], lapor_id="1002")
        add_report(
            conn,
            area,
            "sosial-bansos",
            at(10, 7),
            [(at(10, 8), "diproses", "dinas"), (at(11, 1), "selesai", "dinas")],
            lapor_id="1003",
        )
        add_report(conn, area, "sampah-kebersihan", at(11, 2))
    return any_db


def _statuses(engine: Engine) -> dict[int, str]:
    with engine.connect() as conn:
        return dict(conn.execute(select(Laporan.id, Laporan.status).order_by(Laporan.id)).all())


def _history_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(StatusHistory)).scalar_one()


def test_the_lapor_text_holds_title_content_location_category_and_photos(lapor_db: Engine) -> None:
    with lapor_db.begin() as conn:
        conn.execute(
            insert(Foto).values(
                laporan_id=1,
                jenis="sebelum",
                gambar=b"\xff\xd8jpeg",
                gambar_kecil=b"\xff\xd8",
                lebar=1,
                tinggi=1,
                ukuran=6,
                created_at=at(10, 1),
                created_by="uji",
            )
        )
    with lapor_db.connect() as conn:
        detail = report_detail(conn, 1, now=now_local())
        photos = photos_of(conn, 1, EVERYTHING, may_see_reports=True)
    assert detail is not None
    text = lapor_text(detail, photos)
    assert text.foto == ("laporan_1_sebelum_1.jpg (foto sebelum, 1 Okt 2026)",)
    assert text.full().endswith("Foto terlampir:\n- laporan_1_sebelum_1.jpg (foto sebelum, 1 Okt 2026)")
    assert text.judul == "Sampah menumpuk di TPS liar"
    assert "bau dan banyak lalat" in text.isi and "(DLH)" in text.isi
    assert text.lokasi == "Jl. Melati 4, RT 002 / RW 03, Kelurahan Kutorejo (35.14.11.1006)"
    assert text.kategori == "Sampah & kebersihan"
    assert text.full().startswith("Judul: Sampah menumpuk di TPS liar")
    assert LAPOR_URL == "https://www.lapor.go.id"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("#1234567", "1234567"), (" 1234 567 ", "1234567"), (1234567.0, "1234567"), ("lpr-2026/77", "LPR-2026/77")],
)
def test_a_lapor_id_is_kept_in_one_spelling(typed: object, stored: str) -> None:
    assert normalise_lapor_id(typed) == stored


@pytest.mark.parametrize("typed", ["", "#", "=HYPERLINK(1)", "x" * 41, "12 34 <b>"])
def test_what_is_not_a_lapor_id_is_refused(typed: str) -> None:
    assert normalise_lapor_id(typed) is None


def test_the_lapor_id_is_recorded_for_a_dinas_report_once_and_audited(lapor_db: Engine) -> None:
    now = now_local()
    assert record_lapor_id(lapor_db, 1, "#555", actor="staf", now=now) == "555"
    with pytest.raises(ValidationError) as taken:
        record_lapor_id(lapor_db, 2, "555", actor="staf", now=now)
    assert taken.value.fields == {"lapor_id": "error.lapor_id_taken"}
    with pytest.raises(ServiceError, match="error.lapor_not_dinas"):
        record_lapor_id(lapor_db, 4, "777", actor="staf", now=now)
    with lapor_db.connect() as conn:
        entry = conn.execute(select(AuditLog.after).where(AuditLog.entity == "laporan", AuditLog.action == "update"))
        assert '"lapor_id": "555"' in entry.scalar_one()


def test_a_lapor_round_trip_updates_the_right_reports_and_nothing_else(lapor_db: Engine) -> None:
    before = _statuses(lapor_db)
    export = xlsx_bytes(
        [
            ("ID Laporan", "Judul", "Status", "Tindak Lanjut"),
            ("#1001", "Sampah menumpuk", "Ditindaklanjuti", "DLH menjadwalkan pengangkutan"),
            ("1002", "DBD", "Selesai", "Fogging dilakukan"),
            ("1003", "Bansos", "Ditindaklanjuti", ""),
            ("9999", "Bukan laporan kami", "Selesai", ""),
        ]
    )
    result = run_lapor_import(
        lapor_db, read_lapor_file(export), actor="staf", now=datetime(2026, 11, 29, 9), file_name="lapor.xlsx"
    )
    after = _statuses(lapor_db)
    assert after == {**before, 1: "diproses", 2: "selesai"}
    assert [u.lapor_id for u in result.unknown] == ["9999"]
    assert [(o.laporan_id, o.reason) for o in result.unchanged] == [(3, "sp4n.reason.closed_here")]
    with lapor_db.connect() as conn:
        rows = conn.execute(
            select(StatusHistory.laporan_id, StatusHistory.to_status, StatusHistory.changed_by, StatusHistory.note)
            .where(StatusHistory.changed_by.startswith(LAPOR_SOURCE))
            .order_by(StatusHistory.id)
        ).all()
        lapor_status_of = dict(conn.execute(select(Laporan.id, Laporan.lapor_status)).all())
    assert [(r.laporan_id, r.to_status) for r in rows] == [(1, "diproses"), (2, "selesai")]
    assert rows[0].note == "SP4N-LAPOR! 1001: Ditindaklanjuti. DLH menjadwalkan pengangkutan"
    assert rows[0].changed_by == "SP4N-LAPOR! · staf"
    assert lapor_status_of == {1: "Ditindaklanjuti", 2: "Selesai", 3: "Ditindaklanjuti", 4: None}


def test_renamed_and_reordered_columns_are_recognised_in_a_csv(lapor_db: Engine) -> None:
    export = csv_bytes(
        [("Tanggapan Instansi", "Status Terakhir", "No. Tracking"), ("", "Terverifikasi", "1001")], delimiter=";"
    )
    result = run_lapor_import(lapor_db, read_lapor_file(export), actor="staf", now=now_local(), file_name=None)
    assert [(o.laporan_id, o.steps) for o in result.unchanged] == [(1, ())]  # already diverifikasi
    assert result.moved == ()


@pytest.mark.parametrize(
    "header",
    [("ID Laporan", "Judul", "Tanggal"), ("Judul", "Status", "Instansi")],
    ids=["no status column", "no id column"],
)
def test_a_changed_column_layout_is_refused_with_a_clear_message_and_nothing_written(
    lapor_db: Engine, header: tuple[str, ...]
) -> None:
    export = xlsx_bytes([header, ("1001", "Selesai", "x")])
    history = _history_count(lapor_db)
    with pytest.raises(LaporRefused) as refused:
        read_lapor_file(export)
    assert refused.value.key == "sp4n.refused.columns"
    assert "lapor_id" in str(refused.value.values["kolom"]) or "status" in str(refused.value.values["kolom"])
    assert _history_count(lapor_db) == history


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4 not a spreadsheet", b"PK\x03\x04broken zip", b"", bomb_xlsx(200)],
    ids=["pdf", "broken xlsx", "empty", "zip bomb"],
)
def test_malformed_files_are_stopped_by_the_upload_guard(content: bytes) -> None:
    with pytest.raises(ImportRefused):
        read_lapor_file(content)


def test_unknown_statuses_and_ids_are_skipped_rows_and_the_rest_is_written(lapor_db: Engine) -> None:
    export = csv_bytes([("ID", "Status"), ("1001", "Entah"), ("!!", "Selesai"), ("1002", "Selesai")])
    content = read_lapor_file(export)
    assert [(s.row, s.reason) for s in content.skipped] == [(2, "sp4n.reason.bad_status"), (3, "sp4n.reason.bad_id")]
    run_lapor_import(lapor_db, content, actor="staf", now=now_local(), file_name=None)
    assert _statuses(lapor_db)[1] == "diverifikasi" and _statuses(lapor_db)[2] == "selesai"


def test_a_category_that_needs_an_after_photo_is_not_resolved_by_an_import(any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn)
        add_report(conn, area, "jalan-gang", at(10, 1), [(at(10, 2), "diproses", "dinas")], lapor_id="42")
    update = LaporUpdate(2, "42", domain.STATUS_SELESAI, "Selesai")
    result = apply_updates(any_db, [update], actor="staf", now=now_local())
    assert [o.reason for o in result.unchanged] == ["sp4n.reason.photo_needed"]
    assert _statuses(any_db) == {1: "diproses"}


def test_the_command_line_imports_a_lapor_export(lapor_db: Engine, tmp_path, capsys) -> None:
    url = lapor_db.url.render_as_string(hide_password=False)
    path = tmp_path / "lapor.csv"
    path.write_bytes(csv_bytes([("ID Laporan", "Status"), ("1001", "Diproses"), ("8888", "Selesai")]))
    assert main(["--database-url", url, "import-lapor", str(path), "--dry-run"]) == 0
    assert _statuses(lapor_db)[1] == "diverifikasi"
    assert "8888" in capsys.readouterr().out
    assert main(["--database-url", url, "import-lapor", str(path)]) == 0
    assert _statuses(lapor_db)[1] == "diproses"


@pytest.mark.parametrize("text", ["Ditindaklanjuti", "DITINDAKLANJUTI", " sedang  ditindaklanjuti ", "Dalam proses"])
def test_lapor_words_for_in_progress_mean_diproses(text: str) -> None:
    assert lapor_status(text) == domain.STATUS_DIPROSES


# ---------------------------------------------------------------------------------------------------------------
# Probing the importer


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2048))
def test_any_bytes_are_read_or_refused_never_a_crash(content: bytes) -> None:
    with contextlib.suppress(ImportRefused):
        read_lapor_file(content)


_cells = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["1001", "#1002", "1003", "9999", "Selesai", "Ditolak", "Diproses", "=1+1", "Terverifikasi"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_cells, _cells), max_size=12))
def test_any_lapor_rows_touch_only_reports_with_a_listed_id(fresh_db: Engine, rows: list[tuple]) -> None:
    with fresh_db.begin() as conn:
        if not conn.execute(select(func.count()).select_from(Laporan)).scalar():
            area = add_area(conn)
            add_report(conn, area, "kesehatan", at(10, 1), [(at(10, 2), "diverifikasi", "dinas")], lapor_id="1001")
            add_report(conn, area, "kesehatan", at(10, 3), [(at(10, 4), "diverifikasi", "dinas")])
    before = _statuses(fresh_db)
    try:
        content = read_lapor_file(xlsx_bytes([("ID Laporan", "Status"), *rows]))
    except ImportRefused:
        return
    result = run_lapor_import(fresh_db, content, actor="uji", now=now_local(), file_name=None)
    after = _statuses(fresh_db)
    assert after[2] == before[2]  # no LAPOR! ID: never touched
    assert {o.laporan_id for o in result.moved} <= {1}
    assert all(status in domain.STATUSES for status in after.values())
    assert all(u.lapor_id != "1001" for u in result.unknown)


def test_a_location_text_that_names_its_rt_is_not_followed_by_it_again(lapor_db: Engine) -> None:
    with lapor_db.connect() as conn:
        detail = report_detail(conn, 1, now=now_local())
    assert detail is not None
    text = lapor_text(replace(detail, lokasi="Gang Sakura III RT 02/RW 03"), ())
    assert text.lokasi == "Gang Sakura III RT 02/RW 03, Kelurahan Kutorejo (35.14.11.1006)"
