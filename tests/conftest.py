"""Shared fixtures: fresh and demo databases on SQLite, and on PostgreSQL when a server is reachable."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from kutorejo_data.access import passwords
from kutorejo_data.core.config import NOW_ENV
from kutorejo_data.core.db import make_engine
from kutorejo_data.store.migrate import migrate
from tests.factories import add_area, add_report, at


@pytest.fixture(scope="session", autouse=True)
def _apps_run_through_their_frame() -> Iterator[None]:
    """Run AppTests as the server runs after its first request: app.py routes every page (st.navigation).

    AppTest resets Streamlit's "pages/ folder means a v1 multipage app" flag before every run, which would
    run a page file alone, without app.py's frame and login gate (see ui/context.py).
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]
    yield
    PagesManager.__init__ = original  # type: ignore[method-assign]


# The demo data used by tests ends on a fixed day so that every figure is reproducible; the clock is pinned to
# that day's evening for the whole run (and the app servers it starts), so no test depends on the day it runs.
DEMO_END = date(2026, 11, 29)
DEMO_SEED = 7
PINNED_NOW = "2026-11-29T20:00"


@pytest.fixture(scope="session", autouse=True)
def pinned_clock() -> Iterator[None]:
    """THE clock (kutorejo_data.core.config.now_local) reads `PINNED_NOW`; a test moves it with `monkeypatch.setenv`."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(NOW_ENV, PINNED_NOW)
        yield


PG_ADMIN_URL = os.environ.get("KUTOREJO_TEST_DATABASE_URL") or "postgresql+psycopg://root@127.0.0.1:5432/postgres"


def _pg_admin_engine() -> Engine | None:
    """An AUTOCOMMIT engine on the PostgreSQL test server, or None when none answers."""
    url = make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg")
    engine = create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        engine.dispose()
        return None
    return engine


@pytest.fixture(scope="session", autouse=True)
def security_settings_for_tests() -> Iterator[None]:
    """A fixed cookie-signing key (none is written into instance/), and argon2id at test strength.

    Production hashing takes most of a second on a small machine, which is right for a login and wrong for a
    suite that signs in a hundred times. Same algorithm and code path, cheaper parameters.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KUTOREJO_SECRET_KEY", "kunci-uji-" + "x" * 40)
        patch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        yield


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """Admin connection to the PostgreSQL server; skips (with the reason) when none is running."""
    engine = _pg_admin_engine()
    if engine is None:
        where = make_url(PG_ADMIN_URL).render_as_string()
        pytest.skip(f"no PostgreSQL server at {where} (set KUTOREJO_TEST_DATABASE_URL to test on PostgreSQL)")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_admin: Engine) -> Iterator[str]:
    """A migrated template database; each test copies it, which is much faster than migrating again."""
    name = f"kutorejo_tpl_{uuid.uuid4().hex[:10]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(_database_url(name))
    migrate(engine)
    engine.dispose()
    yield name
    with pg_admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _database_url(name: str) -> str:
    return (
        make_url(PG_ADMIN_URL).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    )


def _throwaway_pg_database(pg_admin: Engine, template: str) -> Iterator[str]:
    name = f"kutorejo_test_{uuid.uuid4().hex[:10]}"
    with pg_admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield _database_url(name)
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def fresh_db_url(tmp_path) -> str:
    """URL of a migrated, empty SQLite database in a temporary folder."""
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    return url


@pytest.fixture
def fresh_db(fresh_db_url: str) -> Iterator[Engine]:
    """A migrated, empty SQLite database."""
    engine = make_engine(fresh_db_url)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, tmp_path) -> Iterator[Engine]:
    """A migrated, empty database on each backend: the same test runs on SQLite and PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'any.sqlite3'}"
        engine = make_engine(url)
        migrate(engine)
        yield engine
        engine.dispose()
        return
    pg_admin = request.getfixturevalue("pg_admin")
    template = request.getfixturevalue("pg_template")
    for url in _throwaway_pg_database(pg_admin, template):
        engine = make_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture(scope="session")
def demo_db_url(tmp_path_factory) -> str:
    """URL of a SQLite database holding the default demo data and demo accounts (built once per run; read-only).

    Signing in writes sessions and login times; tests must not change anything else in it.
    """
    from kutorejo_data.demo.generate import generate_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    generate_demo(engine, seed=DEMO_SEED, end=DEMO_END)
    engine.dispose()
    return url


@pytest.fixture
def demo_db(demo_db_url: str) -> Iterator[Engine]:
    """An engine on the shared demo database. Tests must not write to it."""
    engine = make_engine(demo_db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def handmade_db(any_db: Engine) -> Engine:
    """Nine reports in two RWs.

    | report | RW/RT  | category (SLA) | reported | history                                   |
    | R1     | 03/002 | drainase (14)  | 2 Nov    | diverifikasi 3 Nov, diproses 4 Nov, selesai 12 Nov |
    | R2     | 03/002 | sampah (7)     | 5 Nov    | diverifikasi 5 Nov 20:00, selesai 9 Nov   |
    | R3     | 03/002 | sampah (7)     | 10 Nov   | ditolak 13 Nov                            |
    | R4     | 03/002 | keamanan (3)   | 20 Nov   | (still baru)                              |
    | R5     | 03/002 | drainase (14)  | 1 Oct    | diproses 3 Oct, selesai 15 Nov            |
    | R6     | 04/001 | sampah (7)     | 20 Oct   | diverifikasi 21 Oct                       |
    | R7     | 04/001 | drainase (14)  | 25 Nov   | diverifikasi 27 Nov                       |
    | R8     | 03/002 | drainase (14)  | 5 Oct    | diproses 6 Oct, selesai 20 Oct, reopened (diproses) 2 Dec |
    | R9     | 03/002 | drainase (14)  | 3 Dec    | (still baru)                              |
    """
    with any_db.begin() as conn:
        rt2 = add_area(conn, rw="03", rt="002")
        rt1 = add_area(conn, rw="04", rt="001")
        add_report(
            conn,
            rt2,
            "drainase-banjir",
            at(11, 2),
            [(at(11, 3), "diverifikasi", "rt"), (at(11, 4), "diproses", "rt"), (at(11, 12), "selesai", "rt")],
        )
        add_report(
            conn,
            rt2,
            "sampah-kebersihan",
            at(11, 5),
            [(at(11, 5, 20), "diverifikasi", "rt"), (at(11, 9), "selesai", "rt")],
        )
        add_report(conn, rt2, "sampah-kebersihan", at(11, 10), [(at(11, 13), "ditolak", "rt")])
        add_report(conn, rt2, "keamanan-ketertiban", at(11, 20))
        add_report(
            conn,
            rt2,
            "drainase-banjir",
            at(10, 1),
            [(at(10, 3), "diproses", "kelurahan"), (at(11, 15), "selesai", "kelurahan")],
        )
        add_report(conn, rt1, "sampah-kebersihan", at(10, 20), [(at(10, 21), "diverifikasi", "rw")])
        add_report(conn, rt1, "drainase-banjir", at(11, 25), [(at(11, 27), "diverifikasi", "rw")])
        add_report(
            conn,
            rt2,
            "drainase-banjir",
            at(10, 5),
            [(at(10, 6), "diproses", "rt"), (at(10, 20), "selesai", "rt"), (at(12, 2), "diproses", "rt")],
        )
        add_report(conn, rt2, "drainase-banjir", at(12, 3))
    return any_db
