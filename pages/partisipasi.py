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

linked = blocks.TABS.linked(lang)
selection = filter_bar("partisipasi", ctx, default_preset="12_bulan")
filters = selection.filters
st.caption(t("ringkasan.subtitle", lang, area=selection.area_label, period=selection.period_label))
blocks.render_kpis(data.participation_kpis(ctx.db_url, filters, ctx.scope, ctx.now.replace(second=0)), lang)

section, tab = blocks.TABS.open(linked, lang)
with tab:
    if section == "jenis":
        by_jenis = data.participation_by(ctx.db_url, filters, ctx.scope, "jenis")
        if by_jenis.empty:
            st.info(t("partisipasi.no_activities", lang))
        else:
            type_column, area_column = st.columns(2)
            with type_column:
                blocks.render_by_type(by_jenis, lang)
            if filters.rt is None:  # one RT has no units inside it to compare
                by_area = data.participation_by(ctx.db_url, filters, ctx.scope, "rt" if filters.rw else "rw")
                if not by_area.empty:  # activities held by the kelurahan itself belong to no RW
                    with area_column:
                        blocks.render_by_area(by_area, lang)
    elif section == "jadwal":
        blocks.render_schedule(data.activity_schedule(ctx.db_url, filters, ctx.scope), lang)
    elif section == "rt_bulan":
        blocks.render_rt_months(data.participation_by(ctx.db_url, filters, ctx.scope, "rt_bulan"), lang)
    elif section == "peran":
        blocks.render_roles(data.attendance_by_role(ctx.db_url, filters, ctx.scope), lang)
    else:
        blocks.render_bimtek(data.bimtek_record(ctx.db_url, filters, ctx.scope), filters.sampai or ctx.today, lang)
