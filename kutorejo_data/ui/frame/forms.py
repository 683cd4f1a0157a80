"""Data-entry plumbing shared by the forms: run a write from a callback, then show its outcome field by field.

A form's outcome lives in session state under its prefix: `{prefix}_errors` (field → message key),
`{prefix}_failure` and `{prefix}_success` (message key and values), so the rerun after the callback shows it
next to the fields while the widgets keep what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.errors import ServiceError, ValidationError
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.ui.kit.text import escape_markdown

from .data import invalidate_cached_reads

Message = tuple[str, dict[str, object]]  # i18n key and its values


def _display(name: str, value: object, lang: str) -> str:
    """A message value in the reader's language: statuses by their label, counts with grouping, text as typed."""
    if name in ("dari", "ke") and value in domain.STATUSES:
        return t(f"status.{value}", lang)
    if isinstance(value, int) and name != "nomor":
        return fmt_int(value, lang)
    return escape_markdown(str(value))


def message_text(message: Message, lang: str) -> str:
    """The text of a stored message."""
    key, values = message
    return t(key, lang, **{name: _display(name, value, lang) for name, value in values.items()})


OUTCOME_SUFFIXES = ("errors", "failure", "success")


def _forget_page_outcomes(prefix: str) -> None:
    """One outcome per page at a time: a new submission replaces the messages of the page's other forms."""
    page = prefix.split("_", 1)[0]
    state = st.session_state
    for key in [k for k in state if k.startswith(f"{page}_") and k.rsplit("_", 1)[-1] in OUTCOME_SUFFIXES]:
        del state[key]


def run_write(prefix: str, write: Callable[[], Message]) -> bool:
    """Run a write from a form callback and store its outcome; clears cached reads when it succeeded."""
    state = st.session_state
    _forget_page_outcomes(prefix)
    try:
        success = write()
    except ValidationError as invalid:
        state[f"{prefix}_errors"] = dict(invalid.fields)
        return False
    except ServiceError as refused:
        state[f"{prefix}_failure"] = (refused.key, dict(refused.values))
        return False
    state[f"{prefix}_success"] = success
    invalidate_cached_reads()
    return True


def write_on_click(prefix: str, write: Callable[[], Message]) -> Callable[[], None]:
    """A button's on_click that runs `write` as run_write does."""

    def callback() -> None:
        run_write(prefix, write)

    return callback


def errors_of(prefix: str) -> Mapping[str, str]:
    """Field → message key from the form's last submission."""
    return st.session_state.get(f"{prefix}_errors") or {}


def render_outcome(prefix: str, lang: str) -> Message | None:
    """Show the last submission's success, refusal or "check the marked fields"; returns the success message."""
    state = st.session_state
    success: Message | None = state.get(f"{prefix}_success")
    if success:
        st.success(message_text(success, lang), icon=":material/check_circle:")
    failure: Message | None = state.get(f"{prefix}_failure")
    if failure:
        st.error(message_text(failure, lang), icon=":material/block:")
    if errors_of(prefix):
        st.error(t("error.form_invalid", lang), icon=":material/error:")
    return success


def field_error(prefix: str, field: str, lang: str) -> None:
    """The message for one field, right under it, when the last submission found it invalid."""
    key = errors_of(prefix).get(field)
    if key:
        st.error(t(key, lang), icon=":material/arrow_upward:")


def clear_outcome(prefix: str) -> None:
    """Forget the last submission's outcome (the reader moved on to something else)."""
    for suffix in OUTCOME_SUFFIXES:
        st.session_state.pop(f"{prefix}_{suffix}", None)
