"""Pesan: the WhatsApp messages waiting for the signed-in person to send, each with its click-to-send link.

The link goes through the app (`/pesan/<id>/kirim`, ui/frame/session_routes.py), which marks the message sent and
opens WhatsApp with the number and the text; "Sudah dikirim" marks one sent without opening WhatsApp (sent by hand).
"""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from kutorejo_data.core.config import gateway
from kutorejo_data.core.formatting import fmt_datetime, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.core.phones import display_phone
from kutorejo_data.records.outbox import Queued, mark_sent
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, render_outcome, write_on_click
from kutorejo_data.ui.frame.session_routes import PESAN_PATH
from kutorejo_data.ui.kit.links import report_link
from kutorejo_data.ui.kit.text import escape_markdown

KEY = "pesan"
REFRESH_EVERY = timedelta(seconds=20)
PAGE = 20  # cards shown at once (more on request)  # a message sent through its link leaves the list without a click


def send_path(message_id: int) -> str:
    """The app's route that marks a message sent and opens WhatsApp with it."""
    return f"{PESAN_PATH}/{message_id}/kirim"


def _mark(ctx: AppContext, message: Queued) -> Message:
    sent = mark_sent(engine_for(ctx.db_url), message.id, data.sender_of(ctx.account), actor=ctx.actor, now=ctx.now)
    return ("pesan.marked", {"penerima": message.penerima}) if sent else ("pesan.already_sent", {})


def _card(ctx: AppContext, message: Queued) -> None:
    lang = ctx.lang
    with st.container(border=True):
        st.markdown(
            f"**{t(f'pesan.jenis.{message.jenis}', lang)}** · "
            f"{t('pesan.to', lang, penerima=escape_markdown(message.penerima))}"
        )
        about = [fmt_datetime(message.created_at, lang)]
        if message.laporan_id is not None:
            about.append(f"[#{message.laporan_id}]({report_link(message.laporan_id)})")
        if message.nomor:
            about.append(display_phone(message.nomor))
        if not message.nomor:
            about.append(f":orange[:material/contact_phone: {t('pesan.no_number_short', lang)}]")
        st.caption(" · ".join(about))
        st.code(message.teks, language=None, wrap_lines=True)
        send, done = st.columns(2)
        send.link_button(
            t("pesan.send", lang), send_path(message.id), type="primary", icon=":material/send:", width="stretch"
        )
        done.button(
            t("pesan.mark_sent", lang),
            key=f"{KEY}_terkirim_{message.id}",
            icon=":material/done:",
            width="stretch",
            on_click=write_on_click(KEY, lambda: _mark(ctx, message)),
        )


@st.fragment(run_every=REFRESH_EVERY)
def render_queue(ctx: AppContext) -> None:
    """The person's waiting messages, oldest first, refreshed while the page is open."""
    lang = ctx.lang
    render_outcome(KEY, lang)
    messages = data.waiting_messages(ctx.db_url, ctx.account)
    if not messages:
        st.success(t("pesan.none", lang), icon=":material/mark_chat_read:")
        return
    total = data.waiting_message_count(ctx.db_url, ctx.account)
    st.caption(t("pesan.count", lang, n=fmt_int(total, lang)))
    if any(not message.nomor for message in messages):
        st.caption(f":material/contact_phone: {t('pesan.no_number', lang)}")
    shown = int(st.session_state.get(f"{KEY}_tampil", PAGE))
    for message in messages[:shown]:
        _card(ctx, message)
    if total > shown:
        st.button(
            t("pesan.more", lang, n=fmt_int(min(PAGE, total - shown), lang), total=fmt_int(total, lang)),
            key=f"{KEY}_lagi",
            on_click=lambda: st.session_state.update({f"{KEY}_tampil": shown + PAGE}),
        )


def render_intro(lang: str) -> None:
    """How the page works, and whether a gateway sends messages by itself."""
    st.caption(t("pesan.intro", lang))
    if gateway() is not None:
        st.info(t("pesan.gateway_on", lang), icon=":material/sync:")
