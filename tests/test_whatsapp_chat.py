"""Reading WhatsApp chat exports message for message: Android and iOS, Indonesian and English phones, the zip.

The exports in tests/data/whatsapp/ are written the way the phones write them (direction marks, narrow no-break
spaces, CRLF on iOS); each test states what a person reading the chat sees in it.
"""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from kutorejo_data.intake import chat_file
from kutorejo_data.intake.chat_file import check_zip, open_media, read_chat_export
from kutorejo_data.intake.reading import ImportRefused
from kutorejo_data.intake.whatsapp_chat import ChatExport, Media, parse_chat, parse_pasted

DATA = Path(__file__).parent / "data" / "whatsapp"
PHOTO = "00000012-PHOTO-2026-11-03-08-15-02.jpg"
LRM = "\u200e"

# (line, sent at, sender, text, media, deleted, edited) of every message, in the order of the chat.
ANDROID_ID = [
    (
        4,
        datetime(2026, 11, 3, 8, 0),
        "Pak RT",
        "Assalamualaikum bapak ibu, grup ini untuk info warga RT 02",
        (),
        False,
        False,
    ),
    (
        5,
        datetime(2026, 11, 3, 8, 15),
        "Pak Darto",
        "selokan depan rumah pak Darto mampet lagi\nbaunya sampai ke dalam rumah\n\ntolong pak RT",
        (),
        False,
        False,
    ),
    (
        9,
        datetime(2026, 11, 3, 8, 17),
        "Bu Sri",
        "ini fotonya pak, sampah numpuk di TPS belakang pasar",
        (Media("IMG-20261103-WA0007.jpg", "gambar"),),
        False,
        False,
    ),
    (11, datetime(2026, 11, 3, 8, 20), "+62 812-3456-7890", "", (Media(None, "media"),), False, False),
    (16, datetime(2026, 11, 5, 6, 30), "Budi Santoso", "lampu PJU gg 3 mati sudah seminggu, rt.02", (), False, False),
    (17, datetime(2026, 11, 5, 6, 31), "Budi Santoso", "", (), True, False),
    (18, datetime(2026, 11, 5, 6, 40), "Anda", "", (), True, False),
    (19, datetime(2026, 11, 13, 16, 5), "Pak RT", "besok kerja bakti jam 7, kumpul di pos ronda", (), False, True),
    (20, datetime(2026, 11, 13, 16, 10), "Bu Sri", "siap pak 👍", (), False, False),
    (
        24,
        datetime(2026, 11, 15, 7, 5),
        "Pak Darto",
        "air pdam tidak mengalir dari kemarin sore, RT 001",
        (),
        False,
        False,
    ),
]
IOS_ID = [
    (
        4,
        datetime(2026, 11, 3, 8, 15, 2),
        "Pak Darto",
        "selokan depan rumah pak Darto mampet lagi\nbaunya sampai ke dalam rumah",
        (),
        False,
        False,
    ),
    (6, datetime(2026, 11, 3, 8, 15, 30), "Pak Darto", "", (Media(PHOTO, "gambar"),), False, False),
    (7, datetime(2026, 11, 3, 8, 16, 5), "Bu Sri", "", (Media(None, "gambar"),), False, False),
    (
        8,
        datetime(2026, 11, 3, 8, 20, 44),
        "Budi",
        "lampu jalan depan makam mati, gelap banget kalo malem",
        (),
        False,
        False,
    ),
    (9, datetime(2026, 11, 3, 8, 21), "Budi", "", (), True, False),
    (13, datetime(2026, 11, 5, 6, 30, 15), "Pak RT", "Terima kasih infonya, besok kami cek", (), False, False),
    (
        15,
        datetime(2026, 11, 5, 7, 0),
        "+62 813-1111-2222",
        "air sumur keruh dan bau sejak banjir kemarin",
        (),
        False,
        True,
    ),
]
ANDROID_EN = [
    (
        4,
        datetime(2026, 11, 3, 8, 15),
        "Pak Darto",
        "selokan depan rumah mampet lagi\nairnya meluap ke jalan",
        (),
        False,
        False,
    ),
    (6, datetime(2026, 11, 3, 12, 5), "Bu Sri", "", (Media(None, "media"),), False, False),
    (7, datetime(2026, 11, 4, 0, 5), "Budi", "lampu gg 3 mati dari semalam", (), False, False),
    (8, datetime(2026, 11, 4, 12, 30), "Budi", "", (), True, False),
    (9, datetime(2026, 11, 4, 13, 45), "You", "", (), True, False),
    (15, datetime(2026, 11, 13, 16, 5), "Pak RT", "besok kerja bakti jam 7", (), False, True),
    (
        16,
        datetime(2026, 11, 14, 6, 30),
        "+62 812-3456-7890",
        "pohon tumbang nutup jalan gg 1",
        (Media("IMG-20261114-WA0003.jpg", "gambar"),),
        False,
        False,
    ),
]
IOS_EN = [
    (3, datetime(2026, 11, 3, 8, 15, 2), "Pak Darto", "selokan depan rumah pak Darto mampet lagi", (), False, False),
    (4, datetime(2026, 11, 3, 8, 15, 30), "Pak Darto", "", (Media(PHOTO, "gambar"),), False, False),
    (5, datetime(2026, 11, 3, 8, 16, 5), "Bu Sri", "", (Media(None, "gambar"),), False, False),
    (6, datetime(2026, 11, 3, 8, 21), "Budi", "", (), True, False),
    (9, datetime(2026, 11, 5, 6, 30, 15), "Pak RT", "Terima kasih infonya\nbesok kami cek ke lokasi", (), False, False),
    (11, datetime(2026, 11, 5, 12, 0), "Bu Sri", "sampah di tps belakang pasar numpuk", (), False, False),
]


