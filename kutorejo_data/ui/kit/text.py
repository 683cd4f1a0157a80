"""Showing user-entered text as text: never HTML, never Markdown. The one escaper for everything st.markdown shows."""

from __future__ import annotations

import re

# CommonMark lets a backslash escape any ASCII punctuation; escaping them all leaves no Markdown, HTML, LaTeX (`$`)
# or Streamlit directive (`:red[...]`) active, whatever a report title holds.
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: object) -> str:
    """User text made safe for st.markdown, st.caption and message boxes: every punctuation mark is escaped and
    line breaks are kept."""
    if text is None or text == "":
        return ""
    return _ASCII_PUNCTUATION.sub(r"\\\1", str(text)).replace("\n", "  \n")
