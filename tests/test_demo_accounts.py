"""Demo accounts: one per role and area, password `demo`, only in a demo database, never over a real account."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select

from kutorejo_data.access.account_admin import AccountDraft, create_user
from kutorejo_data.access.accounts import authenticate
from kutorejo_data.core.models import RT, Pengguna
from kutorejo_data.demo.accounts import listed_demo_accounts
from kutorejo_data.demo.generate import generate_demo

END = date(2026, 6, 30)


def test_the_demo_creates_an_account_per_role_and_area(demo_db: Engine) -> None:
    with demo_db.connect() as conn:
        accounts = dict(conn.execute(select(Pengguna.username, Pengguna.role)).all())
        rts = conn.execute(select(RT.id)).all()
    assert [accounts[name] for name in ("admin", "lurah", "staf", "tamu")] == ["admin", "lurah", "staf", "tamu"]
    assert accounts["rw03"] == "ketua_rw" and accounts["rt03-002"] == "ketua_rt"
    assert len([name for name in accounts if name.startswith("rt")]) == len(rts)


def test_demo_accounts_sign_in_with_demo_and_see_their_area(demo_db: Engine) -> None:
    rt = authenticate(demo_db, "rt03-002", "demo")
    assert (rt.role, rt.scope.rw, rt.scope.rt) == ("ketua_rt", "03", "002")
    assert authenticate(demo_db, "lurah", "demo").scope.kelurahan_kode == "35.14.11.1006"
    assert authenticate(demo_db, "admin", "demo").scope.kelurahan_kode is None
    assert authenticate(demo_db, "tamu", "demo").scope.read_only


def test_a_migrated_database_has_no_demo_accounts(fresh_db: Engine) -> None:
    with fresh_db.connect() as conn:
        assert conn.execute(select(Pengguna.id)).first() is None
        assert listed_demo_accounts(conn) == []


def test_the_demo_never_overwrites_a_real_account(fresh_db: Engine) -> None:
    create_user(fresh_db, AccountDraft("admin", "admin"), "sandi-asli-123", actor="cli")
    summary = generate_demo(fresh_db, seed=3, months=2, reports=20, end=END)
    assert authenticate(fresh_db, "admin", "sandi-asli-123") is not None
    assert authenticate(fresh_db, "admin", "demo") is None
    with fresh_db.connect() as conn:
        listed = [name for name, _ in listed_demo_accounts(conn)]
    assert "admin" not in listed and "lurah" in listed and len(listed) == summary.accounts
