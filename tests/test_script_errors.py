"""Anything unforeseen shows a short message with an error number, and the log has the same number and the cause."""

from __future__ import annotations

import logging
import re

from streamlit.testing.v1 import AppTest


def _broken_page() -> None:
    from kutorejo_data.ui.frame.script_errors import on_script_error

    try:
        raise RuntimeError("rahasia di pesan kesalahan")
    except RuntimeError as error:
        on_script_error(error)


def test_an_unforeseen_error_shows_a_number_that_the_log_also_has(caplog) -> None:
    with caplog.at_level(logging.ERROR, logger="kutorejo_data.ui"):
        app = AppTest.from_function(_broken_page).run()
    [message] = [e.value for e in app.error]
    number = re.search(r"\*\*(E-[0-9A-F]{6})\*\*", message)
    assert number is not None and "muat ulang" in message
    assert "rahasia" not in message and "Traceback" not in message  # nothing of the cause reaches the reader
    [record] = [r for r in caplog.records if number.group(1) in r.getMessage()]
    assert record.exc_info is not None and "rahasia di pesan kesalahan" in str(record.exc_info[1])
