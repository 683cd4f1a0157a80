"""Kode lacak: a report's public tracking code, unguessable and easy to read aloud (`KTR-7F3K-2Q9M`).

Eight symbols of Crockford's base 32 (digits and capitals without I, L, O and U, which look or sound like others)
carry 40 random bits: a resident who guesses has one chance in a trillion per try. Reading a code back forgives
what people do with it: lower case, spaces, a missing or different dash, O for 0, I or L for 1.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "KTR"
SYMBOLS = 8  # 8 × 5 bits = 40 bits
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.·/]+")


def new_code(random_bits: Callable[[int], int] = secrets.randbits) -> str:
    """A fresh code, `KTR-XXXX-XXXX`, from 40 random bits (cryptographically random unless told otherwise)."""
    value = random_bits(5 * SYMBOLS)
    symbols = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(SYMBOLS)))
    return format_code(symbols)


def format_code(symbols: str) -> str:
    """Eight symbols as the code people see and read aloud."""
    return f"{PREFIX}-{symbols[:4]}-{symbols[4:]}"


def normalise_code(text: str) -> str | None:
    """The code a person typed, as stored (`KTR-7F3K-2Q9M`); None when it cannot be one."""
    cleaned = _SEPARATORS.sub("", text.strip().upper())
    if cleaned.startswith(PREFIX) and len(cleaned) == len(PREFIX) + SYMBOLS:
        cleaned = cleaned[len(PREFIX) :]
    cleaned = cleaned.translate(_LOOK_ALIKES)
    if len(cleaned) != SYMBOLS or any(symbol not in ALPHABET for symbol in cleaned):
        return None
    return format_code(cleaned)
