"""The one guard every upload passes before a parser sees it: archives, images and sheets are checked against limits.

A small upload can stand for a huge one: an XLSX is a ZIP archive, and a 1.5 MB archive can unpack to 1.5 GiB (a
"zip bomb"); a few kilobytes of PNG can declare a picture of a billion pixels. Parsing such a file costs minutes and
gigabytes, so its declared sizes are checked first, in milliseconds:

- ZIP-based uploads (XLSX; WhatsApp chat exports with their media, to larger limits): the number of parts, each part's
  unpacked size, the whole archive's unpacked size, and each large part's compression ratio; XML parts may not declare a
  DTD (entity expansion is the XML form of the same bomb). The sizes an archive declares are what Python's zipfile
  unpacks at most (it stops there and fails the CRC check of a part that would run longer), so checking them bounds the
  time and memory of every reader built on zipfile (openpyxl is).
- Images: the width × height in the header, read without decoding a pixel (Pillow opens lazily).
- Sheets: the data rows and columns, counted by the readers as they stream (intake/reading.py).

Every limit is a setting with a default (`KUTOREJO_UPLOAD_*`, `KUTOREJO_IMAGE_MAX_PIXELS`, `KUTOREJO_IMPORT_MAX_*`,
in the README). A refusal is an UploadRefused with an i18n key: nothing is parsed and nothing is written.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

MB = 1024 * 1024
# Small parts compress extremely well when they are mostly markup (an empty sheet, styles): only parts at least this
# large are held to the ratio limit, so no real workbook trips it and no bomb gets past the size limits.
RATIO_FLOOR = MB
# An XML declaration, a BOM and comments fit in this; a DTD would have to appear before the root element.
XML_HEAD_BYTES = 2048


@dataclass(frozen=True)
class Setting:
    """One limit: its environment variable and its default."""

    env: str
    default: int


MAX_UNPACKED_MB = Setting("KUTOREJO_UPLOAD_MAX_UNPACKED_MB", 300)
MAX_PART_MB = Setting("KUTOREJO_UPLOAD_MAX_PART_MB", 100)
MAX_RATIO = Setting("KUTOREJO_UPLOAD_MAX_RATIO", 100)
MAX_PARTS = Setting("KUTOREJO_UPLOAD_MAX_PARTS", 1000)
MAX_PIXELS = Setting("KUTOREJO_IMAGE_MAX_PIXELS", 50_000_000)
MAX_ROWS = Setting("KUTOREJO_IMPORT_MAX_ROWS", 100_000)
MAX_COLUMNS = Setting("KUTOREJO_IMPORT_MAX_COLUMNS", 200)


@dataclass(frozen=True)
class Limits:
    """The limits an upload is held to (bytes, a ratio, counts)."""

    max_unpacked: int = MAX_UNPACKED_MB.default * MB
    max_part: int = MAX_PART_MB.default * MB
    max_ratio: int = MAX_RATIO.default
    max_parts: int = MAX_PARTS.default
    max_pixels: int = MAX_PIXELS.default
    max_rows: int = MAX_ROWS.default
    max_columns: int = MAX_COLUMNS.default


class UploadRefused(Exception):
    """An upload is refused before it is parsed; `key` is the i18n message key, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def _setting(setting: Setting) -> int:
    raw = os.environ.get(setting.env, "").strip()
    if not raw:
        return setting.default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{setting.env} must be a whole number, not {raw!r}") from None
    if value < 1:
        raise ValueError(f"{setting.env} must be at least 1, not {value}")
    return value


def upload_limits() -> Limits:
    """The limits in force: each from its environment variable, or its default."""
    return Limits(
        max_unpacked=_setting(MAX_UNPACKED_MB) * MB,
        max_part=_setting(MAX_PART_MB) * MB,
        max_ratio=_setting(MAX_RATIO),
        max_parts=_setting(MAX_PARTS),
        max_pixels=_setting(MAX_PIXELS),
        max_rows=_setting(MAX_ROWS),
        max_columns=_setting(MAX_COLUMNS),
    )


