"""Kapasitas RT/RW: the four Bimtek goals scored per RT and RW, who needs support, and why."""

import streamlit as st

from kutorejo_data.ui.blocks import capacity as blocks
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("kapasitas.title", lang))

has_areas, _ = data.activity_status(ctx.db_url)
if not has_areas:
    layout.render_empty_database(lang)
    st.stop()

selection = filter_bar("kapasitas", ctx, default_preset="12_bulan")
filters = selection.filters
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
level = "rt"
if filters.rt is None:
    level = st.radio(
        t("kapasitas.level", lang),
        ["rt", "rw"],
        key="kapasitas_tingkat",
        horizontal=True,
        format_func=lambda v: t(f"kapasitas.level_{v}", lang),
    )
now = ctx.now.replace(second=0)
card, table = data.capacity_scorecard(ctx.db_url, filters, ctx.scope, level, now)
blocks.render_method(lang)
if table.empty:
    st.info(t("kapasitas.no_units", lang))
    st.stop()

blocks.render_scored_count(table, lang)
if filters.rt is None:
    blocks.render_support(card, table, lang)
    st.subheader(t("kapasitas.table_title", lang, unit=t(f"unit.{level}", lang)))
    blocks.render_table(table, lang)

st.subheader(t("kapasitas.profile_title", lang))
unit_id = blocks.pick_unit(table, lang)
trend = data.capacity_trend(ctx.db_url, filters, ctx.scope, level, unit_id, now)
blocks.render_profile(card, table, unit_id, trend, lang)
