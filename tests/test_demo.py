"""The demo data: reproducible, internally consistent, and shaped like a real kelurahan's year."""

from __future__ import annotations

import argparse
import statistics
from collections import defaultdict
from datetime import date, datetime

import pytest
from sqlalchemy import Engine, insert, text

from kutorejo_data.cli.demo import run_demo_command
from kutorejo_data.core import domain
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import Laporan
from kutorejo_data.core.wilayah import lookup
from kutorejo_data.demo.generate import DemoError, generate_demo
from kutorejo_data.store.migrate import migrate

# Same values as tests/conftest.py's demo_db fixture (conftest is not importable as a module).
DEMO_END = date(2026, 11, 29)
DEMO_SEED = 7
# A fixed past day for the small databases built here: independent of the clock.
PAST_END = date(2026, 6, 30)

RAINY_MONTHS = (11, 12, 1, 2, 3, 4)


def _new_db(tmp_path, name: str) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / name}")
    migrate(engine)
    return engine


def _rows(engine: Engine, sql: str, **params) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql), params)]


def _dump(engine: Engine) -> dict[str, list[tuple]]:
    return {
        table: _rows(engine, f"SELECT * FROM {table} ORDER BY 1, 2")
        for table in ("rt", "tokoh", "laporan", "status_history", "kegiatan", "kegiatan_kehadiran", "kegiatan_peserta")
    }


