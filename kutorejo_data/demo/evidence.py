"""The demo's evidence and place: synthetic RW boundaries around Kutorejo and a few synthetic report photos.

Both are clearly illustrative: the boundaries are the Voronoi cells of the demo's RW centres inside a box around its
reports (`contoh` on the map, and the map says so), and every photo is a drawn scene reading "FOTO CONTOH". The
same seed and data always give the same polygons and the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import numpy as np
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import Connection, insert, select

from kutorejo_data.core import domain
from kutorejo_data.core.models import Foto, Kategori, Laporan, PetaWilayah, StatusHistory
from kutorejo_data.records.photos import encode_photo

BOUNDARY_MARGIN = 0.004  # degrees (about 450 m) around the outermost RT
PHOTO_SIZE = (1024, 768)
RESOLVED_WITH_PHOTOS = 14  # resolved reports with a before and an after photo
OPEN_WITH_PHOTOS = 10  # open reports with a before photo
PHOTO_MONTHS = 3  # the photos belong to reports of the last months (those a meeting shows)
Point = tuple[float, float]  # (lon, lat)


def _clip(polygon: list[Point], keep: Point, other: Point) -> list[Point]:
    """The part of a convex polygon nearer to `keep` than to `other` (Sutherland–Hodgman against their bisector)."""
    normal = (other[0] - keep[0], other[1] - keep[1])
    middle = ((other[0] + keep[0]) / 2, (other[1] + keep[1]) / 2)

    def side(p: Point) -> float:
        return (p[0] - middle[0]) * normal[0] + (p[1] - middle[1]) * normal[1]

    clipped: list[Point] = []
    for i, current in enumerate(polygon):
        previous = polygon[i - 1]
        inside_now, inside_before = side(current) <= 0, side(previous) <= 0
        if inside_now != inside_before:
            t = side(previous) / (side(previous) - side(current))
            clipped.append((previous[0] + t * (current[0] - previous[0]), previous[1] + t * (current[1] - previous[1])))
        if inside_now:
            clipped.append(current)
    return clipped


def voronoi_cells(centres: Sequence[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """Each centre's Voronoi cell inside the box (min lon, min lat, max lon, max lat): the RWs tile the kelurahan."""
    west, south, east, north = box
    cells = []
    for i, centre in enumerate(centres):
        cell = [(west, south), (east, south), (east, north), (west, north)]
        for j, other in enumerate(centres):
            if i != j and cell:
                cell = _clip(cell, centre, other)
        cells.append(cell)
    return cells


