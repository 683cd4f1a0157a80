"""Notices about the opened link, shown where a phone reader sees them first: above the filters, under the title."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from kutorejo_data.core.i18n import t
from kutorejo_data.ui.kit.text import escape_markdown

from .url_params import Notice


def notice_text(notice: Notice, lang: str) -> str:
    """The notice in words; the link's value is quoted as text, never as Markdown."""
    return t(notice.key, lang, value=escape_markdown(notice.value), param=notice.param)


def render_notices(notices: Iterable[Notice], lang: str) -> None:
    """One warning per notice, in the order the link's parameters were read."""
    for notice in notices:
        st.warning(notice_text(notice, lang), icon=":material/link_off:")
