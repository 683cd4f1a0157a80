"""Pengaturan, RTs of one RW: head, households (KK), residents, active; add, edit, delete when unused."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.records.areas import RtFields, add_rt, delete_rt, update_rt
from kutorejo_data.records.settings_lists import RtRow
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, clear_outcome, field_error, render_outcome, run_write

from .settings_areas import delete_popover, yes_no

RT_ = "pengaturan_rt"
EDIT = f"{RT_}_edit"


def _frame(rows: list[RtRow], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "RT": [r.nomor for r in rows],
            t("settings.ketua", lang): [r.ketua_nama or "—" for r in rows],
            t("settings.kk", lang): [fmt_int(r.jumlah_kk, lang) for r in rows],
            t("settings.warga", lang): [fmt_int(r.jumlah_warga, lang) for r in rows],
            t("settings.diperbarui", lang): [
                fmt_date(r.data_diperbarui, lang) if r.data_diperbarui else "—" for r in rows
            ],
            t("settings.laporan", lang): [fmt_int(r.jumlah_laporan, lang) for r in rows],
            t("settings.aktif", lang): [yes_no(r.aktif, lang) for r in rows],
        }
    )


def _fields(prefix: str) -> RtFields:
    """The RT facts as typed in the form with this key prefix."""
    state = st.session_state
    kk, warga = state[f"{prefix}_kk"], state[f"{prefix}_warga"]
    return RtFields(
        ketua_nama=state[f"{prefix}_ketua"],
        jumlah_kk=None if kk is None else int(kk),
        jumlah_warga=None if warga is None else int(warga),
        aktif=state.get(f"{prefix}_aktif", True),
    )


def _render_fact_inputs(prefix: str, lang: str) -> None:
    st.text_input(t("settings.ketua_rt", lang), key=f"{prefix}_ketua")
    field_error(prefix, "ketua_nama", lang)
    kk, warga = st.columns(2)
    kk.number_input(t("settings.kk", lang), key=f"{prefix}_kk", min_value=0, step=1, value=None)
    warga.number_input(t("settings.warga", lang), key=f"{prefix}_warga", min_value=0, step=1, value=None)
    field_error(prefix, "jumlah_kk", lang)
    field_error(prefix, "jumlah_warga", lang)


def _add(ctx: AppContext, kel: str, rw: str) -> None:
    state = st.session_state
    nomor, fields = state[f"{RT_}_nomor"], _fields(RT_)

    def write() -> Message:
        rt = add_rt(
            engine_for(ctx.db_url),
            kel,
            rw,
            "" if nomor is None else int(nomor),
            fields,
            actor=ctx.actor,
            scope=ctx.scope,
        )
        return "settings.rt_added", {"rt": rt, "rw": rw}

    if run_write(RT_, write):
        state[f"{RT_}_nomor"], state[f"{RT_}_ketua"], state[f"{RT_}_kk"], state[f"{RT_}_warga"] = None, "", None, None


def _fill(rows: dict[str, RtRow]) -> None:
    """Put the chosen RT's values into the edit form."""
    state = st.session_state
    clear_outcome(EDIT)
    row = rows.get(state[f"{RT_}_pilih"])
    if row:
        state[f"{EDIT}_ketua"] = row.ketua_nama or ""
        state[f"{EDIT}_kk"], state[f"{EDIT}_warga"] = row.jumlah_kk, row.jumlah_warga
        state[f"{EDIT}_aktif"] = row.aktif


def _save(ctx: AppContext, kel: str, rw: str, rt: str) -> None:
    fields = _fields(EDIT)

    def write() -> Message:
        update_rt(engine_for(ctx.db_url), kel, rw, rt, fields, actor=ctx.actor, scope=ctx.scope)
        return "settings.rt_saved", {"rt": rt, "rw": rw}

    run_write(EDIT, write)


def _delete(ctx: AppContext, kel: str, rw: str, rt: str) -> None:
    def write() -> Message:
        delete_rt(engine_for(ctx.db_url), kel, rw, rt, actor=ctx.actor, scope=ctx.scope)
        return "settings.rt_deleted", {"rt": rt, "rw": rw}

    if run_write(EDIT, write):
        st.session_state[f"{RT_}_pilih"] = None


def _forget_outcomes() -> None:
    clear_outcome(RT_)
    clear_outcome(EDIT)


def render_rts(ctx: AppContext, kel: str, rws: list[str]) -> None:
    """Choose an RW; its RT table, a form to add an RT, and the chosen RT's form to edit or delete it."""
    lang = ctx.lang
    state = st.session_state
    if not rws:
        return
    if state.get(f"{RT_}_rw") not in rws:
        state[f"{RT_}_rw"] = rws[0]
    rw = st.selectbox(
        t("filter.rw", lang), rws, key=f"{RT_}_rw", format_func=lambda v: f"RW {v}", on_change=_forget_outcomes
    )
    rows = {row.nomor: row for row in data.settings_rts(ctx.db_url, kel, rw, ctx.scope)}
    render_outcome(RT_, lang)
    render_outcome(EDIT, lang)
    if rows:
        st.dataframe(_frame(list(rows.values()), lang), hide_index=True, width="stretch")
    adding = st.expander(t("settings.add_rt", lang, rw=rw), expanded=not rows)
    with adding, st.form(f"{RT_}_tambah", enter_to_submit=False):
        st.number_input(
            t("settings.nomor_rt", lang), key=f"{RT_}_nomor", min_value=1, max_value=999, step=1, value=None
        )
        field_error(RT_, "nomor", lang)
        _render_fact_inputs(RT_, lang)
        st.form_submit_button(t("settings.add", lang), on_click=_add, args=(ctx, kel, rw))
    if state.get(f"{RT_}_pilih") not in rows:
        state[f"{RT_}_pilih"] = None
    chosen = st.selectbox(
        t("settings.choose_rt", lang),
        list(rows),
        key=f"{RT_}_pilih",
        format_func=lambda v: f"RT {v}",
        placeholder=t("settings.choose_placeholder", lang),
        on_change=_fill,
        args=(rows,),
    )
    if chosen is None:
        return
    with st.form(f"{RT_}_ubah", enter_to_submit=False):
        _render_fact_inputs(EDIT, lang)
        st.checkbox(t("settings.aktif_help", lang), key=f"{EDIT}_aktif")
        st.form_submit_button(t("settings.save", lang), type="primary", on_click=_save, args=(ctx, kel, rw, chosen))
    delete_popover(
        RT_,
        t("settings.delete_rt", lang, rt=chosen),
        t("settings.delete_warning", lang),
        _delete,
        (ctx, kel, rw, chosen),
    )
