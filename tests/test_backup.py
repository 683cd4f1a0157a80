"""`python -m kutorejo_data backup`: a consistent SQLite copy while others write; PostgreSQL is sent to pg_dump."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, func, insert, select

from kutorejo_data.cli.main import main
from kutorejo_data.core.db import make_engine
from kutorejo_data.core.models import Laporan, StatusHistory
from tests.conftest import _throwaway_pg_database
from tests.factories import add_area, add_report, at


def _count(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        count = conn.execute(select(func.count()).select_from(Laporan)).scalar_one()
    engine.dispose()
    return count


def test_backup_copies_what_is_committed_while_a_write_is_in_progress(fresh_db: Engine, tmp_path: Path, capsys) -> None:
    with fresh_db.begin() as conn:
        rt = add_area(conn, rw="03", rt="002")
        add_report(conn, rt, "drainase-banjir", at(11, 2), [(at(11, 3), "diverifikasi", "rt")])
    target = tmp_path / "cadangan.sqlite3"
    with fresh_db.begin() as writer:  # the app is in the middle of saving a status change
        writer.execute(
            insert(StatusHistory).values(
                laporan_id=1,
                changed_at=datetime(2026, 11, 4),
                from_status="diverifikasi",
                to_status="diproses",
                changed_by="RT",
                note="",
            )
        )
        assert main(["--database-url", str(fresh_db.url), "backup", str(target)]) == 0
    assert "Cadangan dibuat" in capsys.readouterr().out
    copy = make_engine(f"sqlite:///{target}")
    with copy.connect() as conn:
        assert conn.execute(select(func.count()).select_from(StatusHistory)).scalar_one() == 2  # not the third
    copy.dispose()
    assert _count(f"sqlite:///{target}") == 1


def test_backup_refuses_to_overwrite_a_file(fresh_db: Engine, tmp_path: Path, capsys) -> None:
    target = tmp_path / "ada.sqlite3"
    target.write_bytes(b"penting")
    assert main(["--database-url", str(fresh_db.url), "backup", str(target)]) == 1
    assert target.read_bytes() == b"penting"
    assert "sudah ada" in capsys.readouterr().err


def test_backup_on_postgresql_points_to_pg_dump(pg_admin: Engine, pg_template: str, tmp_path: Path, capsys) -> None:
    for url in _throwaway_pg_database(pg_admin, pg_template):
        assert main(["--database-url", url, "backup", str(tmp_path / "x")]) == 1
    assert "pg_dump" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