def as_rows(export: ChatExport) -> list[tuple[object, ...]]:
    return [(m.line, m.sent_at, m.sender, m.text, m.media, m.deleted, m.edited) for m in export.messages]


@pytest.mark.parametrize(
    ("name", "platform", "expected", "system_lines", "order", "reason"),
    [
        ("android_id.txt", "android", ANDROID_ID, 9, "dmy", "chat.order.day_over_12"),
        ("ios_id.txt", "ios", IOS_ID, 7, "dmy", "chat.order.indonesian"),
        ("android_en.txt", "android", ANDROID_EN, 8, "mdy", "chat.order.month_second"),
        ("ios_en.txt", "ios", IOS_EN, 4, "mdy", "chat.order.english_12h"),
    ],
)
def test_every_message_of_an_export_is_read_whole_with_its_exact_time(
    name: str, platform: str, expected: list[tuple[object, ...]], system_lines: int, order: str, reason: str
) -> None:
    export = read_chat_export(DATA / name)
    assert export.platform == platform
    assert as_rows(export) == expected
    assert export.system_lines == system_lines
    assert (export.date_order, export.order_reason) == (order, reason)


def test_a_date_that_does_not_exist_is_listed_with_its_line_never_guessed() -> None:
    export = read_chat_export(DATA / "android_id.txt")
    assert [(u.line, u.written, u.sender, u.text) for u in export.unreadable] == [
        (21, "31/02/26 10.00", "Pak Darto", "tanggal ini tidak ada")
    ]
    assert 21 not in {m.line for m in export.messages}
    assert export.order_values == {"baris": 19}  # the evidence: 13/11/26 can only be the 13th of November


def test_the_zip_reads_its_chat_and_lists_its_photo_without_opening_it() -> None:
    export = read_chat_export(DATA / "ios_id_foto.zip")
    assert as_rows(export) == IOS_ID
    assert export.media_files == (PHOTO,)
    photo_message = next(m for m in export.messages if m.media and m.media[0].file)
    assert open_media(DATA / "ios_id_foto.zip", photo_message.media[0].file or "").startswith(b"\xff\xd8\xff")


