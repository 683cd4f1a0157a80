"""Presentasi rapat: the month's coordination meeting on the projector, slide by slide, with its deck, PDF and text."""

import streamlit as st

from kutorejo_data.ui.blocks import slides
from kutorejo_data.ui.blocks.decisions import render_meeting_decisions
from kutorejo_data.ui.blocks.presentation import (
    EXIT_PAGE,
    chosen_meeting,
    chosen_report,
    meeting_controls,
    render_exports,
)
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
slides.use_presentation_layout()

has_reports, _ = data.database_status(ctx.db_url)
if not has_reports:
    st.title(t("presentasi.title", lang))
    layout.render_empty_database(lang)
    st.page_link(EXIT_PAGE, label=t("presentasi.exit", lang), icon=":material/close:")
    st.stop()

choice = meeting_controls(ctx)
# A new month or area opens at the cover, which names the meeting only: it shows without reading the month's figures.
if choice.index == 0:
    header = chosen_meeting(ctx, choice)
    slides.render_cover(header, lang)
else:
    header = report = chosen_report(ctx, choice)
    slides.render_slide(report, choice.index, lang)
render_exports(ctx, choice)
with st.expander(t("keputusan.title", lang), icon=":material/gavel:"):
    render_meeting_decisions(ctx, "presentasi_keputusan", header.kelurahan_kode, header.month, rw=choice.area.rw)
