"""Place: coordinates from what people paste, the kelurahan's boundary polygons, and the reports as map points."""

from __future__ import annotations

import json
from datetime import date, datetime

import plotly.graph_objects as go
import pytest
from plotly.utils import PlotlyJSONEncoder
from sqlalchemy import Engine, select

from kutorejo_data.core.coordinates import in_indonesia, parse_coordinates
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING, ReportFilters, Scope
from kutorejo_data.core.models import AuditLog
from kutorejo_data.demo.evidence import boundary_geojson, voronoi_cells
from kutorejo_data.intake.boundaries import read_boundaries
from kutorejo_data.records.boundaries import boundaries_of, save_boundaries
from kutorejo_data.records.report_map import report_points
from kutorejo_data.records.report_writes import NewReport, create_report
from kutorejo_data.ui.kit.map_charts import point_size, report_map
from tests.factories import KUTOREJO, add_area

NOW = datetime(2026, 12, 7, 8, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-7.65, 112.68", (-7.65, 112.68)),
        ("https://maps.google.com/?q=-7.65,112.68", (-7.65, 112.68)),
        ("https://www.google.com/maps/place/Balai+RW/@-7.6512,112.6823,17z/data=!3m1!4b1", (-7.6512, 112.6823)),
        (
            "https://www.google.com/maps/place/Masjid/@-7.6500,112.6800,17z/data=!4m6!3m5!1s0x0:0x0!8m2!3d-7.6512!4d112.6823",
            (-7.6512, 112.6823),  # the place itself (!3d!4d), not where the map was looking (@)
        ),
        ("https://www.google.com/maps/search/?api=1&query=-7.65%2C112.68", (-7.65, 112.68)),
        ("geo:-7.65,112.68", (-7.65, 112.68)),
        ("geo:-7.65,112.68;u=35?z=17", (-7.65, 112.68)),
        ("geo:0,0?q=-7.6512,112.6823(Balai RW 03)", (-7.6512, 112.6823)),
        ("https://www.openstreetmap.org/?mlat=-7.6512&mlon=112.6823#map=17/-7.6512/112.6823", (-7.6512, 112.6823)),
        ("https://www.openstreetmap.org/#map=17/-7.6512/112.6823", (-7.6512, 112.6823)),
        ("maps.google.com/?q=-7.65,112.68", (-7.65, 112.68)),
    ],
)
def test_coordinates_come_from_links_people_paste(text: str, expected: tuple[float, float]) -> None:
    assert parse_coordinates(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("https://maps.app.goo.gl/AbCdEf123", "error.coordinates_short_link"),
        ("https://www.google.com/maps/place/Pandaan", "error.coordinates_format"),
        ("Gang Mawar", "error.coordinates_format"),
    ],
)
def test_a_link_without_coordinates_says_why(text: str, key: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_coordinates(text)
    assert refused.value.fields == {"lat": key}


def test_indonesia_is_a_box_around_the_archipelago() -> None:
    assert in_indonesia(-7.65, 112.68) and in_indonesia(5.89, 95.32) and in_indonesia(-8.5, 140.4)
    assert not in_indonesia(51.5, -0.12) and not in_indonesia(0, 0) and not in_indonesia(112.68, -7.65)


# --- Boundaries -----------------------------------------------------------------------------------------------


def square(lon: float, lat: float, size: float = 0.004) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def feature(geometry: dict, **properties: object) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def test_polygons_keep_only_their_rw_rt_and_label() -> None:
    uploaded = collection(
        feature({"type": "Polygon", "coordinates": [square(112.68, -7.66)]}, RW="3", pemilik="Budi"),
        feature({"type": "Polygon", "coordinates": [square(112.69, -7.66)]}, nama="RT 02 RW 04"),
        feature({"type": "MultiPolygon", "coordinates": [[square(112.70, -7.66)], [square(112.71, -7.66)]]}, no_rw=5),
    )
    boundaries = read_boundaries(uploaded)
    stored = json.loads(boundaries.geojson)
    assert boundaries.features == 3
    assert [f["properties"] for f in stored["features"]] == [
        {"rw": "03", "rt": None, "label": "RW 03"},
        {"rw": "04", "rt": "002", "label": "RT 002/RW 04"},
        {"rw": "05", "rt": None, "label": "RW 05"},
    ]
    assert "Budi" not in boundaries.geojson


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"bukan json {", "error.geojson_invalid"),
        (b'{"hello": "world"}', "error.geojson_invalid"),
        (collection(), "error.geojson_empty"),
        (
            collection(feature({"type": "LineString", "coordinates": [[112.68, -7.65], [112.69, -7.65]]})),
            "error.geojson_not_polygon",
        ),
        (collection(feature({"type": "Point", "coordinates": [112.68, -7.65]})), "error.geojson_not_polygon"),
        (
            collection(feature({"type": "Polygon", "coordinates": [[[112.68, -7.65], [112.69, -7.65]]]})),
            "error.geojson_bad_polygon",
        ),
        # Latitude and longitude swapped: the usual mistake, far outside Indonesia.
        (
            collection(feature({"type": "Polygon", "coordinates": [[[p[1], p[0]] for p in square(112.68, -7.66)]]})),
            "error.geojson_outside",
        ),
    ],
    ids=["not-json", "not-geojson", "empty", "lines", "points", "open-ring", "swapped"],
)
def test_a_geojson_that_is_not_polygons_in_indonesia_is_refused(data: bytes, key: str) -> None:
    with pytest.raises(ServiceError) as refused:
        read_boundaries(data)
    assert refused.value.key == key


