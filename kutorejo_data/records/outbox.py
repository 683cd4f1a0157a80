"""The WhatsApp outbox (Pesan): the messages the system wants sent, each queued once for the person who must send
it (a click-to-send wa.me link), in Indonesian from templates the kelurahan may edit, with named placeholders.

Nothing is ever sent by itself: only when a gateway is configured (records/gateway.py) does the daily job hand the
queued messages to it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, Engine, and_, func, insert, or_, select, update

from kutorejo_data.core.db import batches, write_transaction
from kutorejo_data.core.errors import ServiceError, ValidationError, require_writable
from kutorejo_data.core.filters import EVERYTHING, Scope
from kutorejo_data.core.models import Kelurahan, Pesan, TemplatePesan
from kutorejo_data.core.phones import normalise_phone

from . import audit

# The default text of every message kind and the placeholders it may use; the kelurahan edits the text in
# Pengaturan (template_pesan), never the placeholders' meaning.
DEFAULT_TEMPLATES: dict[str, str] = {
    "laporan_diterima": (
        'Terima kasih, laporan Anda "{judul}" (RT {rt}/RW {rw}) sudah kami terima. Kode lacak: {kode}. '
        "Cek perkembangannya di {link}"
    ),
    "status_berubah": 'Laporan {kode} "{judul}" sekarang berstatus: {status}. Cek di {link}',
    "laporan_selesai": (
        'Laporan {kode} "{judul}" sudah selesai ditangani. Sudah beres? Jawab Ya atau Belum di {link} '
        "(paling lambat 14 hari)."
    ),
    "tugas_baru": 'Tugas baru, laporan #{nomor} ({kategori}, RT {rt}/RW {rw}): "{judul}". Batas: {batas}.',
    "tugas_besok": 'Pengingat: laporan #{nomor} "{judul}" (RT {rt}/RW {rw}) batas tingkat {tingkat}: {batas}.',
    "tugas_terlambat": (
        'Laporan #{nomor} "{judul}" (RT {rt}/RW {rw}) lewat batas di tingkat bawah dan kini tugas Anda '
        "di tingkat {tingkat}. Batas: {batas}."
    ),
    "dibuka_kembali": (
        'Laporan #{nomor} "{judul}" (RT {rt}/RW {rw}) dibuka kembali oleh pelapor: "{alasan}". Batas: {batas}.'
    ),
    "ringkasan_harian": "{ringkasan}",
}
_REPORT = frozenset({"nomor", "kode", "judul", "rt", "rw", "kategori", "link", "status", "batas", "tingkat"})
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "laporan_diterima": _REPORT,
    "status_berubah": _REPORT,
    "laporan_selesai": _REPORT,
    "tugas_baru": _REPORT,
    "tugas_besok": _REPORT,
    "tugas_terlambat": _REPORT,
    "dibuka_kembali": _REPORT | {"alasan"},
    "ringkasan_harian": frozenset({"ringkasan", "rw", "tanggal"}),
}
TEMPLATE_MAX = 1000


@dataclass(frozen=True)
class Outgoing:
    """A message to queue: its kind, values for the template, to whom, who sends it, and its once-only key."""

    jenis: str
    values: Mapping[str, object]
    penerima: str
    telepon: str | None
    kunci: str
    laporan_id: int | None = None
    pengirim_id: int | None = None  # None: the kelurahan office
    kelurahan_id: int | None = None  # whose office, when the office sends it


def placeholders_of(text: str) -> list[tuple[str, str, str | None]]:
    """The placeholders a template uses, as (name, format spec, conversion); ValueError for an unbalanced brace."""
    return [
        (field, spec or "", conversion)
        for _, field, spec, conversion in string.Formatter().parse(text)
        if field is not None
    ]


def template_errors(jenis: str, text: str) -> dict[str, str]:
    """What is wrong with a template: unknown kind, empty, too long, unbalanced braces, or a placeholder that is not
    one of the kind's plain `{name}`s (no formatting codes: every value is filled in as text)."""
    if jenis not in DEFAULT_TEMPLATES:
        return {"jenis": "error.template_unknown"}
    if not text.strip():
        return {"teks": "error.template_empty"}
    if len(text) > TEMPLATE_MAX:
        return {"teks": "error.template_too_long"}
    try:
        used = placeholders_of(text)
    except ValueError:
        return {"teks": "error.template_malformed"}
    if any(name not in PLACEHOLDERS[jenis] or spec or conversion for name, spec, conversion in used):
        return {"teks": "error.template_placeholder"}
    return {}


def templates(conn: Connection) -> dict[str, str]:
    """Every kind's text: the kelurahan's own where it edited one, else the default."""
    edited = dict(conn.execute(select(TemplatePesan.jenis, TemplatePesan.teks)).all())
    return {jenis: edited.get(jenis, default) for jenis, default in DEFAULT_TEMPLATES.items()}


