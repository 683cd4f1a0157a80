"""The kelurahan's RW/RT boundaries as a GeoJSON file (from QGIS, geojson.io or the kecamatan), checked and reduced
to what the map draws: polygons with the RW (and RT) they outline.

A file is refused, with the reason, when it is not JSON or not GeoJSON, holds something other than polygons (lines,
points), lies outside Indonesia (usually latitude and longitude swapped), or is larger than a map of RWs can be.
The limits are named settings here until the one upload guard takes them over.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kutorejo_data.core.coordinates import in_indonesia
from kutorejo_data.core.domain import format_rt, format_rw
from kutorejo_data.core.errors import ServiceError

MAX_GEOJSON_BYTES = 5 * 1024 * 1024
MAX_FEATURES = 500
MAX_VERTICES = 200_000
UPLOAD_TYPES = ("geojson", "json")
POLYGONS = ("Polygon", "MultiPolygon")
_RW_KEYS = ("rw", "no_rw", "nomor_rw", "rw_no", "norw")
_RT_KEYS = ("rt", "no_rt", "nomor_rt", "rt_no", "nort")
_NAME_KEYS = ("nama", "name", "label", "namobj", "wilayah", "keterangan")
_RW_IN_TEXT = re.compile(r"\bRW\s*\.?\s*(\d{1,3})\b", re.IGNORECASE)
_RT_IN_TEXT = re.compile(r"\bRT\s*\.?\s*(\d{1,3})\b", re.IGNORECASE)


@dataclass(frozen=True)
class BoundaryMap:
    """Polygons ready to store: a GeoJSON FeatureCollection whose features carry `rw`, `rt` and `label` only."""

    geojson: str
    features: int


def _rings(geometry: dict[str, Any]) -> Iterator[list[Any]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def _clean_ring(ring: Any, position: int) -> list[list[float]]:
    """A ring's points as [lon, lat] rounded to 6 decimals (10 cm); refuses anything that is not a closed ring."""
    if not isinstance(ring, list) or len(ring) < 4:
        raise ServiceError("error.geojson_bad_polygon", nomor=position)
    points = []
    for point in ring:
        if not (isinstance(point, list) and len(point) >= 2 and all(isinstance(v, int | float) for v in point[:2])):
            raise ServiceError("error.geojson_bad_polygon", nomor=position)
        lon, lat = float(point[0]), float(point[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ServiceError("error.geojson_bad_polygon", nomor=position)
        if not in_indonesia(lat, lon):
            raise ServiceError("error.geojson_outside", nomor=position, lat=round(lat, 4), lon=round(lon, 4))
        points.append([round(lon, 6), round(lat, 6)])
    return points


def _clean_geometry(geometry: Any, position: int) -> dict[str, Any]:
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONS:
        kind = geometry.get("type") if isinstance(geometry, dict) else "—"
        raise ServiceError("error.geojson_not_polygon", nomor=position, jenis=str(kind))
    try:
        rings = list(_rings(geometry))
    except (KeyError, TypeError):
        raise ServiceError("error.geojson_bad_polygon", nomor=position) from None
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_clean_ring(ring, position) for ring in rings]}
    try:
        polygons = [[_clean_ring(ring, position) for ring in polygon] for polygon in geometry["coordinates"]]
    except TypeError:
        raise ServiceError("error.geojson_bad_polygon", nomor=position) from None
    return {"type": "MultiPolygon", "coordinates": polygons}


def _number(properties: dict[str, Any], keys: tuple[str, ...], pattern: re.Pattern[str]) -> str | None:
    lowered = {str(key).lower(): value for key, value in properties.items()}
    for key in keys:
        value = lowered.get(key)
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            or (isinstance(value, str) and value.isdigit())
        ):
            return str(int(value))
        if isinstance(value, str) and (found := pattern.search(value) or re.fullmatch(r"\s*(\d{1,3})\s*", value)):
            return found.group(1)
    for key in _NAME_KEYS:
        value = lowered.get(key)
        if isinstance(value, str) and (found := pattern.search(value)):
            return found.group(1)
    return None


def _properties(raw: Any) -> dict[str, str | None]:
    """The RW, RT and a label of a feature, from the usual property names (`rw`, `RW`, `no_rw`, a `nama` of `RW 03`)."""
    properties = raw if isinstance(raw, dict) else {}
    rw = _number(properties, _RW_KEYS, _RW_IN_TEXT)
    rt = _number(properties, _RT_KEYS, _RT_IN_TEXT)
    rw = format_rw(rw) if rw else None
    rt = format_rt(rt) if rt and rw else None
    lowered = {str(key).lower(): value for key, value in properties.items()}
    name = next((str(lowered[key]) for key in _NAME_KEYS if isinstance(lowered.get(key), str | int)), None)
    label = f"RT {rt}/RW {rw}" if rt else f"RW {rw}" if rw else (name or "")[:60]
    return {"rw": rw, "rt": rt, "label": label}


def _features(document: Any) -> list[Any]:
    if not isinstance(document, dict) or "type" not in document:
        raise ServiceError("error.geojson_invalid")
    kind = document["type"]
    if kind == "FeatureCollection" and isinstance(document.get("features"), list):
        return list(document["features"])
    if kind == "Feature":
        return [document]
    if kind in POLYGONS or kind in ("Point", "LineString", "MultiPoint", "MultiLineString", "GeometryCollection"):
        return [{"type": "Feature", "geometry": document, "properties": {}}]
    raise ServiceError("error.geojson_invalid")


def read_boundaries(data: bytes) -> BoundaryMap:
    """The polygons of an uploaded GeoJSON in the stored form; raises ServiceError with the reason when refused."""
    if len(data) > MAX_GEOJSON_BYTES:
        raise ServiceError("error.geojson_too_large", mb=MAX_GEOJSON_BYTES // (1024 * 1024))
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ServiceError("error.geojson_invalid") from None
    raw_features = _features(document)
    if not raw_features:
        raise ServiceError("error.geojson_empty")
    if len(raw_features) > MAX_FEATURES:
        raise ServiceError("error.geojson_too_many", n=len(raw_features), max=MAX_FEATURES)
    features, vertices = [], 0
    for position, feature in enumerate(raw_features, start=1):
        if not isinstance(feature, dict):
            raise ServiceError("error.geojson_invalid")
        geometry = _clean_geometry(feature.get("geometry"), position)
        rings = (
            geometry["coordinates"]
            if geometry["type"] == "Polygon"
            else [r for p in geometry["coordinates"] for r in p]
        )
        vertices += sum(len(ring) for ring in rings)
        if vertices > MAX_VERTICES:
            raise ServiceError("error.geojson_too_detailed", max=MAX_VERTICES)
        features.append({"type": "Feature", "properties": _properties(feature.get("properties")), "geometry": geometry})
    collection = {"type": "FeatureCollection", "features": features}
    return BoundaryMap(json.dumps(collection, separators=(",", ":"), ensure_ascii=False), len(features))
