"""User accounts: who someone is (role and area), signing in with a lock-out, and managing accounts.

Every change to an account is written to the audit log in the same transaction. Passwords never leave
this module except as argon2 hashes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import Connection, Engine, Select, func, insert, select, update

from . import audit, domain, permissions
from .config import now_local
from .db import write_transaction
from .filters import EVERYTHING, Scope, resolve_area
from .login_sessions import end_user_sessions
from .models import RT, RW, Kelurahan, Pengguna
from .passwords import hash_password, needs_rehash, password_problem, verify_password, waste_a_verification
from .services import ServiceError, ValidationError

# Five wrong passwords lock the account for five minutes: a guesser gets ~1,400 tries a day instead of millions,
# while a head who mistyped on a phone waits a coffee, not a call to the kelurahan.
LOCKOUT_ATTEMPTS = 5
LOCKOUT_DURATION = timedelta(minutes=5)
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")
NAMA_MAX = 100
SYSTEM_ACTOR = "sistem"


@dataclass(frozen=True)
class Account:
    """A signed-in (or listed) user: identity, role and area codes."""

    id: int
    username: str
    nama: str
    role: str
    kelurahan_kode: str | None
    rw: str | None
    rt: str | None
    aktif: bool = True
    kelurahan_nama: str | None = None

    @property
    def scope(self) -> Scope:
        """The area this user reads and writes."""
        return permissions.scope_for(self.role, self.kelurahan_kode, self.rw, self.rt)

    @property
    def actor(self) -> str:
        """How the status history and the audit log name this user: their name and their username."""
        return f"{self.nama} ({self.username})" if self.nama and self.nama != self.username else self.username


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive: stored and compared in lower case, without surrounding spaces."""
    return username.strip().lower()


def _with_area(stmt: Select) -> Select:
    """Join an account query to the codes of its kelurahan, RW and RT (each may be empty)."""
    return (
        stmt.outerjoin(Kelurahan, Kelurahan.id == Pengguna.kelurahan_id)
        .outerjoin(RW, RW.id == Pengguna.rw_id)
        .outerjoin(RT, RT.id == Pengguna.rt_id)
    )


def _account_query() -> Select:
    return _with_area(select(
        Pengguna.id, Pengguna.username, Pengguna.nama, Pengguna.role, Kelurahan.kode, RW.nomor, RT.nomor,
        Pengguna.aktif, Kelurahan.nama,
    ))  # fmt: skip


def load_account(conn: Connection, username: str) -> Account | None:
    """The account with this username (active or not), or None."""
    row = conn.execute(_account_query().where(Pengguna.username == normalise_username(username))).one_or_none()
    return None if row is None else Account(*row)


def load_account_by_id(conn: Connection, account_id: int) -> Account | None:
    """The account with this id (active or not), or None."""
    row = conn.execute(_account_query().where(Pengguna.id == account_id)).one_or_none()
    return None if row is None else Account(*row)


def has_accounts(conn: Connection) -> bool:
    """True when at least one active account exists (otherwise the first admin is made on the command line)."""
    return conn.execute(select(Pengguna.id).where(Pengguna.aktif.is_(True)).limit(1)).first() is not None


# ---------------------------------------------------------------------------------------------------------
# Signing in


def authenticate(engine: Engine, username: str, password: str, *, now: datetime | None = None) -> Account | None:
    """The account when the password is right and the account active and not locked; None otherwise.

    The caller must not tell the user which of these it was. Wrong passwords count towards the lock-out.
    """
    now = now or now_local()
    username = normalise_username(username)
    with engine.connect() as conn:
        row = conn.execute(
            select(Pengguna.id, Pengguna.password_hash, Pengguna.aktif, Pengguna.terkunci_sampai)
            .where(Pengguna.username == username)
        ).one_or_none()  # fmt: skip
    if row is None or not row.aktif or (row.terkunci_sampai is not None and now < row.terkunci_sampai):
        waste_a_verification(password)  # the same wait as a wrong password: the answer's timing reveals nothing
        return None
    if not verify_password(row.password_hash, password):
        _count_failure(engine, row.id, username, now)
        return None
    with write_transaction(engine) as conn:
        values: dict[str, object] = {"gagal_login": 0, "terkunci_sampai": None, "last_login_at": now}
        if needs_rehash(row.password_hash):
            values["password_hash"] = hash_password(password)
        conn.execute(update(Pengguna).where(Pengguna.id == row.id).values(**values))
        return load_account_by_id(conn, row.id)


