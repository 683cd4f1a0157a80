"""Tugas saya: what the signed-in person must act on now, the most overdue first; one tap to act."""

import streamlit as st

from kutorejo_data.ui.blocks import tasks as blocks
from kutorejo_data.ui.blocks.decisions import render_owned_decisions
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.kit.words import fmt_int, t

ctx = current_context()
lang = ctx.lang
st.title(t("tugas.title", lang))
blocks.render_outcome()

my_tasks = data.my_tasks(ctx.db_url, ctx.account.id, ctx.scope, ctx.now.replace(second=0))
total = data.open_task_count(ctx.db_url, ctx.account.id, ctx.scope)
# The meeting decisions they own first, overdue ones marked: few, and a meeting waits on them.
decisions = render_owned_decisions(ctx)
if my_tasks:
    if decisions:
        st.subheader(t("tugas.reports", lang), anchor=False)
    st.caption(t("tugas.count", lang, n=fmt_int(total, lang)))
    thumbnails = data.list_thumbnails(
        ctx.db_url, tuple(task.nomor for task in my_tasks), ctx.scope, ctx.may_see_reports
    )
    for task in my_tasks:
        blocks.render_task(ctx, task, thumbnails.get(task.nomor))
    if total > len(my_tasks):
        st.caption(t("tugas.more", lang, n=fmt_int(total - len(my_tasks), lang)))
if not decisions and not my_tasks:
    st.info(t("tugas.none", lang), icon=":material/task_alt:")
