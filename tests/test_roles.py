"""Every role on every page (AppTest, signed in through the login form): its own area only, whatever the link says.

The demo accounts stand for the roles: admin, lurah, staf, tamu (guest), rw03 (head of RW 03), rt03-002 (head
of RT 002 in RW 03). Each opens every page its role may open with a link that asks for somewhere else.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from sqlalchemy import ColumnElement, Engine, select
from streamlit.testing.v1 import AppTest

from kutorejo_data.access import permissions
from kutorejo_data.core.models import RT, RW, Laporan
from tests.signin import open_as


@dataclass(frozen=True)
class Visitor:
    """A demo account, the link it opens, the area its rows and charts may show, and the notice it gets."""

    username: str
    role: str
    params: dict[str, str]
    rw: str  # the only RW that may appear
    rt: str | None  # the only RT that may appear (an RT head)
    notice: str | None  # the out-of-area notice the link must produce

    def may_name(self, label: str) -> bool:
        """True unless the label names an area outside this visitor's (`002/03`, `RW 05`, `RT 001`)."""
        if match := re.fullmatch(r"(\d{3})/(\d{2})", label):
            return match[2] == self.rw and self.rt in (None, match[1])
        if match := re.fullmatch(r"RW (\d{2})", label):
            return match[1] == self.rw
        if match := re.fullmatch(r"RT (\d{3})", label):
            return self.rt in (None, match[1])
        return True


PERIOD = {"dari": "2025-12-01", "sampai": "2026-11-29"}
VISITORS = [
    Visitor("admin", "admin", {"rw": "05"}, "05", None, None),
    Visitor("lurah", "lurah", {"kel": "35.14.11.1001", "rw": "05"}, "05", None, r"Kelurahan '35\.14\.11\.1001'"),
    Visitor("staf", "staf", {"rw": "05"}, "05", None, None),
    Visitor("tamu", "tamu", {"rw": "05"}, "05", None, None),
    Visitor("rw03", "ketua_rw", {"rw": "05"}, "03", None, "RW '05' di tautan (`rw`) di luar wilayah Anda"),
    Visitor(
        "rt03-002", "ketua_rt", {"rw": "03", "rt": "001"}, "03", "002", "RT '001' di tautan (`rt`) di luar wilayah Anda"
    ),
]
# Pages known to name areas in tables or charts (a page added later is checked too, without this guarantee).
SHOWS_AREAS = {"pages/ringkasan.py", "pages/masalah.py", "pages/penyelesaian.py"}
# Pages whose area comes from the link (the shared filter bar): an out-of-area link there gets a notice.
READS_AREA_FROM_LINK = {
    f"pages/{slug}.py" for slug in ("ringkasan", "masalah", "penyelesaian", "partisipasi", "kapasitas", "wilayah")
}
CASES = [
    pytest.param(visitor, spec.path, id=f"{visitor.username}-{spec.slug}")
    for visitor in VISITORS
    for spec in permissions.pages_for(visitor.role)
    if not spec.public  # the public page shows no sign-in form and nothing of an area (tests/test_public_check.py)
]


def chart_labels(app: AppTest) -> list[str]:
    """Every category label on every plotly chart (bar names along either axis)."""
    labels: list[str] = []
    for chart in app.get("plotly_chart"):
        for trace in json.loads(chart.proto.spec)["data"]:
            for axis in ("x", "y"):
                labels += [value for value in trace.get(axis, []) if isinstance(value, str)]
    return labels


def visible_text(app: AppTest) -> str:
    """Everything a reader could read on the page: text elements, tables and chart data."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "warning", "error", "success", "subheader")
        for e in getattr(app, kind)
    ]
    parts += [m.value for m in app.metric]
    parts += [frame.value.to_string() for frame in app.dataframe]
    parts += [chart.proto.spec for chart in app.get("plotly_chart")]
    return "\n".join(str(part) for part in parts)


def phones(engine: Engine, where: ColumnElement[bool]) -> set[str]:
    """Reporter phone numbers of the reports matching `where` (personal data a page must not leak)."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Laporan.pelapor_telepon)
            .join(RW, RW.id == Laporan.rw_id)
            .join(RT, RT.id == Laporan.rt_id)
            .where(Laporan.pelapor_telepon.is_not(None), where)
        ).scalars()
        return set(rows)


