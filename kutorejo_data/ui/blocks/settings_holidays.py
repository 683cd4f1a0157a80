"""Pengaturan, days off: the national holidays and cuti bersama the app knows, and the days the kelurahan adds."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.core.config import now_local
from kutorejo_data.core.formatting import fmt_day
from kutorejo_data.core.i18n import t
from kutorejo_data.core.workdays import national_holidays
from kutorejo_data.records.holidays import add_days_off, kelurahan_id, parse_days, remove_day_off
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, render_outcome, run_write, write_on_click
from kutorejo_data.ui.kit.text import escape_markdown

KEY = "pengaturan_libur"
SHOWN_NATIONAL = 8


def render_days_off(ctx: AppContext, kelurahan: str) -> None:
    """The coming national days off, the kelurahan's own, a box to add several at once, and removing one."""
    lang, today = ctx.lang, ctx.today
    st.caption(t("libur.explain", lang))
    render_outcome(KEY, lang)
    coming = [
        (day, name)
        for year in (today.year, today.year + 1)
        for day, name in national_holidays(year).items()
        if day >= today
    ][:SHOWN_NATIONAL]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('libur.national', lang)}**")
        st.dataframe(
            pd.DataFrame(
                {
                    t("libur.tanggal", lang): [fmt_day(d, lang) + f" {d.year}" for d, _ in coming],
                    t("libur.nama", lang): [name for _, name in coming],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    own = data.days_off(ctx.db_url, kelurahan, ctx.scope)
    with right:
        st.markdown(f"**{t('libur.own', lang)}**")
        if own:
            st.dataframe(
                pd.DataFrame(
                    {
                        t("libur.tanggal", lang): [fmt_day(d.tanggal, lang) + f" {d.tanggal.year}" for d in own],
                        t("libur.nama", lang): [d.nama for d in own],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            labels = {d.id: f"{d.tanggal.isoformat()} {d.nama}" for d in own}
            chosen = st.selectbox(
                t("libur.remove_pick", lang), list(labels), key=f"{KEY}_hapus_id", format_func=lambda i: labels[i]
            )

            def remove() -> Message:
                remove_day_off(engine_for(ctx.db_url), int(chosen), actor=ctx.actor, scope=ctx.scope, now=now_local())
                return ("libur.removed", {"hari": labels[int(chosen)]})

            st.button(
                t("libur.remove", lang),
                key=f"{KEY}_hapus",
                icon=":material/delete:",
                on_click=write_on_click(KEY, remove),
            )
        else:
            st.caption(t("libur.own_none", lang))
    with st.form(f"{KEY}_tambah", enter_to_submit=False):
        st.text_area(t("libur.add", lang), key=f"{KEY}_teks", placeholder="2026-12-28 HUT Kelurahan\n31/12/2026 Cuti")
        submitted = st.form_submit_button(t("settings.add", lang), type="primary")
    if submitted:
        parsed = parse_days(str(st.session_state.get(f"{KEY}_teks", "")))
        if parsed.unreadable:
            lines = "; ".join(f"{t('libur.line', lang, n=n)}: {escape_markdown(text)}" for n, text in parsed.unreadable)
            st.warning(t("libur.unreadable", lang, daftar=lines), icon=":material/warning:")
        if parsed.days:

            def add() -> Message:
                with engine_for(ctx.db_url).connect() as conn:
                    target = kelurahan_id(conn, kelurahan)
                added = add_days_off(
                    engine_for(ctx.db_url), parsed.days, target, actor=ctx.actor, scope=ctx.scope, now=now_local()
                )
                return ("libur.added", {"n": added, "lewat": len(parsed.days) - added})

            if run_write(KEY, add):
                st.rerun()