def test_an_upload_is_read_from_its_stream_and_left_open() -> None:
    upload = io.BytesIO((DATA / "android_en.txt").read_bytes())
    export = read_chat_export(upload, "WhatsApp Chat with Warga RT 02.txt")
    assert as_rows(export) == ANDROID_EN
    assert export.name == "Warga RT 02"
    assert not upload.closed


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        ("WhatsApp Chat with Warga RT 02.txt", "Warga RT 02"),
        ("WhatsApp Chat - Warga RT 02.zip", "Warga RT 02"),
        ("Chat WhatsApp dengan Warga RT 02.txt", "Warga RT 02"),
        ("_chat.txt", ""),
    ],
)
def test_the_chat_is_named_after_its_file(file_name: str, expected: str) -> None:
    assert chat_file.chat_name(file_name) == expected


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ((DATA / "bukan_chat.txt").read_bytes(), "chat.refused.not_whatsapp"),
        ((DATA / "line_chat.txt").read_bytes(), "chat.refused.not_whatsapp"),
        (b'{"name": "Warga RT 02", "type": "private_group", "messages": []}', "chat.refused.not_whatsapp"),
        (b"", "chat.refused.empty"),
        (b"%PDF-1.7 ...", "chat.refused.wrong_type"),
        (b"\x89PNG\r\n\x1a\n....", "chat.refused.wrong_type"),
        (b"abc\x00\x01\x02" * 100, "chat.refused.not_text"),
        (b"PK\x03\x04 not really a zip", "chat.refused.broken"),
    ],
    ids=["shopping-list", "line-export", "telegram-json", "empty", "pdf", "png", "binary", "broken-zip"],
)
def test_what_is_not_a_chat_export_is_refused_with_a_reason(content: bytes, key: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_chat_export(io.BytesIO(content), "chat.txt")
    assert refused.value.key == key


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


CHAT = (DATA / "ios_id.txt").read_bytes()


@pytest.mark.parametrize(
    ("members", "key"),
    [
        ({"foto.jpg": b"\xff\xd8\xff"}, "chat.refused.zip_no_chat"),
        ({"a.txt": CHAT, "b.txt": CHAT}, "chat.refused.zip_many_chats"),
        ({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<Types/>"}, "chat.refused.spreadsheet"),
        ({"_chat.txt": CHAT, "bom.bin": b"\x00" * (20 * 1024 * 1024)}, "upload.refused.ratio"),
    ],
    ids=["no-chat", "two-chats", "xlsx", "zip-bomb"],
)
def test_a_zip_is_checked_before_its_chat_is_read(members: dict[str, bytes], key: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_chat_export(io.BytesIO(zip_bytes(members)), "chat.zip")
    assert refused.value.key == key


def test_a_zip_of_too_many_files_or_too_much_to_unpack_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes({"_chat.txt": CHAT, "a.jpg": b"x" * 2000, "b.jpg": b"y"})))
    limits = chat_file.CHAT_ZIP_LIMITS
    monkeypatch.setattr(chat_file, "CHAT_ZIP_LIMITS", replace(limits, max_parts=2))
    with pytest.raises(ImportRefused) as refused:
        check_zip(archive)
    assert refused.value.key == "upload.refused.too_many_parts"
    monkeypatch.setattr(chat_file, "CHAT_ZIP_LIMITS", replace(limits, max_unpacked=1000))
    with pytest.raises(ImportRefused) as refused:
        check_zip(archive)
    assert refused.value.key == "upload.refused.unpacked_too_large"


def test_a_media_file_is_opened_only_when_it_exists_and_is_small_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    export_zip = DATA / "ios_id_foto.zip"
    with pytest.raises(ImportRefused) as refused:
        open_media(export_zip, "IMG-tidak-ada.jpg")
    assert refused.value.key == "chat.refused.media_missing"
    monkeypatch.setattr(chat_file, "MAX_MEDIA_BYTES", 100)
    with pytest.raises(ImportRefused) as refused:
        open_media(export_zip, PHOTO)
    assert refused.value.key == "chat.refused.media_too_large"


def test_a_30_mb_export_is_read_without_its_media_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat - Warga RT 02.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", CHAT)
        for number in range(3):  # photos and a video hardly compress: stored as they are
            with archive.open(f"0000001{number}-VIDEO-2026-11-03.mp4", "w") as member:
                for _ in range(10):
                    member.write(os.urandom(1024 * 1024))
    assert path.stat().st_size > 30 * 1024 * 1024
    tracemalloc.start()
    try:
        export = read_chat_export(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert as_rows(export) == IOS_ID
    assert len(export.media_files) == 3
    assert peak < 2 * 1024 * 1024, f"reading the chat took {peak / 1024 / 1024:.1f} MB"


def test_invisible_marks_and_narrow_spaces_are_read_past() -> None:
    lines = [
        f"{LRM}[3/11/26, 8:15:02\u202fPM] {LRM}~\u202fPak Darto: {LRM}lampu mati{LRM}",
        f"{LRM}[13/11/26, 12:01:00\u202fAM] Bu Sri: siap",
    ]
    export = parse_chat(lines)
    assert [(m.sent_at, m.sender, m.text) for m in export.messages] == [
        (datetime(2026, 11, 3, 20, 15, 2), "Pak Darto", "lampu mati"),
        (datetime(2026, 11, 13, 0, 1), "Bu Sri", "siap"),
    ]


@pytest.mark.parametrize(
    ("lines", "order", "reason"),
    [
        (["2026-11-03 08:15 - A: x", "2026-11-13 08:15 - A: y"], "ymd", "chat.order.year_first"),
        (["01/02/26 08.15 - A: x", "12/02/26 08.15 - A: y", "01/03/26 08.15 - A: z"], "dmy", "chat.order.sequence"),
        (["02/01/26 08.15 - A: x", "02/12/26 08.15 - A: y", "03/01/26 08.15 - A: z"], "mdy", "chat.order.sequence"),
        (["03/11/26 08.15 - A: x"], "dmy", "chat.order.indonesian"),
    ],
    ids=["year-first", "time-runs-forwards-day-first", "time-runs-forwards-month-first", "no-evidence"],
)
def test_the_date_order_follows_the_evidence(lines: list[str], order: str, reason: str) -> None:
    export = parse_chat(lines)
    assert (export.date_order, export.order_reason) == (order, reason)


def test_a_date_order_can_be_chosen_and_dates_that_do_not_fit_it_are_listed() -> None:
    export = parse_chat(["03/11/26 08.15 - A: x", "13/11/26 08.15 - A: y"], date_order="mdy")
    assert [m.sent_at for m in export.messages] == [datetime(2026, 3, 11, 8, 15)]
    assert [u.line for u in export.unreadable] == [2]


NOW = datetime(2026, 11, 29, 20, 0)


@pytest.mark.parametrize(
    ("pasted", "text", "sent_at", "sender"),
    [
        (
            "[03/11/26 08.15.02] Pak Darto: selokan depan rumah mampet lagi",
            "selokan depan rumah mampet lagi",
            datetime(2026, 11, 3, 8, 15, 2),
            "Pak Darto",
        ),
        (
            "03/11/26 08.15 - +62 812-3456-7890: lampu mati\nsudah seminggu",
            "lampu mati\nsudah seminggu",
            datetime(2026, 11, 3, 8, 15),
            "+62 812-3456-7890",
        ),
        ("[08.15, 3/11/2026] Bu Sri: sampah numpuk", "sampah numpuk", datetime(2026, 11, 3, 8, 15), "Bu Sri"),
        # 11/12/26 could be 11 December (future) or 12 November: the past reading is the one.
        ("[11/12/26 07.00.00] Bu Sri: air mati", "air mati", datetime(2026, 11, 12, 7, 0), "Bu Sri"),
        ("  selokan mampet lagi pak  ", "selokan mampet lagi pak", None, None),
    ],
)
def test_one_pasted_message_gives_its_text_time_and_sender(
    pasted: str, text: str, sent_at: datetime | None, sender: str | None
) -> None:
    message = parse_pasted(pasted, NOW)
    assert (message.text, message.sent_at, message.sender) == (text, sent_at, sender)
