"""House rules `make lint` checks beyond the import contracts: pages and app.py reach the package only through ui."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = sorted([ROOT / "app.py", ROOT / "serve.py", *(ROOT / "pages").glob("*.py")])


def _imported_modules(path: Path) -> list[str]:
    modules = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            modules.append(node.module or "")
        elif isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
    return modules


@pytest.mark.parametrize("path", ENTRY_POINTS, ids=lambda p: p.name)
def test_pages_and_the_router_import_only_streamlit_and_kutorejo_data_ui(path: Path) -> None:
    outside = [
        module
        for module in _imported_modules(path)
        if module.split(".")[0] != "streamlit"
        and not (module == "kutorejo_data.ui" or module.startswith("kutorejo_data.ui."))
    ]
    assert outside == [], f"{path.name} imports {outside}: go through kutorejo_data.ui"


def test_every_subpackage_says_what_it_holds_and_may_import() -> None:
    for init in (ROOT / "kutorejo_data").rglob("__init__.py"):
        if "migrations" in init.parts or init.parent.name == "kutorejo_data":
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import" in doc, f"{init.relative_to(ROOT)} must say what it holds and what it may import"
