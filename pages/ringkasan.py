"""Ringkasan: how many issues this period, how many solved, how fast, and where."""

import streamlit as st

from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit import charts, layout
from kutorejo_data.ui.kit.words import category_label, t

ctx = current_context()
lang = ctx.lang
st.title(t("ringkasan.title", lang))

has_reports, _ = data.database_status(ctx.db_url)
if not has_reports:
    layout.render_empty_database(lang)
    st.stop()

selection = filter_bar("ringkasan", ctx)
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
overview = data.overview(ctx.db_url, selection.filters, ctx.scope, ctx.now.replace(second=0))

layout.render_kpis(overview.kpis, lang)

st.subheader(t("ringkasan.flow_title", lang))
st.plotly_chart(charts.monthly_flow_chart(overview.flow, lang), config={"displayModeBar": False})

if overview.by_category.empty:
    st.info(t("ringkasan.no_reports_period", lang))
else:
    by_area_column, by_category_column = st.columns(2)
    if selection.filters.rt is None:
        with by_area_column:
            unit = t("unit.rt" if selection.filters.rw else "unit.rw", lang)
            st.subheader(t("ringkasan.by_area_title", lang, unit=unit))
            st.plotly_chart(charts.outcome_bars(overview.by_area, "wilayah", lang), config={"displayModeBar": False})
    with by_category_column if selection.filters.rt is None else by_area_column:
        st.subheader(t("ringkasan.by_category_title", lang))
        by_category = overview.by_category.assign(
            label=[
                category_label(s, n, lang)
                for s, n in zip(overview.by_category["kategori"], overview.by_category["nama"], strict=True)
            ]
        )
        st.plotly_chart(charts.outcome_bars(by_category, "label", lang), config={"displayModeBar": False})
