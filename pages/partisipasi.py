"""Partisipasi: how many residents take part, which routine activities happen, who attended a Bimtek."""

import streamlit as st

from kutorejo_data.ui.blocks import participation as blocks
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("partisipasi.title", lang))

has_areas, has_activities = data.activity_status(ctx.db_url)
if not has_areas:
    layout.render_empty_database(lang)
    st.stop()
if not has_activities:
    st.info(t("partisipasi.empty_body", lang), icon=":material/event_busy:")
    st.stop()

selection = filter_bar("partisipasi", ctx, default_preset="12_bulan")
filters = selection.filters
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
view = data.participation_view(ctx.db_url, filters, ctx.scope, ctx.now.replace(second=0))

blocks.render_kpis(view.kpis, lang)
if view.by_jenis.empty:
    st.info(t("partisipasi.no_activities", lang))
else:
    type_column, area_column = st.columns(2)
    with type_column:
        blocks.render_by_type(view.by_jenis, lang)
    if filters.rt is None and not view.by_area.empty:
        with area_column:
            blocks.render_by_area(view.by_area, lang)
blocks.render_schedule(view.schedule, lang)
if filters.rt is None:
    blocks.render_rt_months(view.by_rt_month, lang)
blocks.render_roles(view.roles, lang)
blocks.render_bimtek(view.bimtek, filters.sampai or ctx.today, lang)
