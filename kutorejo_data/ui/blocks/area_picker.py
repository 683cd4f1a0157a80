"""Kelurahan → RW → RT choosers for the data-entry forms: only areas that exist, are active and are in scope.

They sit outside `st.form` so that the RT list follows the chosen RW at once, also on a phone.
"""

from __future__ import annotations

import streamlit as st

from kutorejo_data.core.i18n import t
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext


def _keep_valid(key: str, options: list[str]) -> None:
    """Drop a remembered choice that is no longer offered (another RW, a deactivated RT)."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = options[0] if options else None


def pick_kelurahan(prefix: str, ctx: AppContext) -> str | None:
    """The kelurahan to write in: a chooser only when the scope allows several; None when there is none yet."""
    options = data.kelurahan_options(ctx.db_url, ctx.scope)
    codes = [o.kode for o in options]
    key = f"{prefix}_kel"
    _keep_valid(key, codes)
    if len(codes) > 1:
        names = {o.kode: o.label for o in options}
        st.selectbox(t("filter.kelurahan", ctx.lang), codes, key=key, format_func=lambda kode: names[kode])
    return st.session_state[key]


def pick_rw_rt(
    prefix: str, ctx: AppContext, kelurahan_kode: str, *, with_rt: bool = True, keep: tuple[str | None, ...] = ()
) -> tuple[str | None, str | None]:
    """RW and (optionally) RT choosers side by side; `keep` is an area offered even when inactive (when editing)."""
    lang = ctx.lang
    rw_key, rt_key = f"{prefix}_rw", f"{prefix}_rt"
    rws = [o.kode for o in data.rw_options(ctx.db_url, kelurahan_kode, ctx.scope)]
    kept_rw = keep[0] if keep else None
    if kept_rw and kept_rw not in rws:
        rws = sorted([*rws, kept_rw])
    _keep_valid(rw_key, rws)
    columns = st.columns(2) if with_rt else [st.container()]
    columns[0].selectbox(t("filter.rw", lang), rws, key=rw_key, format_func=lambda v: f"RW {v}")
    rw = st.session_state[rw_key]
    if not with_rt:
        return rw, None
    rts = [o.kode for o in data.rt_options(ctx.db_url, kelurahan_kode, rw, ctx.scope)] if rw else []
    kept_rt = keep[1] if len(keep) > 1 and rw == kept_rw else None
    if kept_rt and kept_rt not in rts:
        rts = sorted([*rts, kept_rt])
    _keep_valid(rt_key, rts)
    columns[1].selectbox(t("filter.rt", lang), rts, key=rt_key, format_func=lambda v: f"RT {v}")
    return rw, st.session_state[rt_key]
