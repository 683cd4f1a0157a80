"""The report list and detail: newest first, paged in SQL, exactly the filtered rows, scope-aware."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import Engine, text

from kutorejo_data.core.filters import ReportFilters, Scope
from kutorejo_data.records.export import export_reports
from kutorejo_data.records.reports import count_reports, report_detail, report_page
from kutorejo_data.ui.frame.url_params import expand_statuses
from tests.factories import KUTOREJO, add_area, add_report, at

AFTER_NOVEMBER = at(12, 5, 12)


def test_list_is_newest_first_and_paged(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        first = report_page(conn, ReportFilters(), now=AFTER_NOVEMBER, page=0, page_size=4)
        second = report_page(conn, ReportFilters(), now=AFTER_NOVEMBER, page=1, page_size=4)
        total = count_reports(conn, ReportFilters())
    dates = list(first["tanggal"]) + list(second["tanggal"])
    assert dates == sorted(dates, reverse=True)
    assert total == 9 and len(first) == 4 and len(second) == 4
    assert set(first["nomor"]).isdisjoint(second["nomor"])


def test_list_rows_carry_age_and_sla_state(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        rows = report_page(conn, ReportFilters(), now=AFTER_NOVEMBER).set_index("nomor")
    # keamanan (SLA 3 working days), reported Friday 20 Nov, due Wednesday 25 Nov, still baru on Saturday 5 Dec:
    # late by the working days 26, 27, 30 Nov and 1–4 Dec.
    r4 = rows.loc[4]
    assert r4["umur"] == pytest.approx(15.1667, abs=1e-3)
    assert r4["lewat_sla"] == 7
    r2 = rows.loc[2]  # sampah (SLA 7), resolved after 3 days 12 hours: age stops at resolution
    assert r2["umur"] == pytest.approx(4.0, abs=1e-3)
    assert r2["lewat_sla"] < 0


def test_detail_has_history_times_and_hides_personal_data_unless_allowed(any_db: Engine) -> None:
    with any_db.begin() as conn:
        area = add_area(conn)
        original = add_report(conn, area, "sampah-kebersihan", at(11, 1))
        copy = add_report(
            conn,
            area,
            "sampah-kebersihan",
            at(11, 2),
            [(at(11, 2, 12), "duplikat", "rt", "sama dengan laporan sebelumnya")],
            duplikat_dari_id=original,
            pelapor_nama="Siti Aminah",
            pelapor_telepon="0812 1111 2222",
        )
    with any_db.connect() as conn:
        hidden = report_detail(conn, copy, now=AFTER_NOVEMBER)
        shown = report_detail(conn, copy, now=AFTER_NOVEMBER, with_personal_data=True)
    assert hidden is not None and shown is not None
    assert [h.to_status for h in hidden.history] == ["baru", "duplikat"]
    assert hidden.history[-1].note == "sama dengan laporan sebelumnya"
    assert hidden.waktu_tanggap == pytest.approx(4 / 24)  # duplicate spotted four hours after the report
    assert hidden.duplikat_dari == original
    assert (hidden.pelapor_nama, hidden.pelapor_telepon) == (None, None)
    assert (shown.pelapor_nama, shown.pelapor_telepon) == ("Siti Aminah", "0812 1111 2222")


def test_detail_outside_the_scope_is_not_found(handmade_db: Engine) -> None:
    with handmade_db.connect() as conn:
        assert report_detail(conn, 1, Scope(KUTOREJO, "04"), now=AFTER_NOVEMBER) is None  # R1 is in RW 03
        assert report_detail(conn, 7, Scope(KUTOREJO, "04"), now=AFTER_NOVEMBER) is not None
        assert report_detail(conn, 999, now=AFTER_NOVEMBER) is None


FILTER_GRID = [
    ReportFilters(),
    ReportFilters(rw="03"),
    ReportFilters(rw="03", rt="002", dari=date(2026, 1, 1), sampai=date(2026, 6, 30)),
    ReportFilters(kategori=("drainase-banjir",), status=expand_statuses(["terbuka"])),
    ReportFilters(
        status=expand_statuses(["tertutup"]), prioritas=("tinggi",), dari=date(2026, 10, 1), sampai=date(2026, 10, 31)
    ),
    ReportFilters(q="selokan"),
    ReportFilters(rw="07", kategori=("sampah-kebersihan", "kesehatan"), q="gang"),
]


def _independent_count(conn, filters: ReportFilters) -> int:
    """The same question in hand-written SQL, to check the query layer against."""
    sql = [
        "SELECT count(*) FROM laporan l JOIN rw ON rw.id = l.rw_id JOIN rt ON rt.id = l.rt_id "
        "JOIN kategori k ON k.id = l.kategori_id WHERE 1 = 1"
    ]
    params: dict[str, object] = {}
    if filters.rw:
        sql.append("AND rw.nomor = :rw")
        params["rw"] = filters.rw
    if filters.rt:
        sql.append("AND rt.nomor = :rt")
        params["rt"] = filters.rt
    for name, values, column in (
        ("k", filters.kategori, "k.slug"),
        ("s", filters.status, "l.status"),
        ("p", filters.prioritas, "l.prioritas"),
    ):
        if values:
            names = [f"{name}{i}" for i in range(len(values))]
            sql.append(f"AND {column} IN ({', '.join(':' + n for n in names)})")
            params.update(zip(names, values, strict=True))
    if filters.dari:
        sql.append("AND l.reported_at >= :dari")
        params["dari"] = datetime.combine(filters.dari, time.min)
    if filters.sampai:
        sql.append("AND l.reported_at < :day_after")
        params["day_after"] = datetime.combine(filters.sampai + timedelta(days=1), time.min)
    if filters.q:
        sql.append("AND (lower(l.judul) LIKE :q OR lower(l.deskripsi) LIKE :q OR lower(l.lokasi) LIKE :q)")
        params["q"] = f"%{filters.q.lower()}%"
    return int(conn.execute(text(" ".join(sql)), params).scalar_one())


@pytest.mark.parametrize("filters", FILTER_GRID)
def test_list_count_and_csv_rows_equal_an_independent_count(demo_db: Engine, filters: ReportFilters) -> None:
    with demo_db.connect() as conn:
        expected = _independent_count(conn, filters)
        listed = count_reports(conn, filters)
    buffer = io.BytesIO()
    exported = export_reports(demo_db, "csv", buffer, filters)
    csv_rows = list(csv.reader(io.StringIO(buffer.getvalue().decode("utf-8-sig"))))[1:]
    assert expected > 0  # the grid exercises real data
    assert listed == expected == exported == len(csv_rows)


@pytest.fixture
def odd_titles(any_db: Engine) -> Engine:
    """Four reports whose titles hold the characters LIKE treats specially, and one that holds none."""
    with any_db.begin() as conn:
        area = add_area(conn)
        for judul in ("Diskon 50% sembako", "saluran_air mampet", "Jl. Mawar 3/4 gelap", "Lampu mati", "Selokan"):
            add_report(conn, area, "drainase-banjir", at(11, 2), judul=judul)
    return any_db


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("%", ["Diskon 50% sembako"]),
        ("_", ["saluran_air mampet"]),
        ("/", ["Jl. Mawar 3/4 gelap"]),  # SQLAlchemy's escape character
        ("50%", ["Diskon 50% sembako"]),
        ("%%", []),
        ("l_mpu", []),
        ("LAMPU", ["Lampu mati"]),  # still case-insensitive
    ],
)
def test_search_is_literal_text(odd_titles: Engine, q: str, found: list[str]) -> None:
    filters = ReportFilters(q=q)
    with odd_titles.connect() as conn:
        page = report_page(conn, filters, now=datetime(2026, 11, 29, 20, 0))
        assert sorted(page["judul"]) == found
        assert count_reports(conn, filters) == len(found)
