"""Drive one page of the app in Streamlit's AppTest, as a reader would: open it, type, press a button."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(monkeypatch: pytest.MonkeyPatch, db_url: str, page: str, lang: str = "id", **params: str) -> AppTest:
    """Run the app on a database and switch to `pages/{page}.py`, with the given query parameters."""
    monkeypatch.setenv("KUTOREJO_DATABASE_URL", db_url)
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["app_lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(f"pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, label: str, form: str | None = None) -> AppTest:
    """Press the button with this label (the submit button of `form` when several share it) and run the app."""
    return next(
        button
        for button in at.button
        if button.label == label and (form is None or button.key.startswith(f"FormSubmitter:{form}-"))
    ).click().run()
