"""Bulk loading on SQLite: indexes and triggers are set aside for the load and come back exactly as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core.db import make_engine
from kutorejo_data.store.bulk import bulk_load, written_in_place
from kutorejo_data.store.migrate import migrate

TABLES = ("laporan", "status_history")
SCHEMA = text(
    "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('laporan', 'status_history') ORDER BY type, name"
)


@pytest.fixture
def sqlite_db(tmp_path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    migrate(engine)
    return engine


def test_indexes_and_triggers_are_back_after_a_load(sqlite_db: Engine) -> None:
    with sqlite_db.connect() as conn:
        before = conn.execute(SCHEMA).all()
    with sqlite_db.begin() as conn, bulk_load(conn, TABLES):
        during = conn.execute(SCHEMA).all()
    with sqlite_db.connect() as conn:
        after = conn.execute(SCHEMA).all()
    assert {kind for kind, _, _ in before} >= {"index", "trigger"}
    assert [kind for kind, _, sql in during if sql is not None] == ["table", "table"]
    assert after == before


def test_a_failed_load_keeps_the_indexes_and_triggers(sqlite_db: Engine) -> None:
    with sqlite_db.connect() as conn:
        before = conn.execute(SCHEMA).all()
    with pytest.raises(RuntimeError), sqlite_db.begin() as conn, bulk_load(conn, TABLES):
        raise RuntimeError("the generator failed")
    with sqlite_db.connect() as conn:
        assert conn.execute(SCHEMA).all() == before


def _journal_mode(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar_one())


def test_a_load_written_in_place_leaves_the_database_in_wal_mode(sqlite_db: Engine) -> None:
    assert _journal_mode(sqlite_db) == "wal"
    with written_in_place(sqlite_db):
        assert _journal_mode(sqlite_db) == "delete"
        with sqlite_db.begin() as conn:
            conn.execute(
                text("INSERT INTO hari_libur (tanggal, nama, created_at) VALUES ('2026-12-25', 'Natal', '2026-12-01')")
            )
    assert _journal_mode(sqlite_db) == "wal"
    with make_engine(sqlite_db.url.render_as_string()).connect() as other:
        assert other.execute(text("SELECT nama FROM hari_libur")).scalar_one() == "Natal"


def test_a_database_another_connection_has_open_stays_in_wal_mode(sqlite_db: Engine) -> None:
    with make_engine(sqlite_db.url.render_as_string()).connect() as reader:
        reader.execute(text("SELECT count(*) FROM kelurahan")).scalar_one()
        with written_in_place(sqlite_db):
            assert _journal_mode(sqlite_db) == "wal"
    assert _journal_mode(sqlite_db) == "wal"


def test_check_constraints_are_enforced_again_after_a_load(sqlite_db: Engine) -> None:
    # During the load SQLite skips them (the caller writes valid rows; the demo's test runs quick_check).
    with sqlite_db.connect() as conn, bulk_load(conn, TABLES):
        assert conn.exec_driver_sql("PRAGMA ignore_check_constraints").scalar_one() == 1
    with sqlite_db.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA ignore_check_constraints").scalar_one() == 0
        with pytest.raises(IntegrityError, match="CHECK constraint failed"):
            conn.execute(
                text(
                    "INSERT INTO status_history (laporan_id, changed_at, to_status, changed_by, note)"
                    " VALUES (1, '2026-11-01', 'hilang', 'uji', '')"
                )
            )
