"""Command-line arguments checked before a command runs: dates, area numbers, kelurahan codes; UsageError says why."""

from __future__ import annotations

import argparse
from datetime import date

from kutorejo_data.core import domain


class UsageError(ValueError):
    """A command-line argument that cannot be used; the message is shown to the user."""


def iso_date(text: str) -> date:
    """An argparse type: a YYYY-MM-DD date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bukan tanggal YYYY-MM-DD: {text!r}") from None


def kelurahan_code(text: str | None) -> str | None:
    """A Kemendagri kelurahan/desa code (`--kelurahan`), or None when not given."""
    if text is None:
        return None
    kode = text.strip()
    if not domain.KODE_WILAYAH_PATTERN.match(kode):
        raise UsageError(f"--kelurahan harus kode Kemendagri seperti 35.14.11.1006, bukan {kode!r}")
    return kode


def area_number(text: str | None, option: str, width: int) -> str | None:
    """A zero-padded RW/RT number from the command line, or None when not given."""
    if text is None:
        return None
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or int(text) == 0 or len(str(int(text))) > width:
        example = "3 atau 03" if width == 2 else "2 atau 002"
        raise UsageError(f"{option} harus nomor 1–{'9' * width} (mis. {example}), bukan {text!r}")
    return domain.format_rw(text) if width == 2 else domain.format_rt(text)
