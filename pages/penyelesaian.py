"""Penyelesaian: where reports get stuck, how fast each category and handler is, and which RW/RT need help."""

import streamlit as st

from kutorejo_data.ui.blocks.resolution import (
    TABS,
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

linked = TABS.linked(lang)
selection = filter_bar("penyelesaian", ctx, ("area", "period", "kategori", "prioritas"))
filters, now = selection.filters, ctx.now.replace(second=0)
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
unit = t("unit.rt" if filters.rw else "unit.rw", lang)

render_speed_cards(data.speed_cards(ctx.db_url, filters, ctx.scope), lang)

section, tab = TABS.open(linked, lang)
with tab:
    if section == "alur":
        flow = data.resolution_flow(ctx.db_url, filters, ctx.scope, now)
        render_flow_and_backlog(flow.flow, flow.backlog_age, lang)
        st.subheader(t("penyelesaian.overdue", lang))
        if ctx.may_see_reports:
            render_overdue(flow.overdue, flow.overdue_total, lang)
        else:  # a guest sees how many, not which
            st.info(t("penyelesaian.overdue_total_only", lang, total=flow.overdue_total), icon=":material/lock:")
    elif section == "tepat_waktu":
        render_on_time(data.on_time(ctx.db_url, filters, ctx.scope, now), ctx.may_see_reports, lang)
    elif section == "kecepatan":
        speed = data.resolution_speed(ctx.db_url, filters, ctx.scope)
        st.subheader(t("penyelesaian.by_handler", lang))
        st.dataframe(timing_table(speed.by_handler, "penanganan", lang), hide_index=True, width="stretch")
        st.subheader(t("penyelesaian.by_category", lang))
        names = data.category_names(ctx.db_url)
        st.dataframe(timing_table(speed.by_category, "kategori", lang, names), hide_index=True, width="stretch")
        st.subheader(t("penyelesaian.trend", lang))
        trend = data.resolution_trend(ctx.db_url, filters, ctx.scope)
        st.plotly_chart(charts.timing_trend(trend, lang), config={"displayModeBar": False})
    elif section == "wilayah":
        backlog_area = data.backlog_by_area(ctx.db_url, filters, ctx.scope, now)
        area_column, comparison_column = st.columns(2)
        with area_column:
            st.subheader(t("penyelesaian.backlog_area", lang, unit=unit))
            if backlog_area.empty:
                st.info(t("penyelesaian.overdue_none", lang))
            else:
                chart = charts.open_overdue_bars(backlog_area, "wilayah", lang)
                st.plotly_chart(chart, config={"displayModeBar": False})
        with comparison_column:
            st.subheader(t("penyelesaian.comparison", lang, unit=unit))
            render_comparison(data.area_comparison(ctx.db_url, filters, ctx.scope, now), lang)
    else:
        render_satisfaction(data.satisfaction(ctx.db_url, filters, ctx.scope), data.category_names(ctx.db_url), lang)
