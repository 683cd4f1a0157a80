"""Photos as they come from a phone: checked before they are decoded, then re-encoded into the stored form.

A photo is refused, with the file's name in the message, when it is too large a file, not a JPEG or PNG, has more
pixels than any phone takes (a decompression bomb: its header is read before a single pixel is), or is truncated.
Otherwise the orientation is applied (EXIF transpose), the GPS position is read, and `records.photos.encode_photo`
writes a new JPEG without any metadata. A GPS position outside Indonesia is not used, with a notice.

The pixels a file claims are checked by the one upload guard (`intake/guard.check_image`, the
KUTOREJO_IMAGE_MAX_PIXELS setting: 50 megapixels, the largest photos phones take); the file size here.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from PIL import ExifTags, Image, ImageCms, ImageOps

from kutorejo_data.core.coordinates import in_indonesia
from kutorejo_data.core.errors import ServiceError
from kutorejo_data.records.photos import LONGEST_SIDE, MAX_PHOTOS_PER_WRITE, PhotoFile, encode_photo

from .guard import UploadRefused, check_image

MAX_PHOTO_BYTES = 15 * 1024 * 1024
MAX_PHOTO_MEGABYTES = MAX_PHOTO_BYTES // (1024 * 1024)
ACCEPTED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG"}  # MPO: a JPEG with a depth map, as some phones save
UPLOAD_TYPES = ("jpg", "jpeg", "png")
_GPS_LATITUDE_REF, _GPS_LATITUDE, _GPS_LONGITUDE_REF, _GPS_LONGITUDE = 1, 2, 3, 4


@dataclass(frozen=True)
class Upload:
    """A file as the browser sent it: its name (for messages) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Notice:
    """Something about an accepted photo the user should know (i18n key and its values)."""

    key: str
    values: dict[str, object]


@dataclass(frozen=True)
class PreparedPhotos:
    """Photos ready to store, and the notices about them."""

    photos: tuple[PhotoFile, ...]
    notices: tuple[Notice, ...] = ()


def _refuse(key: str, upload: Upload, **values: object) -> ServiceError:
    return ServiceError(key, nama=upload.name or "foto", **values)


def _degrees(value: object) -> float:
    """Degrees from EXIF's (degrees, minutes, seconds) rationals."""
    if not isinstance(value, tuple | list) or len(value) != 3:
        raise ValueError("not a (d, m, s) triple")
    d, m, s = (float(Fraction(str(part)) if isinstance(part, str) else part) for part in value)
    return d + m / 60 + s / 3600


def gps_position(image: Image.Image) -> tuple[float, float] | None:
    """Latitude and longitude from the image's EXIF GPS block; None when it has none or it cannot be read."""
    try:
        gps = image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        lat = _degrees(gps[_GPS_LATITUDE]) * (-1 if str(gps.get(_GPS_LATITUDE_REF, "N")).upper().startswith("S") else 1)
        lon = _degrees(gps[_GPS_LONGITUDE]) * (
            -1 if str(gps.get(_GPS_LONGITUDE_REF, "E")).upper().startswith("W") else 1
        )
    except (KeyError, ValueError, TypeError, ZeroDivisionError, AttributeError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return round(lat, 6), round(lon, 6)


def _open(upload: Upload) -> Image.Image:
    """Open the file lazily (the header only) and check what it is and how many pixels it claims."""
    if len(upload.data) > MAX_PHOTO_BYTES:
        raise _refuse("error.photo_too_large", upload, mb=MAX_PHOTO_MEGABYTES)
    try:
        width, height, kind = check_image(upload.data)
    except UploadRefused as refused:
        too_many = refused.key.startswith("upload.refused.pixels")
        raise _refuse("error.photo_too_many_pixels" if too_many else "error.photo_not_image", upload) from None
    if kind not in ACCEPTED_FORMATS:
        raise _refuse("error.photo_format", upload, format=kind)
    if width < 1 or height < 1:
        raise _refuse("error.photo_not_image", upload)
    with warnings.catch_warnings():  # the guard has held the pixels to the app's limit; Pillow's own is lower
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(upload.data))


def _to_srgb(image: Image.Image) -> Image.Image:
    """Colours as the phone meant them: an embedded colour profile (e.g. Display P3) converted to sRGB, then dropped."""
    profile = image.info.get("icc_profile")
    if not profile or image.mode not in ("RGB", "RGBA"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: keep the pixels as they are
    return converted if converted is not None else image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: a transparent PNG (a screenshot, a scan) must not turn black in a JPEG."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGB", rgba.size, (255, 255, 255))
        white.paste(rgba, mask=rgba.getchannel("A"))
        return white
    return image.convert("RGB")


def prepare_photo(upload: Upload) -> tuple[PhotoFile, tuple[Notice, ...]]:
    """One upload in its stored form, and its notices; raises ServiceError (naming the file) when it is refused."""
    image = _open(upload)
    if ACCEPTED_FORMATS[image.format or ""] == "JPEG":
        # Decode at a reduced scale when the JPEG is far larger than what is kept (much less memory and time).
        ratio = LONGEST_SIDE / max(image.size)
        if ratio < 1:
            image.draft("RGB", (max(1, int(image.width * ratio)), max(1, int(image.height * ratio))))
    gps = gps_position(image)
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _refuse("error.photo_damaged", upload) from None
    notices: list[Notice] = []
    if gps is not None and not in_indonesia(*gps):
        notices.append(Notice("photo.gps_outside", {"nama": upload.name, "lat": gps[0], "lon": gps[1]}))
        gps = None
    return encode_photo(_flatten(_to_srgb(upright)), gps), tuple(notices)


def prepare_photos(uploads: Sequence[Upload]) -> PreparedPhotos:
    """Every upload of one form in its stored form; the first refusal stops them all (nothing is saved half)."""
    if len(uploads) > MAX_PHOTOS_PER_WRITE:
        raise ServiceError("error.photo_too_many", n=len(uploads), max=MAX_PHOTOS_PER_WRITE)
    photos: list[PhotoFile] = []
    notices: list[Notice] = []
    for upload in uploads:
        photo, more = prepare_photo(upload)
        photos.append(photo)
        notices.extend(more)
    return PreparedPhotos(tuple(photos), tuple(notices))
