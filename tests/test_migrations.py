"""Migrations bring an empty or an older database to the schema the models describe."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from kutorejo_data.core.db import make_engine
from kutorejo_data.core.domain import DEFAULT_CATEGORIES
from kutorejo_data.core.models import RT, RW, Base, Kategori, Kelurahan, Laporan, StatusHistory
from kutorejo_data.store.migrate import alembic_config, current_revision, head_revision, migrate


def _add_area(conn) -> tuple[int, int, int]:
    kel = conn.execute(
        insert(Kelurahan).values(kode="35.14.11.1006", nama="Kutorejo", kecamatan="Pandaan", kabupaten="Pasuruan")
    ).inserted_primary_key[0]
    rw = conn.execute(insert(RW).values(kelurahan_id=kel, nomor="03", aktif=True)).inserted_primary_key[0]
    rt = conn.execute(insert(RT).values(rw_id=rw, nomor="002", aktif=True)).inserted_primary_key[0]
    return kel, rw, rt


def _add_report(conn, kel: int, rw: int, rt: int, **overrides) -> int:
    kategori_id = conn.execute(select(Kategori.id).limit(1)).scalar_one()
    when = datetime(2026, 11, 1, 9, 0)
    values = dict(
        kelurahan_id=kel,
        rw_id=rw,
        rt_id=rt,
        kategori_id=kategori_id,
        judul="Selokan mampet",
        deskripsi="",
        lokasi="",
        sumber="warga",
        prioritas="sedang",
        reported_at=when,
        status="baru",
        version=1,
        created_at=when,
        updated_at=when,
    )
    values.update(overrides)
    return conn.execute(insert(Laporan).values(**values)).inserted_primary_key[0]


def test_empty_database_reaches_head_and_matches_the_models(any_db: Engine) -> None:
    assert current_revision(any_db) == head_revision()
    with any_db.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_new_database_has_the_default_categories(any_db: Engine) -> None:
    with any_db.connect() as conn:
        slugs = conn.execute(select(Kategori.slug).order_by(Kategori.urutan)).scalars().all()
    assert slugs == [c.slug for c in DEFAULT_CATEGORIES]


def test_populated_database_from_the_first_version_keeps_its_rows(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    migrate(engine, "0001")
    with engine.begin() as conn:
        kel, rw, rt = _add_area(conn)
        conn.execute(insert(Kategori).values(slug="jalan-gang", nama="Jalan rusak", sla_hari=10, aktif=True, urutan=1))
        _add_report(conn, kel, rw, rt)
    migrate(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(select(Laporan.judul)).scalars().all() == ["Selokan mampet"]
        # A category the office already had is kept as it was, the missing defaults are added.
        assert conn.execute(select(Kategori.nama).where(Kategori.slug == "jalan-gang")).scalar_one() == "Jalan rusak"
        assert conn.execute(select(Kategori.id)).scalars().all().__len__() == len(DEFAULT_CATEGORIES)
    engine.dispose()


def test_migrating_twice_changes_nothing(any_db: Engine) -> None:
    migrate(any_db)
    assert current_revision(any_db) == head_revision()


def test_status_history_is_append_only(any_db: Engine) -> None:
    with any_db.begin() as conn:
        kel, rw, rt = _add_area(conn)
        report = _add_report(conn, kel, rw, rt)
        conn.execute(
            insert(StatusHistory).values(
                laporan_id=report, changed_at=datetime(2026, 11, 1, 9), to_status="baru", changed_by="tes", note=""
            )
        )
    for statement in ("UPDATE status_history SET note = 'diubah'", "DELETE FROM status_history"):
        with pytest.raises(DBAPIError, match="append-only"), any_db.begin() as conn:
            conn.execute(text(statement))


@pytest.mark.parametrize(
    "overrides",
    [
        {"status": "hilang"},
        {"prioritas": "darurat"},
        {"status": "duplikat"},  # a duplicate must point to its original
        {"lat": 123.0},
        {"judul": ""},
    ],
)
def test_database_refuses_invalid_reports(any_db: Engine, overrides: dict) -> None:
    with any_db.begin() as conn:
        kel, rw, rt = _add_area(conn)
    with pytest.raises(IntegrityError), any_db.begin() as conn:
        _add_report(conn, kel, rw, rt, **overrides)


def test_rt_number_is_unique_within_its_rw_and_report_area_must_agree(any_db: Engine) -> None:
    with any_db.begin() as conn:
        kel, rw, rt = _add_area(conn)
        other_rw = conn.execute(insert(RW).values(kelurahan_id=kel, nomor="04", aktif=True)).inserted_primary_key[0]
        conn.execute(insert(RT).values(rw_id=other_rw, nomor="002", aktif=True))  # same number, other RW: fine
    with pytest.raises(IntegrityError), any_db.begin() as conn:
        conn.execute(insert(RT).values(rw_id=rw, nomor="002", aktif=True))
    with pytest.raises(IntegrityError), any_db.begin() as conn:
        _add_report(conn, kel, other_rw, rt)  # RT 002 of RW 03 filed under RW 04


def test_accounts_migration_keeps_existing_accounts_and_can_be_undone(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'accounts.sqlite3'}")
    migrate(engine, "0002")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO pengguna (username, password_hash, nama, role, aktif, created_at)"
                " VALUES ('lama', 'x', '', 'admin', 1, '2026-01-01 00:00:00')"
            )
        )
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT username, gagal_login, terkunci_sampai FROM pengguna")).one() == (
            "lama",
            0,
            None,
        )
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    with engine.connect() as conn:
        tables = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
    assert "audit_log" not in tables and "sesi_login" not in tables
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_first_response_and_resolution_are_filled_from_the_history_and_can_be_undone(any_db: Engine) -> None:
    cfg = alembic_config()
    with any_db.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    with any_db.begin() as conn:
        kel, rw, rt = _add_area(conn)
        report = _add_report(conn, kel, rw, rt)
        for day, from_status, to_status in (
            (1, None, "baru"),
            (3, "baru", "diproses"),
            (6, "diproses", "selesai"),
            (8, "selesai", "diproses"),
            (9, "diproses", "selesai"),
        ):
            conn.execute(
                text(
                    "INSERT INTO status_history (laporan_id, changed_at, from_status, to_status, changed_by,"
                    " note) VALUES (:r, :at, :f, :t, 'lama', '')"
                ),
                {"r": report, "at": datetime(2026, 11, day, 9), "f": from_status, "t": to_status},
            )
    migrate(any_db)
    with any_db.connect() as conn:
        firsts = conn.execute(select(Laporan.first_response_at, Laporan.first_resolved_at)).one()
    assert tuple(firsts) == (datetime(2026, 11, 3, 9), datetime(2026, 11, 6, 9))
    with any_db.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    migrate(any_db)
    assert current_revision(any_db) == head_revision()


def _history_areas(conn) -> list[tuple[int | None, int | None, int | None]]:
    rows = select(StatusHistory.kelurahan_id, StatusHistory.rw_id, StatusHistory.rt_id).order_by(StatusHistory.id)
    return [tuple(row) for row in conn.execute(rows)]


def test_the_history_carries_its_reports_area_whoever_writes_it_and_follows_a_correction(any_db: Engine) -> None:
    with any_db.begin() as conn:
        kel, rw, rt = _add_area(conn)
        other_rw = conn.execute(insert(RW).values(kelurahan_id=kel, nomor="04", aktif=True)).inserted_primary_key[0]
        other_rt = conn.execute(insert(RT).values(rw_id=other_rw, nomor="001", aktif=True)).inserted_primary_key[0]
        report = _add_report(conn, kel, rw, rt)
        entry = dict(laporan_id=report, to_status="baru", changed_by="tes", note="")
        conn.execute(insert(StatusHistory).values(changed_at=datetime(2026, 11, 1, 9), **entry))  # no area given
        wrong = dict(kelurahan_id=kel, rw_id=other_rw, rt_id=other_rt)  # a writer naming another area is corrected
        conn.execute(insert(StatusHistory).values(changed_at=datetime(2026, 11, 2, 9), **entry, **wrong))
        assert _history_areas(conn) == [(kel, rw, rt)] * 2
    with any_db.begin() as conn:  # a report moved to another RT by hand: its history follows
        conn.execute(text("UPDATE laporan SET rw_id = :rw, rt_id = :rt"), {"rw": other_rw, "rt": other_rt})
        assert _history_areas(conn) == [(kel, other_rw, other_rt)] * 2
    # What the history records stays as written; only its copy of the area follows the report.
    for statement in (
        "UPDATE status_history SET note = 'diubah'",
        "UPDATE status_history SET rw_id = rw_id, note = ''",
    ):
        with pytest.raises(DBAPIError, match="append-only"), any_db.begin() as conn:
            conn.execute(text(statement))


def test_the_history_area_is_filled_for_existing_rows_and_can_be_undone(any_db: Engine) -> None:
    cfg = alembic_config()
    with any_db.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0015")
    with any_db.begin() as conn:
        kel, rw, rt = _add_area(conn)
        report = _add_report(conn, kel, rw, rt)
        conn.execute(
            text(
                "INSERT INTO status_history (laporan_id, changed_at, to_status, changed_by, note)"
                " VALUES (:r, :at, 'baru', 'lama', '')"
            ),
            {"r": report, "at": datetime(2026, 11, 1, 9)},
        )
    migrate(any_db)
    with any_db.connect() as conn:
        assert _history_areas(conn) == [(kel, rw, rt)]
    with any_db.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0015")
    with pytest.raises(DBAPIError, match="append-only"), any_db.begin() as conn:  # the old guard is back
        conn.execute(text("UPDATE status_history SET changed_by = 'x'"))
    migrate(any_db)
    assert current_revision(any_db) == head_revision()
