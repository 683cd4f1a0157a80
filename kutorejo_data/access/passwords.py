"""Password hashing with argon2id (argon2-cffi's RFC 9106 defaults); only hashes ever reach the database."""

from __future__ import annotations

from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 256  # argon2 takes any length; the cap only stops a megabyte "password" from tying up a worker

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash (with its own random salt) of the password."""
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when the password matches the stored hash; False for a wrong password or an unreadable hash."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's (upgraded at the next login)."""
    return _hasher.check_needs_rehash(stored_hash)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("tidak-ada-pengguna-ini")


def waste_a_verification(password: str) -> None:
    """Spend the time of one verification, so an unknown username answers as slowly as a wrong password."""
    verify_password(_dummy_hash(), password)


def password_problem(password: str) -> str | None:
    """The i18n key of what is wrong with a new password, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return "error.password_too_short"
    if len(password) > MAX_LENGTH:
        return "error.password_too_long"
    if not password.strip():
        return "error.password_blank"
    return None
