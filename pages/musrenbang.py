"""Usulan Musrenbang: recurring problems and stuck reports as proposal candidates with their evidence, the year's
proposals, and the Musrenbang form as XLSX."""

import streamlit as st

from kutorejo_data.ui.blocks import musrenbang
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.words import t

ctx = current_context()
st.title(t("musrenbang.title", ctx.lang))

has_reports, _ = data.database_status(ctx.db_url)
if not has_reports:
    layout.render_empty_database(ctx.lang)
    st.stop()

musrenbang.render_page(ctx)
