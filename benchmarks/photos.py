"""`python -m benchmarks.photos [--postgres ADMIN_URL]`: what a stored photo costs and how long a report with 4 photos
takes to save.

- Bytes per photo: the stored JPEG and its thumbnail (what `foto` keeps per row), median and range, over the demo's
  synthetic photos and over phone-like test photos (12 MP landscape and portrait with sensor-like noise, a 50 MP one,
  a PNG screenshot), each re-encoded by the same code as an upload.
- Saving a report with 4 photos of 12 MP: reading and re-encoding the four (intake/photos.py) and the one write
  transaction (create_report), medians of --repeat runs, on SQLite and (with --postgres) on PostgreSQL.

Prints the figures as text and as one JSON line. Time is measured with perf_counter (not the app's clock).
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import tempfile
import time
import uuid
from datetime import date, datetime
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image, ImageDraw
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import Foto
from kutorejo_data.demo.generate import generate_demo
from kutorejo_data.intake.photos import Upload, prepare_photos
from kutorejo_data.records.report_writes import NewReport, create_report
from kutorejo_data.store.migrate import migrate

KUTOREJO = "35.14.11.1006"
NOW = datetime(2026, 12, 7, 8, 0)
GPS = {1: "S", 2: (7.0, 39.0, 4.3), 3: "E", 4: (112.0, 40.0, 55.0)}


def phone_like(width: int, height: int, seed: int) -> Image.Image:
    """A street-like scene with the grain of a phone sensor (noise is what makes real photos cost bytes)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    base = np.stack([120 + 60 * np.sin(x / 97.0), 110 + 50 * np.cos(y / 83.0), 100 + 40 * np.sin((x + y) / 151.0)], -1)
    image = Image.fromarray(np.clip(base + rng.normal(0, 9, (height, width, 3)), 0, 255).astype("uint8"))
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x0, y0 = int(rng.uniform(0, width)), int(rng.uniform(0, height))
        size = int(rng.uniform(20, width / 6))
        draw.rectangle([x0, y0, x0 + size, y0 + size // 2], fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    return image


def phone_jpeg(image: Image.Image, orientation: int = 1) -> bytes:
    """As a phone saves it: quality 92, EXIF with camera, time, orientation and GPS."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make], exif[ExifTags.Base.Orientation] = "Bench", orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def test_uploads() -> list[Upload]:
    """Phone-like uploads: 12 MP landscape and portrait, 50 MP, and a PNG screenshot."""
    screenshot = io.BytesIO()
    phone_like(1080, 2400, 4).save(screenshot, "PNG")
    return [
        Upload("12mp-landscape.jpg", phone_jpeg(phone_like(4000, 3000, 1))),
        Upload("12mp-portrait.jpg", phone_jpeg(phone_like(4000, 3000, 2), orientation=6)),
        Upload("12mp-b.jpg", phone_jpeg(phone_like(4000, 3000, 5))),
        Upload("50mp.jpg", phone_jpeg(phone_like(8160, 6120, 3))),
        Upload("screenshot.png", screenshot.getvalue()),
    ]


def _summary(values: list[int]) -> dict[str, int]:
    return {"median": int(statistics.median(values)), "min": min(values), "max": max(values), "n": len(values)}


def stored_bytes(demo_url: str, uploads: list[Upload]) -> dict[str, object]:
    """Bytes per stored photo (image + thumbnail), over the demo's photos and over the test uploads."""
    engine = make_engine(demo_url)
    with engine.connect() as conn:
        demo = [len(a) + len(b) for a, b in conn.execute(select(Foto.gambar, Foto.gambar_kecil))]
    engine.dispose()
    prepared = prepare_photos(uploads[:4]).photos + prepare_photos(uploads[4:]).photos
    tests = [len(p.gambar) + len(p.gambar_kecil) for p in prepared]
    uploaded = [len(u.data) for u in uploads]
    return {
        "demo": _summary(demo),
        "test_photos": _summary(tests),
        "test_uploads_as_sent": _summary(uploaded),
        "all": _summary(demo + tests),
    }


def save_time(url: str, uploads: list[Upload], repeat: int) -> dict[str, float]:
    """Seconds to re-encode 4 uploads and to write the report with them (one transaction), medians."""
    engine = make_engine(url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO kelurahan (kode, nama, kecamatan, kabupaten) VALUES (:k, 'Kutorejo', 'Pandaan', 'Kab')"),
            {"k": KUTOREJO},
        )
        conn.execute(text("INSERT INTO rw (kelurahan_id, nomor, aktif) SELECT id, '03', true FROM kelurahan"))
        conn.execute(text("INSERT INTO rt (rw_id, nomor, aktif) SELECT id, '002', true FROM rw"))
    prepare, write = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        photos = prepare_photos(uploads).photos
        prepared = time.perf_counter()
        report = NewReport(KUTOREJO, "03", "002", "drainase-banjir", "Selokan mampet", photos=photos)
        create_report(engine, report, actor="bench", now=NOW)
        write.append(time.perf_counter() - prepared)
        prepare.append(prepared - started)
    engine.dispose()
    return {
        "prepare_4_photos_s": round(statistics.median(prepare), 3),
        "write_report_with_4_photos_s": round(statistics.median(write), 3),
        "total_s": round(statistics.median(p + w for p, w in zip(prepare, write, strict=True)), 3),
    }


def _postgres(admin_url: str) -> tuple[str, object]:
    admin = create_engine(make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    name = f"kutorejo_bench_photos_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False), (admin, name)


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--postgres", help="an admin URL of a PostgreSQL server: measure the save there too")
    args = parser.parse_args()
    uploads = test_uploads()
    four = [u for u in uploads if u.name.startswith("12mp")] + [uploads[0]]
    with tempfile.TemporaryDirectory() as folder:
        demo_url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        demo = make_engine(demo_url)
        migrate(demo)
        generate_demo(demo, seed=7, end=date(2026, 11, 29))
        demo.dispose()
        results: dict[str, object] = {"bytes_per_photo": stored_bytes(demo_url, uploads)}
        results["save_sqlite"] = save_time(f"sqlite:///{Path(folder) / 'save.sqlite3'}", four, args.repeat)
    if args.postgres:
        url, (admin, name) = _postgres(args.postgres)
        try:
            results["save_postgresql"] = save_time(url, four, args.repeat)
        finally:
            with admin.connect() as conn:  # type: ignore[attr-defined]
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    per_photo = results["bytes_per_photo"]
    assert isinstance(per_photo, dict)
    for source in ("demo", "test_photos", "all"):
        figures = per_photo[source]
        print(
            f"stored bytes per photo ({source}): median {figures['median']:,}, {figures['min']:,}–{figures['max']:,}"
            f" over {figures['n']}"
        )
    for backend in ("save_sqlite", "save_postgresql"):
        if backend in results:
            print(f"{backend}: {results[backend]}")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
