"""Pengguna: admins manage accounts (roles, areas, passwords, lock-outs) and read the audit log of every write."""

import streamlit as st

from kutorejo_data.ui.blocks.audit_log import render_audit_log
from kutorejo_data.ui.blocks.user_admin import (
    render_account_list,
    render_manage_account,
    render_new_account,
    render_outcome,
)
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit.words import t

ctx = current_context()
lang = ctx.lang
st.title(t("nav.pengguna", lang))

render_outcome()
accounts_tab, new_tab, audit_tab = st.tabs(
    [t("user.tab_accounts", lang), t("user.tab_new", lang), t("user.tab_audit", lang)]
)
with accounts_tab:
    frame = render_account_list(ctx)
    render_manage_account(ctx, frame)
with new_tab:
    render_new_account(ctx)
with audit_tab:
    render_audit_log(ctx)
