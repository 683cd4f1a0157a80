"""Pengaturan, WhatsApp messages: the text of every message kind, with its placeholders and a preview."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kutorejo_data.core.i18n import t
from kutorejo_data.records.outbox import DEFAULT_TEMPLATES, PLACEHOLDERS, save_template, template_errors
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, render_outcome, write_on_click
from kutorejo_data.ui.kit.text import escape_markdown

KEY = "pengaturan_pesan"
# What a preview fills in: a made-up report, as a message would show it.
SAMPLE = {
    "nomor": 128,
    "kode": "KTR-7F3K-2Q9M",
    "judul": "Lampu jalan mati di Gang Mawar",
    "rt": "002",
    "rw": "03",
    "kategori": "Penerangan jalan",
    "link": "https://dasbor.kutorejo.desa.id/cek?kode=KTR-7F3K-2Q9M",
    "status": "Diproses",
    "batas": "9 Des 2026",
    "tingkat": "RW",
    "alasan": "Lampunya mati lagi sejak kemarin",
    "ringkasan": "*Ringkasan harian RW 03, Kelurahan Kutorejo* …",
    "tanggal": "2 Des 2026",
}


def _save(ctx: AppContext, jenis: str, text: str) -> Message:
    save_template(engine_for(ctx.db_url), jenis, text, actor=ctx.actor, scope=ctx.scope, now=ctx.now)
    return ("templates.saved", {"jenis": t(f"pesan.jenis.{jenis}", ctx.lang)})


def _template(ctx: AppContext, jenis: str, current: str) -> None:
    lang = ctx.lang
    edited = current != DEFAULT_TEMPLATES[jenis]
    title = t(f"pesan.jenis.{jenis}", lang) + (f" — {t('templates.edited', lang)}" if edited else "")
    with st.expander(title):
        key = f"{KEY}_{jenis}"
        if key not in st.session_state:
            st.session_state[key] = current
        text = st.text_area(title, key=key, label_visibility="collapsed")
        allowed = ", ".join(f"`{{{name}}}`" for name in sorted(PLACEHOLDERS[jenis]))
        st.caption(t("templates.allowed", lang, isian=allowed))
        errors = template_errors(jenis, text)
        if errors:
            st.warning(" ".join(t(message, lang) for message in errors.values()), icon=":material/warning:")
        else:
            st.markdown(f"**{t('templates.preview', lang)}**")
            st.text(text.format_map(SAMPLE))
        save, reset = st.columns(2)
        save.button(
            t("templates.save", lang),
            key=f"{key}_simpan",
            type="primary",
            disabled=bool(errors) or text == current,
            on_click=write_on_click(KEY, lambda: _save(ctx, jenis, str(st.session_state[key]))),
        )
        if edited:
            reset.button(
                t("templates.reset", lang),
                key=f"{key}_bawaan",
                on_click=_reset(ctx, jenis, key),
            )


def _reset(ctx: AppContext, jenis: str, key: str) -> Callable[[], None]:
    def callback() -> None:
        st.session_state[key] = DEFAULT_TEMPLATES[jenis]
        write_on_click(KEY, lambda: _save(ctx, jenis, DEFAULT_TEMPLATES[jenis]))()

    return callback


def render_templates(ctx: AppContext) -> None:
    """Every message kind's text, editable with a live preview; saving refuses unknown placeholders."""
    st.caption(escape_markdown(t("templates.explain", ctx.lang)))
    render_outcome(KEY, ctx.lang)
    for jenis, current in data.message_templates(ctx.db_url).items():
        _template(ctx, jenis, current)
