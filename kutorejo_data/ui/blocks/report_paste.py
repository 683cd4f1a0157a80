"""Paste a WhatsApp message into the new-report form: its words, time, sender and guessed category fill a draft.

Nothing is saved here: the RT head checks the filled form and sends it with the form's own button.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from kutorejo_data.core.domain import DESKRIPSI_MAX, EARLIEST_REPORT
from kutorejo_data.core.formatting import fmt_percent
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.intake.chat_import import reporter_of, title_of
from kutorejo_data.intake.complaints import Guess, guess
from kutorejo_data.intake.whatsapp_chat import parse_pasted
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext
from kutorejo_data.ui.kit.text import escape_markdown

PREFIX = "lapor"
PASTE_KEY = f"{PREFIX}_tempel"
# The note about the last fill, with the title it wrote: shown while the form still holds that draft.
NOTE_KEY = f"{PREFIX}_tempel_note"


def _key(name: str) -> str:
    return f"{PREFIX}_{name}"


def _place(ctx: AppContext, guessed: Guess) -> None:
    """Choose the RW and RT the message names, when they are areas the reader may write in."""
    state = st.session_state
    kelurahan = state.get(_key("kel"))
    if not kelurahan or guessed.rt is None:
        return
    rw = state.get(_key("rw"))
    if guessed.rw and guessed.rw in {o.kode for o in data.rw_options(ctx.db_url, kelurahan, ctx.scope)}:
        rw = guessed.rw
    if rw and guessed.rt in {o.kode for o in data.rt_options(ctx.db_url, kelurahan, rw, ctx.scope)}:
        state[_key("rw")] = rw
        state[_key("rt")] = guessed.rt


def _when(sent_at: datetime | None) -> None:
    if sent_at is not None and sent_at >= EARLIEST_REPORT:
        st.session_state[_key("tanggal")] = sent_at.date()
        st.session_state[_key("jam")] = sent_at.time().replace(second=0)


def _fill(ctx: AppContext) -> None:
    """Fill the form from the pasted message (a button callback: it runs before the form is drawn)."""
    state = st.session_state
    lang = ctx.lang
    pasted = parse_pasted(state.get(PASTE_KEY, ""), ctx.now)
    if not pasted.text:
        state[NOTE_KEY] = ("warning", t("lapor.paste_empty", lang), None)
        return
    guessed = guess(pasted.text)
    title = title_of(pasted.text)
    state[_key("judul")] = title
    state[_key("deskripsi")] = pasted.text[:DESKRIPSI_MAX]
    state[_key("sumber")] = "warga"
    _when(pasted.sent_at)
    if pasted.sender and ctx.may_see_personal_data:
        name, phone = reporter_of(pasted.sender)
        state[_key("pelapor_nama")] = name or ""
        state[_key("pelapor_telepon")] = phone or ""
    _place(ctx, guessed)
    active = data.active_categories(ctx.db_url)
    if guessed.category in active:
        state[_key("kategori")] = guessed.category
        label = category_label(guessed.category, active[guessed.category], lang)
        note = t("lapor.paste_filled", lang, kategori=label, yakin=fmt_percent(guessed.confidence, lang))
    else:
        note = t("lapor.paste_no_category", lang)
    if not guessed.is_complaint:
        note += " " + t("lapor.paste_not_complaint", lang)
    state[NOTE_KEY] = ("info" if guessed.is_complaint else "warning", note, title)
    state[PASTE_KEY] = ""


def render_paste(ctx: AppContext) -> None:
    """The "Tempel pesan WhatsApp" box above the new-report form."""
    lang = ctx.lang
    state = st.session_state
    note = state.get(NOTE_KEY)
    showing = note is not None and (note[2] is None or state.get(_key("judul")) == note[2])
    with st.expander(t("lapor.paste_title", lang), icon=":material/content_paste:", expanded=showing):
        st.caption(t("lapor.paste_help", lang))
        st.text_area(
            t("lapor.paste_label", lang),
            key=PASTE_KEY,
            height=96,
            placeholder="[03/11/26 08.15] Pak Darto: selokan depan rumah mampet lagi",
        )
        st.button(
            t("lapor.paste_fill", lang),
            key=f"{PREFIX}_tempel_isi",
            on_click=_fill,
            args=(ctx,),
            icon=":material/content_paste_go:",
        )
        if note is not None and showing:
            box = st.info if note[0] == "info" else st.warning
            box(escape_markdown(note[1]), icon=":material/info:")
