"""The one way to type a report number: a text box read with the domain's rule, so a wrong entry gets a message in
the reader's language instead of Streamlit's English range error (a number input's own) or a database overflow."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kutorejo_data.core.domain import MAX_REPORT_NUMBER, parse_report_number
from kutorejo_data.core.i18n import t

# Enough for the largest number and a leading '#'; a longer entry is not a number worth reading.
MAX_CHARS = len(str(MAX_REPORT_NUMBER)) + 1


def report_number_input(
    label: str, key: str, *, placeholder: str = "#", on_change: Callable[[], None] | None = None
) -> str:
    """A text box for a report number; returns what is typed (read it with `typed_report_number`)."""
    return st.text_input(label, key=key, max_chars=MAX_CHARS, placeholder=placeholder, on_change=on_change)


def typed_report_number(text: str | None) -> int | None:
    """The number typed, or None when the box is empty or holds anything but a report number."""
    return parse_report_number(text)


def is_invalid_number(text: str | None) -> bool:
    """Something is typed, and it is not a report number."""
    return bool((text or "").strip()) and parse_report_number(text) is None


def render_number_error(lang: str) -> None:
    """The message under a box holding something that is not a report number."""
    st.error(t("error.report_number_invalid", lang), icon=":material/error:")
