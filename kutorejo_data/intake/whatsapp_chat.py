"""The text of a WhatsApp "Ekspor chat" as messages: who, when, what, which media; system lines left out.

Both exports are read, in Indonesian and English phone settings:

    Android  03/11/26 08.15 - Pak Darto: selokan depan rumah mampet lagi
             11/3/26, 8:15 AM - Pak Darto: ...
    iOS      [03/11/26 08.15.02] Pak Darto: selokan depan rumah mampet lagi
             ‎[11/3/26, 8:15:02 AM] Pak Darto: ‎image omitted
    copied   [08.15, 3/11/2026] Pak Darto: ... (several messages copied out of a chat)

A line that does not start with a date and time continues the message before it. iOS adds invisible direction
marks (U+200E) and narrow no-break spaces (U+202F); they are read past. Whether `03/11/26` is 3 November or
11 March is decided per file from the evidence (a first number above 12, a second number above 12, which order keeps
time running forwards, the phone's language and clock), and the reason is kept for the reader. A date that does not
exist in that order is listed with its line number, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from .reading import ImportRefused

DateOrder = Literal["dmy", "mdy", "ymd"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy", "ymd")
# A chat export starts with a message or a system line; this many lines without one is not a chat export.
HEADER_SEARCH_LINES = 20

# Invisible direction marks and isolates WhatsApp (mostly iOS) puts around names, times and placeholders.
_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_MARKS_RE = re.compile(f"[{_MARKS}]")
_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " ", "\u2007": " ", "\u2009": " "})
_M = f"[{_MARKS}]*"
_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[.:]\d{2}(?:[.:]\d{2})?)(?:\s?(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
_IOS = re.compile(rf"^{_M}\[{_M}{_DATE},?\s{_M}{_TIME}{_M}\]\s?(?P<rest>.*)$")
_COPIED = re.compile(rf"^{_M}\[{_M}{_TIME},\s?{_M}{_DATE}{_M}\]\s?(?P<rest>.*)$")
_ANDROID = re.compile(rf"^{_M}{_DATE},?\s{_M}{_TIME}{_M}\s?[-–]\s(?P<rest>.*)$")
_SENDER = re.compile(r"^(?P<sender>[^:]{1,60}?):(?:\s(?P<text>.*))?$", re.DOTALL)

# Android writes system lines without a sender; only a subject or description change can hold a colon, inside quotes.
_ANDROID_QUOTED_SYSTEM = re.compile(r'^[^:"]{1,60}? (?:mengubah|changed|membuat|created|menghapus|deleted)\b[^:]*"')
# System lines that are unmistakable whatever the platform (an iOS export re-saved without its direction marks):
# a name (or nothing), then what happened, before any colon.
_SYSTEM_PHRASES = re.compile(
    r"^[^:\"]{0,60}?(?:terenkripsi secara end-to-end|are end-to-end encrypted|secured with end-to-end encryption"
    r"|mengubah subjek (?:dari|grup|menjadi)|changed the subject (?:from|to)"
    r"|changed (?:this|the) group'?s? (?:icon|description|settings)"
    r"|mengubah (?:ikon|deskripsi|setelan) grup|menghapus (?:ikon|deskripsi) grup|deleted this group'?s icon"
    r"|bergabung menggunakan tautan undangan|joined using this group'?s invite link"
    r"|(?:membuat|created) grup?p? \"|kode keamanan .* berubah|security code (?:with .* )?changed"
    r"|pesan sementara|disappearing messages)",
    re.IGNORECASE,
)
# What iOS system lines say after their direction mark: someone joined, left, changed something, security notices.
_SYSTEM_WORDS = re.compile(
    r"\b(?:menambahkan|added|keluar|left|mengeluarkan|removed|bergabung|joined|mengubah|changed|membuat|created"
    r"|menghapus|deleted|admin|terenkripsi|encrypted|pesan sementara|disappearing|kode keamanan|security code"
    r"|menyematkan|pinned|panggilan|call)\b",
    re.IGNORECASE,
)
# Words only an English or only an Indonesian phone writes into an export: evidence of its date order.
_ENGLISH_WORDS = re.compile(
    r"omitted|end-to-end encrypted|<attached:|\(file attached\)|this message was deleted|you deleted this message"
    r"|joined using|changed the subject|created group|\bleft$|\badded\b",
    re.IGNORECASE,
)
_INDONESIAN_WORDS = re.compile(
    r"tidak disertakan|terenkripsi|<terlampir:|\(file terlampir\)|pesan ini (?:telah )?dihapus|anda menghapus"
    r"|bergabung menggunakan|mengubah subjek|membuat grup|\bkeluar$|menambahkan",
    re.IGNORECASE,
)

_OMITTED = re.compile(
    r"^<?(?P<kind>media|gambar|foto|video|audio|stiker|sticker|gif|dokumen|document|image|kartu kontak|contact card"
    r"|pesan suara|voice message)\s+(?:tidak disertakan|omitted|dihilangkan)>?$",
    re.IGNORECASE,
)
_OMITTED_DOCUMENT = re.compile(r"^(?P<file>.+?)\s+(?:•.*?\s)?(?:document omitted|dokumen tidak disertakan)$", re.I)
_ATTACHED_IOS = re.compile(r"^<(?:attached|terlampir|lampiran):\s*(?P<file>[^>]+?)\s*>$", re.IGNORECASE)
_ATTACHED_ANDROID = re.compile(
    r"^(?P<file>[^\s()][^()]*?\.[A-Za-z0-9]{2,5})\s\((?:file terlampir|berkas terlampir|file attached)\)$",
    re.IGNORECASE,
)
_DELETED = re.compile(
    r"^(?:pesan ini (?:telah )?dihapus(?: oleh admin.*)?|this message was deleted(?: by admin.*)?"
    r"|you deleted this message|anda menghapus pesan ini)\.?$",
    re.IGNORECASE,
)
_EDITED = re.compile(r"\s*<(?:pesan ini diedit|this message was edited|diedit|edited)>$", re.IGNORECASE)


@dataclass(frozen=True)
class Media:
    """A photo, video, voice note or document sent with a message: its file name when the export attached it."""

    file: str | None  # `IMG-20261103-WA0007.jpg`; None when the export left media out
    kind: str  # "gambar", "video", "audio", "stiker", "dokumen" or "media"


@dataclass(frozen=True)
class ChatMessage:
    """One message of the chat (never a system line)."""

    line: int  # the line of its date and time in the .txt, counted from 1
    sent_at: datetime
    sender: str
    text: str  # the words, without media placeholders or the "edited" mark; lines kept
    media: tuple[Media, ...] = ()
    deleted: bool = False
    edited: bool = False


@dataclass(frozen=True)
class UnreadableDate:
    """A message whose date does not exist in the file's date order: listed, never guessed."""

    line: int
    written: str  # the date and time as the file has them
    sender: str
    text: str


