"""Reports from a WhatsApp chat: which messages look like complaints, and saving the chosen ones, each once.

The same functions serve the Impor & Ekspor page and `python -m kutorejo_data import-whatsapp`. Every report is
saved through `records.report_writes.create_report` (validation, scope, history, audit), with a stable
`laporan.external_id` made from the message itself: `wa:` and the SHA-1 of sender, minute and text. The chat's
name is left out on purpose: the same chat comes back as `WhatsApp Chat with RT 02.txt`, as
`WhatsApp Chat with RT 02 (1).txt` from a browser, or as `_chat.txt` inside an iOS zip, and must still match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from kutorejo_data.core.config import now_local
from kutorejo_data.core.domain import DESKRIPSI_MAX, NAMA_MAX, PHONE_PATTERN
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.filters import Scope
from kutorejo_data.core.models import Dukungan, Laporan
from kutorejo_data.records.options import rt_options
from kutorejo_data.records.report_writes import NewReport, create_report
from kutorejo_data.records.support import NOTE_MAX, Support, add_support

from .common import chunks
from .complaints import FALLBACK, Guess, guess
from .duplicates import Similar, similar_open_reports
from .whatsapp_chat import ChatExport, ChatMessage

KEY_PREFIX = "wa:"
TITLE_WORDS = 10
TITLE_CHARS = 80
# How an export names the phone's owner: their messages have no reporter to record.
OWN_NAMES = frozenset({"anda", "you"})


@dataclass(frozen=True)
class ChatTarget:
    """Where the chat's reports go: the kelurahan and RW chosen, and the RT for messages that name none."""

    kelurahan_kode: str
    rw: str
    rt: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A message that could become a report, with the guess about it and where it would go."""

    message: ChatMessage
    guess: Guess
    key: str  # laporan.external_id
    rt: str | None  # the RT it names (when that RT is in the chosen RW), else the chosen RT
    existing: int | None  # the report already saved from this message


@dataclass(frozen=True)
class Choice:
    """A candidate the reader chose, with the category and RT they settled on."""

    candidate: Candidate
    category: str
    rt: str | None


@dataclass
class ChatOutcome:
    """What saving the chosen messages did: new reports, messages saved before, and refusals with their reasons."""

    created: list[tuple[Candidate, int]] = field(default_factory=list)
    supported: list[tuple[Candidate, int]] = field(default_factory=list)  # added to a similar open report
    already: list[tuple[Candidate, int]] = field(default_factory=list)
    refused: list[tuple[Candidate, dict[str, str]]] = field(default_factory=list)  # field → message key


def message_key(message: ChatMessage) -> str:
    """The message's stable `external_id`: the same message from a later export of the chat gets the same one."""
    text = " ".join(message.text.split())
    content = f"{message.sender}\n{message.sent_at:%Y-%m-%d %H:%M}\n{text}"
    return KEY_PREFIX + hashlib.sha1(content.encode("utf-8")).hexdigest()


def existing_reports(conn: Connection, keys: Iterable[str]) -> dict[str, int]:
    """external_id → report number for the keys already saved, as a report or as support for one (whatever the
    reader's scope: it is the same message)."""
    found: dict[str, int] = {}
    for batch in chunks(sorted(set(keys))):
        rows = conn.execute(select(Laporan.external_id, Laporan.id).where(Laporan.external_id.in_(batch)))
        found.update({key: number for key, number in rows if key is not None})
        rows = conn.execute(select(Dukungan.external_id, Dukungan.laporan_id).where(Dukungan.external_id.in_(batch)))
        found.update({key: number for key, number in rows if key is not None})
    return found


def similar_to(
    conn: Connection, candidate: Candidate, target: ChatTarget, scope: Scope, now: datetime
) -> Similar | None:
    """The open report of the message's RT (last 30 days) it most likely repeats, if any."""
    if candidate.rt is None:
        return None
    found = similar_open_reports(
        conn,
        scope,
        kelurahan_kode=target.kelurahan_kode,
        rw=target.rw,
        rt=candidate.rt,
        text=candidate.message.text,
        kategori=candidate.guess.category,
        now=now,
    )
    return found[0] if found else None


def _rt_for(guessed: Guess, target: ChatTarget, rts: set[str]) -> str | None:
    named_here = guessed.rt in rts and guessed.rw in (None, target.rw)
    return guessed.rt if named_here else target.rt


def candidates(conn: Connection, export: ChatExport, target: ChatTarget, scope: Scope) -> list[Candidate]:
    """Every message with words (not deleted), guessed, keyed, placed in an RT and matched to earlier imports."""
    rts = {option.kode for option in rt_options(conn, target.kelurahan_kode, target.rw, scope)}
    messages = [message for message in export.messages if message.text and not message.deleted]
    keys = [message_key(message) for message in messages]
    saved = existing_reports(conn, keys)
    found = []
    for message, key in zip(messages, keys, strict=True):
        guessed = guess(message.text)
        found.append(Candidate(message, guessed, key, _rt_for(guessed, target, rts), saved.get(key)))
    return found


