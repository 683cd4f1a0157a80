"""Static tables (st.table) for a few rows read at a glance: plain HTML, far lighter to draw than st.dataframe.

st.table renders Markdown in every cell and header, so every cell is escaped text, except the links the app makes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import streamlit as st

from .text import escape_markdown


def markdown_link(label: str, url: str) -> str:
    """A cell that links to `url` (a path the app made), showing `label` as text."""
    return f"[{escape_markdown(label)}]({url})"


def text_cell(value: object) -> str:
    """A value as one line of text that st.table shows as it is (an empty value as a dash)."""
    return escape_markdown(" ".join(str(value).split()) if value is not None else "") or "—"


def render_text_table(columns: Mapping[str, Sequence[object]], *, link_columns: Collection[str] = ()) -> None:
    """A static table of text under its column names, one line per cell; `link_columns` hold markdown_link cells."""
    shown = {
        text_cell(name): [str(value) if name in link_columns else text_cell(value) for value in values]
        for name, values in columns.items()
    }
    st.table(shown, border="horizontal")
