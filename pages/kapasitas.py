"""Kapasitas RT/RW: the four Bimtek goals scored per RT and RW, who needs support, and why."""

import streamlit as st

from kutorejo_data.analytics.capacity import INDEX_KEY
from kutorejo_data.core.i18n import t
from kutorejo_data.ui.blocks import capacity as blocks
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit import layout

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

scored = int(table[INDEX_KEY].notna().sum())
st.caption(t("kapasitas.scored_of", lang, scored=scored, total=len(table)))
if scored == 0:
    st.info(t("kapasitas.none_scored", lang), icon=":material/hourglass_empty:")
if filters.rt is None:
    blocks.render_support(card, table, lang)
    st.subheader(t("kapasitas.table_title", lang, unit=t(f"unit.{level}", lang)))
    blocks.render_table(table, lang)

st.subheader(t("kapasitas.profile_title", lang))
# Open on the unit that most needs support; the reader can pick any other.
by_need = table.sort_values(INDEX_KEY, na_position="last")
labels = dict(zip(table["unit_id"], table["label"], strict=True))
unit_id = st.selectbox(
    t("kapasitas.profile_pick", lang), list(by_need["unit_id"]), key="kapasitas_profil", format_func=labels.get
)
trend = data.capacity_trend(ctx.db_url, filters, ctx.scope, level, int(unit_id), now)
blocks.render_profile(card, table, int(unit_id), trend, lang)
