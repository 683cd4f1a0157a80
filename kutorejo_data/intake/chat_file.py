"""Open a WhatsApp chat export, the `.txt` or the `.zip` with media, after checking it is safe to read.

A zip is checked by the one upload guard before anything in it is decompressed (`check_zip`: number of members,
their total and single unpacked sizes, their compression ratio; with limits of its own, since a chat's photos and
videos are large), then only its chat text is read, as a stream, line by line. Its media
are listed by name; one is opened (`open_media`) only when a chosen message is sent with it, and checked again.
So a 30 MB export full of photos costs the memory of its chat text, not of its photos.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from . import guard
from .guard import MB, Limits, UploadRefused
from .reading import ImportRefused
from .whatsapp_chat import ChatExport, DateOrder, parse_chat

ChatSource = Path | BinaryIO

MAX_CHAT_TEXT_BYTES = 64 * 1024 * 1024  # years of a busy group's text; anything larger is not a chat
MAX_ZIP_BYTES = 1024 * 1024 * 1024
MAX_MEDIA_BYTES = 32 * 1024 * 1024  # one photo or document opened for a report
# A chat export holds years of photos and videos: more parts and more to unpack than a workbook, one video as large
# as everything together. Photos and videos hardly compress and text a few times: the guard's ratio limit stays.
CHAT_ZIP_LIMITS = replace(Limits(), max_parts=10_000, max_unpacked=2 * 1024 * MB, max_part=2 * 1024 * MB)
CHAT_NAME_PREFIXES = ("WhatsApp Chat with ", "WhatsApp Chat - ", "Chat WhatsApp dengan ", "Chat WhatsApp - ")

_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_BINARY_SIGNATURES: dict[bytes, str] = {
    b"%PDF-": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "GZIP",
    b"Rar!\x1a": "RAR",
    b"7z\xbc\xaf": "7-Zip",
    b"\xd0\xcf\x11\xe0": "Office (XLS/DOC)",
}


def chat_name(file_name: str) -> str:
    """The chat's name from the export's file name (`WhatsApp Chat with RT 02.txt` → `RT 02`)."""
    stem = PurePosixPath(file_name.replace("\\", "/")).name.rsplit(".", 1)[0]
    for prefix in CHAT_NAME_PREFIXES:
        if stem.startswith(prefix):
            return stem[len(prefix) :].strip()
    return "" if stem == "_chat" else stem.strip()


@contextmanager
def _binary(source: ChatSource) -> Iterator[BinaryIO]:
    """The source as a seekable binary stream at its start (an upload stays open; a path is opened and closed)."""
    if isinstance(source, Path):
        try:
            with source.open("rb") as stream:
                yield stream
        except FileNotFoundError:
            raise ImportRefused("chat.refused.missing", nama=source.name) from None
        return
    source.seek(0)
    yield source


def _size(stream: BinaryIO) -> int:
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size


def check_zip(archive: zipfile.ZipFile) -> None:
    """Refuse a zip with too many members, too much to unpack, or a member that unpacks suspiciously far."""
    try:
        guard.check_zip(archive, CHAT_ZIP_LIMITS)
    except UploadRefused as refused:
        raise ImportRefused(refused.key, **refused.values) from None


def _chat_member(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The chat text of an export: iOS names it `_chat.txt`, Android after the chat; refuse a zip without one."""
    names = {info.filename for info in archive.infolist()}
    if "xl/workbook.xml" in names:
        raise ImportRefused("chat.refused.spreadsheet")
    texts = [info for info in archive.infolist() if info.filename.lower().endswith(".txt") and not info.is_dir()]
    preferred = [info for info in texts if PurePosixPath(info.filename).name == "_chat.txt"] or [
        info for info in texts if PurePosixPath(info.filename).name.startswith(CHAT_NAME_PREFIXES)
    ]
    chosen = preferred or texts
    if len(chosen) != 1:
        raise ImportRefused("chat.refused.zip_no_chat" if not chosen else "chat.refused.zip_many_chats")
    member = chosen[0]
    if member.flag_bits & 0x1:
        raise ImportRefused("chat.refused.encrypted")
    if member.file_size > MAX_CHAT_TEXT_BYTES:
        raise ImportRefused("chat.refused.too_large", mb=member.file_size // 1024 // 1024)
    return member


def _text(stream: BinaryIO) -> io.TextIOWrapper:
    """The stream as lines of text: UTF-8 as WhatsApp writes it (UTF-16 if a BOM says so); bad bytes become �."""
    head = stream.read(4096)
    if not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in head:
        raise ImportRefused("chat.refused.not_text")
    encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    stream.seek(0)
    return io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline=None)


def _refuse_other_files(head: bytes) -> None:
    for signature, kind in _BINARY_SIGNATURES.items():
        if head.startswith(signature):
            raise ImportRefused("chat.refused.wrong_type", jenis=kind)


def read_chat_export(source: ChatSource, file_name: str = "", *, date_order: DateOrder | None = None) -> ChatExport:
    """The messages of a chat export (`.txt` or `.zip`, decided by its bytes); raises ImportRefused with the reason."""
    name = chat_name(file_name or (source.name if isinstance(source, Path) else ""))
    with _binary(source) as stream:
        size = _size(stream)
        if size == 0:
            raise ImportRefused("chat.refused.empty")
        head = stream.read(8)
        stream.seek(0)
        if head.startswith(_ZIP):
            return _read_zip(stream, size, name, date_order)
        _refuse_other_files(head)
        if size > MAX_CHAT_TEXT_BYTES:
            raise ImportRefused("chat.refused.too_large", mb=size // 1024 // 1024)
        text = _text(stream)
        try:
            return parse_chat(text, date_order=date_order, name=name)
        finally:
            text.detach()  # the caller's upload stays open


def _read_zip(stream: BinaryIO, size: int, name: str, date_order: DateOrder | None) -> ChatExport:
    if size > MAX_ZIP_BYTES:
        raise ImportRefused("chat.refused.too_large", mb=size // 1024 // 1024)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, ValueError):
        raise ImportRefused("chat.refused.broken") from None
    with archive:
        check_zip(archive)
        member = _chat_member(archive)
        media = tuple(info.filename for info in archive.infolist() if info is not member and not info.is_dir())
        try:
            with archive.open(member) as chat, _text(chat) as text:  # type: ignore[arg-type]
                export = parse_chat(text, date_order=date_order, name=name)
        except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError):
            raise ImportRefused("chat.refused.broken") from None
    return replace(export, media_files=media)


def open_media(source: ChatSource, member: str) -> bytes:
    """The bytes of one media file of a chat zip, checked like the zip; raises ImportRefused."""
    with _binary(source) as stream:
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, ValueError):
            raise ImportRefused("chat.refused.broken") from None
        with archive:
            check_zip(archive)
            try:
                info = archive.getinfo(member)
            except KeyError:
                raise ImportRefused("chat.refused.media_missing", nama=member) from None
            if info.file_size > MAX_MEDIA_BYTES:
                raise ImportRefused("chat.refused.media_too_large", nama=member, mb=info.file_size // 1024 // 1024)
            try:
                return archive.read(info)
            except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError):
                raise ImportRefused("chat.refused.broken") from None
