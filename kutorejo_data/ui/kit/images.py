"""Photos as the browser takes them in a table cell: a small JPEG as a `data:` URL."""

from __future__ import annotations

import base64
import io

from PIL import Image

LIST_THUMBNAIL_SIDE = 96  # a list row is about 35 px high; twice that for sharp screens, and no more


def jpeg_data_url(jpeg: bytes, side: int = LIST_THUMBNAIL_SIDE) -> str:
    """The JPEG made at most `side` px and written as a data URL (an image column shows these without a request)."""
    with Image.open(io.BytesIO(jpeg)) as image:
        image.thumbnail((side, side))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=70)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