def title_of(text: str) -> str:
    """A report title from a message: its first words, cut at a word, capitalised."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    words = first_line.split()
    title = " ".join(words[:TITLE_WORDS])
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0]
    if title != " ".join(words) or len(text.strip()) > len(first_line.strip()):
        title += "…"
    return title[:1].upper() + title[1:]


def reporter_of(sender: str) -> tuple[str | None, str | None]:
    """(name, phone) of the sender: a number that is a phone is a phone; the phone's owner ("Anda") is nobody."""
    sender = sender.strip()
    if sender.lower() in OWN_NAMES:
        return None, None
    if PHONE_PATTERN.match(sender):
        return None, sender
    return sender[:NAMA_MAX], None


def new_report(candidate: Candidate, target: ChatTarget, category: str, rt: str | None) -> NewReport:
    """The report a message becomes: from a resident, titled by its first words, at the time it was sent."""
    message = candidate.message
    name, phone = reporter_of(message.sender)
    description = message.text if len(message.text) <= DESKRIPSI_MAX else message.text[: DESKRIPSI_MAX - 1] + "…"
    return NewReport(
        kelurahan_kode=target.kelurahan_kode,
        rw=target.rw,
        rt=rt or "",
        kategori=category,
        judul=title_of(message.text),
        deskripsi=description,
        sumber="warga",
        pelapor_nama=name,
        pelapor_telepon=phone,
        external_id=candidate.key,
        reported_at=message.sent_at,
    )


def category_for(candidate: Candidate, active: Mapping[str, str]) -> str:
    """The guessed category when it is active, else `lainnya`."""
    guessed = candidate.guess.category
    return guessed if guessed is not None and guessed in active else FALLBACK


def save_chosen(
    engine: Engine,
    chosen: Sequence[Choice],
    target: ChatTarget,
    *,
    actor: str,
    scope: Scope,
    now: datetime | None = None,
    merge_similar: bool = True,
) -> ChatOutcome:
    """Save each chosen message as a report in its own short transaction; one already saved is skipped, and with
    `merge_similar` one that repeats an open report of its RT (also one made from an earlier message of this chat)
    becomes support for that report instead.

    A read-only scope is refused (ServiceError) at the first report, before anything is written.
    """
    now = now or now_local()
    outcome = ChatOutcome()
    with engine.connect() as conn:
        saved = existing_reports(conn, [choice.candidate.key for choice in chosen])
    for choice in chosen:
        candidate = choice.candidate
        if candidate.key in saved:
            outcome.already.append((candidate, saved[candidate.key]))
            continue
        if choice.rt is None:
            outcome.refused.append((candidate, {"rt": "wa.rt_missing"}))
            continue
        if merge_similar and _added_as_support(engine, choice, target, scope, actor, now, outcome):
            saved[candidate.key] = outcome.supported[-1][1]
            continue
        report = new_report(candidate, target, choice.category, choice.rt)
        try:
            number = create_report(engine, report, actor=actor, scope=scope, now=now)
        except ValidationError as invalid:
            outcome.refused.append((candidate, dict(invalid.fields)))
            continue
        except IntegrityError:  # saved meanwhile by another import of the same chat
            with engine.connect() as conn:
                saved.update(existing_reports(conn, [candidate.key]))
            if candidate.key not in saved:
                raise
            outcome.already.append((candidate, saved[candidate.key]))
            continue
        saved[candidate.key] = number
        outcome.created.append((candidate, number))
    return outcome


def _added_as_support(
    engine: Engine, choice: Choice, target: ChatTarget, scope: Scope, actor: str, now: datetime, outcome: ChatOutcome
) -> bool:
    """Add the message as support to the open report it repeats; False when there is none (or it was refused)."""
    candidate = choice.candidate
    with engine.connect() as conn:
        if existing_reports(conn, [candidate.key]):  # saved meanwhile: not a repeat, the same message
            return False
        similar = similar_to(
            conn, Candidate(candidate.message, candidate.guess, candidate.key, choice.rt, None), target, scope, now
        )
    if similar is None:
        return False
    name, phone = reporter_of(candidate.message.sender)
    support = Support(similar.nomor, candidate.message.text[:NOTE_MAX], name, phone, "warga", candidate.key)
    try:
        add_support(engine, support, actor=actor, scope=scope, now=now)
    except (ServiceError, IntegrityError):
        return False
    outcome.supported.append((candidate, similar.nomor))
    return True
