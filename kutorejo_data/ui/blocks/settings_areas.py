"""Pengaturan, areas: the kelurahan and its RWs (head, active); RTs are in settings_rts."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from kutorejo_data.core.config import DEFAULT_KELURAHAN_KODE
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.records.areas import add_kelurahan, add_rw, delete_rw, update_rw
from kutorejo_data.records.settings_lists import RwRow
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, clear_outcome, field_error, render_outcome, run_write

KEL = "pengaturan_kelurahan"
RW_ = "pengaturan_rw"
RW_EDIT = f"{RW_}_edit"


def yes_no(flag: bool, lang: str) -> str:
    """`Ya` / `Tidak` for a flag in a table."""
    return t("settings.yes" if flag else "settings.no", lang)


def delete_popover(prefix: str, label: str, warning: str, on_click: Callable[..., None], args: tuple) -> None:
    """A delete button behind a confirmation, so one stray tap on a phone deletes nothing."""
    with st.popover(label, icon=":material/delete:"):
        st.warning(warning)
        st.button(label, key=f"{prefix}_hapus", type="primary", on_click=on_click, args=args)


def _add_kelurahan(ctx: AppContext) -> None:
    kode = st.session_state[f"{KEL}_kode"]

    def write() -> Message:
        nama = add_kelurahan(engine_for(ctx.db_url), kode, actor=ctx.actor, scope=ctx.scope)
        return "settings.kelurahan_added", {"nama": nama}

    run_write(KEL, write)


def render_add_kelurahan(ctx: AppContext) -> None:
    """Add a kelurahan or desa by its Kemendagri code; names come from the official list."""
    lang = ctx.lang
    render_outcome(KEL, lang)
    with st.form(f"{KEL}_form", enter_to_submit=False):
        st.text_input(
            t("settings.kode", lang),
            key=f"{KEL}_kode",
            value=DEFAULT_KELURAHAN_KODE,
            help=t("settings.kode_help", lang),
        )
        field_error(KEL, "kode", lang)
        st.form_submit_button(t("settings.add", lang), on_click=_add_kelurahan, args=(ctx,))


def _rw_frame(rows: list[RwRow], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "RW": [r.nomor for r in rows],
            t("settings.ketua", lang): [r.ketua_nama or "—" for r in rows],
            t("settings.jumlah_rt", lang): [fmt_int(r.jumlah_rt, lang) for r in rows],
            t("settings.laporan", lang): [fmt_int(r.jumlah_laporan, lang) for r in rows],
            t("settings.aktif", lang): [yes_no(r.aktif, lang) for r in rows],
        }
    )


def _add_rw(ctx: AppContext, kel: str) -> None:
    state = st.session_state
    nomor, ketua = state[f"{RW_}_nomor"], state[f"{RW_}_ketua"]

    def write() -> Message:
        rw = add_rw(
            engine_for(ctx.db_url), kel, "" if nomor is None else int(nomor), ketua, actor=ctx.actor, scope=ctx.scope
        )
        return "settings.rw_added", {"rw": rw}

    if run_write(RW_, write):
        state[f"{RW_}_nomor"], state[f"{RW_}_ketua"] = None, ""


def _fill_rw(rows: dict[str, RwRow]) -> None:
    """Put the chosen RW's values into the edit form."""
    state = st.session_state
    clear_outcome(RW_EDIT)
    row = rows.get(state[f"{RW_}_pilih"])
    if row:
        state[f"{RW_EDIT}_ketua"], state[f"{RW_EDIT}_aktif"] = row.ketua_nama or "", row.aktif


def _save_rw(ctx: AppContext, kel: str, rw: str) -> None:
    state = st.session_state

    def write() -> Message:
        update_rw(
            engine_for(ctx.db_url),
            kel,
            rw,
            state[f"{RW_EDIT}_ketua"],
            state[f"{RW_EDIT}_aktif"],
            actor=ctx.actor,
            scope=ctx.scope,
        )
        return "settings.rw_saved", {"rw": rw}

    run_write(RW_EDIT, write)


def _delete_rw(ctx: AppContext, kel: str, rw: str) -> None:
    def write() -> Message:
        delete_rw(engine_for(ctx.db_url), kel, rw, actor=ctx.actor, scope=ctx.scope)
        return "settings.rw_deleted", {"rw": rw}

    if run_write(RW_EDIT, write):
        st.session_state[f"{RW_}_pilih"] = None


def render_rws(ctx: AppContext, kel: str) -> list[str]:
    """The RW table, a form to add one, and the chosen RW's form to edit or delete it; returns the RW numbers."""
    lang = ctx.lang
    state = st.session_state
    rows = {row.nomor: row for row in data.settings_rws(ctx.db_url, kel, ctx.scope)}
    render_outcome(RW_, lang)
    render_outcome(RW_EDIT, lang)
    if rows:
        st.dataframe(_rw_frame(list(rows.values()), lang), hide_index=True, width="stretch")
    with st.expander(t("settings.add_rw", lang), expanded=not rows), st.form(f"{RW_}_tambah", enter_to_submit=False):
        st.number_input(t("settings.nomor_rw", lang), key=f"{RW_}_nomor", min_value=1, max_value=99, step=1, value=None)
        field_error(RW_, "nomor", lang)
        st.text_input(t("settings.ketua_rw", lang), key=f"{RW_}_ketua")
        field_error(RW_, "ketua_nama", lang)
        st.form_submit_button(t("settings.add", lang), on_click=_add_rw, args=(ctx, kel))
    if state.get(f"{RW_}_pilih") not in rows:
        state[f"{RW_}_pilih"] = None
    chosen = st.selectbox(
        t("settings.choose_rw", lang),
        list(rows),
        key=f"{RW_}_pilih",
        format_func=lambda v: f"RW {v}",
        placeholder=t("settings.choose_placeholder", lang),
        on_change=_fill_rw,
        args=(rows,),
    )
    if chosen is not None:
        with st.form(f"{RW_}_ubah", enter_to_submit=False):
            st.text_input(t("settings.ketua_rw", lang), key=f"{RW_EDIT}_ketua")
            field_error(RW_EDIT, "ketua_nama", lang)
            st.checkbox(t("settings.aktif_help", lang), key=f"{RW_EDIT}_aktif")
            st.form_submit_button(t("settings.save", lang), type="primary", on_click=_save_rw, args=(ctx, kel, chosen))
        delete_popover(
            RW_,
            t("settings.delete_rw", lang, rw=chosen),
            t("settings.delete_warning", lang),
            _delete_rw,
            (ctx, kel, chosen),
        )
    return list(rows)
