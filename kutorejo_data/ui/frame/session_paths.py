"""Where the server's own HTTP routes live (the page's scripts post there; session_routes.py answers)."""

from __future__ import annotations

SIGN_IN_PATH = "/sesi/masuk"  # POST a one-time code: the answer sets the HttpOnly login cookie
SIGN_OUT_PATH = "/sesi/keluar"  # POST: the answer clears it (and ends the session it named)
