"""The login cookie's value: the session token signed (and time-stamped) with itsdangerous."""

from __future__ import annotations

from datetime import timedelta

from itsdangerous import BadSignature, URLSafeTimedSerializer

COOKIE_NAME = "kutorejo_sesi"
# A salt per purpose: a value signed for anything else with the same key is not a valid login cookie.
_SALT = "kutorejo.login-cookie"


def sign_token(token: str, secret: str) -> str:
    """The cookie value for a session token."""
    return URLSafeTimedSerializer(secret, salt=_SALT).dumps(token)


def token_from_cookie(value: str, secret: str, max_age: timedelta) -> str | None:
    """The session token in a cookie value, or None when the value is forged, damaged or older than max_age."""
    try:
        token = URLSafeTimedSerializer(secret, salt=_SALT).loads(value, max_age=int(max_age.total_seconds()))
    except BadSignature:  # also covers SignatureExpired
        return None
    return token if isinstance(token, str) else None
