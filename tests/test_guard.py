"""The upload guard: archives, images and sheets are checked before a parser sees them (intake/guard.py)."""

from __future__ import annotations

import io
import os
import random
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from PIL import Image

from kutorejo_data.intake import guard
from kutorejo_data.intake.guard import Limits, UploadRefused, check_archive, check_image, upload_limits
from kutorejo_data.intake.reading import ImportRefused, read_table
from tests.bombs import bomb_xlsx
from tests.spreadsheets import csv_bytes, xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """An XLSX of about a megabyte whose sharedStrings part unpacks to 1.1 GiB."""
    return bomb_xlsx(1100)


def test_a_zip_bomb_xlsx_is_refused_at_once_with_memory_bounded(bomb: bytes) -> None:
    assert len(bomb) < 2 * MIB
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ImportRefused) as refused:
        read_table(bomb, "laporan")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert refused.value.key == "upload.refused.part_too_large"
    assert refused.value.values["part"] == "xl/sharedStrings.xml"
    assert elapsed < 1 and peak < 20 * MIB


def _one_part_zip(name: str, data: bytes, **extra: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
        for other, content in extra.items():
            archive.writestr(other, content)
    return out.getvalue()


def test_a_part_within_the_size_limit_but_packed_too_tightly_is_refused() -> None:
    packed = _one_part_zip("xl/sharedStrings.xml", b"A" * (50 * MIB))  # ~50 KB: a ratio of about a thousand
    with pytest.raises(UploadRefused) as refused:
        check_archive(packed)
    assert refused.value.key == "upload.refused.ratio" and refused.value.values["ratio"] > 500


def test_small_parts_may_compress_well_and_real_workbooks_pass() -> None:
    check_archive(_one_part_zip("xl/styles.xml", b"<a/>" * 100_000))  # 400 KB of markup: under the ratio floor
    check_archive(xlsx_bytes([["Tanggal", "Judul"], *[["29/11/2026", f"Selokan {n}"] for n in range(5000)]]))


@pytest.mark.parametrize(
    ("limits", "key"),
    [
        (Limits(max_parts=3), "upload.refused.too_many_parts"),
        (Limits(max_unpacked=6 * MIB, max_part=4 * MIB), "upload.refused.unpacked_too_large"),
        (Limits(max_part=1 * MIB), "upload.refused.part_too_large"),
    ],
)
def test_each_archive_limit(limits: Limits, key: str) -> None:
    rng = random.Random(24).randbytes(3 * MIB)  # 3 MiB that do not compress away
    archive = _one_part_zip("a.xml", rng, **{"b.xml": rng, "c.xml": b"<c/>", "d.xml": b"<d/>"})
    with pytest.raises(UploadRefused) as refused:
        check_archive(archive, limits)
    assert refused.value.key == key


def test_an_xml_part_declaring_entities_is_refused() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]><sst>&a;</sst>'
    with pytest.raises(UploadRefused) as refused:
        check_archive(_one_part_zip("xl/sharedStrings.xml", laughs))
    assert refused.value.key == "upload.refused.dtd"


def test_a_damaged_archive_is_refused() -> None:
    with pytest.raises(UploadRefused) as refused:
        check_archive(b"PK\x03\x04" + b"\x00" * 100)
    assert refused.value.key == "upload.refused.broken_archive"


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds no pixels (what a decompression bomb looks like to a header reader)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    idat = zlib.compress(b"")
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk
        + struct.pack(">I", len(idat))
        + b"IDAT"
        + idat
        + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    )


def test_an_image_is_measured_from_its_header_without_decoding() -> None:
    photo = io.BytesIO()
    Image.new("RGB", (640, 480), "white").save(photo, "JPEG")
    assert check_image(photo.getvalue()) == (640, 480, "JPEG")
    started = time.perf_counter()
    with pytest.raises(UploadRefused) as refused:
        check_image(_png_header(10_000, 10_000))  # 100 megapixels in a few bytes
    assert refused.value.key == "upload.refused.pixels" and refused.value.values["megapixels"] == 100
    with pytest.raises(UploadRefused) as refused:
        check_image(_png_header(100_000, 100_000))  # over Pillow's own bomb limit too
    assert refused.value.key == "upload.refused.pixels_over"
    assert time.perf_counter() - started < 1
    with pytest.raises(UploadRefused) as refused:
        check_image(b"GIF89a but not really")
    assert refused.value.key == "upload.refused.not_image"


def test_the_limits_are_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    assert upload_limits() == Limits()
    monkeypatch.setenv("KUTOREJO_IMPORT_MAX_ROWS", "3")
    monkeypatch.setenv("KUTOREJO_IMPORT_MAX_COLUMNS", "4")
    assert (upload_limits().max_rows, upload_limits().max_columns) == (3, 4)
    rows = [["Tanggal", "Judul"], *[["29/11/2026", "Selokan"]] * 4]
    with pytest.raises(ImportRefused) as refused:
        read_table(csv_bytes(rows), "laporan")
    assert refused.value.key == "import.refused.too_many_rows"
    with pytest.raises(ImportRefused) as refused:
        read_table(csv_bytes([["Tanggal", "Judul", "a", "b", "c"], ["29/11/2026", "x", 1, 2, 3]]), "laporan")
    assert refused.value.key == "import.refused.too_many_columns"
    monkeypatch.setenv("KUTOREJO_UPLOAD_MAX_RATIO", "banyak")
    with pytest.raises(ValueError, match="KUTOREJO_UPLOAD_MAX_RATIO"):
        upload_limits()


def test_every_limit_has_its_setting_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    settings = [value for value in vars(guard).values() if isinstance(value, guard.Setting)]
    assert len(settings) == 7
    assert [s.env for s in settings if s.env not in readme] == []


def test_the_command_line_refuses_the_bomb_quickly(tmp_path: Path, fresh_db_url: str, bomb: bytes) -> None:
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(bomb)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kutorejo_data", "--database-url", fresh_db_url, "import", str(path), "--dry-run"],
        cwd=ROOT,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "terbuka menjadi" in done.stderr and "Traceback" not in done.stderr
    assert time.perf_counter() - started < 20  # mostly the interpreter starting; the refusal itself is instant