def test_only_the_office_saves_the_map_and_it_is_audited(any_db: Engine) -> None:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    boundaries = read_boundaries(collection(feature({"type": "Polygon", "coordinates": [square(112.68, -7.66)]}, rw=3)))
    for scope in (Scope(KUTOREJO, "03"), Scope(KUTOREJO, read_only=True)):
        with pytest.raises(ServiceError):
            save_boundaries(any_db, KUTOREJO, boundaries.geojson, 1, nama_file="rw.geojson", actor="x", scope=scope)
    save_boundaries(any_db, KUTOREJO, boundaries.geojson, 1, nama_file="rw.geojson", actor="lurah", scope=EVERYTHING)
    save_boundaries(any_db, KUTOREJO, boundaries.geojson, 1, nama_file="rw-2.geojson", actor="staf", scope=EVERYTHING)
    with any_db.connect() as conn:
        stored = boundaries_of(conn, KUTOREJO)
        logged = conn.execute(select(AuditLog.actor, AuditLog.action, AuditLog.entity).order_by(AuditLog.id)).all()
    assert stored is not None and stored.fitur == 1 and stored.nama_file == "rw-2.geojson" and not stored.contoh
    assert [tuple(row) for row in logged] == [("lurah", "create", "peta_wilayah"), ("staf", "update", "peta_wilayah")]


def test_the_demo_rws_tile_the_kelurahan() -> None:
    centres = [(112.68, -7.65), (112.69, -7.65), (112.685, -7.66)]
    cells = voronoi_cells(centres, (112.67, -7.67, 112.70, -7.64))
    assert all(len(cell) >= 3 for cell in cells)
    geojson = boundary_geojson([("01", -7.65, 112.68), ("02", -7.65, 112.69)], [(-7.651, 112.681)])
    assert read_boundaries(json.dumps(geojson).encode()).features == 2  # the demo's map passes the upload's checks


# --- Points -------------------------------------------------------------------------------------------------------


def test_the_map_shows_the_filtered_reports_with_coordinates_inside_the_scope(any_db: Engine) -> None:
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
        add_area(conn, rw="05", rt="001")
    for rw, rt, lat in (("03", "002", -7.65), ("03", "002", None), ("05", "001", -7.66)):
        coordinates = {"lat": lat, "lon": 112.68} if lat else {}
        create_report(
            any_db, NewReport(KUTOREJO, rw, rt, "lainnya", f"Laporan {rw}", **coordinates), actor="x", now=NOW
        )
    filters = ReportFilters(kelurahan_kode=KUTOREJO, dari=date(2026, 12, 1), sampai=date(2026, 12, 7))
    with any_db.connect() as conn:
        everyone = report_points(conn, filters, EVERYTHING, now=NOW)
        rw03 = report_points(conn, filters, Scope(KUTOREJO, "03"), now=NOW)
        asked_for_05 = report_points(conn, ReportFilters(KUTOREJO, rw="05"), Scope(KUTOREJO, "03"), now=NOW)
    assert (len(everyone.points), everyone.with_coordinates, everyone.total) == (2, 2, 3)
    assert list(rw03.points["rw"]) == ["03"] and (rw03.with_coordinates, rw03.total) == (1, 2)
    assert asked_for_05.points.empty and asked_for_05.total == 0
    figure = report_map(everyone.points, None, "id")
    assert sorted(n for trace in figure.data for [n] in trace.customdata) == sorted(everyone.points["nomor"])


@pytest.mark.parametrize(("lang", "tiles"), [("id", True), ("en", False)])
def test_the_map_built_unvalidated_is_what_plotly_validates(demo_db: Engine, lang: str, tiles: bool) -> None:
    """Every status, hover text and the RW polygons of the demo: Plotly's validation accepts each property as it
    is (it raises on one it does not know) and changes nothing but an empty list of layers it leaves out."""
    filters = ReportFilters(kelurahan_kode=KUTOREJO, dari=date(2025, 12, 1), sampai=date(2026, 11, 29))
    with demo_db.connect() as conn:
        found = report_points(conn, filters, EVERYTHING, now=datetime(2026, 11, 29, 20))
    polygons = boundary_geojson([("01", -7.65, 112.68), ("02", -7.65, 112.69)], [(-7.651, 112.681)])
    assert found.points["status"].nunique() == 6
    for geojson in (polygons, None):
        built = report_map(found.points, geojson, lang, tiles=tiles).to_dict()
        validated = json.loads(go.Figure(built).to_json())  # raises on a property Plotly does not know
        if not built["layout"]["map"]["layers"]:
            del built["layout"]["map"]["layers"]
        assert validated == json.loads(json.dumps(built, cls=PlotlyJSONEncoder))


def test_older_reports_are_drawn_larger_up_to_a_limit() -> None:
    assert point_size(0) < point_size(7) < point_size(30) < point_size(90) == point_size(400)
