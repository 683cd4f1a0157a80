"""Peta: the filtered reports on a map (status colours, sized by age), over OpenStreetMap or the kelurahan's own RW/RT
boundaries; a point opens its detail below. The treemap of Wilayah stays the schematic view."""

import streamlit as st

from kutorejo_data.ui.blocks.peta import render_map_page
from kutorejo_data.ui.blocks.report_list import linked_report, show_report
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import EVERY_FILTER, filter_bar
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("peta.title", lang))

has_reports, _ = data.database_status(ctx.db_url)
if not has_reports:
    layout.render_empty_database(lang)
    st.stop()

linked, link_notices = linked_report()
selection = filter_bar("peta", ctx, EVERY_FILTER, link_notices=link_notices)
st.session_state["peta_nomor"] = linked  # the URL (`laporan`) says which report is open
opened = render_map_page(ctx, selection)
if opened is not None:
    show_report(ctx, opened)
