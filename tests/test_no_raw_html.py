"""No user-entered text can become HTML: the code never renders raw HTML at all."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# st.html is allowed only with a module constant (a fixed stylesheet, or the fixed script that asks the server for the
# login cookie), never with a value built at run time.
RAW_HTML = re.compile(
    r"unsafe_allow_html\s*=\s*True"
    r"|\bst\.html\((?![A-Z][A-Z0-9_]*(?:\)|, unsafe_allow_javascript=True\)))"
    r"|components\.v1\.html\("
)


def test_no_page_or_module_renders_raw_html() -> None:
    sources = [*ROOT.glob("app.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("kutorejo_data/**/*.py")]
    offenders = [str(path.relative_to(ROOT)) for path in sources if RAW_HTML.search(path.read_text(encoding="utf-8"))]
    assert sources and offenders == []
