"""Bulk loading on SQLite: indexes and triggers are set aside for the load and come back exactly as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from kutorejo_data.core.db import make_engine
from kutorejo_data.store.bulk import bulk_load
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
