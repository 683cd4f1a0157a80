"""Photo files made on the fly for the tests: a phone photo with GPS, and every kind of bad upload."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import ExifTags, Image, ImageDraw

from kutorejo_data.intake.photos import Upload

# Kutorejo, Pandaan: 7°39'04.3"S 112°40'55.0"E ≈ -7.651194, 112.681944
KUTOREJO_GPS = {1: "S", 2: (7.0, 39.0, 4.3), 3: "E", 4: (112.0, 40.0, 55.0)}
KUTOREJO_LAT_LON = (-7.651194, 112.681944)
LONDON_GPS = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}


def scene(width: int = 2400, height: int = 1800, colour: tuple[int, int, int] = (110, 90, 70)) -> Image.Image:
    """A picture with some structure (so JPEG sizes are realistic rather than a flat colour's)."""
    image = Image.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    for i in range(0, width, max(1, width // 40)):
        draw.line([(i, 0), (width - i, height)], fill=((i * 7) % 255, (i * 3) % 255, 180), width=3)
    draw.ellipse([width // 4, height // 4, width // 2, height // 2], fill=(30, 160, 60))
    return image


def jpeg(
    image: Image.Image | None = None,
    *,
    gps: dict | None = None,
    orientation: int | None = None,
    quality: int = 90,
) -> bytes:
    """A JPEG as a phone writes it: EXIF with the camera's make and model, optionally a position and rotation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "UjiPhone"
    exif[ExifTags.Base.Model] = "Kamera 12"
    exif[ExifTags.Base.DateTimeOriginal] = "2026:12:07 08:00:00"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        exif[ExifTags.IFD.GPSInfo] = gps
    buffer = io.BytesIO()
    (image or scene()).save(buffer, "JPEG", exif=exif, quality=quality)
    return buffer.getvalue()


def png(image: Image.Image | None = None) -> bytes:
    """A PNG (e.g. a screenshot), with a text chunk that must not survive."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Pak RT")
    buffer = io.BytesIO()
    (image or scene(800, 600)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def gif() -> bytes:
    """A GIF: an image, but not a photo format the dashboard keeps."""
    buffer = io.BytesIO()
    scene(64, 48).convert("P").save(buffer, "GIF")
    return buffer.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(side: int = 30_000) -> bytes:
    """A valid 1-bit PNG of side × side white pixels: a few dozen KB that would decode to 900 million pixels."""
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", body) + _chunk(b"IEND", b"")


def truncated_jpeg() -> bytes:
    """A phone photo cut off halfway (an upload that broke off)."""
    whole = jpeg()
    return whole[: len(whole) // 2]


def upload(name: str, data: bytes) -> Upload:
    """An upload as the form hands it over."""
    return Upload(name, data)
