"""Indonesian phone numbers as WhatsApp wants them: `0812…`, `+62 812…`, `62812…` all become `62812…`."""

from __future__ import annotations

import re
from urllib.parse import quote

# A mobile number (WhatsApp runs on mobiles): 62, then 8, then 8 to 11 more digits.
_MOBILE = re.compile(r"^628\d{8,11}$")
_NOT_DIGITS = re.compile(r"\D")


def normalise_phone(text: str | None) -> str | None:
    """The number in international form without `+` (`6281234567890`), or None when it is not an Indonesian
    mobile number WhatsApp could reach."""
    if not text:
        return None
    digits = _NOT_DIGITS.sub("", text.strip())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    return digits if _MOBILE.match(digits) else None


def wa_link(number: str | None, text: str) -> str:
    """A click-to-send link: WhatsApp opens a chat with the number (without one: lets the sender pick the contact),
    the text already typed."""
    return f"https://wa.me/{number or ''}?text={quote(text, safe='')}"


def display_phone(number: str) -> str:
    """`+62 812-3456-7890`: a normalised number as people read it."""
    local = number[2:]
    return f"+62 {local[:3]}-{local[3:7]}-{local[7:]}"
