"""Signing in: hashed passwords, the lock-out, sessions that end on logout and inactivity, the signed cookie."""

from __future__ import annotations

import stat
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, select, update

from kutorejo_data.access.account_admin import set_active, set_password
from kutorejo_data.access.accounts import LOCKOUT_ATTEMPTS, LOCKOUT_DURATION, authenticate
from kutorejo_data.access.cookie import sign_token, token_from_cookie
from kutorejo_data.access.secret_key import secret_key
from kutorejo_data.access.sessions import (
    HANDOVER_TTL,
    SESSION_MAX_AGE,
    claim_cookie,
    end_session,
    resume_session,
    start_handed_over_session,
    start_session,
)
from kutorejo_data.core.models import AuditLog, Pengguna, SesiLogin
from tests.factories import add_area
from tests.signin import PASSWORD, add_user

NOW = datetime(2026, 11, 29, 9, 0)
IDLE = timedelta(minutes=30)
SECRET = "k" * 40


@pytest.fixture
def users_db(any_db: Engine) -> Engine:
    """A database with one RT and three accounts: an admin, a lurah and the head of RT 002 / RW 03."""
    with any_db.begin() as conn:
        add_area(conn, rw="03", rt="002")
    add_user(any_db, "admin", "admin")
    add_user(any_db, "lurah", "lurah")
    add_user(any_db, "rt03-002", "ketua_rt", rw="03", rt="002")
    return any_db


def stored_hash(engine: Engine, username: str) -> str:
    with engine.connect() as conn:
        return conn.execute(select(Pengguna.password_hash).where(Pengguna.username == username)).scalar_one()


def test_passwords_are_stored_as_argon2id_hashes_never_as_text(users_db: Engine) -> None:
    hashes = [stored_hash(users_db, name) for name in ("admin", "lurah")]
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    assert hashes[0] != hashes[1]  # each hash has its own salt, even for the same password


def test_the_right_password_signs_in_and_usernames_ignore_case(users_db: Engine) -> None:
    account = authenticate(users_db, "  RT03-002 ", PASSWORD, now=NOW)
    assert account is not None
    assert (account.username, account.role, account.rw, account.rt) == ("rt03-002", "ketua_rt", "03", "002")
    with users_db.connect() as conn:
        assert conn.execute(select(Pengguna.last_login_at).where(Pengguna.username == "rt03-002")).scalar() == NOW


@pytest.mark.parametrize(("username", "password"), [("lurah", "salah-sekali"), ("siapa", PASSWORD), ("lurah", "")])
def test_a_wrong_password_or_unknown_user_is_refused(users_db: Engine, username: str, password: str) -> None:
    assert authenticate(users_db, username, password, now=NOW) is None


def test_a_deactivated_account_cannot_sign_in(users_db: Engine) -> None:
    set_active(users_db, "lurah", False, actor="admin", now=NOW)
    assert authenticate(users_db, "lurah", PASSWORD, now=NOW) is None


def test_repeated_failures_lock_the_account_for_a_while(users_db: Engine) -> None:
    for attempt in range(LOCKOUT_ATTEMPTS):
        assert authenticate(users_db, "lurah", "tebakan", now=NOW + timedelta(seconds=attempt)) is None
    # Locked: even the right password is refused until the lock runs out, and the other accounts are unaffected.
    assert authenticate(users_db, "lurah", PASSWORD, now=NOW + timedelta(minutes=1)) is None
    assert authenticate(users_db, "admin", PASSWORD, now=NOW + timedelta(minutes=1)) is not None
    assert authenticate(users_db, "lurah", PASSWORD, now=NOW + LOCKOUT_DURATION + timedelta(seconds=10)) is not None
    with users_db.connect() as conn:
        entry = conn.execute(select(AuditLog.actor, AuditLog.action, AuditLog.entity_id)).all()
    assert ("sistem", "lockout", "lurah") in [tuple(row) for row in entry]


def test_fewer_failures_than_the_limit_do_not_lock(users_db: Engine) -> None:
    for _ in range(LOCKOUT_ATTEMPTS - 1):
        authenticate(users_db, "lurah", "tebakan", now=NOW)
    assert authenticate(users_db, "lurah", PASSWORD, now=NOW) is not None
    # A success starts the count again.
    for _ in range(LOCKOUT_ATTEMPTS - 1):
        authenticate(users_db, "lurah", "tebakan", now=NOW)
    assert authenticate(users_db, "lurah", PASSWORD, now=NOW) is not None


def account_id(engine: Engine, username: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(Pengguna.id).where(Pengguna.username == username)).scalar_one()


def test_a_session_lives_while_used_and_ends_after_the_idle_limit(users_db: Engine) -> None:
    token = start_session(users_db, account_id(users_db, "lurah"), now=NOW)
    assert resume_session(users_db, token, now=NOW + timedelta(minutes=25), idle_limit=IDLE).account_id is not None
    # Activity at 25 minutes moved the idle clock: 50 minutes after the start is only 25 idle minutes.
    assert resume_session(users_db, token, now=NOW + timedelta(minutes=50), idle_limit=IDLE).account_id is not None
    ended = resume_session(users_db, token, now=NOW + timedelta(minutes=81), idle_limit=IDLE)
    assert ended.account_id is None and ended.reason == "timeout"
    assert resume_session(users_db, token, now=NOW + timedelta(minutes=82), idle_limit=IDLE).reason == "ended"


