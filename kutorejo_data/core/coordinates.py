"""Coordinates as people paste them (`-7.65, 112.68`, a Google Maps or OpenStreetMap link, a `geo:` URI), and
whether a point lies in Indonesia (a phone's GPS that says otherwise is wrong, or the photo was taken elsewhere)."""

from __future__ import annotations

import math
import re
from urllib.parse import parse_qs, unquote, urlsplit

from .errors import ValidationError

# Indonesia from Sabang to Merauke and from Miangas to Rote, with a margin: a rough box, enough to catch a phone
# that was abroad, a GPS that reported 0,0, or latitude and longitude swapped.
INDONESIA_LAT = (-11.5, 6.5)
INDONESIA_LON = (94.5, 141.5)

_NUMBER = r"-?\d{1,3}(?:[.,]\d+)?"
PLAIN_PATTERN = re.compile(rf"^\s*(?P<lat>{_NUMBER})\s*[,;\s]\s*(?P<lon>{_NUMBER})\s*$")
# In a link the decimal mark is always a point and the pair is separated by a comma.
_LINK_PAIR = r"(?P<lat>-?\d{1,3}(?:\.\d+)?),\s*(?P<lon>-?\d{1,3}(?:\.\d+)?)"
# Google Maps: `!3d<lat>!4d<lon>` is the place itself; `@<lat>,<lon>,17z` is where the map was looking.
_GOOGLE_PLACE = re.compile(r"!3d(?P<lat>-?\d{1,3}(?:\.\d+)?)!4d(?P<lon>-?\d{1,3}(?:\.\d+)?)")
_GOOGLE_VIEW = re.compile(rf"@{_LINK_PAIR}")
_OSM_VIEW = re.compile(r"map=\d+(?:\.\d+)?/(?P<lat>-?\d{1,3}(?:\.\d+)?)/(?P<lon>-?\d{1,3}(?:\.\d+)?)")
_PAIR_AT_START = re.compile(rf"^\s*{_LINK_PAIR}")
# Query parameters of map links that carry a "lat,lon" pair.
_PAIR_PARAMETERS = ("q", "query", "ll", "destination", "daddr", "center", "sll")
# Shortened links (maps.app.goo.gl, goo.gl/maps) only redirect; the coordinates are behind a request we do not make.
_SHORT_LINK_HOSTS = ("goo.gl", "maps.app.goo.gl", "g.co")


def _pair(lat: str, lon: str) -> tuple[float, float] | None:
    values = float(lat.replace(",", ".")), float(lon.replace(",", "."))
    return values if all(math.isfinite(v) for v in values) else None


def _from_match(match: re.Match[str] | None) -> tuple[float, float] | None:
    return None if match is None else _pair(match["lat"], match["lon"])


def _from_geo_uri(text: str) -> tuple[float, float] | None:
    """`geo:-7.65,112.68`, `geo:-7.65,112.68;u=35?z=17`, or `geo:0,0?q=-7.65,112.68(Balai RW)`."""
    body = text[len("geo:") :]
    path, _, query = body.partition("?")
    asked = parse_qs(query).get("q", [""])[0]
    found = _from_match(_PAIR_AT_START.match(unquote(asked)))
    return found or _from_match(_PAIR_AT_START.match(path.split(";")[0]))


def _from_link(text: str) -> tuple[float, float] | None:
    """The coordinates of a map link, the place before the view; None when the link carries none."""
    if text.lower().startswith("geo:"):
        return _from_geo_uri(text)
    parts = urlsplit(text if "://" in text else f"https://{text}")
    params = parse_qs(parts.query)
    full = unquote(text)
    if "mlat" in params and "mlon" in params:
        return _pair(params["mlat"][0], params["mlon"][0])
    found = _from_match(_GOOGLE_PLACE.search(full))
    for name in _PAIR_PARAMETERS:
        if found is None and name in params:
            found = _from_match(_PAIR_AT_START.match(params[name][0]))
    return found or _from_match(_GOOGLE_VIEW.search(full)) or _from_match(_OSM_VIEW.search(full))


def is_short_map_link(text: str) -> bool:
    """True for a shortened map link, which only a request to its server could expand."""
    host = urlsplit(text.strip() if "://" in text else f"https://{text.strip()}").hostname or ""
    return any(host == short or host.endswith(f".{short}") for short in _SHORT_LINK_HOSTS)


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """Latitude and longitude from `-7.6453, 112.6834` (decimal commas too), a Google Maps link (`?q=`, `/@lat,lon,`,
    `!3d…!4d…`), an OpenStreetMap link or a `geo:` URI.

    None for an empty text; raises ValidationError on the `lat` field when the text holds no coordinates.
    """
    text = text.strip()
    if not text:
        return None
    found = _from_match(PLAIN_PATTERN.match(text))
    if found is None and not is_short_map_link(text):
        found = _from_link(text)
    if found is None:
        key = "error.coordinates_short_link" if is_short_map_link(text) else "error.coordinates_format"
        raise ValidationError({"lat": key})
    return found


def in_indonesia(lat: float, lon: float) -> bool:
    """True when the point lies inside the (generous) box around Indonesia."""
    return INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1] and INDONESIA_LON[0] <= lon <= INDONESIA_LON[1]
