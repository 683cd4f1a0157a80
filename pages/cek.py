"""Cek laporan: the one page open without signing in. A resident follows their report by its tracking code and
answers "sudah beres?" once it is resolved."""

import streamlit as st

from kutorejo_data.ui.blocks import public_check as blocks
from kutorejo_data.ui.frame.context import public_context
from kutorejo_data.ui.kit.words import t

ctx = public_context()
_, middle, _ = st.columns([1, 3, 1])  # a phone-sized column on a desktop; the whole width on a phone
with middle:
    st.title(t("cek.title", ctx.lang))
    st.caption(t("cek.intro", ctx.lang))
    report = blocks.render_form(ctx)
    if report is not None:
        blocks.render_question(ctx, report)
        blocks.render_status(ctx, report)