def test_a_session_ends_at_logout_and_after_a_working_day(users_db: Engine) -> None:
    lurah = account_id(users_db, "lurah")
    token = start_session(users_db, lurah, now=NOW)
    end_session(users_db, token, now=NOW)
    assert resume_session(users_db, token, now=NOW, idle_limit=IDLE).reason == "ended"
    token = start_session(users_db, lurah, now=NOW)
    for minutes in range(20, 12 * 60, 20):  # active all day long
        resume_session(users_db, token, now=NOW + timedelta(minutes=minutes), idle_limit=IDLE)
    assert (
        resume_session(users_db, token, now=NOW + SESSION_MAX_AGE + timedelta(minutes=1), idle_limit=IDLE).reason
        == "expired"
    )


def test_a_new_password_or_deactivation_signs_the_account_out_everywhere(users_db: Engine) -> None:
    phone = start_session(users_db, account_id(users_db, "lurah"), now=NOW)
    laptop = start_session(users_db, account_id(users_db, "lurah"), now=NOW)
    set_password(users_db, "lurah", "sandi-baru-123", actor="admin", now=NOW)
    assert {resume_session(users_db, t, now=NOW, idle_limit=IDLE).reason for t in (phone, laptop)} == {"ended"}
    token = start_session(users_db, account_id(users_db, "rt03-002"), now=NOW)
    set_active(users_db, "rt03-002", False, actor="admin", now=NOW)
    assert resume_session(users_db, token, now=NOW, idle_limit=IDLE).account_id is None


def test_the_cookie_of_a_sign_in_is_handed_over_once_for_its_one_time_code(users_db: Engine) -> None:
    token, code = start_handed_over_session(users_db, account_id(users_db, "lurah"), SECRET, now=NOW)
    assert token != code and token not in code and code not in token  # the code tells a page script nothing
    assert claim_cookie(users_db, code, "l" * 40, now=NOW) is None  # signed with another key: another token
    assert claim_cookie(users_db, code, SECRET, now=NOW + HANDOVER_TTL + timedelta(seconds=1)) is None
    assert claim_cookie(users_db, code, SECRET, now=NOW + timedelta(seconds=5)) == token
    assert claim_cookie(users_db, code, SECRET, now=NOW + timedelta(seconds=6)) is None  # once


def test_a_session_ended_before_its_handover_gets_no_cookie(users_db: Engine) -> None:
    token, code = start_handed_over_session(users_db, account_id(users_db, "lurah"), SECRET, now=NOW)
    set_password(users_db, "lurah", "sandi-baru-123", actor="admin", now=NOW)
    assert claim_cookie(users_db, code, SECRET, now=NOW) is None


def test_an_unknown_token_is_refused_and_only_its_digest_is_stored(users_db: Engine) -> None:
    token = start_session(users_db, account_id(users_db, "lurah"), now=NOW)
    with users_db.connect() as conn:
        stored = conn.execute(select(SesiLogin.token_hash)).scalars().all()
    assert token not in stored and len(stored[0]) == 64
    assert resume_session(users_db, "tebakan", now=NOW, idle_limit=IDLE).reason == "unknown"


def test_the_cookie_value_is_signed_and_expires() -> None:
    value = sign_token("token-abc", SECRET)
    assert token_from_cookie(value, SECRET, SESSION_MAX_AGE) == "token-abc"
    assert token_from_cookie(value, "l" * 40, SESSION_MAX_AGE) is None  # another key
    assert token_from_cookie(value[:-2] + "xx", SECRET, SESSION_MAX_AGE) is None  # tampered
    assert token_from_cookie("token-abc", SECRET, SESSION_MAX_AGE) is None  # unsigned
    assert token_from_cookie(value, SECRET, timedelta(seconds=-1)) is None  # older than allowed


def test_the_signing_key_comes_from_the_environment_then_secrets_then_a_file(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("KUTOREJO_SECRET_KEY")
    path = tmp_path / "instance" / "secret_key"
    assert secret_key("s" * 40, path) == "s" * 40
    generated = secret_key(None, path)
    assert len(generated) >= 32 and secret_key(None, path) == generated  # generated once, then kept
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    monkeypatch.setenv("KUTOREJO_SECRET_KEY", "e" * 40)
    assert secret_key("s" * 40, path) == "e" * 40
    monkeypatch.delenv("KUTOREJO_SECRET_KEY")
    with pytest.raises(ValueError, match="at least"):
        secret_key("pendek", tmp_path / "unused")
    monkeypatch.setenv("KUTOREJO_SECRET_KEY", "pendek")
    with pytest.raises(ValueError, match="at least"):
        secret_key(None, path)


def test_failures_are_counted_in_the_database_per_username(users_db: Engine) -> None:
    authenticate(users_db, "lurah", "tebakan", now=NOW)
    authenticate(users_db, "lurah", "tebakan", now=NOW)
    with users_db.connect() as conn:
        counts = dict(conn.execute(select(Pengguna.username, Pengguna.gagal_login)).all())
    assert counts == {"admin": 0, "lurah": 2, "rt03-002": 0}
    with users_db.begin() as conn:
        conn.execute(update(Pengguna).values(gagal_login=0))