def boundary_geojson(rws: Sequence[tuple[str, float, float]], rts: Sequence[tuple[float, float]]) -> dict:
    """RW polygons (`rw`, `label`) as a FeatureCollection, from RW centres and the RTs' positions (lat, lon)."""
    lats = [lat for lat, _ in rts] + [lat for _, lat, _ in rws]
    lons = [lon for _, lon in rts] + [lon for _, _, lon in rws]
    box = (
        min(lons) - BOUNDARY_MARGIN,
        min(lats) - BOUNDARY_MARGIN,
        max(lons) + BOUNDARY_MARGIN,
        max(lats) + BOUNDARY_MARGIN,
    )
    cells = voronoi_cells([(lon, lat) for _, lat, lon in rws], box)
    features = []
    for (nomor, _, _), cell in zip(rws, cells, strict=True):
        ring = [[round(lon, 6), round(lat, 6)] for lon, lat in cell]
        features.append(
            {
                "type": "Feature",
                "properties": {"rw": nomor, "rt": None, "label": f"RW {nomor}"},
                "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def add_demo_boundaries(
    conn: Connection,
    kelurahan_id: int,
    rws: Sequence[tuple[str, float, float]],
    rts: Sequence[tuple[float, float]],
    at: datetime,
) -> None:
    """Store the illustrative RW boundaries as the kelurahan's map, marked `contoh`."""
    geojson = boundary_geojson(rws, rts)
    conn.execute(
        insert(PetaWilayah).values(
            kelurahan_id=kelurahan_id,
            geojson=json.dumps(geojson, separators=(",", ":")),
            fitur=len(geojson["features"]),
            nama_file="contoh-batas-rw.geojson",
            contoh=True,
            updated_at=at,
            updated_by="demo",
        )
    )


_BEFORE_TONES = ((122, 98, 72), (96, 88, 80), (133, 110, 80))  # mud, grey water, dust
_AFTER_TONES = ((86, 140, 96), (92, 128, 150), (120, 150, 110))  # clean, clear, green


def demo_picture(nomor: int, jenis: str, caption: str, seed: int) -> Image.Image:
    """A drawn street scene (sky, road, a drain, a lamp post) in the tones of before or after, reading FOTO CONTOH."""
    rng = np.random.default_rng([seed, nomor, domain.PHOTO_KINDS.index(jenis)])
    width, height = PHOTO_SIZE
    tones = _BEFORE_TONES if jenis == domain.PHOTO_BEFORE else _AFTER_TONES
    ground = tones[int(rng.integers(len(tones)))]
    image = Image.new("RGB", PHOTO_SIZE, (190, 214, 232))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.35, 0.45))
    draw.rectangle([0, horizon, width, height], fill=ground)
    draw.polygon(
        [(width * 0.35, height), (width * 0.48, horizon), (width * 0.52, horizon), (width * 0.65, height)],
        fill=(70, 70, 72),
    )
    draw.rectangle([0, int(height * 0.78), width, int(height * 0.84)], fill=(60, 60, 60))  # the drain
    if jenis == domain.PHOTO_BEFORE:  # rubbish in it, and puddles
        for _ in range(40):
            x, y = int(rng.uniform(0, width)), int(rng.uniform(height * 0.74, height * 0.9))
            r = int(rng.uniform(6, 22))
            draw.ellipse([x - r, y - r // 2, x + r, y + r // 2], fill=tuple(int(v) for v in rng.integers(40, 200, 3)))
    post = int(width * rng.uniform(0.75, 0.9))
    draw.rectangle([post, int(horizon * 0.6), post + 10, int(height * 0.76)], fill=(80, 80, 80))
    lamp = (255, 236, 140) if jenis == domain.PHOTO_AFTER else (90, 90, 90)
    draw.ellipse([post - 20, int(horizon * 0.6) - 20, post + 30, int(horizon * 0.6) + 10], fill=lamp)
    big, small = ImageFont.load_default(size=64), ImageFont.load_default(size=30)
    draw.rectangle([0, 0, width, 150], fill=(255, 255, 255))
    draw.text((30, 20), "FOTO CONTOH", font=big, fill=(180, 30, 30))
    draw.text((30, 100), caption, font=small, fill=(20, 20, 20))
    return image


def _photo_row(laporan_id: int, jenis: str, image: Image.Image, at: datetime, by: str) -> dict[str, object]:
    photo = encode_photo(image)
    return {
        "laporan_id": laporan_id,
        "jenis": jenis,
        "gambar": photo.gambar,
        "gambar_kecil": photo.gambar_kecil,
        "lebar": photo.lebar,
        "tinggi": photo.tinggi,
        "ukuran": len(photo.gambar),
        "publik": jenis == domain.PHOTO_AFTER,  # in the demo every resolver lets residents see the result
        "created_at": at,
        "created_by": by,
    }


def add_demo_photos(conn: Connection, seed: int, since: datetime) -> int:
    """A before photo for a few recent reports of the photo-required categories, and an after photo for those
    resolved; returns how many photos were added."""
    infrastructure = select(Kategori.id).where(Kategori.foto_sesudah_wajib.is_(True)).scalar_subquery()
    first_entry = (
        select(StatusHistory.changed_by)
        .where(StatusHistory.laporan_id == Laporan.id, StatusHistory.from_status.is_(None))
        .limit(1)
        .scalar_subquery()
    )
    resolved_by = (
        select(StatusHistory.changed_by)
        .where(StatusHistory.laporan_id == Laporan.id, StatusHistory.to_status == domain.STATUS_SELESAI)
        .order_by(StatusHistory.changed_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = conn.execute(
        select(
            Laporan.id, Laporan.status, Laporan.reported_at, Laporan.updated_at, Kategori.nama, first_entry, resolved_by
        )
        .join(Kategori, Kategori.id == Laporan.kategori_id)
        .where(Laporan.kategori_id.in_(infrastructure), Laporan.reported_at >= since)
        .order_by(Laporan.id)
    ).all()
    resolved = [row for row in rows if row.status == domain.STATUS_SELESAI]
    still_open = [row for row in rows if row.status in domain.OPEN_STATUSES]
    rng = np.random.default_rng([seed, 3])
    chosen = [
        *(resolved[i] for i in sorted(rng.permutation(len(resolved))[:RESOLVED_WITH_PHOTOS])),
        *(still_open[i] for i in sorted(rng.permutation(len(still_open))[:OPEN_WITH_PHOTOS])),
    ]
    values = []
    for row in chosen:
        caption = f"#{row.id} · {row.nama} · sebelum"
        values.append(
            _photo_row(
                row.id,
                domain.PHOTO_BEFORE,
                demo_picture(row.id, domain.PHOTO_BEFORE, caption, seed),
                row.reported_at,
                row[5],
            )
        )
        if row.status == domain.STATUS_SELESAI:
            caption = f"#{row.id} · {row.nama} · sesudah"
            picture = demo_picture(row.id, domain.PHOTO_AFTER, caption, seed)
            values.append(_photo_row(row.id, domain.PHOTO_AFTER, picture, row.updated_at, row[6] or row[5]))
    if values:
        conn.execute(insert(Foto), values)
    return len(values)
