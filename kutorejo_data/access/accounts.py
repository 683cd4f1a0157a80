"""User accounts: who someone is (role and area), and signing in with a lock-out after repeated failures."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, Engine, Select, select, update

from kutorejo_data.core.config import now_local
from kutorejo_data.core.db import write_transaction
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.i18n import LANGUAGES
from kutorejo_data.core.models import RT, RW, Kelurahan, Pengguna
from kutorejo_data.records import audit

from . import permissions
from .passwords import hash_password, needs_rehash, verify_password, waste_a_verification

# Five wrong passwords lock the account for five minutes: a guesser gets ~1,400 tries a day instead of millions,
# while a head who mistyped on a phone waits a coffee, not a call to the kelurahan.
LOCKOUT_ATTEMPTS = 5
LOCKOUT_DURATION = timedelta(minutes=5)
SYSTEM_ACTOR = "sistem"


def cli_actor() -> str:
    """How the audit log and the history name a command-line write: `cli` and the operating-system user."""
    try:
        return f"cli ({getpass.getuser()})"
    except (KeyError, OSError):  # no login name in some containers
        return "cli"


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
    bahasa: str | None = None  # the language last chosen in the sidebar; None: never chosen

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


def with_area(stmt: Select) -> Select:
    """Join an account query to the codes of its kelurahan, RW and RT (each may be empty)."""
    return (
        stmt.outerjoin(Kelurahan, Kelurahan.id == Pengguna.kelurahan_id)
        .outerjoin(RW, RW.id == Pengguna.rw_id)
        .outerjoin(RT, RT.id == Pengguna.rt_id)
    )


def _account_query() -> Select:
    return with_area(
        select(
            Pengguna.id,
            Pengguna.username,
            Pengguna.nama,
            Pengguna.role,
            Kelurahan.kode,
            RW.nomor,
            RT.nomor,
            Pengguna.aktif,
            Kelurahan.nama,
            Pengguna.bahasa,
        )
    )


def load_account(conn: Connection, username: str) -> Account | None:
    """The account with this username (active or not), or None."""
    row = conn.execute(_account_query().where(Pengguna.username == normalise_username(username))).one_or_none()
    return None if row is None else Account(*row)


def load_account_by_id(conn: Connection, account_id: int) -> Account | None:
    """The account with this id (active or not), or None."""
    row = conn.execute(_account_query().where(Pengguna.id == account_id)).one_or_none()
    return None if row is None else Account(*row)


def remember_language(engine: Engine, account_id: int, lang: str) -> None:
    """Keep the language a user chose for their next sign-ins (a preference of their own: not audited)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language: {lang}")
    with write_transaction(engine) as conn:
        conn.execute(update(Pengguna).where(Pengguna.id == account_id).values(bahasa=lang))


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
            select(Pengguna.id, Pengguna.password_hash, Pengguna.aktif, Pengguna.terkunci_sampai).where(
                Pengguna.username == username
            )
        ).one_or_none()
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
        ).rowcount
        if locked:
            audit.record(conn, SYSTEM_ACTOR, "lockout", "pengguna", username, after={"terkunci_sampai": until}, at=now)
