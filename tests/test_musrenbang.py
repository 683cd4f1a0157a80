"""Usulan Musrenbang: recurring problems, long-open and dinas reports become candidates with their evidence; proposals
are saved (audited, inside the scope) and exported in the columns of the Musrenbang form, also by the command line."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import Engine, func, select

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.musrenbang import (
    BERULANG_RT,
    BERULANG_RW,
    DINAS,
    TERBUKA_LAMA,
    candidates,
    draft,
    recurring_filters,
)
from kutorejo_data.analytics.musrenbang_form import HEADERS, write_form
from kutorejo_data.cli.main import main
from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import ReportFilters, Scope
from kutorejo_data.core.models import AuditLog, Foto, UsulanMusrenbang
from kutorejo_data.records.export import export_reports
from kutorejo_data.records.musrenbang import delete_proposal, proposals, save_proposal
from tests.factories import KUTOREJO, add_area, add_report, at

RW03 = Scope(kelurahan_kode=KUTOREJO, rw="03")
RW04 = Scope(kelurahan_kode=KUTOREJO, rw="04")
VALID = tuple(s for s in domain.STATUSES if s not in domain.INVALID_STATUSES)


def _photo(conn, laporan_id: int) -> None:
    conn.execute(
        Foto.__table__.insert().values(
            laporan_id=laporan_id,
            jenis="sebelum",
            gambar=b"\xff\xd8jpeg",
            gambar_kecil=b"\xff\xd8",
            lebar=1,
            tinggi=1,
            ukuran=6,
            created_at=at(11, 1),
            created_by="uji",
        )
    )


@pytest.fixture
def musrenbang_db(any_db: Engine) -> Engine:
    """Drainage four times in RT 03/002 (one of them rejected: three count), rubbish in three RTs of RW 04 (once each),
    street lights twice in 03/002 (below the threshold), a road report open since June, one handed to the dinas, and
    a resolved drainage report older than twelve months (does not count)."""
    with any_db.begin() as conn:
        rt2 = add_area(conn, rw="03", rt="002")
        rt1 = add_area(conn, rw="03", rt="001")
        rw4 = [add_area(conn, rw="04", rt=rt) for rt in ("001", "002", "003")]
        drains = [add_report(conn, rt2, "drainase-banjir", at(month, 10)) for month in (3, 7, 11)]
        _photo(conn, drains[0])
        _photo(conn, drains[2])
        add_report(conn, rt2, "drainase-banjir", at(8, 1), [(at(8, 2), "ditolak", "rt", "bukan masalah")])
        add_report(
            conn, rt2, "drainase-banjir", datetime(2025, 11, 20, 8), [(datetime(2025, 11, 24, 8), "selesai", "rt")]
        )
        for area in rw4:
            add_report(conn, area, "sampah-kebersihan", at(9, 5), [(at(9, 6), "selesai", "rt")])
        add_report(conn, rt2, "penerangan-jalan", at(10, 1))
        add_report(conn, rt2, "penerangan-jalan", at(10, 2))
        add_report(conn, rt1, "jalan-gang", at(6, 1), judul="Jalan berlubang depan masjid", lokasi="Gang Melati")
        add_report(conn, rt1, "air-bersih", at(11, 1), [(at(11, 3), "diproses", ("dinas", "PDAM"))])
    return any_db


def test_recurring_problems_long_open_and_dinas_reports_are_candidates(musrenbang_db: Engine) -> None:
    with musrenbang_db.connect() as conn:
        found = candidates(conn, now=now_local())
    by_basis = {c.dasar: c for c in found}
    drain = by_basis[(BERULANG_RT,)]
    assert (drain.rw, drain.rt, drain.kategori_slug) == ("03", "002", "drainase-banjir")
    assert drain.bukti.jumlah_laporan == 3  # the rejected one and the one from 2025 do not count
    assert drain.bukti.pertama == at(3, 10) and drain.bukti.terakhir == at(11, 10)
    assert len(drain.bukti.laporan) == 3 and len(drain.bukti.kode_lacak) == 3
    assert drain.bukti.jumlah_foto == 2
    rubbish = by_basis[(BERULANG_RW,)]
    assert (rubbish.rw, rubbish.rt, rubbish.bukti.jumlah_laporan) == ("04", None, 3)
    assert rubbish.lokasi == "RW 04"
    road = by_basis[(TERBUKA_LAMA,)]
    assert road.judul == "Jalan berlubang depan masjid" and road.lokasi == "RT 001 / RW 03, Gang Melati"
    assert by_basis[(DINAS,)].kategori_slug == "air-bersih"
    assert not any(c.kategori_slug == "penerangan-jalan" for c in found)  # two reports are not a pattern
    assert len(found) == 4


def test_an_rw_head_sees_only_their_rws_candidates(musrenbang_db: Engine) -> None:
    with musrenbang_db.connect() as conn:
        mine = candidates(conn, now=now_local(), scope=RW04)
        asked_for_other = candidates(conn, now=now_local(), rw="03", scope=RW04)
    assert [c.rw for c in mine] == ["04"]
    assert asked_for_other == []


def test_recurring_counts_are_the_valid_reports_metric_and_agree_with_the_report_export(musrenbang_db: Engine) -> None:
    today = now_local().date()
    with musrenbang_db.connect() as conn:
        found = [
            c for c in candidates(conn, now=now_local(), rw="03") if c.rt_id is not None and BERULANG_RT in c.dasar
        ]
    assert found
    for candidate in found:
        filters = ReportFilters(
            kelurahan_kode=KUTOREJO,
            rw=candidate.rw,
            rt=candidate.rt,
            kategori=(candidate.kategori_slug,),
            status=VALID,
            dari=recurring_filters(None, None, today).dari,
            sampai=today,
        )
        with musrenbang_db.connect() as conn:
            assert metrics.masuk_sah_conditions(conn, filters, RW03)
        out = io.BytesIO()
        exported = export_reports(musrenbang_db, "xlsx", out, filters, RW03)
        assert exported == candidate.bukti.jumlah_laporan
        sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
        numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert tuple(numbers) == candidate.bukti.laporan


def _form_rows(engine: Engine, tmp_path, rw: str) -> list[dict]:
    """The Kandidat sheet of `python -m kutorejo_data musrenbang --tahun 2027 --rw RW`, row by row."""
    url = engine.url.render_as_string(hide_password=False)
    target = tmp_path / f"usulan_rw{rw}.xlsx"
    assert main(["--database-url", url, "musrenbang", "--tahun", "2027", "--rw", rw, "-o", str(target)]) == 0
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["Usulan 2027", "Kandidat"]
    sheet = workbook["Kandidat"]
    assert [cell.value for cell in sheet[1]] == list(HEADERS)
    return [dict(zip(HEADERS, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize(
    ("rw", "expected"),
    [("03", [("Drainase & banjir", "RT 002 / RW 03", 3)]), ("04", [("Sampah & kebersihan", "RW 04", 3)])],
)
def test_the_musrenbang_xlsx_of_an_rw_lists_its_recurring_problems_with_the_export_counts(
    musrenbang_db: Engine, tmp_path, rw: str, expected: list
) -> None:
    rows = _form_rows(musrenbang_db, tmp_path, rw)
    recurring = [row for row in rows if row["Alasan/Data pendukung"].startswith("Berulang")]
    assert [(row["Kategori"], row["Lokasi (RT/RW)"], row["Jumlah laporan"]) for row in recurring] == expected
    assert all(f"RW {rw}" in row["Lokasi (RT/RW)"] for row in rows)  # nothing of another RW
    slugs = {"Drainase & banjir": "drainase-banjir", "Sampah & kebersihan": "sampah-kebersihan"}
    for row in recurring:
        place = row["Lokasi (RT/RW)"]
        filters = ReportFilters(
            kelurahan_kode=KUTOREJO,
            rw=rw,
            rt=place.split()[1] if place.startswith("RT ") else None,
            kategori=(slugs[row["Kategori"]],),
            status=VALID,
            dari=date(2025, 11, 30),  # the 12 months up to the clock's day, 29 Nov 2026
            sampai=date(2026, 11, 29),
        )
        out = io.BytesIO()
        assert row["Jumlah laporan"] == export_reports(musrenbang_db, "xlsx", out, filters)
        exported = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
        numbers = [str(r[0]) for r in exported.iter_rows(min_row=2, values_only=True)]
        assert row["Laporan terkait"] == ", ".join(numbers)


def test_a_candidate_becomes_a_proposal_audited_and_exported_on_the_form(musrenbang_db: Engine) -> None:
    now = now_local()
    with musrenbang_db.connect() as conn:
        drain = next(c for c in candidates(conn, now=now, scope=RW03) if BERULANG_RT in c.dasar)
    proposal = draft(drain, 2027)
    proposal = type(proposal)(**{**proposal.__dict__, "usulan": "Normalisasi saluran Gang Mawar", "volume": 120.0})
    first = save_proposal(musrenbang_db, proposal, actor="ketua_rw_03", scope=RW03, now=now)
    again = save_proposal(
        musrenbang_db,
        type(proposal)(**{**proposal.__dict__, "satuan": "m", "prioritas": 2}),
        actor="ketua_rw_03",
        scope=RW03,
        now=now,
    )
    assert again == first  # the same candidate edits its proposal
    with musrenbang_db.connect() as conn:
        saved = proposals(conn, 2027, scope=RW03)
        assert conn.execute(select(func.count()).select_from(UsulanMusrenbang)).scalar() == 1
        actions = (
            conn.execute(select(AuditLog.action).where(AuditLog.entity == "usulan_musrenbang").order_by(AuditLog.id))
            .scalars()
            .all()
        )
        assert proposals(conn, 2027, scope=RW04) == []
    assert actions == ["create", "update"]
    assert (saved[0].usulan, saved[0].volume, saved[0].satuan, saved[0].prioritas) == (
        "Normalisasi saluran Gang Mawar",
        120.0,
        "m",
        2,
    )
    out = io.BytesIO()
    assert write_form(musrenbang_db, out, 2027, now=now, scope=RW03) == (1, 3)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue()))["Usulan 2027"]
    row = dict(zip(HEADERS, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    assert row["Usulan/Kegiatan"] == "Normalisasi saluran Gang Mawar"
    assert (row["Volume"], row["Satuan"], row["Prioritas"], row["Jumlah laporan"]) == (120, "m", 2, 3)
    assert "Berulang di RT 002" in row["Alasan/Data pendukung"]
    delete_proposal(musrenbang_db, first, actor="ketua_rw_03", scope=RW03, now=now)
    with musrenbang_db.connect() as conn:
        assert proposals(conn, 2027) == []


def test_proposals_outside_the_scope_or_without_words_are_refused(musrenbang_db: Engine) -> None:
    now = now_local()
    with musrenbang_db.connect() as conn:
        rubbish = next(c for c in candidates(conn, now=now) if BERULANG_RW in c.dasar)
    with pytest.raises(ServiceError, match="error.usulan_outside_scope"):
        save_proposal(musrenbang_db, draft(rubbish, 2027), actor="ketua_rw_03", scope=RW03, now=now)
    empty = type(draft(rubbish, 2027))(**{**draft(rubbish, 2027).__dict__, "usulan": "  ", "volume": -1.0})
    with pytest.raises(ValidationError) as refused:
        save_proposal(musrenbang_db, empty, actor="staf", now=now)
    assert set(refused.value.fields) == {"usulan", "volume"}
    with pytest.raises(ServiceError, match="error.read_only"):
        save_proposal(musrenbang_db, draft(rubbish, 2027), actor="tamu", scope=Scope(read_only=True), now=now)


def test_the_command_refuses_a_bad_year_or_rw(musrenbang_db: Engine, capsys) -> None:
    url = musrenbang_db.url.render_as_string(hide_password=False)
    assert main(["--database-url", url, "musrenbang", "--tahun", "1999"]) == 2
    assert main(["--database-url", url, "musrenbang", "--rw", "abc"]) == 2
    assert "--rw" in capsys.readouterr().err


def test_a_long_history_lists_the_latest_reports_as_evidence_and_the_oldest_single_reports(
    musrenbang_db: Engine, monkeypatch
) -> None:
    """A kelurahan with years of reports gets a page a meeting can read: the counts, dates and photos cover every
    report, the evidence lists the most recent ones, and only the oldest single reports are listed."""
    from kutorejo_data.analytics import musrenbang

    with musrenbang_db.connect() as conn:
        whole = candidates(conn, now=now_local())
    monkeypatch.setattr(musrenbang, "EVIDENCE_REPORTS", 2)
    monkeypatch.setattr(musrenbang, "SINGLE_CANDIDATES", 1)
    with musrenbang_db.connect() as conn:
        bounded = candidates(conn, now=now_local())
    drain = next(c for c in whole if c.dasar == (BERULANG_RT,))
    short = next(c for c in bounded if c.dasar == (BERULANG_RT,))
    assert short.bukti.laporan == drain.bukti.laporan[-2:]  # the two most recent, oldest first
    assert (short.bukti.jumlah_laporan, short.bukti.jumlah_foto) == (3, 2)  # counted over all three
    assert (short.bukti.pertama, short.bukti.terakhir) == (drain.bukti.pertama, drain.bukti.terakhir)
    rubbish = next(c for c in whole if c.dasar == (BERULANG_RW,))
    spread = next(c for c in bounded if c.dasar == (BERULANG_RW,))
    assert spread.bukti.laporan == rubbish.bukti.laporan[-2:]  # received at the same moment: the later numbers
    assert spread.bukti.jumlah_laporan == rubbish.bukti.jumlah_laporan == 3
    singles = [c for c in bounded if c.rt_id is not None and c.judul]
    assert [c.kunci for c in singles] == [next(c for c in whole if c.dasar == (TERBUKA_LAMA,)).kunci]
