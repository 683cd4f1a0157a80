"""Demo accounts for a demo database: admin, lurah, staf, a guest, one per RW and RT head; password `demo`.

Only `python -m kutorejo_data demo` creates them (a database set up with `migrate` has none), and the login page
lists them only while app_meta says the database is a demo database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select, text

from kutorejo_data.access import permissions
from kutorejo_data.access.passwords import hash_password
from kutorejo_data.core.models import AppMeta, Pengguna

DEMO_PASSWORD = "demo"
_META_KEY = "demo_akun"


@dataclass(frozen=True)
class DemoAccount:
    """One demo login: username, role, display name and area ids."""

    username: str
    role: str
    nama: str
    kelurahan_id: int | None = None
    rw_id: int | None = None
    rt_id: int | None = None


def demo_accounts(
    kelurahan_id: int, rws: Sequence[tuple[int, str, str]], rts: Sequence[tuple[int, int, str, str, str]]
) -> list[DemoAccount]:
    """The accounts for a kelurahan; `rws` are (id, nomor, ketua), `rts` (id, rw_id, rw nomor, nomor, ketua)."""
    accounts = [
        DemoAccount("admin", permissions.ADMIN, "Admin Dasbor"),
        DemoAccount("lurah", permissions.LURAH, "Lurah Kutorejo", kelurahan_id),
        DemoAccount("staf", permissions.STAF, "Staf Kelurahan", kelurahan_id),
        DemoAccount("tamu", permissions.TAMU, "Tamu (hanya ringkasan)", kelurahan_id),
    ]
    accounts += [
        DemoAccount(f"rw{nomor}", permissions.KETUA_RW, ketua, kelurahan_id, rw_id) for rw_id, nomor, ketua in rws
    ]
    accounts += [
        DemoAccount(f"rt{rw_nomor}-{nomor}", permissions.KETUA_RT, ketua, kelurahan_id, rw_id, rt_id)
        for rt_id, rw_id, rw_nomor, nomor, ketua in rts
    ]
    return accounts


def add_demo_accounts(conn: Connection, accounts: Sequence[DemoAccount], now: datetime) -> int:
    """Insert the accounts whose username is still free (a real account is never overwritten); returns the count."""
    taken = set(conn.execute(select(Pengguna.username)).scalars())
    new = [account for account in accounts if account.username not in taken]
    if new:
        # One hash for all: they share a published password, and 60 argon2 hashes would slow every demo down.
        password_hash = hash_password(DEMO_PASSWORD)
        conn.execute(
            insert(Pengguna),
            [
                {
                    "username": a.username,
                    "password_hash": password_hash,
                    "nama": a.nama,
                    "role": a.role,
                    "kelurahan_id": a.kelurahan_id,
                    "rw_id": a.rw_id,
                    "rt_id": a.rt_id,
                    "aktif": True,
                    "created_at": now,
                    "gagal_login": 0,
                }
                for a in new
            ],
        )
    conn.execute(text("DELETE FROM app_meta WHERE key = :key"), {"key": _META_KEY})
    conn.execute(insert(AppMeta).values(key=_META_KEY, value=",".join(a.username for a in new)))
    return len(new)


def listed_demo_accounts(conn: Connection) -> list[tuple[str, str]]:
    """(username, role) of the demo accounts still active, for the login page of a demo database."""
    names = conn.execute(select(AppMeta.value).where(AppMeta.key == _META_KEY)).scalar()
    if not names:
        return []
    wanted = names.split(",")
    rows = conn.execute(
        select(Pengguna.username, Pengguna.role).where(Pengguna.username.in_(wanted), Pengguna.aktif.is_(True))
    ).all()
    order = {username: index for index, username in enumerate(wanted)}
    return sorted(((u, r) for u, r in rows), key=lambda row: order[row[0]])
