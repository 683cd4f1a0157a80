"""The report map: points coloured by status and sized by age over OpenStreetMap tiles, or over the kelurahan's own
RW/RT polygons alone on a white background (no tiles: it still says something without internet)."""

from __future__ import annotations

import html
import math
from collections.abc import Iterator
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from kutorejo_data.core import domain
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import category_label, t

# Strong enough to see on a street map; the list's badge colours, darker.
STATUS_POINT_COLORS = {
    domain.STATUS_BARU: "#2563eb",
    domain.STATUS_DIVERIFIKASI: "#7c3aed",
    domain.STATUS_DIPROSES: "#d97706",
    domain.STATUS_SELESAI: "#059669",
    domain.STATUS_DITOLAK: "#6b7280",
    domain.STATUS_DUPLIKAT: "#9ca3af",
}
BOUNDARY_LINE = "#1f5f99"
BOUNDARY_FILL = "rgba(31, 95, 153, 0.07)"
TILE_STYLE = "open-street-map"  # OpenStreetMap's own tiles: no token, only internet
BLANK_STYLE = "white-bg"  # built into Plotly: nothing is fetched
DEFAULT_CENTRE = (-7.655, 112.69)  # Kutorejo, Pandaan
MAP_HEIGHT = 560
AGE_FOR_LARGEST = 90  # days: older reports are drawn no larger


def point_size(age_days: float) -> float:
    """Marker size by a report's age: 7 px when new, growing with the square root up to 19 px at 90 days."""
    return 7 + 12 * math.sqrt(min(max(age_days, 0.0), AGE_FOR_LARGEST) / AGE_FOR_LARGEST)


def _coordinates(geojson: dict[str, Any] | None) -> Iterator[tuple[float, float]]:
    for feature in (geojson or {}).get("features", []):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                for lon, lat in ring:
                    yield lat, lon


def _view(points: pd.DataFrame, geojson: dict[str, Any] | None, height: int) -> tuple[dict[str, float], float]:
    """Centre and zoom that fit the points and the polygons into a phone-wide map of this height."""
    lats = [*points["lat"], *(lat for lat, _ in _coordinates(geojson))]
    lons = [*points["lon"], *(lon for _, lon in _coordinates(geojson))]
    if not lats:
        return {"lat": DEFAULT_CENTRE[0], "lon": DEFAULT_CENTRE[1]}, 13.0
    lat_span = max(max(lats) - min(lats), 0.002)
    lon_span = max(max(lons) - min(lons), 0.002)
    # Web-map zoom z shows 256·2^z pixels per 360°: fit the span into a phone-wide box a little lower than the map.
    zoom = min(math.log2(340 * 360 / (256 * lon_span)), math.log2((height - 60) * 360 / (256 * lat_span)))
    centre = {"lat": (max(lats) + min(lats)) / 2, "lon": (max(lons) + min(lons)) / 2}
    return centre, round(min(max(zoom, 10.0), 17.0), 2)


def _centroid(feature: dict[str, Any]) -> tuple[float, float]:
    """The average of the outer ring's points: where a label goes (good enough for the compact shapes of RWs)."""
    geometry = feature["geometry"]
    ring = geometry["coordinates"][0] if geometry["type"] == "Polygon" else geometry["coordinates"][0][0]
    return sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring)


def _boundary_labels(geojson: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A hover label at the middle of each named polygon, as one text trace (none without polygons)."""
    labelled = [f for f in (geojson or {}).get("features") or [] if f["properties"].get("label")]
    if not labelled:
        return []
    centres = [_centroid(f) for f in labelled]
    return [
        {
            "type": "scattermap",
            "lat": [c[0] for c in centres],
            "lon": [c[1] for c in centres],
            "mode": "text",
            "text": [html.escape(f["properties"]["label"]) for f in labelled],
            "textfont": {"size": 12, "color": BOUNDARY_LINE},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    ]


def _boundary_layers(geojson: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The polygons as map layers under the points: filled, then outlined."""
    if not geojson or not geojson.get("features"):
        return []
    return [
        {"source": geojson, "type": "fill", "color": BOUNDARY_FILL, "below": "traces"},
        {"source": geojson, "type": "line", "color": BOUNDARY_LINE, "line": {"width": 1.5}, "below": "traces"},
    ]


def _status_points(rows: pd.DataFrame, status: str, lang: str) -> dict[str, Any]:
    """One status's reports as a trace: its legend entry, sized by age, each naming its report on hover."""
    hover = [
        f"<b>#{nomor}</b> {html.escape(judul)}<br>RT {rt}/RW {rw} · {html.escape(category_label(slug, nama, lang))}"
        f"<br>{t('peta.age', lang, days=fmt_int(math.floor(umur), lang))}"
        for nomor, judul, rt, rw, slug, nama, umur in zip(
            rows["nomor"],
            rows["judul"],
            rows["rt"],
            rows["rw"],
            rows["kategori"],
            rows["kategori_nama"],
            rows["umur"],
            strict=True,
        )
    ]
    return {
        "type": "scattermap",
        "lat": rows["lat"],
        "lon": rows["lon"],
        "mode": "markers",
        "name": t(f"status.{status}", lang),
        "marker": {"size": [point_size(a) for a in rows["umur"]], "color": STATUS_POINT_COLORS[status]},
        "customdata": [[int(n)] for n in rows["nomor"]],
        "hovertext": hover,
        "hoverinfo": "text",
    }


def report_map(
    points: pd.DataFrame, geojson: dict[str, Any] | None, lang: str, *, tiles: bool = True, height: int = MAP_HEIGHT
) -> go.Figure:
    """One trace per status (its legend entry); each point carries its report number (customdata) and names it on
    hover. Built without Plotly's validation: it checks each of a map's thousands of points (20–100 ms a rerun at
    1M reports) and finds nothing in a figure whose every property the tests validate (tests/test_map.py)."""
    by_status = [(status, points[points["status"] == status]) for status in domain.STATUSES]
    traces = _boundary_labels(geojson) + [_status_points(rows, s, lang) for s, rows in by_status if not rows.empty]
    centre, zoom = _view(points, geojson, height)
    layout = {
        "map": {
            "style": TILE_STYLE if tiles else BLANK_STYLE,
            "center": centre,
            "zoom": zoom,
            "layers": _boundary_layers(geojson),
        },
        "height": height,
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.01, "xanchor": "left", "x": 0},
        "separators": ".," if lang == "en" else ",.",
        "clickmode": "event+select",
        "font": {"size": 14},
    }
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def boundary_map(geojson: dict[str, Any], lang: str, *, height: int = 420) -> go.Figure:
    """The polygons alone on a white background: the preview of an upload in Pengaturan."""
    return report_map(
        pd.DataFrame(
            columns=["nomor", "lat", "lon", "status", "judul", "kategori", "kategori_nama", "rw", "rt", "umur"]
        ),
        geojson,
        lang,
        tiles=False,
        height=height,
    )
