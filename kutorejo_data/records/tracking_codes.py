"""Handing out tracking codes (kode lacak): fresh random ones, never one a report already has."""

from __future__ import annotations

from sqlalchemy import Connection, select

from kutorejo_data.core.models import Laporan
from kutorejo_data.core.tracking import new_code

_CHUNK = 900  # below SQLite's bound-parameter limit


def fresh_codes(conn: Connection, count: int) -> list[str]:
    """`count` distinct new codes that no stored report carries (a clash is one in a trillion, but it is checked)."""
    codes: dict[str, None] = {}  # insertion-ordered, so the codes stay in the random order they were drawn
    while len(codes) < count:
        wanted = list(
            dict.fromkeys(code for code in (new_code() for _ in range(count - len(codes))) if code not in codes)
        )
        for start in range(0, len(wanted), _CHUNK):
            batch = wanted[start : start + _CHUNK]
            taken = set(conn.execute(select(Laporan.kode_lacak).where(Laporan.kode_lacak.in_(batch))).scalars())
            codes.update((code, None) for code in batch if code not in taken)
    return list(codes)
