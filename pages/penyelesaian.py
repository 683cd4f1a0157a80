"""Penyelesaian: where reports get stuck, how fast each category and handler is, and which RW/RT need help."""

import streamlit as st

from kutorejo_data.ui.blocks.resolution import (
    render_comparison,
    render_flow_and_backlog,
    render_on_time,
    render_overdue,
    render_speed_cards,
    timing_table,
)
from kutorejo_data.ui.blocks.satisfaction import render_satisfaction
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit import charts, layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("penyelesaian.title", lang))

has_reports, _ = data.database_status(ctx.db_url)
if not has_reports:
    layout.render_empty_database(lang)
    st.stop()

selection = filter_bar("penyelesaian", ctx, ("area", "period", "kategori", "prioritas"))
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
analytics = data.resolution_analytics(ctx.db_url, selection.filters, ctx.scope, ctx.now.replace(second=0))
unit = t("unit.rt" if selection.filters.rw else "unit.rw", lang)

render_speed_cards(analytics.by_handler, analytics.overall, lang)

render_flow_and_backlog(analytics.flow, analytics.backlog_age, lang)

st.subheader(t("penyelesaian.overdue", lang))
if ctx.may_see_reports:
    render_overdue(analytics.overdue, analytics.overdue_total, lang)
else:  # a guest sees how many, not which
    st.info(t("penyelesaian.overdue_total_only", lang, total=analytics.overdue_total), icon=":material/lock:")

render_on_time(analytics.on_time, ctx.may_see_reports, lang)

render_satisfaction(analytics.satisfaction, data.category_names(ctx.db_url), lang)

st.subheader(t("penyelesaian.by_handler", lang))
st.dataframe(timing_table(analytics.by_handler, "penanganan", lang), hide_index=True, width="stretch")
st.subheader(t("penyelesaian.by_category", lang))
st.dataframe(
    timing_table(analytics.by_category, "kategori", lang, data.category_names(ctx.db_url)),
    hide_index=True,
    width="stretch",
)

st.subheader(t("penyelesaian.trend", lang))
st.plotly_chart(charts.timing_trend(analytics.monthly, lang), config={"displayModeBar": False})

area_column, comparison_column = st.columns(2)
with area_column:
    st.subheader(t("penyelesaian.backlog_area", lang, unit=unit))
    if analytics.backlog_area.empty:
        st.info(t("penyelesaian.overdue_none", lang))
    else:
        st.plotly_chart(
            charts.open_overdue_bars(analytics.backlog_area, "wilayah", lang), config={"displayModeBar": False}
        )
with comparison_column:
    st.subheader(t("penyelesaian.comparison", lang, unit=unit))
    render_comparison(analytics.comparison, lang)
