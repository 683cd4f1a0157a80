"""Wilayah: every RW and RT at a glance, coloured by one measure; works without internet."""

import streamlit as st

from kutorejo_data.ui.blocks import areas as blocks
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("wilayah.title", lang))

has_areas, _ = data.activity_status(ctx.db_url)
if not has_areas:
    layout.render_empty_database(lang)
    st.stop()

selection = filter_bar("wilayah", ctx, default_preset="12_bulan")
filters = selection.filters
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
metric = blocks.pick_measure(lang)

now = ctx.now.replace(second=0)
rts, rws = data.area_measures(ctx.db_url, filters, ctx.scope, now)
if rts.empty:
    st.info(t("wilayah.no_units", lang))
    st.stop()

blocks.render_treemap(rws, rts, metric, selection.area_label, lang)
blocks.render_open_in(rws, rts, filters, lang)
st.subheader(t("wilayah.list_title", lang))
blocks.render_values(rts, metric, lang)