@pytest.mark.parametrize(("visitor", "page"), CASES)
def test_every_role_sees_only_its_area_on_every_page(
    monkeypatch, demo_db_url: str, demo_db: Engine, visitor: Visitor, page: str
) -> None:
    app = open_as(monkeypatch, demo_db_url, visitor.username, page, **visitor.params, **PERIOD)
    assert not app.exception
    assert not app.error
    if visitor.notice and page in READS_AREA_FROM_LINK:
        assert any(visitor.notice in w.value for w in app.warning)
    areas = [cell for frame in app.dataframe if "RT/RW" in frame.value.columns for cell in frame.value["RT/RW"]]
    labels = chart_labels(app)
    if page in SHOWS_AREAS:
        assert areas or labels  # the page did show areas to check
    for area in areas + labels:
        assert visitor.may_name(area), area
    # Personal data: never a phone number of a report outside the area, and none at all for a guest.
    outside = RW.nomor != "03" if visitor.role in permissions.AREA_ROLES else RW.nomor != "05"
    leaked = phones(demo_db, outside)
    if visitor.role == permissions.TAMU:
        leaked |= phones(demo_db, RW.nomor.is_not(None))
    text = visible_text(app)
    assert not [phone for phone in leaked if phone in text]


@pytest.mark.parametrize("visitor", [v for v in VISITORS if v.role in permissions.AREA_ROLES], ids=lambda v: v.username)
def test_an_area_head_cannot_pick_another_area(monkeypatch, demo_db_url: str, visitor: Visitor) -> None:
    app = open_as(monkeypatch, demo_db_url, visitor.username, "pages/ringkasan.py", **visitor.params)
    rw = app.selectbox(key="ringkasan_rw")
    assert rw.options == ["RW 03"]  # the only choice (not a disabled widget: its grey label fails contrast)
    assert app.query_params["rw"] == "03"
    if visitor.role == permissions.KETUA_RT:
        rt = app.selectbox(key="ringkasan_rt")
        assert rt.options == ["RT 002"]
        assert app.query_params["rt"] == "002"


def independent_count(engine: Engine, rw: str, rt: str | None) -> int:
    from datetime import datetime

    with engine.connect() as conn:
        stmt = (
            select(Laporan.id)
            .join(RW, RW.id == Laporan.rw_id)
            .join(RT, RT.id == Laporan.rt_id)
            .where(
                RW.nomor == rw,
                Laporan.reported_at >= datetime(2025, 12, 1),
                Laporan.reported_at < datetime(2026, 11, 30),
            )
        )
        if rt:
            stmt = stmt.where(RT.nomor == rt)
        return len(conn.execute(stmt).all())


@pytest.mark.parametrize(
    ("username", "params", "rw", "rt"),
    [
        ("rw03", {"rw": "05"}, "03", None),
        ("rt03-002", {"rw": "05", "rt": "001"}, "03", "002"),
        ("lurah", {"rw": "05"}, "05", None),
    ],
)
def test_the_figures_count_only_the_area(
    monkeypatch, demo_db_url: str, demo_db: Engine, username: str, params: dict, rw: str, rt: str | None
) -> None:
    app = open_as(monkeypatch, demo_db_url, username, "pages/ringkasan.py", **params, **PERIOD)
    received = next(m.value for m in app.metric if m.label == "Laporan masuk")
    assert int(received.replace(".", "")) == independent_count(demo_db, rw, rt) > 0


