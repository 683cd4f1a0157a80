"""Showing user-entered text as text: never HTML, never Markdown."""

from __future__ import annotations

import re

# Every character Markdown (and Streamlit's extensions: LaTeX `$`, colour `:red[...]`) could give meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def escape_markdown(text: str | None) -> str:
    """User text made safe for st.markdown/st.caption: every special character is backslash-escaped."""
    if not text:
        return ""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", "  \n")
