"""Where the database lives and which local time the kelurahan runs on."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "instance" / "kutorejo.sqlite3"
DATABASE_URL_ENV = "KUTOREJO_DATABASE_URL"
SESSION_TIMEOUT_ENV = "KUTOREJO_SESSION_TIMEOUT_MINUTES"
# Pins the clock for a whole process (training, demos, reproducing a past day): `2026-12-01T07:30`, in WIB.
NOW_ENV = "KUTOREJO_NOW"
# Long enough to read a report and walk to the next house; short enough for a shared office computer.
DEFAULT_SESSION_TIMEOUT_MINUTES = 30

# Timestamps are stored as naive local time (WIB): every user and every period is in Jawa Timur.
LOCAL_TZ = ZoneInfo("Asia/Jakarta")

DEFAULT_KELURAHAN_KODE = "35.14.11.1006"

# The address residents reach the app by, for the `cek` links in messages (the office's public host name).
PUBLIC_URL_ENV = "KUTOREJO_PUBLIC_URL"
DEFAULT_PUBLIC_URL = "http://localhost:8501"

# An optional HTTP WhatsApp gateway (Fonnte-style: POST JSON {"target", "message"} with an Authorization header).
# Unset, nothing is ever sent by itself: every message waits on the Pesan page for a person to send it.
GATEWAY_URL_ENV = "KUTOREJO_WA_GATEWAY_URL"
GATEWAY_TOKEN_ENV = "KUTOREJO_WA_GATEWAY_TOKEN"

# Connections each app process keeps to PostgreSQL, and how many more it may open at a peak.
POOL_SIZE_ENV = "KUTOREJO_DB_POOL_SIZE"
MAX_OVERFLOW_ENV = "KUTOREJO_DB_MAX_OVERFLOW"
DEFAULT_POOL_SIZE = 5
DEFAULT_MAX_OVERFLOW = 5


def database_url() -> str:
    """The configured database URL; an SQLite file under `instance/` when none is set."""
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def public_url() -> str:
    """The app's public address, without a trailing slash (for links in WhatsApp messages)."""
    return (os.environ.get(PUBLIC_URL_ENV, "").strip() or DEFAULT_PUBLIC_URL).rstrip("/")


def gateway() -> tuple[str, str] | None:
    """The WhatsApp gateway's URL and token, or None when it is not configured (the default)."""
    url = os.environ.get(GATEWAY_URL_ENV, "").strip()
    if not url.startswith(("https://", "http://")):
        return None
    return url, os.environ.get(GATEWAY_TOKEN_ENV, "").strip()


def session_timeout() -> timedelta:
    """How long a signed-in browser may stay idle before it has to sign in again."""
    raw = os.environ.get(SESSION_TIMEOUT_ENV, "").strip()
    minutes = int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_SESSION_TIMEOUT_MINUTES
    return timedelta(minutes=minutes)


class ClockSettingError(ValueError):
    """`KUTOREJO_NOW` holds something that is not a date and time."""


def pinned_now() -> datetime | None:
    """The moment `KUTOREJO_NOW` pins the clock to (WIB, naive), or None while the clock runs."""
    raw = os.environ.get(NOW_ENV, "").strip()
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise ClockSettingError(
            f"{NOW_ENV}={raw!r} bukan tanggal dan jam; contoh: {NOW_ENV}=2026-12-01T07:30"
        ) from None
    if moment.tzinfo is not None:  # an explicit offset is honoured, then stated in WIB like every stored time
        moment = moment.astimezone(LOCAL_TZ).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def now_local() -> datetime:
    """THE clock: the current time in WIB, without tzinfo (how timestamps are stored); `KUTOREJO_NOW` pins it.

    Nothing else in the package reads the wall clock (tests/test_one_clock.py checks it).
    """
    return pinned_now() or datetime.now(LOCAL_TZ).replace(tzinfo=None, microsecond=0)


def today_local() -> date:
    """Today's date in WIB."""
    return now_local().date()


def pool_settings() -> tuple[int, int]:
    """(pool size, max overflow) for PostgreSQL connections of this process, from the environment."""
    return (
        int(os.environ.get(POOL_SIZE_ENV) or DEFAULT_POOL_SIZE),
        int(os.environ.get(MAX_OVERFLOW_ENV) or DEFAULT_MAX_OVERFLOW),
    )