def report_in(engine: Engine, rw: str, rt: str) -> tuple[int, str, str]:
    """A report of RT rt / RW rw with a named reporter: (number, name, phone)."""
    with engine.connect() as conn:
        return tuple(
            conn.execute(
                select(Laporan.id, Laporan.pelapor_nama, Laporan.pelapor_telepon)
                .join(RW, RW.id == Laporan.rw_id)
                .join(RT, RT.id == Laporan.rt_id)
                .where(
                    RW.nomor == rw,
                    RT.nomor == rt,
                    Laporan.pelapor_telepon.is_not(None),
                    Laporan.pelapor_nama.is_not(None),
                )
                .order_by(Laporan.id.desc())
                .limit(1)
            ).one()
        )


@pytest.mark.parametrize("username", ["admin", "lurah", "staf", "rw03", "rt03-002"])
def test_the_office_and_the_area_heads_see_the_reporter_of_their_own_reports(
    monkeypatch, demo_db_url: str, demo_db: Engine, username: str
) -> None:
    nomor, name, phone = report_in(demo_db, "03", "002")
    app = open_as(monkeypatch, demo_db_url, username, "pages/masalah.py", laporan=str(nomor))
    detail = app.dataframe[-1].value.to_string()
    assert name in detail and phone in detail
    download = app.get("download_button")[0]
    assert "termasuk nama dan telepon pelapor" in download.proto.help


@pytest.mark.parametrize(("username", "rw", "rt"), [("rw03", "05", "001"), ("rt03-002", "03", "001")])
def test_a_report_of_another_area_is_not_found(
    monkeypatch, demo_db_url: str, demo_db: Engine, username: str, rw: str, rt: str
) -> None:
    nomor, name, phone = report_in(demo_db, rw, rt)
    app = open_as(monkeypatch, demo_db_url, username, "pages/masalah.py", laporan=str(nomor))
    assert any(f"#{nomor} tidak ditemukan di wilayah Anda" in w.value for w in app.warning)
    assert name not in visible_text(app) and phone not in visible_text(app)


@pytest.mark.parametrize(
    ("username", "page"),
    [
        ("tamu", "pages/masalah.py"),
        ("rw03", "pages/pengguna.py"),
        ("lurah", "pages/pengguna.py"),
        ("rt03-002", "pages/pengguna.py"),
    ],
)
def test_a_page_outside_the_role_explains_itself_and_shows_nothing(
    monkeypatch, demo_db_url: str, username: str, page: str
) -> None:
    app = open_as(monkeypatch, demo_db_url, username, page, laporan="1")
    assert not app.exception
    assert any("tidak tersedia untuk peran Anda" in w.value for w in app.warning)
    assert not app.dataframe and not app.metric


def test_a_guest_sees_how_many_reports_are_overdue_but_not_which(monkeypatch, demo_db_url: str) -> None:
    app = open_as(monkeypatch, demo_db_url, "tamu", "pages/penyelesaian.py", **PERIOD)
    assert any("laporan terlambat" in i.value for i in app.info)
    assert not any("Judul" in frame.value.columns for frame in app.dataframe)
    on_time = open_as(monkeypatch, demo_db_url, "tamu", "pages/penyelesaian.py", bagian="tepat_waktu", **PERIOD)
    assert on_time.dataframe  # the aggregates per level and area
    assert not any("Per penanggung jawab" in text.value for text in on_time.markdown)  # not who


ANALYTICS = {"ringkasan", "penyelesaian", "partisipasi", "kapasitas", "wilayah", "cek"}
AREA_HEAD = ANALYTICS | {"tugas", "pesan", "masalah", "peta", "presentasi", "lapor", "kegiatan"}
OFFICE = AREA_HEAD | {"impor_ekspor", "pengaturan", "musrenbang"}


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("admin", OFFICE | {"pengguna"}),
        ("lurah", OFFICE),
        ("staf", OFFICE),
        ("rw03", AREA_HEAD | {"impor_ekspor", "musrenbang"}),
        ("rt03-002", AREA_HEAD),
        ("tamu", ANALYTICS),
    ],
)
def test_each_role_may_open_exactly_its_pages(username: str, expected: set[str]) -> None:
    role = {"rw03": "ketua_rw", "rt03-002": "ketua_rt"}.get(username, username)
    assert {spec.slug for spec in permissions.pages_for(role)} == expected
