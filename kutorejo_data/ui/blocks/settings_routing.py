"""Pengaturan, routing: who is in charge of which reports at which level, beyond the defaults (the RT's head, the
RW's head, the kelurahan's staff)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.config import now_local
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.routing import RuleDraft, add_rule, delete_rule
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, field_error, render_outcome, write_on_click

KEY = "pengaturan_aturan"
ALL = ""


def _table(ctx: AppContext, kelurahan: str) -> None:
    lang = ctx.lang
    rules = data.routing_rules(ctx.db_url, kelurahan, ctx.scope)
    if not rules:
        st.info(t("routing.none", lang), icon=":material/alt_route:")
        return
    inactive = [rule for rule in rules if not rule.aktif]
    if inactive:
        st.warning(t("routing.inactive", lang, n=len(inactive)), icon=":material/person_off:")
    st.dataframe(
        pd.DataFrame(
            {
                "#": [rule.id for rule in rules],
                t("col.grup_tingkat", lang): [t(f"penanganan.{rule.tingkat}", lang) for rule in rules],
                "RW": [rule.rw or t("filter.all_rw", lang) for rule in rules],
                "RT": [rule.rt or t("filter.all_rt", lang) for rule in rules],
                t("col.kategori", lang): [rule.kategori or t("filter.all_kategori", lang) for rule in rules],
                t("col.grup_orang", lang): [
                    rule.pengguna if rule.aktif else f"{rule.pengguna} — {t('routing.inactive_short', lang)}"
                    for rule in rules
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    chosen = st.selectbox(
        t("routing.delete_pick", lang),
        [rule.id for rule in rules],
        key=f"{KEY}_hapus_id",
        format_func=lambda i: f"#{i}",
    )

    def remove() -> Message:
        delete_rule(engine_for(ctx.db_url), int(chosen), actor=ctx.actor, scope=ctx.scope, now=now_local())
        return ("routing.deleted", {"nomor": chosen})

    st.button(
        t("routing.delete", lang),
        key=f"{KEY}_hapus",
        on_click=write_on_click(KEY, remove),
        icon=":material/delete:",
    )


def render_routing(ctx: AppContext, kelurahan: str) -> None:
    """The kelurahan's rules, with a warning for rules that name a deactivated account, and a form to add one."""
    lang = ctx.lang
    st.caption(t("routing.explain", lang))
    render_outcome(KEY, lang)
    _table(ctx, kelurahan)
    rws = [o.kode for o in data.rw_options(ctx.db_url, kelurahan, ctx.scope)]
    categories = data.category_names(ctx.db_url)
    accounts = dict(data.routable_accounts(ctx.db_url, ctx.scope))
    with st.expander(t("routing.add", lang), icon=":material/add:"):
        level = st.selectbox(
            t("col.grup_tingkat", lang),
            domain.HANDLER_LEVELS,
            key=f"{KEY}_tingkat",
            format_func=lambda v: t(f"penanganan.{v}", lang),
        )
        rw = st.selectbox(
            "RW", [ALL, *rws], key=f"{KEY}_rw", format_func=lambda v: f"RW {v}" if v else t("filter.all_rw", lang)
        )
        rts = [o.kode for o in data.rt_options(ctx.db_url, kelurahan, rw, ctx.scope)] if rw else []
        rt = st.selectbox(
            "RT", [ALL, *rts], key=f"{KEY}_rt", format_func=lambda v: f"RT {v}" if v else t("filter.all_rt", lang)
        )
        field_error(KEY, "rw", lang)
        field_error(KEY, "rt", lang)
        kategori = st.selectbox(
            t("col.kategori", lang),
            [ALL, *categories],
            key=f"{KEY}_kategori",
            format_func=lambda s: category_label(s, categories[s], lang) if s else t("filter.all_kategori", lang),
        )
        person = st.selectbox(
            t("col.grup_orang", lang),
            list(accounts),
            key=f"{KEY}_pengguna",
            format_func=lambda i: accounts[i],
            index=None,
            placeholder=t("settings.choose_placeholder", lang),
        )
        field_error(KEY, "pengguna", lang)

        def save() -> Message:
            draft = RuleDraft(level, rw or None, rt or None, kategori or None, person)
            add_rule(engine_for(ctx.db_url), kelurahan, draft, actor=ctx.actor, scope=ctx.scope, now=now_local())
            return ("routing.added", {})

        st.button(t("settings.add", lang), key=f"{KEY}_tambah", type="primary", on_click=write_on_click(KEY, save))
