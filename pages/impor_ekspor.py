"""Impor & Ekspor: recap spreadsheets, WhatsApp chats and SP4N-LAPOR! exports in (preview first), filtered reports
out."""

import streamlit as st

from kutorejo_data.ui.blocks import impor, impor_whatsapp, lapor
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit.words import t

ctx = current_context()
st.title(t("impor.title", ctx.lang))

import_tab, chat_tab, lapor_tab, export_tab = st.tabs(
    [
        t("impor.tab_impor", ctx.lang),
        t("impor.tab_whatsapp", ctx.lang),
        t("impor.tab_lapor", ctx.lang),
        t("impor.tab_ekspor", ctx.lang),
    ]
)
with import_tab:
    impor.render_import(ctx)
with chat_tab:
    impor_whatsapp.render_whatsapp(ctx)
with lapor_tab:
    lapor.render_lapor_import(ctx)
with export_tab:
    impor.render_export(ctx)