def _as_datetime(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _histories(engine: Engine) -> dict[int, list[tuple]]:
    """status_history rows per report, in the order they were written."""
    result: dict[int, list[tuple]] = defaultdict(list)
    for row in _rows(
        engine,
        "SELECT laporan_id, changed_at, from_status, to_status, penanganan, penanganan_nama, changed_by"
        " FROM status_history ORDER BY laporan_id, changed_at, id",
    ):
        result[row[0]].append((_as_datetime(row[1]), *row[2:]))
    return result


def _namespace(**overrides) -> argparse.Namespace:
    values = dict(seed=3, months=3, reports=50, sampai=PAST_END, if_empty=False)
    values.update(overrides)
    return argparse.Namespace(**values)


# --- reproducibility ---------------------------------------------------------------------------------------


def test_same_seed_and_end_give_identical_rows(tmp_path) -> None:
    first, second = _new_db(tmp_path, "a.sqlite3"), _new_db(tmp_path, "b.sqlite3")
    generate_demo(first, seed=11, months=6, reports=300, end=PAST_END)
    generate_demo(second, seed=11, months=6, reports=300, end=PAST_END)
    assert _dump(first) == _dump(second)


def test_another_seed_gives_other_rows(tmp_path) -> None:
    first, second = _new_db(tmp_path, "a.sqlite3"), _new_db(tmp_path, "b.sqlite3")
    generate_demo(first, seed=11, months=6, reports=300, end=PAST_END)
    generate_demo(second, seed=12, months=6, reports=300, end=PAST_END)
    dump_a, dump_b = _dump(first), _dump(second)
    assert dump_a["laporan"] != dump_b["laporan"]
    assert dump_a["status_history"] != dump_b["status_history"]


def test_the_number_of_reports_does_not_change_areas_or_activities(tmp_path) -> None:
    few, many = _new_db(tmp_path, "a.sqlite3"), _new_db(tmp_path, "b.sqlite3")
    generate_demo(few, seed=11, months=6, reports=50, end=PAST_END)
    generate_demo(many, seed=11, months=6, reports=500, end=PAST_END)
    dump_few, dump_many = _dump(few), _dump(many)
    for table in ("rt", "tokoh", "kegiatan", "kegiatan_peserta"):
        assert dump_few[table] == dump_many[table], table


def test_summary_counts_what_was_inserted(fresh_db: Engine) -> None:
    summary = generate_demo(fresh_db, seed=5, months=4, reports=120, end=PAST_END)
    counted = _rows(
        fresh_db,
        "SELECT (SELECT COUNT(*) FROM rw), (SELECT COUNT(*) FROM rt), (SELECT COUNT(*) FROM laporan),"
        " (SELECT COUNT(*) FROM status_history), (SELECT COUNT(*) FROM kegiatan), (SELECT COUNT(*) FROM tokoh)",
    )[0]
    assert counted == (summary.rw, summary.rt, 120, summary.history, summary.activities, summary.tokoh)
    assert summary.kelurahan == 1
    assert summary.seconds >= 0


def test_every_row_meets_the_schemas_check_constraints(demo_db: Engine) -> None:
    # The bulk load skips them for speed (store/bulk.py); quick_check tests every CHECK and NOT NULL of every row.
    assert _rows(demo_db, "PRAGMA quick_check") == [("ok",)]


# --- time ----------------------------------------------------------------------------------------------------


def test_nothing_happens_after_the_end_day(demo_db: Engine) -> None:
    limit = datetime(DEMO_END.year, DEMO_END.month, DEMO_END.day, 23, 59, 59)
    latest = _rows(
        demo_db,
        "SELECT (SELECT MAX(reported_at) FROM laporan), (SELECT MAX(updated_at) FROM laporan),"
        " (SELECT MAX(created_at) FROM laporan), (SELECT MAX(changed_at) FROM status_history),"
        " (SELECT MAX(created_at) FROM kegiatan)",
    )[0]
    assert all(_as_datetime(value) <= limit for value in latest)
    last_activity = _rows(demo_db, "SELECT MAX(tanggal) FROM kegiatan")[0][0]
    assert date.fromisoformat(str(last_activity)) <= DEMO_END


def test_reports_cover_the_months_up_to_the_end_month(demo_db: Engine) -> None:
    months = {row[0] for row in _rows(demo_db, "SELECT DISTINCT substr(reported_at, 1, 7) FROM laporan")}
    assert len(months) == 24
    assert min(months) == "2024-12" and max(months) == "2026-11"


def test_an_end_day_in_the_future_is_refused(fresh_db: Engine) -> None:
    with pytest.raises(DemoError, match="masa depan"):
        generate_demo(fresh_db, reports=10, end=date(2999, 1, 1))


# --- status history ------------------------------------------------------------------------------------------


def test_every_history_starts_with_the_report_and_follows_allowed_transitions(demo_db: Engine) -> None:
    histories = _histories(demo_db)
    reports = _rows(
        demo_db, "SELECT id, reported_at, status, penanganan, penanganan_nama, updated_at, version FROM laporan"
    )
    assert len(histories) == len(reports) == 2000
    escalations = {
        report_id: tingkat
        for report_id, tingkat in _rows(
            demo_db,
            "SELECT laporan_id, tingkat FROM riwayat_penugasan WHERE jenis = 'eskalasi' ORDER BY changed_at, id",
        )
    }
    for report_id, reported_at, status, penanganan, penanganan_nama, updated_at, version in reports:
        history = histories[report_id]
        first_at, first_from, first_to, *_ = history[0]
        assert (first_from, first_to) == (None, domain.STATUS_BARU)
        assert first_at == _as_datetime(reported_at)
        for previous, current in zip(history, history[1:], strict=False):
            assert current[0] > previous[0], report_id
            assert current[1] == previous[2], report_id
            assert current[2] in domain.ALLOWED_TRANSITIONS[previous[2]], report_id
        last = history[-1]
        moved_up = escalations.get(report_id)  # escalation changes the level without a status change
        level, name = (moved_up, None) if moved_up else (last[3], last[4])
        assert (last[2], level, name, last[0]) == (status, penanganan, penanganan_nama, _as_datetime(updated_at))
        assert version == len(history)  # 1 + the number of status changes


def test_each_reports_first_response_and_resolution_are_its_historys(demo_db: Engine) -> None:
    firsts = {
        report_id: (_as_datetime(responded) if responded else None, _as_datetime(resolved) if resolved else None)
        for report_id, responded, resolved in _rows(
            demo_db, "SELECT id, first_response_at, first_resolved_at FROM laporan"
        )
    }
    for report_id, history in _histories(demo_db).items():
        responses = [at for at, from_status, *_ in history if from_status == domain.STATUS_BARU]
        resolutions = [at for at, _, to_status, *_ in history if to_status == domain.STATUS_SELESAI]
        assert firsts[report_id] == (min(responses, default=None), min(resolutions, default=None)), report_id
    assert sum(1 for responded, resolved in firsts.values() if responded and resolved) > 1000


def test_every_history_entry_carries_its_reports_area(demo_db: Engine) -> None:
    mismatched = _rows(
        demo_db,
        "SELECT count(*) FROM status_history AS h JOIN laporan AS r ON r.id = h.laporan_id"
        " WHERE h.kelurahan_id IS NOT r.kelurahan_id OR h.rw_id IS NOT r.rw_id OR h.rt_id IS NOT r.rt_id",
    )
    assert mismatched == [(0,)]


def test_duplicates_point_to_an_earlier_report(demo_db: Engine) -> None:
    pairs = _rows(
        demo_db,
        "SELECT d.id, d.reported_at, o.id, o.reported_at, d.rt_id = o.rt_id, d.kategori_id = o.kategori_id"
        " FROM laporan d JOIN laporan o ON o.id = d.duplikat_dari_id WHERE d.status = 'duplikat'",
    )
    assert pairs
    for dup_id, dup_at, orig_id, orig_at, _same_rt, same_kategori in pairs:
        assert orig_id < dup_id and _as_datetime(orig_at) <= _as_datetime(dup_at)
        assert same_kategori
    assert sum(row[4] for row in pairs) > len(pairs) / 2  # mostly from the same RT
    stray = _rows(demo_db, "SELECT COUNT(*) FROM laporan WHERE status <> 'duplikat' AND duplikat_dari_id IS NOT NULL")
    assert stray == [(0,)]


def test_statuses_have_realistic_shares(demo_db: Engine) -> None:
    counts = dict(_rows(demo_db, "SELECT status, COUNT(*) FROM laporan GROUP BY status"))
    total = sum(counts.values())
    assert set(counts) == set(domain.STATUSES)
    assert 0.03 < counts["ditolak"] / total < 0.12
    assert 0.01 < counts["duplikat"] / total < 0.07
    assert counts["selesai"] / total > 0.6
    reopened = _rows(demo_db, "SELECT COUNT(DISTINCT laporan_id) FROM status_history WHERE from_status = 'selesai'")
    assert reopened[0][0] > 0


def test_some_reports_are_still_open_and_some_are_overdue(demo_db: Engine) -> None:
    end = datetime(DEMO_END.year, DEMO_END.month, DEMO_END.day, 23, 59, 59)
    open_reports = _rows(
        demo_db,
        "SELECT l.reported_at, k.sla_hari FROM laporan l JOIN kategori k ON k.id = l.kategori_id"
        " WHERE l.status IN ('baru', 'diverifikasi', 'diproses')",
    )
    overdue = [r for r in open_reports if (end - _as_datetime(r[0])).days > r[1]]
    assert 0.03 < len(open_reports) / 2000 < 0.3
    assert 0 < len(overdue) < len(open_reports)


def test_handlers_resolve_at_their_own_pace(demo_db: Engine) -> None:
    resolved = _rows(
        demo_db,
        "SELECT l.penanganan, l.reported_at, h.changed_at FROM laporan l"
        " JOIN status_history h ON h.laporan_id = l.id AND h.to_status = 'selesai'"
        " WHERE l.status = 'selesai' AND h.id = (SELECT MIN(id) FROM status_history"
        "  WHERE laporan_id = l.id AND to_status = 'selesai')",
    )
    days: dict[str, list[float]] = defaultdict(list)
    for level, reported_at, solved_at in resolved:
        days[level].append((_as_datetime(solved_at) - _as_datetime(reported_at)).total_seconds() / 86400)
    median = {level: statistics.median(values) for level, values in days.items()}
    assert 1 < median["rt"] < 7
    assert median["rt"] < median["rw"] < median["kelurahan"] < median["dinas"]
    assert median["dinas"] > 30


# --- patterns a lurah recognises -----------------------------------------------------------------------------


def _share_by_season(engine: Engine, slug: str) -> tuple[float, float]:
    rows = _rows(
        engine,
        "SELECT CAST(substr(l.reported_at, 6, 2) AS INTEGER), k.slug = :slug FROM laporan l"
        " JOIN kategori k ON k.id = l.kategori_id",
        slug=slug,
    )
    rainy = [hit for month, hit in rows if month in RAINY_MONTHS]
    dry = [hit for month, hit in rows if month not in RAINY_MONTHS]
    return sum(rainy) / len(rainy), sum(dry) / len(dry)


@pytest.mark.parametrize(("slug", "at_least"), [("drainase-banjir", 2.0), ("kesehatan", 1.3)])
def test_floods_and_dengue_come_with_the_rainy_season(demo_db: Engine, slug: str, at_least: float) -> None:
    rainy, dry = _share_by_season(demo_db, slug)
    assert rainy > at_least * dry


def test_rubbish_does_not_follow_the_rain_as_floods_do(demo_db: Engine) -> None:
    flood_rainy, flood_dry = _share_by_season(demo_db, "drainase-banjir")
    rubbish_rainy, rubbish_dry = _share_by_season(demo_db, "sampah-kebersihan")
    assert rubbish_rainy / rubbish_dry < 1.2  # a steady count: its share only shrinks while floods peak
    assert flood_rainy / flood_dry > 2 * (rubbish_rainy / rubbish_dry)


def test_some_rts_report_far_more_than_others(demo_db: Engine) -> None:
    per_rt = sorted(n for (n,) in _rows(demo_db, "SELECT COUNT(*) FROM laporan GROUP BY rt_id"))
    assert per_rt[-1] > 5 * per_rt[len(per_rt) // 4]


def test_more_residents_use_the_system_over_time(demo_db: Engine) -> None:
    first_year = _rows(demo_db, "SELECT COUNT(*) FROM laporan WHERE reported_at < '2025-12-01'")[0][0]
    assert 2000 - first_year > first_year * 1.15


def test_reports_carry_plausible_details(demo_db: Engine) -> None:
    n, with_coords, with_name, lat_min, lat_max, lon_min, lon_max = _rows(
        demo_db,
        "SELECT COUNT(*), COUNT(lat), COUNT(pelapor_nama), MIN(lat), MAX(lat), MIN(lon), MAX(lon) FROM laporan",
    )[0]
    assert 0.5 < with_coords / n < 0.7
    assert 0.6 < with_name / n < 0.8
    assert -7.70 < lat_min < lat_max < -7.61 and 112.65 < lon_min < lon_max < 112.73
    assert _rows(demo_db, "SELECT COUNT(*) FROM laporan WHERE judul = '' OR lokasi NOT LIKE '%RT %/RW %'") == [(0,)]
    dinas = _rows(demo_db, "SELECT DISTINCT penanganan_nama FROM laporan WHERE penanganan = 'dinas'")
    handlers = {name for (name,) in dinas}
    assert "Dinas PUPR Kab. Pasuruan" in handlers and "DLH Kab. Pasuruan" in handlers


# --- areas ---------------------------------------------------------------------------------------------------


def test_kelurahan_comes_from_the_official_list(demo_db: Engine) -> None:
    assert _rows(demo_db, "SELECT kode, nama, kecamatan, kabupaten FROM kelurahan") == [
        ("35.14.11.1006", "Kutorejo", "Pandaan", "Kabupaten Pasuruan")
    ]


def test_wilayah_lookup_names_the_parents() -> None:
    entry = lookup("35.14.11.1006")
    assert (entry.nama, entry.tingkat, entry.kecamatan, entry.kabupaten) == (
        "Kutorejo",
        "kelurahan",
        "Pandaan",
        "Kabupaten Pasuruan",
    )
    with pytest.raises(KeyError):
        lookup("35.14.99.9999")


def test_rw_and_rt_numbers_are_zero_padded(demo_db: Engine) -> None:
    rws = [nomor for (nomor,) in _rows(demo_db, "SELECT nomor FROM rw ORDER BY nomor")]
    assert rws == [f"{i:02d}" for i in range(1, 11)]
    rts = _rows(demo_db, "SELECT rw_id, nomor, jumlah_kk, jumlah_warga, ketua_nama FROM rt ORDER BY rw_id, nomor")
    per_rw: dict[int, list[str]] = defaultdict(list)
    for rw_id, nomor, kk, warga, ketua in rts:
        per_rw[rw_id].append(nomor)
        assert 30 <= kk <= 80 and 3.2 * kk - 1 <= warga <= 3.8 * kk + 1 and ketua
    assert all(nomors == [f"{i:03d}" for i in range(1, len(nomors) + 1)] for nomors in per_rw.values())
    assert all(3 <= len(nomors) <= 6 for nomors in per_rw.values())


def test_rt_data_is_mostly_recent_with_some_stale(demo_db: Engine) -> None:
    dates = [value for (value,) in _rows(demo_db, "SELECT data_diperbarui FROM rt")]
    known = [date.fromisoformat(str(d)) for d in dates if d is not None]
    recent = [d for d in known if (DEMO_END - d).days <= 365]
    assert all(d <= DEMO_END for d in known)
    assert len(recent) > 0.7 * len(dates)
    assert len(recent) < len(dates)


def test_every_rw_has_tomas_and_a_toga(demo_db: Engine) -> None:
    counts = _rows(
        demo_db,
        "SELECT rw_id, SUM(jenis = 'tomas'), SUM(jenis = 'toga') FROM tokoh WHERE kelurahan_id IS NOT NULL"
        " GROUP BY rw_id",
    )
    assert len(counts) == 10
    assert all(1 <= tomas <= 2 and toga == 1 for _rw, tomas, toga in counts)


# --- activities ----------------------------------------------------------------------------------------------


def test_activities_of_every_kind_at_their_level(demo_db: Engine) -> None:
    kinds = dict(_rows(demo_db, "SELECT jenis, MIN(tingkat) || '/' || MAX(tingkat) FROM kegiatan GROUP BY jenis"))
    assert set(kinds) == set(domain.ACTIVITY_TYPES)
    assert kinds["kerja_bakti"] == kinds["ronda"] == kinds["musyawarah_rt"] == "rt/rt"
    assert kinds["posyandu"] == kinds["rapat_rw"] == "rw/rw"
    assert kinds["rapat_koordinasi"] == kinds["bimtek"] == "kelurahan/kelurahan"
    assert _rows(demo_db, "SELECT COUNT(*) FROM kegiatan WHERE jenis = 'bimtek'") == [(2,)]
    assert _rows(demo_db, "SELECT COUNT(*) FROM kegiatan WHERE jenis = 'rapat_koordinasi'") == [(24,)]


def test_kerja_bakti_targets_the_rts_households(demo_db: Engine) -> None:
    rows = _rows(
        demo_db,
        "SELECT k.target_peserta, k.target_satuan, rt.jumlah_kk,"
        " (SELECT SUM(jumlah) FROM kegiatan_kehadiran h WHERE h.kegiatan_id = k.id)"
        " FROM kegiatan k JOIN rt ON rt.id = k.rt_id WHERE k.jenis = 'kerja_bakti'",
    )
    assert rows and all(target == kk and satuan == "KK" for target, satuan, kk, _ in rows)
    assert sum(1 for target, _, _, came in rows if came < target) > 0.9 * len(rows)
    others = _rows(demo_db, "SELECT DISTINCT target_satuan FROM kegiatan WHERE jenis <> 'kerja_bakti'")
    assert others == [("orang",)]


def test_some_rts_skip_kerja_bakti_more_than_others(demo_db: Engine) -> None:
    per_rt = _rows(demo_db, "SELECT COUNT(*) FROM kegiatan WHERE jenis = 'kerja_bakti' GROUP BY rt_id")
    held = sorted(n for (n,) in per_rt)
    assert held[0] < 12 < held[-1]


def test_coordination_meetings_name_the_heads_who_came(demo_db: Engine) -> None:
    named = _rows(
        demo_db,
        "SELECT p.peran, p.rt_id, p.rw_id, p.tokoh_id FROM kegiatan_peserta p JOIN kegiatan k ON k.id = p.kegiatan_id"
        " WHERE k.jenis = 'rapat_koordinasi'",
    )
    assert {peran for peran, *_ in named} == {"ketua_rt", "ketua_rw"}
    assert all(rt_id and rw_id for peran, rt_id, rw_id, _ in named if peran == "ketua_rt")
    assert all(rw_id and rt_id is None for peran, rt_id, rw_id, _ in named if peran == "ketua_rw")
    per_rt = _rows(
        demo_db,
        "SELECT rt.id, COUNT(p.id) FROM rt LEFT JOIN kegiatan_peserta p ON p.rt_id = rt.id AND p.peran = 'ketua_rt'"
        " AND p.kegiatan_id IN (SELECT id FROM kegiatan WHERE jenis = 'rapat_koordinasi') GROUP BY rt.id",
    )
    attended = sorted(n for _rt, n in per_rt)
    assert attended[0] < 12 and attended[-1] >= 20  # some heads rarely come, others nearly always


def test_named_attendance_matches_the_counts_by_role(demo_db: Engine) -> None:
    mismatches = _rows(
        demo_db,
        "SELECT h.kegiatan_id FROM kegiatan_kehadiran h"
        " WHERE h.peran IN ('ketua_rt', 'ketua_rw', 'tomas', 'toga')"
        " AND h.kegiatan_id IN (SELECT DISTINCT kegiatan_id FROM kegiatan_peserta)"
        " AND h.jumlah <> (SELECT COUNT(*) FROM kegiatan_peserta p WHERE p.kegiatan_id = h.kegiatan_id"
        " AND p.peran = h.peran)",
    )
    assert mismatches == []


def test_bimtek_is_attended_by_heads_and_tokoh(demo_db: Engine) -> None:
    n_rt = _rows(demo_db, "SELECT COUNT(*) FROM rt")[0][0]
    for (kegiatan_id,) in _rows(demo_db, "SELECT id FROM kegiatan WHERE jenis = 'bimtek'"):
        sql = "SELECT peran, COUNT(*) FROM kegiatan_peserta WHERE kegiatan_id = :k GROUP BY peran"
        roles = dict(_rows(demo_db, sql, k=kegiatan_id))
        assert roles["ketua_rt"] > 0.7 * n_rt and roles["ketua_rw"] >= 7
        assert roles["tomas"] > 0 and roles["toga"] > 0


# --- the database and the command ----------------------------------------------------------------------------


def test_demo_flag_is_set(demo_db: Engine) -> None:
    assert _rows(demo_db, "SELECT value FROM app_meta WHERE key = 'demo'") == [("1",)]


def test_refuses_a_database_that_already_has_data(fresh_db: Engine) -> None:
    generate_demo(fresh_db, seed=1, months=2, reports=20, end=PAST_END)
    before = _rows(fresh_db, "SELECT COUNT(*) FROM laporan")
    with pytest.raises(DemoError, match="sudah berisi data"):
        generate_demo(fresh_db, seed=2, months=2, reports=20, end=PAST_END)
    assert _rows(fresh_db, "SELECT COUNT(*) FROM laporan") == before


def test_command_prints_a_summary(fresh_db: Engine, capsys) -> None:
    assert run_demo_command(fresh_db, _namespace()) == 0
    out = capsys.readouterr().out
    assert "50 laporan" in out and "ilustrasi" in out


def test_command_with_if_empty_leaves_a_filled_database_alone(fresh_db: Engine, capsys) -> None:
    generate_demo(fresh_db, seed=1, months=2, reports=20, end=PAST_END)
    assert run_demo_command(fresh_db, _namespace(if_empty=True)) == 0
    assert "sudah berisi data" in capsys.readouterr().out
    assert _rows(fresh_db, "SELECT COUNT(*) FROM laporan") == [(20,)]


def test_command_reports_a_refusal_on_stderr(fresh_db: Engine, capsys) -> None:
    generate_demo(fresh_db, seed=1, months=2, reports=20, end=PAST_END)
    assert run_demo_command(fresh_db, _namespace()) == 1
    assert "sudah berisi data" in capsys.readouterr().err


def test_works_on_every_backend_and_later_inserts_get_fresh_ids(any_db: Engine) -> None:
    summary = generate_demo(any_db, seed=4, months=3, reports=150, end=PAST_END)
    assert _rows(any_db, "SELECT COUNT(*) FROM laporan") == [(150,)]
    assert summary.history == _rows(any_db, "SELECT COUNT(*) FROM status_history")[0][0]
    assert _rows(any_db, "SELECT value FROM app_meta WHERE key = 'demo'") == [("1",)]
    # Ids were assigned by the generator: the sequences must have moved past them.
    when = datetime(2026, 6, 30, 12, 0)
    with any_db.begin() as conn:
        new_id = conn.execute(
            insert(Laporan).values(
                kelurahan_id=1,
                rw_id=1,
                rt_id=1,
                kategori_id=1,
                judul="Laporan baru",
                sumber="warga",
                prioritas="sedang",
                reported_at=when,
                status="baru",
                version=1,
                created_at=when,
                updated_at=when,
            )
        ).inserted_primary_key[0]
        tokoh_id = conn.execute(
            text(
                "INSERT INTO tokoh (kelurahan_id, rw_id, jenis, nama, aktif) VALUES (1, 1, 'tomas', :n, :t)"
                " RETURNING id"
            ),
            {"n": "Tokoh baru", "t": True},
        ).scalar_one()
    assert new_id == 151
    assert tokoh_id == summary.tokoh + 1
    reported = _rows(any_db, "SELECT reported_at FROM laporan WHERE id = 1")[0][0]
    assert isinstance(_as_datetime(reported), datetime)
