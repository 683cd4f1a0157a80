"""`python -m kutorejo_data import FILE`: the same rules as the page, a summary, --dry-run and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kutorejo_data.cli.main import main
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import AuditLog, Kegiatan, Laporan
from kutorejo_data.intake import importing
from kutorejo_data.intake import reading as import_reading
from tests.factories import add_area
from tests.spreadsheets import activities_xlsx, csv_bytes, messy_xlsx, xlsx_bytes
from tests.test_import import NOW

HEADER = ["No", "Tanggal", "RT/RW", "Kategori", "Judul"]


@pytest.fixture(autouse=True)
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command runs 'today' = NOW, so which dates lie in the future never changes."""
    monkeypatch.setattr(importing, "now_local", lambda: NOW)


@pytest.fixture
def db_url(fresh_db_url: str) -> str:
    engine = make_engine(fresh_db_url)
    with engine.begin() as conn:
        for rw, rt in (("03", "001"), ("03", "002"), ("01", "001")):
            add_area(conn, rw=rw, rt=rt)
    engine.dispose()
    return fresh_db_url


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def run(db_url: str, *args: str) -> int:
    return main(["--database-url", db_url, "import", *args])


def stored(db_url: str, model: type = Laporan) -> int:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(model)).scalar_one()
    engine.dispose()
    return count


def test_dry_run_prints_the_summary_with_spreadsheet_row_numbers_and_writes_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run(db_url, write(tmp_path, "rekap.xlsx", messy_xlsx()), "--dry-run")
    out = capsys.readouterr().out
    assert code == 0
    assert "Berkas rekap.xlsx (XLSX, 16 baris data)" in out
    assert "Kolom dikenali: NO. → Nomor (di berkas), Tgl. Lapor → Tanggal, Wilayah → RT/RW" in out
    assert "Kolom diabaikan: Paraf" in out
    assert "Ditambahkan: 7\n" in out and "Ditolak: 9\n" in out
    assert "  baris 11: JENIS MASALAH: kategori 'Pertanian' tidak dikenali" in out
    assert "  baris 16: NO.: sama dengan baris 4 di berkas ini" in out
    assert "2 baris kosong dilewati." in out
    assert "Uji coba (--dry-run): tidak ada yang disimpan" in out
    assert stored(db_url) == 0


def test_import_then_reimport_adds_nothing_new(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "rekap.xlsx", messy_xlsx())
    assert run(db_url, path) == 0
    assert "Tersimpan dalam satu transaksi" in capsys.readouterr().out
    assert stored(db_url) == 7

    assert run(db_url, path) == 0
    out = capsys.readouterr().out
    assert "Ditambahkan: 0\n" in out and "Sudah ada, tidak berubah: 7\n" in out
    assert stored(db_url) == 7


def test_an_import_is_logged_once_as_the_command_line_and_a_dry_run_not_at_all(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "operator")
    path = write(tmp_path, "rekap.xlsx", messy_xlsx())
    assert run(db_url, path, "--dry-run") == 0
    assert run(db_url, path) == 0
    engine = make_engine(db_url)
    with engine.connect() as conn:
        entries = conn.execute(select(AuditLog.actor, AuditLog.action, AuditLog.entity, AuditLog.after)).all()
    engine.dispose()
    [(actor, action, entity, after)] = entries
    assert (actor, action, entity) == ("cli (operator)", "import", "laporan")
    assert json.loads(after) == {"ditambah": 7, "diperbarui": 0, "sama": 0, "ditolak": 9, "berkas": "rekap.xlsx"}


def test_activities(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, write(tmp_path, "kegiatan.xlsx", activities_xlsx()), "--jenis", "kegiatan") == 0
    assert "Ditambahkan: 3\n" in capsys.readouterr().out
    assert stored(db_url, Kegiatan) == 3


def test_exit_1_when_no_row_can_be_imported(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [HEADER, *[[n, "31/02/2026", "RT 2 / RW 3", "sampah", f"Salah {n}"] for n in range(1, 26)]]
    assert run(db_url, write(tmp_path, "salah.csv", csv_bytes(rows))) == 1
    out = capsys.readouterr().out
    assert "Ditolak: 25\n" in out
    assert "  baris 21:" in out and "  baris 22:" not in out  # the first 20 reasons
    assert "… dan 5 baris ditolak lainnya" in out
    assert stored(db_url) == 0


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("laporan.xlsx", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "bukan berkas CSV atau XLSX (isinya PDF)"),
        ("kosong.csv", b"", "Berkas kosong."),
        ("rusak.xlsx", b"PK\x03\x04 rusak", "Berkas rusak atau tidak bisa dibaca sebagai XLSX."),
    ],
)
def test_refused_files_exit_1_with_the_reason_and_write_nothing(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    assert run(db_url, write(tmp_path, name, data)) == 1
    assert message in capsys.readouterr().err
    assert stored(db_url) == 0


def test_an_oversized_file_is_refused_before_it_is_read(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "besar.csv"
    with path.open("wb") as out:  # sparse: the size is checked, the content never read
        out.truncate(import_reading.upload_limit_bytes() + 1)
    assert run(db_url, str(path)) == 1
    assert "melebihi batas 20 MB" in capsys.readouterr().err


def test_unknown_columns_are_mapped_with_map(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        "x.csv",
        csv_bytes(
            [
                ["Tanggal", "RT/RW", "Kategori", "Perihal X", "Paraf"],
                ["05/11/2026", "2/3", "sampah", "Sampah liar", "ttd"],
            ]
        ),
    )
    assert run(db_url, path) == 1
    assert "Kolom wajib belum ada: judul" in capsys.readouterr().err

    assert run(db_url, path, "--map", "Perihal X=judul", "--map", "paraf=") == 0
    out = capsys.readouterr().out
    assert "Perihal X → Judul" in out and "Kolom diabaikan: Paraf" in out
    assert stored(db_url) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--map", "Perihal X"], "--map harus berbentuk"),
        (["--map", "Perihal X=judulnya"], "isian 'judulnya' tidak dikenal"),
        (["--kelurahan", "Kutorejo"], "--kelurahan harus kode Kemendagri"),
        (["--kelurahan", "35.14.11.2001"], "belum ada di database"),
    ],
)
def test_usage_errors_exit_2(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    path = write(tmp_path, "x.csv", csv_bytes([HEADER, [1, "05/11/2026", "2/3", "sampah", "Sampah"]]))
    assert run(db_url, path, *args) == 2
    assert message in capsys.readouterr().err


def test_a_missing_file_is_a_usage_error(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_url, str(tmp_path / "tidak-ada.xlsx")) == 2
    assert "berkas tidak ditemukan" in capsys.readouterr().err


def test_a_header_row_under_a_title_is_found(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = xlsx_bytes([["REKAP 2026"], [], HEADER, [1, "05/11/2026", "2/3", "sampah", "Sampah"]])
    assert run(db_url, write(tmp_path, "x.xlsx", data)) == 0
    assert "Ditambahkan: 1\n" in capsys.readouterr().out
