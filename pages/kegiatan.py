"""Kegiatan: record an activity (kerja bakti, posyandu, musyawarah, rakor, ...) and correct recent ones."""

import streamlit as st

from kutorejo_data.ui.blocks.activity_form import render_activity_form
from kutorejo_data.ui.blocks.activity_list import render_recent
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.forms import render_outcome
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("kegiatan.title", lang))

new_tab, list_tab = st.tabs([t("kegiatan.tab_new", lang), t("kegiatan.tab_list", lang)])
with new_tab:
    render_outcome("kegiatan_baru", lang)
    render_activity_form("kegiatan_baru", ctx)
with list_tab:
    render_recent(ctx)