def _count_failure(engine: Engine, account_id: int, username: str, now: datetime) -> None:
    """One more wrong password; the one that reaches LOCKOUT_ATTEMPTS locks the account (atomically)."""
    with write_transaction(engine) as conn:
        conn.execute(update(Pengguna).where(Pengguna.id == account_id).values(gagal_login=Pengguna.gagal_login + 1))
        until = now + LOCKOUT_DURATION
        locked = conn.execute(
            update(Pengguna)
            .where(Pengguna.id == account_id, Pengguna.gagal_login >= LOCKOUT_ATTEMPTS)
            .values(gagal_login=0, terkunci_sampai=until)
        ).rowcount  # fmt: skip
        if locked:
            audit.record(conn, SYSTEM_ACTOR, "lockout", "pengguna", username, after={"terkunci_sampai": until}, at=now)


# ---------------------------------------------------------------------------------------------------------
# Managing accounts


@dataclass(frozen=True)
class AccountDraft:
    """What an admin (or the CLI) gives for a new account, or for changing one."""

    username: str
    role: str
    nama: str = ""
    kelurahan_kode: str | None = None
    rw: str | None = None
    rt: str | None = None


def _area_errors(conn: Connection, draft: AccountDraft) -> tuple[dict[str, str], dict[str, int | None]]:
    """Field errors for the role's area, and the area's ids (kelurahan, RW, RT) for the row."""
    role = draft.role
    # `--rw 3 --rt 2` means RW 03, RT 002, as people say it.
    rw = domain.format_rw(draft.rw) if draft.rw and draft.rw.strip().isdigit() else draft.rw or None
    rt = domain.format_rt(draft.rt) if draft.rt and draft.rt.strip().isdigit() else draft.rt or None
    if role == permissions.KETUA_RT and (rw is None or rt is None):
        return {"rt": "error.role_needs_rt"}, {}
    if role == permissions.KETUA_RW and (rw is None or rt is not None):
        return {"rw": "error.role_needs_rw"}, {}
    if role not in permissions.AREA_ROLES and (rw is not None or rt is not None):
        return {"rw": "error.role_has_no_area"}, {}
    kode = draft.kelurahan_kode or None
    if kode is None and role != permissions.ADMIN:
        # One kelurahan in the database (the usual office set-up): the account belongs to it.
        kodes = conn.execute(select(Kelurahan.kode).limit(2)).scalars().all()
        kode = kodes[0] if len(kodes) == 1 else None
    if kode is None and rw is None:
        return {}, {"kelurahan_id": None, "rw_id": None, "rt_id": None}
    area = resolve_area(conn, kode, rw, rt, EVERYTHING)
    if area.empty:
        return {"rt" if rt else "rw" if rw else "kelurahan": "error.area_unknown"}, {}
    return {}, {"kelurahan_id": area.kelurahan_id, "rw_id": area.rw_id, "rt_id": area.rt_id}


def _draft_errors(conn: Connection, draft: AccountDraft) -> tuple[dict[str, str], dict[str, int | None]]:
    errors: dict[str, str] = {}
    if not USERNAME_PATTERN.match(draft.username):
        errors["username"] = "error.username_invalid"
    if draft.role not in permissions.ROLES:
        errors["role"] = "error.role_invalid"
    if len(draft.nama.strip()) > NAMA_MAX:
        errors["nama"] = "error.nama_too_long"
    area_errors, ids = _area_errors(conn, draft) if "role" not in errors else ({}, {})
    return {**errors, **area_errors}, ids


def _snapshot(conn: Connection, username: str) -> dict[str, object]:
    """The audited fields of an account (never the password hash)."""
    account = load_account(conn, username)
    if account is None:
        raise ServiceError("error.user_not_found", username=username)
    return {
        "nama": account.nama, "role": account.role, "kelurahan": account.kelurahan_kode, "rw": account.rw,
        "rt": account.rt, "aktif": account.aktif,
    }  # fmt: skip


def create_user(
    engine: Engine, draft: AccountDraft, password: str, *, actor: str, now: datetime | None = None
) -> int:
    """Create an active account with a hashed password; returns its id. Raises ValidationError on bad input."""
    now = now or now_local()
    draft = replace(draft, username=normalise_username(draft.username), nama=draft.nama.strip())
    problem = password_problem(password)
    with write_transaction(engine) as conn:
        errors, ids = _draft_errors(conn, draft)
        if problem:
            errors["password"] = problem
        if "username" not in errors and load_account(conn, draft.username) is not None:
            errors["username"] = "error.username_taken"
        if errors:
            raise ValidationError(errors)
        account_id = conn.execute(
            insert(Pengguna).values(
                username=draft.username, password_hash=hash_password(password), nama=draft.nama, role=draft.role,
                aktif=True, created_at=now, gagal_login=0, **ids,
            )  # fmt: skip
        ).inserted_primary_key[0]
        audit.record(conn, actor, "create", "pengguna", draft.username, after=_snapshot(conn, draft.username), at=now)
    return int(account_id)


