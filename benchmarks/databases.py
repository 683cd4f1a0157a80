"""Demo databases of a given size: an SQLite file in a work folder, or a throwaway PostgreSQL database."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kutorejo_data.core.db import make_engine
from kutorejo_data.demo.generate import generate_demo
from kutorejo_data.store.migrate import migrate


@dataclass(frozen=True)
class BenchDatabase:
    """A filled database: its URL, how long the demo took to generate (None when reused) and its size on disk.

    The generation's CPU seconds are this process's (on SQLite that includes the database's work; on PostgreSQL the
    server's is not in it): unlike the wall clock, a busy machine does not stretch them.
    """

    url: str
    generation_seconds: float | None
    generation_cpu_seconds: float | None
    size_mb: float


def _report_count(url: str) -> int | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT COUNT(*) FROM laporan")).scalar_one())
    except Exception:
        return None
    finally:
        engine.dispose()


def _fill(url: str, reports: int) -> tuple[float, float]:
    """Migrate and generate the demo; returns the wall-clock and CPU seconds the generator took."""
    engine = make_engine(url)
    migrate(engine)
    cpu, started = time.process_time(), time.perf_counter()
    generate_demo(engine, reports=reports)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    engine.dispose()
    return round(seconds, 1), round(cpu_seconds, 1)


def _migrated(url: str) -> None:
    """A reused database still gets the newest schema (e.g. a new index) before it is measured."""
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()


@contextmanager
def sqlite_database(workdir: Path, reports: int, *, reuse: bool, keep: bool) -> Iterator[BenchDatabase]:
    """An SQLite demo database of `reports` reports in `workdir`; reused when asked and already the right size."""
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"demo-{reports}.sqlite3"
    url = f"sqlite:///{path}"
    seconds: tuple[float | None, float | None] = (None, None)
    if reuse and path.exists() and _report_count(url) == reports:
        _migrated(url)
    else:
        _remove_sqlite(path)
        seconds = _fill(url, reports)
    try:
        yield BenchDatabase(url, *seconds, round(path.stat().st_size / 2**20, 1))
    finally:
        if not keep:
            _remove_sqlite(path)


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def postgres_database(admin_url: str, reports: int, *, reuse: bool, keep: bool) -> Iterator[BenchDatabase]:
    """A throwaway PostgreSQL database `kutorejo_bench_<reports>` on the server of `admin_url`, dropped afterwards."""
    name = f"kutorejo_bench_{reports}"
    admin = create_engine(make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is not None
    seconds: tuple[float | None, float | None] = (None, None)
    if reuse and exists and _report_count(url) == reports:
        _migrated(url)
    else:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        seconds = _fill(url, reports)
    with admin.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(:n)"), {"n": name}).scalar_one()
    try:
        yield BenchDatabase(url, *seconds, round(size / 2**20, 1))
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
