"""Lapor: record a new report from a phone in under a minute, or move an existing report to its next status."""

import streamlit as st

from kutorejo_data.ui.blocks.report_form import render_new_report
from kutorejo_data.ui.blocks.report_list import linked_report
from kutorejo_data.ui.blocks.status_form import render_status_update
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.link_notices import render_notices
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("lapor.title", lang))

# `lapor?laporan=N` (e.g. from the Masalah list) opens the status update of report N.
requested_number, link_notices = linked_report()
render_notices(link_notices, lang)
new_tab, status_tab = st.tabs(
    [t("lapor.tab_new", lang), t("lapor.tab_status", lang)],
    default=t("lapor.tab_status", lang) if requested_number else None,
)
with new_tab:
    render_new_report(ctx)
with status_tab:
    render_status_update(ctx, requested_number)
