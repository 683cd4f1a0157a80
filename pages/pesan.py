"""Pesan: the WhatsApp messages the signed-in person should send, each one tap from WhatsApp."""

import streamlit as st

from kutorejo_data.ui.blocks import messages as blocks
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit.words import t

ctx = current_context()
st.title(t("pesan.title", ctx.lang))
blocks.render_intro(ctx.lang)
blocks.render_queue(ctx)