def _mb(size: int) -> str:
    return f"{size / MB:,.0f}".replace(",", ".")


def check_archive(data: bytes, limits: Limits | None = None) -> None:
    """Refuse a ZIP-based upload that would unpack too large, too far, into too many parts, or declare a DTD."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))  # reads the central directory only
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UploadRefused("upload.refused.broken_archive") from None
    with archive:
        check_zip(archive, limits or upload_limits())


def check_zip(archive: zipfile.ZipFile, limits: Limits) -> None:
    """`check_archive` for an archive already opened (a chat export is read from a file, not from bytes)."""
    parts = archive.infolist()
    if len(parts) > limits.max_parts:
        raise UploadRefused("upload.refused.too_many_parts", parts=len(parts), limit=limits.max_parts)
    total = 0
    for part in parts:
        if part.file_size > limits.max_part:
            raise UploadRefused(
                "upload.refused.part_too_large",
                part=part.filename,
                size=_mb(part.file_size),
                limit=_mb(limits.max_part),
            )
        if part.file_size >= RATIO_FLOOR and part.file_size > limits.max_ratio * max(part.compress_size, 1):
            ratio = part.file_size // max(part.compress_size, 1)
            raise UploadRefused("upload.refused.ratio", part=part.filename, ratio=ratio, limit=limits.max_ratio)
        total += part.file_size
        if total > limits.max_unpacked:
            raise UploadRefused("upload.refused.unpacked_too_large", limit=_mb(limits.max_unpacked))
    for part in parts:
        if part.filename.endswith((".xml", ".rels")) and _declares_dtd(archive, part):
            raise UploadRefused("upload.refused.dtd", part=part.filename)


def _declares_dtd(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether an XML part declares a DTD or entities; only its first XML_HEAD_BYTES are unpacked."""
    try:
        with archive.open(part) as stream:
            head = stream.read(XML_HEAD_BYTES)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        raise UploadRefused("upload.refused.broken_archive") from None
    # UTF-16 XML (allowed, never written by Office) would hide the markers from a byte search: look in both.
    text = head.replace(b"\x00", b"").upper()
    return b"<!DOCTYPE" in text or b"<!ENTITY" in text


def check_image(data: bytes, limits: Limits | None = None) -> tuple[int, int, str]:
    """The (width, height, format) of an image whose header is readable and whose pixels are within the limit.

    Nothing is decoded: Pillow reads the header only, until a caller asks for the pixels. Pillow's own bomb check
    (`Image.MAX_IMAGE_PIXELS`: a warning above it, an error above twice it) still runs; this check, with the app's
    limit, comes on top.
    """
    limits = limits or upload_limits()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height, kind = image.width, image.height, image.format or "?"
    except Image.DecompressionBombError:
        raise UploadRefused("upload.refused.pixels_over", limit=round(limits.max_pixels / 1_000_000)) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise UploadRefused("upload.refused.not_image") from None
    if width * height > limits.max_pixels:
        raise UploadRefused(
            "upload.refused.pixels",
            width=width,
            height=height,
            megapixels=round(width * height / 1_000_000),
            limit=round(limits.max_pixels / 1_000_000),
        )
    return width, height, kind


def check_rows(rows: int, limits: Limits | None = None) -> None:
    """Refuse a sheet as soon as its data rows pass the limit (the readers call this as they stream)."""
    limits = limits or upload_limits()
    if rows > limits.max_rows:
        raise UploadRefused("import.refused.too_many_rows", limit=f"{limits.max_rows:,}".replace(",", "."))


def check_columns(columns: int, limits: Limits | None = None) -> None:
    """Refuse a sheet whose row holds more filled columns than the limit."""
    limits = limits or upload_limits()
    if columns > limits.max_columns:
        raise UploadRefused("import.refused.too_many_columns", columns=columns, limit=limits.max_columns)
