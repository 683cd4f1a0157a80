"""What a reader sees when something unforeseen breaks a page: a short message with an error number, never a
traceback. The same number is in the server log with the traceback, so the office can find it when told."""

from __future__ import annotations

import logging
import secrets

import streamlit as st

from kutorejo_data.core.i18n import t

from .context import current_lang

LOGGER = logging.getLogger("kutorejo_data.ui")


def error_number() -> str:
    """A short number to read out over the phone: `E-` and six characters, unique enough to find in a log."""
    return "E-" + secrets.token_hex(3).upper()


def on_script_error(error: Exception) -> bool:
    """st.App's `on_script_error`: log the traceback under a number, show that number; True hides the traceback."""
    number = error_number()
    LOGGER.error("kesalahan %s: %s", number, type(error).__name__, exc_info=error)
    try:
        lang = current_lang()
    except Exception:  # the session itself may be what broke; the message must still reach the reader
        lang = "id"
    st.error(t("app.unexpected_error", lang, nomor=number), icon=":material/error:")
    return True