def save_template(
    engine: Engine, jenis: str, text: str, *, actor: str, scope: Scope = EVERYTHING, now: datetime
) -> None:
    """Keep the kelurahan's text for a message kind (only known placeholders); audited."""
    require_writable(scope)
    if scope.rw is not None:
        raise ServiceError("error.settings_outside_scope")
    errors = template_errors(jenis, text)
    if errors:
        raise ValidationError(errors)
    with write_transaction(engine) as conn:
        before = templates(conn)[jenis]
        updated = conn.execute(
            update(TemplatePesan)
            .where(TemplatePesan.jenis == jenis)
            .values(teks=text, updated_at=now, updated_by=actor)
        )
        if updated.rowcount == 0:
            conn.execute(insert(TemplatePesan).values(jenis=jenis, teks=text, updated_at=now, updated_by=actor))
        audit.record(conn, actor, "update", "template_pesan", jenis, {"teks": before}, {"teks": text}, at=now)


def queue(conn: Connection, message: Outgoing, *, now: datetime) -> bool:
    """Queue a message inside the caller's transaction, once per key; False when it was queued before."""
    return queue_many(conn, [message], now=now) == 1


def queue_many(conn: Connection, messages: Sequence[Outgoing], *, now: datetime) -> int:
    """Queue many messages inside the caller's transaction, each once per key (the first of a key wins); returns how
    many were new. The keys are read and the rows written in batches: the daily job may queue hundreds at once."""
    if not messages:
        return 0
    texts = templates(conn)
    seen: set[str] = set()
    for batch in batches(messages):
        keys = [message.kunci for message in batch]
        seen.update(conn.execute(select(Pesan.kunci).where(Pesan.kunci.in_(keys))).scalars())
    rows = []
    for message in messages:
        if message.kunci in seen:
            continue
        seen.add(message.kunci)
        rows.append(
            {
                "jenis": message.jenis,
                "laporan_id": message.laporan_id,
                "pengirim_id": message.pengirim_id,
                "kelurahan_id": message.kelurahan_id,
                "penerima": message.penerima[:100],
                "nomor": normalise_phone(message.telepon),
                "teks": texts[message.jenis].format_map({key: str(v) for key, v in message.values.items()}),
                "status": "antre",
                "kunci": message.kunci,
                "created_at": now,
            }
        )
    for part in batches(rows):
        conn.execute(insert(Pesan), part)
    return len(rows)


@dataclass(frozen=True)
class Queued:
    """A message waiting to be sent, as the Pesan page lists it."""

    id: int
    jenis: str
    laporan_id: int | None
    penerima: str
    nomor: str | None
    teks: str
    created_at: datetime


@dataclass(frozen=True)
class Sender:
    """Whose queue: an account's own messages and, for the office roles, the office's (of one kelurahan, or all)."""

    account_id: int
    office: bool = False
    kelurahan_kode: str | None = None


_QUEUED = (Pesan.id, Pesan.jenis, Pesan.laporan_id, Pesan.penerima, Pesan.nomor, Pesan.teks, Pesan.created_at)


def _theirs(sender: Sender) -> ColumnElement[bool]:
    mine = Pesan.pengirim_id == sender.account_id
    if not sender.office:
        return mine
    office: list[ColumnElement[bool]] = [Pesan.pengirim_id.is_(None)]
    if sender.kelurahan_kode is not None:
        kelurahan = select(Kelurahan.id).where(Kelurahan.kode == sender.kelurahan_kode).scalar_subquery()
        office.append(Pesan.kelurahan_id == kelurahan)
    return or_(mine, and_(*office))


def waiting_for(conn: Connection, sender: Sender, *, limit: int = 100) -> list[Queued]:
    """The queued messages this person should send, oldest first."""
    rows = conn.execute(
        select(*_QUEUED)
        .where(Pesan.status == "antre", _theirs(sender))
        .order_by(Pesan.created_at, Pesan.id)
        .limit(limit)
    )
    return [Queued(*row) for row in rows]


def count_waiting(conn: Connection, sender: Sender) -> int:
    """How many messages wait for this person (the number beside Pesan in the menu)."""
    return int(
        conn.execute(
            select(func.count()).select_from(Pesan).where(Pesan.status == "antre", _theirs(sender))
        ).scalar_one()
    )


def queued_message(conn: Connection, message_id: int, sender: Sender) -> Queued | None:
    """One queued message of this person, or None when it is not theirs or not waiting any more."""
    row = conn.execute(
        select(*_QUEUED).where(Pesan.id == message_id, Pesan.status == "antre", _theirs(sender))
    ).one_or_none()
    return None if row is None else Queued(*row)


def mark_sent(engine: Engine, message_id: int, sender: Sender, *, actor: str, now: datetime) -> Queued | None:
    """Mark a queued message of this person as sent; returns it, or None when it is not theirs or sent already."""
    with write_transaction(engine) as conn:
        message = queued_message(conn, message_id, sender)
        if message is None:
            return None
        conn.execute(
            update(Pesan)
            .where(Pesan.id == message_id, Pesan.status == "antre")
            .values(status="terkirim", sent_at=now, sent_by=actor)
        )
    return message
