"""Pengaturan: the office sets up its kelurahan, RWs and RTs, the categories with their targets, who is in charge
of which reports (routing), the days off that due dates skip, the map of RW/RT boundaries, and the texts of the
WhatsApp messages."""

import streamlit as st

from kutorejo_data.ui.blocks.area_picker import pick_kelurahan
from kutorejo_data.ui.blocks.settings_areas import render_add_kelurahan, render_rws
from kutorejo_data.ui.blocks.settings_categories import render_categories
from kutorejo_data.ui.blocks.settings_holidays import render_days_off
from kutorejo_data.ui.blocks.settings_map import render_area_map
from kutorejo_data.ui.blocks.settings_messages import render_templates
from kutorejo_data.ui.blocks.settings_routing import render_routing
from kutorejo_data.ui.blocks.settings_rts import render_rts
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("settings.title", lang))

kelurahan = pick_kelurahan("pengaturan", ctx)
areas_tab, categories_tab, routing_tab, days_off_tab, map_tab, messages_tab = st.tabs(
    [t(f"settings.tab_{tab}", lang) for tab in ("areas", "categories", "routing", "days_off", "map", "messages")]
)
with areas_tab:
    if kelurahan is None:
        st.info(t("settings.no_kelurahan", lang), icon=":material/info:")
        render_add_kelurahan(ctx)
    else:
        if ctx.scope.kelurahan_kode is None:
            with st.expander(t("settings.add_kelurahan", lang)):
                render_add_kelurahan(ctx)
        st.subheader(t("settings.rw_title", lang))
        rws = render_rws(ctx, kelurahan)
        st.subheader(t("settings.rt_title", lang))
        render_rts(ctx, kelurahan, rws)
with categories_tab:
    render_categories(ctx)
with routing_tab:
    if kelurahan is not None:
        render_routing(ctx, kelurahan)
with days_off_tab:
    if kelurahan is not None:
        render_days_off(ctx, kelurahan)
with map_tab:
    if kelurahan is not None:
        render_area_map(ctx, kelurahan)
with messages_tab:
    render_templates(ctx)