@dataclass(frozen=True)
class ChatExport:
    """What a chat export holds, and how its dates were read."""

    platform: Literal["android", "ios"]
    messages: tuple[ChatMessage, ...]
    system_lines: int
    unreadable: tuple[UnreadableDate, ...]
    date_order: DateOrder
    order_reason: str  # i18n key saying why the dates were read in this order
    order_values: dict[str, object] = field(default_factory=dict)
    media_files: tuple[str, ...] = ()  # a zip's media members, by name
    name: str = ""  # the chat's name, from the file name


@dataclass
class _Raw:
    """A message or system line as read, before the file's date order is known."""

    line: int
    platform: Literal["android", "ios"]
    date: tuple[str, str, str]
    time: str
    ampm: str | None
    rest: str
    more: list[str]


def clean(text: str) -> str:
    """Text without direction marks, with ordinary spaces for the narrow and no-break ones."""
    return _MARKS_RE.sub("", text.translate(_SPACES))


def _header(line: str) -> tuple[re.Match[str], Literal["android", "ios"]] | None:
    spaced = line.translate(_SPACES)
    for pattern, platform in ((_IOS, "ios"), (_COPIED, "ios"), (_ANDROID, "android")):
        match = pattern.match(spaced)
        if match:
            return match, platform  # type: ignore[return-value]
    return None


def _raw(number: int, match: re.Match[str], platform: Literal["android", "ios"]) -> _Raw:
    first, second, third = re.split(r"[./-]", match["date"])
    return _Raw(number, platform, (first, second, third), match["time"], match["ampm"], match["rest"], [])


def _read_raw(lines: Iterable[str]) -> list[_Raw]:
    """Group the lines into messages; refuse a text that does not look like a chat export."""
    raws: list[_Raw] = []
    seen = 0
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        found = _header(line)
        if found is None:
            if raws:
                raws[-1].more.append(line)
            elif line.strip():
                seen += 1
                if seen >= HEADER_SEARCH_LINES:
                    break
            continue
        raws.append(_raw(number, *found))
    if not raws:
        raise ImportRefused("chat.refused.not_whatsapp")
    return raws


