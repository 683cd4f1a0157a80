"""The audit log for admins: the newest writes first, filterable by who did them and on what."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.core.i18n import t
from kutorejo_data.records.audit import entity_kinds, recent_entries
from kutorejo_data.ui.frame.context import AppContext, engine_for

from .user_admin import when_text

LIMITS = (100, 200, 500, 1000)


def render_audit_log(ctx: AppContext) -> None:
    """Filters (actor, entity, how many) and the entries as a plain-text table (nothing rendered as markup)."""
    lang = ctx.lang
    engine = engine_for(ctx.db_url)
    with engine.connect() as conn:
        kinds = entity_kinds(conn)
    actor_column, entity_column, limit_column = st.columns([2, 1, 1])
    actor = actor_column.text_input(t("audit.actor", lang), key="pengguna_audit_actor", max_chars=100)
    entity = entity_column.selectbox(
        t("audit.entity", lang),
        ["", *kinds],
        key="pengguna_audit_entity",
        format_func=lambda e: e or t("audit.all", lang),
    )
    limit = limit_column.selectbox(t("audit.limit", lang), LIMITS, index=1, key="pengguna_audit_limit")
    with engine.connect() as conn:
        entries = recent_entries(conn, limit=limit, actor=actor or None, entity=entity or None)
    if entries.empty:
        st.info(t("audit.none", lang), icon=":material/history:")
        return
    st.dataframe(
        pd.DataFrame(
            {
                t("audit.at", lang): [when_text(v, lang) for v in entries["at"]],
                t("audit.actor", lang): entries["actor"],
                t("audit.action", lang): entries["action"],
                t("audit.entity", lang): entries["entity"],
                t("audit.entity_id", lang): entries["entity_id"],
                t("audit.before", lang): entries["before"].fillna(""),
                t("audit.after", lang): entries["after"].fillna(""),
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.caption(t("audit.caption", lang))
