"""Drive one page of the app in Streamlit's AppTest, as a reader would: open it, type, press a button."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.signin import open_signed_in

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_page(monkeypatch: pytest.MonkeyPatch, db_url: str, page: str, lang: str = "id", **params: str) -> AppTest:
    """Run the app on a database and switch to `pages/{page}.py`, with the given query parameters."""
    at = open_signed_in(monkeypatch, db_url, f"pages/{page}.py", lang=lang, **params)
    assert not at.exception, at.exception
    return at


def click(at: AppTest, label: str, form: str | None = None) -> AppTest:
    """Press the button with this label (the submit button of `form` when several share it) and run the app."""
    return (
        next(
            button
            for button in at.button
            if button.label == label and (form is None or button.key.startswith(f"FormSubmitter:{form}-"))
        )
        .click()
        .run()
    )