def _build_date(parts: tuple[str, str, str], order: DateOrder) -> tuple[int, int, int] | None:
    """(year, month, day) of a date in the given order, or None when it does not exist in that order."""
    try:
        first, second, third = (int(part) for part in parts)
    except ValueError:
        return None
    if len(parts[0]) == 4:
        year, month, day = first, second, third
    else:
        year = third + 2000 if len(parts[2]) <= 2 else third
        month, day = (second, first) if order == "dmy" else (first, second)
    try:
        datetime(year, month, day)
    except ValueError:
        return None
    return year, month, day


def _build_time(written: str, ampm: str | None) -> tuple[int, int, int] | None:
    parts = [int(part) for part in re.split(r"[.:]", written)]
    hour, minute, second = parts[0], parts[1], parts[2] if len(parts) > 2 else 0
    if ampm:
        if not 1 <= hour <= 12:
            return None
        afternoon = ampm.strip().lower().startswith("p")
        hour = (hour % 12) + (12 if afternoon else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


def _backwards(raws: list[_Raw], order: DateOrder) -> int:
    """How often the dates run backwards when read in this order (a chat export runs forwards)."""
    days = [day for raw in raws if (day := _build_date(raw.date, order)) is not None]
    return sum(1 for earlier, later in zip(days, days[1:], strict=False) if later < earlier)


def decide_order(raws: list[_Raw], english: bool, indonesian: bool) -> tuple[DateOrder, str, dict[str, object]]:
    """The file's date order and the evidence for it: (order, i18n key of the reason, its values)."""
    if raws and all(len(raw.date[0]) == 4 for raw in raws):
        return "ymd", "chat.order.year_first", {}
    day_first = [raw.line for raw in raws if int(raw.date[0]) > 12 >= int(raw.date[1])]
    month_first = [raw.line for raw in raws if int(raw.date[1]) > 12 >= int(raw.date[0])]
    if day_first and len(day_first) >= len(month_first):
        return "dmy", "chat.order.day_over_12", {"baris": day_first[0]}
    if month_first:
        return "mdy", "chat.order.month_second", {"baris": month_first[0]}
    backwards = {order: _backwards(raws, order) for order in ("dmy", "mdy")}
    if backwards["dmy"] != backwards["mdy"]:
        order: DateOrder = "dmy" if backwards["dmy"] < backwards["mdy"] else "mdy"
        return order, "chat.order.sequence", {}
    if english and not indonesian and any(raw.ampm for raw in raws):
        return "mdy", "chat.order.english_12h", {}
    return "dmy", "chat.order.indonesian", {}


def _media_kind(name: str) -> str:
    upper = name.upper()
    if "PHOTO" in upper or upper.startswith("IMG") or upper.endswith((".JPG", ".JPEG", ".PNG", ".HEIC")):
        return "gambar"
    if "VIDEO" in upper or upper.startswith("VID") or upper.endswith((".MP4", ".MOV", ".3GP")):
        return "video"
    if "AUDIO" in upper or upper.startswith(("PTT", "AUD")) or upper.endswith((".OPUS", ".M4A", ".MP3", ".OGG")):
        return "audio"
    if "STICKER" in upper or upper.startswith("STK") or upper.endswith(".WEBP"):
        return "stiker"
    return "dokumen"


_OMITTED_KINDS = {
    "image": "gambar",
    "foto": "gambar",
    "gambar": "gambar",
    "video": "video",
    "audio": "audio",
    "pesan suara": "audio",
    "voice message": "audio",
    "stiker": "stiker",
    "sticker": "stiker",
    "gif": "gambar",
    "dokumen": "dokumen",
    "document": "dokumen",
}


def _placeholder(line: str) -> Media | None:
    """The media a whole line stands for (`<Media tidak disertakan>`, `<attached: …jpg>`, `IMG-….jpg (file
    terlampir)`), or None for a line of text."""
    line = line.strip()
    if match := _OMITTED.match(line):
        return Media(None, _OMITTED_KINDS.get(match["kind"].lower(), "media"))
    if match := _OMITTED_DOCUMENT.match(line):
        return Media(None, "dokumen")
    for pattern in (_ATTACHED_IOS, _ATTACHED_ANDROID):
        if match := pattern.match(line):
            return Media(match["file"].strip(), _media_kind(match["file"]))
    return None


@dataclass(frozen=True)
class _Body:
    sender: str
    text: str
    media: tuple[Media, ...]
    deleted: bool
    edited: bool


def _body(raw: _Raw) -> _Body | None:
    """The message's sender and content; None for a system line."""
    rest = raw.rest
    if _SYSTEM_PHRASES.match(clean(rest)):
        return None
    if raw.platform == "android" and _ANDROID_QUOTED_SYSTEM.match(clean(rest)):
        return None
    match = _SENDER.match(rest)
    if match is None:
        return None  # Android: "Budi keluar", "Pak RT menambahkan Sari"
    first = match["text"] or ""
    lines = [clean(first), *(clean(line) for line in raw.more)]
    media = tuple(found for line in lines if (found := _placeholder(line)) is not None)
    text_lines = [line.replace("\u2028", "\n") for line in lines if _placeholder(line) is None]
    text = "\n".join(text_lines).strip()
    edited = bool(_EDITED.search(text))
    text = _EDITED.sub("", text).strip()
    deleted = bool(_DELETED.match(text))
    # iOS starts its system lines (and media and deletions) with a direction mark; what it then says decides.
    ios_system = bool(_SYSTEM_PHRASES.match(text)) or (first.startswith("\u200e") and bool(_SYSTEM_WORDS.search(text)))
    if raw.platform == "ios" and ios_system and not media and not deleted:
        return None
    sender = clean(match["sender"]).strip().lstrip("~").strip()
    return _Body(sender, "" if deleted else text, media, deleted, edited)


def _language_evidence(raws: list[_Raw]) -> tuple[bool, bool]:
    """(English words seen, Indonesian words seen) in system lines and placeholders: the phone's language."""
    english = indonesian = False
    for raw in raws[:2000]:
        sample = clean(" ".join([raw.rest, *raw.more[:2]]))
        english = english or bool(_ENGLISH_WORDS.search(sample))
        indonesian = indonesian or bool(_INDONESIAN_WORDS.search(sample))
    return english, indonesian


def parse_chat(lines: Iterable[str], *, date_order: DateOrder | None = None, name: str = "") -> ChatExport:
    """Read the lines of a chat export; raises ImportRefused when they are not one."""
    raws = _read_raw(lines)
    english, indonesian = _language_evidence(raws)
    if date_order is None:
        order, reason, values = decide_order(raws, english, indonesian)
    else:
        order, reason, values = date_order, "chat.order.chosen", {}
    messages: list[ChatMessage] = []
    unreadable: list[UnreadableDate] = []
    system_lines = 0
    for raw in raws:
        body = _body(raw)
        if body is None:
            system_lines += 1
            continue
        day = _build_date(raw.date, order)
        clock = _build_time(raw.time, raw.ampm)
        if day is None or clock is None:
            written = f"{'/'.join(raw.date)} {raw.time}{' ' + raw.ampm if raw.ampm else ''}"
            unreadable.append(UnreadableDate(raw.line, written, body.sender, body.text))
            continue
        sent_at = datetime(*day, *clock)
        messages.append(ChatMessage(raw.line, sent_at, body.sender, body.text, body.media, body.deleted, body.edited))
    platform = raws[0].platform
    return ChatExport(platform, tuple(messages), system_lines, tuple(unreadable), order, reason, values, name=name)


@dataclass(frozen=True)
class PastedMessage:
    """One message pasted into a form: its text, and its time and sender when the paste kept them."""

    text: str
    sent_at: datetime | None
    sender: str | None


def parse_pasted(text: str, now: datetime) -> PastedMessage:
    """Read one pasted message, with or without its `[date time] Name:` prefix.

    A single date has no evidence of its order but its own numbers: of the readings that exist, the latest one
    not after `now` is taken (a message is pasted soon after it was sent).
    """
    lines = text.strip().splitlines()
    found = _header(lines[0]) if lines else None
    if found is None:
        return PastedMessage(clean(text).strip(), None, None)
    raw = _raw(1, *found)
    raw.more.extend(lines[1:])
    body = _body(raw)
    if body is None:
        return PastedMessage(clean(text).strip(), None, None)
    clock = _build_time(raw.time, raw.ampm)
    moments = [
        datetime(*day, *clock)
        for order in DATE_ORDERS
        if clock is not None and (day := _build_date(raw.date, order)) is not None
    ]
    past = [moment for moment in moments if moment <= now]
    return PastedMessage(body.text, max(past) if past else None, body.sender or None)
