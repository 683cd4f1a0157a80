"""Status update of one report: find it by number, see where it stands, move it to an allowed next status.

The version shown is the version the change names, so a change someone else made in between is refused
with "changed meanwhile" instead of being overwritten. Report text is shown with st.text, never as Markdown.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.errors import ValidationError
from kutorejo_data.core.formatting import fmt_date, fmt_datetime, fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.report_lookup import ReportCard, find_report
from kutorejo_data.records.report_writes import StatusChange, change_status, note_required
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, clear_outcome, field_error, render_outcome, run_write
from kutorejo_data.ui.kit.links import render_report_link
from kutorejo_data.ui.kit.report_number import (
    is_invalid_number,
    render_number_error,
    report_number_input,
    typed_report_number,
)

from . import photo_input

PREFIX = "lapor_status"
DETAIL_KEYS = ("ke", "catatan", "penanganan", "penanganan_nama", "duplikat_dari", "foto_publik")


def _key(name: str) -> str:
    return f"{PREFIX}_{name}"


def _status(status: str | None, lang: str) -> str:
    return t(f"status.{status}", lang) if status else "—"


def _handler(level: str | None, name: str | None, lang: str) -> str:
    if level is None:
        return t("lapor.handler_none", lang)
    label = t(f"penanganan.{level}", lang)
    return f"{label} · {name}" if name else label


def _history_frame(card: ReportCard, lang: str) -> pd.DataFrame:
    """The latest history rows as plain text cells (a table never renders Markdown or HTML)."""
    return pd.DataFrame(
        {
            t("lapor.history_when", lang): [fmt_datetime(e.changed_at, lang) for e in card.history],
            t("lapor.history_change", lang): [
                f"{_status(e.from_status, lang)} → {_status(e.to_status, lang)}" for e in card.history
            ],
            t("lapor.history_by", lang): [e.changed_by for e in card.history],
            t("lapor.history_note", lang): [e.note for e in card.history],
        }
    )


def render_card(card: ReportCard, lang: str) -> None:
    """Number, title, area, category, status, handler and the latest history of a report."""
    st.subheader(t("lapor.card_title", lang, nomor=card.nomor))
    st.text(card.judul)
    where = [
        f"RW {card.rw} · RT {card.rt}",
        category_label(card.kategori_slug, card.kategori_nama, lang),
        fmt_date(card.reported_at.date(), lang),
    ]
    if card.lokasi:
        where.insert(1, card.lokasi)
    st.text(" · ".join(where))
    st.markdown(f"{t('lapor.current_status', lang)}: **{_status(card.status, lang)}**")
    st.text(f"{t('lapor.handler', lang)}: {_handler(card.penanganan, card.penanganan_nama, lang)}")
    if card.duplikat_dari_id is not None:
        st.caption(t("lapor.duplicate_of", lang, nomor=card.duplikat_dari_id))
    st.caption(
        t(
            "lapor.history_summary",
            lang,
            shown=fmt_int(len(card.history), lang),
            total=fmt_int(card.history_count, lang),
        )
    )
    st.dataframe(_history_frame(card, lang), hide_index=True, width="stretch")


def _submit(ctx: AppContext) -> None:
    state = st.session_state
    nomor, version = state[_key("shown")]
    original = state.get(_key("duplikat_dari"))
    resolving = state[_key("ke")] == domain.STATUS_SELESAI
    change = StatusChange(
        laporan_id=nomor,
        to_status=state[_key("ke")],
        expected_version=version,
        note=state[_key("catatan")],
        penanganan=state[_key("penanganan")],
        penanganan_nama=state[_key("penanganan_nama")],
        duplikat_dari_id=typed_report_number(original),
        foto_publik=resolving and bool(state.get(_key("foto_publik"))),
    )

    def write() -> Message:
        if change.to_status == domain.STATUS_DUPLIKAT and is_invalid_number(original):
            raise ValidationError({"duplikat_dari_id": "error.report_number_invalid"})
        prepared = photo_input.prepare(PREFIX) if resolving else None
        photos = prepared.photos if prepared else ()
        change_status(engine_for(ctx.db_url), replace(change, photos=photos), actor=ctx.actor, scope=ctx.scope)
        if prepared is not None:
            photo_input.saved(PREFIX, prepared, coordinates_typed=True)
        return "lapor.status_changed", {"nomor": nomor, "ke": change.to_status}

    if run_write(PREFIX, write):
        state[_key("catatan")] = ""
        state[_key("duplikat_dari")] = ""
        state.pop(_key("ke"), None)
        state.pop(_key("foto_publik"), None)


def _forget_details() -> None:
    """Another report was chosen: its form starts empty, and the last outcome is no longer about it."""
    for name in DETAIL_KEYS:
        st.session_state.pop(_key(name), None)
    clear_outcome(PREFIX)


def render_status_update(ctx: AppContext, requested: int | None = None) -> None:
    """Find a report by number (or the one the link names) and change its status."""
    lang = ctx.lang
    state = st.session_state
    if requested is not None and state.get(_key("link")) != requested:
        # A link (e.g. from the Masalah list) names a report: open it, once, without overriding later choices.
        state[_key("link")] = requested
        state[_key("nomor")] = str(requested)
        _forget_details()
    typed = report_number_input(
        t("lapor.find_number", lang),
        _key("nomor"),
        placeholder=t("lapor.find_placeholder", lang),
        on_change=_forget_details,
    )
    success = render_outcome(PREFIX, lang)
    if is_invalid_number(typed):
        render_number_error(lang)
        return
    nomor = typed_report_number(typed)
    if nomor is None:
        return
    with engine_for(ctx.db_url).connect() as conn:
        card = find_report(conn, nomor, ctx.scope)
    if card is None:
        st.warning(t("error.report_not_found", lang, nomor=nomor), icon=":material/search_off:")
        return
    if success:
        render_report_link(card.nomor, lang)
        photo_input.render_notices(PREFIX, lang)
    render_card(card, lang)
    state[_key("shown")] = (card.nomor, card.version)  # the version this reader is looking at
    _render_change_form(ctx, card)


def _render_change_form(ctx: AppContext, card: ReportCard) -> None:
    lang = ctx.lang
    state = st.session_state
    choices = domain.ALLOWED_TRANSITIONS[card.status]
    if not choices:
        st.info(t("lapor.status_final", lang, status=_status(card.status, lang)), icon=":material/lock:")
        return
    if state.get(_key("ke")) not in choices:
        state[_key("ke")] = choices[0]
    if _key("penanganan") not in state:
        state[_key("penanganan")] = card.penanganan
    st.radio(
        t("lapor.new_status", lang), choices, key=_key("ke"), horizontal=True, format_func=lambda s: _status(s, lang)
    )
    target = state[_key("ke")]
    needs_reason = note_required(card.status, target) is not None
    resolving = target == domain.STATUS_SELESAI
    if resolving:
        photo_input.render_camera_toggle(PREFIX, lang)
    with st.form(f"{PREFIX}_form", enter_to_submit=False):
        if target == domain.STATUS_DUPLIKAT:
            report_number_input(t("lapor.duplicate_original", lang), _key("duplikat_dari"))
            field_error(PREFIX, "duplikat_dari_id", lang)
        label = t("lapor.note_required" if needs_reason else "lapor.note", lang)
        st.text_area(label, key=_key("catatan"), height=80)
        field_error(PREFIX, "note", lang)
        if resolving:
            required = card.kategori_slug in data.after_photo_categories(ctx.db_url)
            photo_input.render_photo_fields(
                PREFIX, lang, "photo.field_after_required" if required else "photo.field_after"
            )
            field_error(PREFIX, "foto", lang)
            st.checkbox(t("photo.public", lang), key=_key("foto_publik"))
        st.selectbox(
            t("lapor.handler", lang),
            domain.HANDLER_LEVELS,
            key=_key("penanganan"),
            format_func=lambda level: t(f"penanganan.{level}", lang),
            placeholder=t("lapor.handler_none", lang),
        )
        field_error(PREFIX, "penanganan", lang)
        st.text_input(
            t("lapor.handler_name", lang),
            key=_key("penanganan_nama"),
            placeholder=t("lapor.handler_name_placeholder", lang),
        )
        st.form_submit_button(
            t("lapor.save_status", lang),
            type="primary",
            icon=":material/save:",
            width="stretch",
            on_click=_submit,
            args=(ctx,),
        )