def update_user(engine: Engine, draft: AccountDraft, *, actor: str, now: datetime | None = None) -> None:
    """Change an account's name, role and area; the audit entry keeps the fields as they were and became."""
    now = now or now_local()
    draft = replace(draft, username=normalise_username(draft.username), nama=draft.nama.strip())
    with write_transaction(engine) as conn:
        before = _snapshot(conn, draft.username)
        errors, ids = _draft_errors(conn, draft)
        if errors:
            raise ValidationError(errors)
        if before["role"] == permissions.ADMIN and draft.role != permissions.ADMIN:
            _keep_an_admin(conn, draft.username)
        conn.execute(
            update(Pengguna).where(Pengguna.username == draft.username).values(nama=draft.nama, role=draft.role, **ids)
        )
        changed_before, changed_after = audit.changed_fields(before, _snapshot(conn, draft.username))
        if changed_after:
            audit.record(conn, actor, "update", "pengguna", draft.username, changed_before, changed_after, at=now)


def _keep_an_admin(conn: Connection, username: str) -> None:
    """Refuse a change that would leave no active admin to manage accounts."""
    others = conn.execute(
        select(func.count()).select_from(Pengguna).where(
            Pengguna.role == permissions.ADMIN, Pengguna.aktif.is_(True), Pengguna.username != username
        )
    ).scalar_one()  # fmt: skip
    if others == 0:
        raise ServiceError("error.last_admin")


def set_password(engine: Engine, username: str, password: str, *, actor: str, now: datetime | None = None) -> None:
    """Give an account a new password, lift any lock, and sign it out everywhere."""
    now = now or now_local()
    problem = password_problem(password)
    if problem:
        raise ValidationError({"password": problem})
    username = normalise_username(username)
    with write_transaction(engine) as conn:
        account = load_account(conn, username)
        if account is None:
            raise ServiceError("error.user_not_found", username=username)
        conn.execute(
            update(Pengguna).where(Pengguna.id == account.id)
            .values(password_hash=hash_password(password), gagal_login=0, terkunci_sampai=None)
        )  # fmt: skip
        end_user_sessions(conn, account.id, now=now, reason="password")
        audit.record(conn, actor, "password", "pengguna", username, after={"password": "diganti"}, at=now)


def set_active(engine: Engine, username: str, active: bool, *, actor: str, now: datetime | None = None) -> None:
    """Deactivate (signing the account out everywhere) or reactivate an account; accounts are never deleted."""
    now = now or now_local()
    username = normalise_username(username)
    with write_transaction(engine) as conn:
        account = load_account(conn, username)
        if account is None:
            raise ServiceError("error.user_not_found", username=username)
        if account.aktif == active:
            return
        if not active and account.role == permissions.ADMIN:
            _keep_an_admin(conn, username)
        conn.execute(update(Pengguna).where(Pengguna.id == account.id).values(aktif=active))
        if not active:
            end_user_sessions(conn, account.id, now=now, reason="deactivated")
        audit.record(conn, actor, "activate" if active else "deactivate", "pengguna", username,
                     {"aktif": account.aktif}, {"aktif": active}, at=now)  # fmt: skip


def unlock(engine: Engine, username: str, *, actor: str, now: datetime | None = None) -> None:
    """Lift a lock-out before it runs out (the user phoned the office)."""
    now = now or now_local()
    username = normalise_username(username)
    with write_transaction(engine) as conn:
        before = conn.execute(
            select(Pengguna.terkunci_sampai).where(Pengguna.username == username)
        ).one_or_none()  # fmt: skip
        if before is None:
            raise ServiceError("error.user_not_found", username=username)
        conn.execute(update(Pengguna).where(Pengguna.username == username).values(gagal_login=0, terkunci_sampai=None))
        audit.record(conn, actor, "unlock", "pengguna", username, {"terkunci_sampai": before[0]},
                     {"terkunci_sampai": None}, at=now)  # fmt: skip


def list_accounts(conn: Connection) -> pd.DataFrame:
    """Every account for the admin's table, by role then username.

    Columns: username, nama, role, kelurahan, rw, rt, aktif, last_login_at, terkunci_sampai.
    """
    order = {role: index for index, role in enumerate(permissions.ROLES)}
    stmt = _with_area(select(
        Pengguna.username, Pengguna.nama, Pengguna.role, Kelurahan.kode, RW.nomor, RT.nomor, Pengguna.aktif,
        Pengguna.last_login_at, Pengguna.terkunci_sampai,
    ))  # fmt: skip
    rows = [tuple(row) for row in conn.execute(stmt)]
    columns = ["username", "nama", "role", "kelurahan", "rw", "rt", "aktif", "last_login_at", "terkunci_sampai"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["_order"] = frame["role"].map(order)
    return frame.sort_values(["_order", "username"]).drop(columns="_order").reset_index(drop=True)
