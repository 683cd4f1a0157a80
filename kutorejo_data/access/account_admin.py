"""Managing accounts (admins and the CLI): create, change, new password, deactivate, unlock, list.

Every change is written to the audit log in the same transaction; passwords only ever as argon2 hashes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, Engine, func, insert, select, update

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import inserted_id, write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import EVERYTHING, resolve_area
from kutorejo_data.core.models import RT, RW, Kelurahan, Pengguna
from kutorejo_data.core.phones import normalise_phone
from kutorejo_data.records import audit
from kutorejo_data.records.assignment import hand_on_reports_of

from . import permissions
from .accounts import load_account, normalise_username, with_area
from .passwords import hash_password, password_problem
from .sessions import end_user_sessions

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")
NAMA_MAX = 100


@dataclass(frozen=True)
class AccountDraft:
    """What an admin (or the CLI) gives for a new account, or for changing one."""

    username: str
    role: str
    nama: str = ""
    kelurahan_kode: str | None = None
    rw: str | None = None
    rt: str | None = None
    telepon: str = ""  # a WhatsApp number for the messages the person gets; empty: none


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
    if draft.telepon.strip() and normalise_phone(draft.telepon) is None:
        errors["telepon"] = "error.telepon_not_whatsapp"
    area_errors, ids = _area_errors(conn, draft) if "role" not in errors else ({}, {})
    return {**errors, **area_errors}, ids


def _snapshot(conn: Connection, username: str) -> dict[str, object]:
    """The audited fields of an account (never the password hash)."""
    account = load_account(conn, username)
    if account is None:
        raise ServiceError("error.user_not_found", username=username)
    telepon = conn.execute(select(Pengguna.telepon).where(Pengguna.username == username)).scalar()
    return {
        "nama": account.nama,
        # Only the last digits: enough to see that a number changed, without copying it into the log.
        "telepon": f"…{telepon[-4:]}" if telepon else None,
        "role": account.role,
        "kelurahan": account.kelurahan_kode,
        "rw": account.rw,
        "rt": account.rt,
        "aktif": account.aktif,
    }


def create_user(engine: Engine, draft: AccountDraft, password: str, *, actor: str, now: datetime | None = None) -> int:
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
        inserted = conn.execute(
            insert(Pengguna).values(
                username=draft.username,
                password_hash=hash_password(password),
                nama=draft.nama,
                telepon=normalise_phone(draft.telepon),
                role=draft.role,
                aktif=True,
                created_at=now,
                gagal_login=0,
                **ids,
            )
        )
        account_id = inserted_id(inserted)
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
            update(Pengguna)
            .where(Pengguna.username == draft.username)
            .values(nama=draft.nama, telepon=normalise_phone(draft.telepon), role=draft.role, **ids)
        )
        changed_before, changed_after = audit.changed_fields(before, _snapshot(conn, draft.username))
        if changed_after:
            audit.record(conn, actor, "update", "pengguna", draft.username, changed_before, changed_after, at=now)


def _keep_an_admin(conn: Connection, username: str) -> None:
    """Refuse a change that would leave no active admin to manage accounts."""
    others = conn.execute(
        select(func.count())
        .select_from(Pengguna)
        .where(Pengguna.role == permissions.ADMIN, Pengguna.aktif.is_(True), Pengguna.username != username)
    ).scalar_one()
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
            update(Pengguna)
            .where(Pengguna.id == account.id)
            .values(password_hash=hash_password(password), gagal_login=0, terkunci_sampai=None)
        )
        end_user_sessions(conn, account.id, now=now, reason="password")
        audit.record(conn, actor, "password", "pengguna", username, after={"password": "diganti"}, at=now)


def set_active(
    engine: Engine, username: str, active: bool, *, actor: str, now: datetime | None = None
) -> dict[str | None, int]:
    """Deactivate (signing the account out everywhere) or reactivate an account; accounts are never deleted.

    A deactivated account's open reports go to the next person the routing rules name, in the same transaction;
    returns how many went to whom (by username; None: nobody could take them), for telling the admin.
    """
    now = now or now_local()
    username = normalise_username(username)
    handed_on: dict[str | None, int] = {}
    with write_transaction(engine) as conn:
        account = load_account(conn, username)
        if account is None:
            raise ServiceError("error.user_not_found", username=username)
        if account.aktif == active:
            return handed_on
        if not active and account.role == permissions.ADMIN:
            _keep_an_admin(conn, username)
        conn.execute(update(Pengguna).where(Pengguna.id == account.id).values(aktif=active))
        if not active:
            end_user_sessions(conn, account.id, now=now, reason="deactivated")
            moved = hand_on_reports_of(conn, account.id, actor=actor, now=now)
            names = dict(conn.execute(select(Pengguna.id, Pengguna.username).where(Pengguna.id.in_(list(moved)))).all())
            handed_on = {names.get(holder) if holder is not None else None: n for holder, n in moved.items()}
        audit.record(
            conn,
            actor,
            "activate" if active else "deactivate",
            "pengguna",
            username,
            {"aktif": account.aktif},
            {"aktif": active, **({"laporan_dialihkan": sum(handed_on.values())} if handed_on else {})},
            at=now,
        )
    return handed_on


def unlock(engine: Engine, username: str, *, actor: str, now: datetime | None = None) -> None:
    """Lift a lock-out before it runs out (the user phoned the office)."""
    now = now or now_local()
    username = normalise_username(username)
    with write_transaction(engine) as conn:
        before = conn.execute(select(Pengguna.terkunci_sampai).where(Pengguna.username == username)).one_or_none()
        if before is None:
            raise ServiceError("error.user_not_found", username=username)
        conn.execute(update(Pengguna).where(Pengguna.username == username).values(gagal_login=0, terkunci_sampai=None))
        audit.record(
            conn,
            actor,
            "unlock",
            "pengguna",
            username,
            {"terkunci_sampai": before[0]},
            {"terkunci_sampai": None},
            at=now,
        )


def list_accounts(conn: Connection) -> pd.DataFrame:
    """Every account for the admin's table, by role then username.

    Columns: username, nama, telepon, role, kelurahan, rw, rt, aktif, last_login_at, terkunci_sampai.
    """
    order = {role: index for index, role in enumerate(permissions.ROLES)}
    stmt = with_area(
        select(
            Pengguna.username,
            Pengguna.nama,
            Pengguna.telepon,
            Pengguna.role,
            Kelurahan.kode,
            RW.nomor,
            RT.nomor,
            Pengguna.aktif,
            Pengguna.last_login_at,
            Pengguna.terkunci_sampai,
        )
    )
    rows = [tuple(row) for row in conn.execute(stmt)]
    columns = [
        "username",
        "nama",
        "telepon",
        "role",
        "kelurahan",
        "rw",
        "rt",
        "aktif",
        "last_login_at",
        "terkunci_sampai",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    frame["_order"] = frame["role"].map(order)
    return frame.sort_values(["_order", "username"]).drop(columns="_order").reset_index(drop=True)
