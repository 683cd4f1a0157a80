"""Pengaturan, categories: name, target resolution time (SLA, days), active; add, edit, delete when unused."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.core.domain import DEFAULT_RESPONSE_WORKING_DAYS
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.categories import SLA_MAX_DAYS, add_category, delete_category, update_category
from kutorejo_data.records.settings_lists import CategoryRow
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, clear_outcome, field_error, render_outcome, run_write

from .settings_areas import delete_popover, yes_no

KAT = "pengaturan_kat"
EDIT = f"{KAT}_edit"
DEFAULT_SLA_DAYS = 14


def _frame(rows: list[CategoryRow], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("settings.kategori", lang): [category_label(r.slug, r.nama, lang) for r in rows],
            t("settings.tanggap", lang): [fmt_int(r.tanggap_hari, lang) for r in rows],
            t("settings.sla", lang): [fmt_int(r.sla_hari, lang) for r in rows],
            t("settings.laporan", lang): [fmt_int(r.jumlah_laporan, lang) for r in rows],
            t("settings.foto_wajib", lang): [yes_no(r.foto_sesudah_wajib, lang) for r in rows],
            t("settings.aktif", lang): [yes_no(r.aktif, lang) for r in rows],
        }
    )


def _sla(value: float | None) -> int | None:
    return None if value is None else int(value)


def _add(ctx: AppContext) -> None:
    state = st.session_state
    nama, sla = state[f"{KAT}_nama"], _sla(state[f"{KAT}_sla"])
    tanggap = _sla(state[f"{KAT}_tanggap"]) or DEFAULT_RESPONSE_WORKING_DAYS
    photo = bool(state.get(f"{KAT}_foto_wajib"))

    def write() -> Message:
        add_category(
            engine_for(ctx.db_url),
            nama,
            sla,
            actor=ctx.actor,
            scope=ctx.scope,
            tanggap_hari=tanggap,
            foto_sesudah_wajib=photo,
        )
        return "settings.kategori_added", {"nama": nama.strip()}

    if run_write(KAT, write):
        state[f"{KAT}_nama"], state[f"{KAT}_sla"] = "", DEFAULT_SLA_DAYS
        state[f"{KAT}_tanggap"] = DEFAULT_RESPONSE_WORKING_DAYS


def _fill(rows: dict[str, CategoryRow]) -> None:
    """Put the chosen category's values into the edit form."""
    state = st.session_state
    clear_outcome(EDIT)
    row = rows.get(state[f"{KAT}_pilih"])
    if row:
        state[f"{EDIT}_nama"], state[f"{EDIT}_sla"], state[f"{EDIT}_aktif"] = row.nama, row.sla_hari, row.aktif
        state[f"{EDIT}_tanggap"] = row.tanggap_hari
        state[f"{EDIT}_foto_wajib"] = row.foto_sesudah_wajib


def _save(ctx: AppContext, slug: str) -> None:
    state = st.session_state
    nama, sla, aktif = state[f"{EDIT}_nama"], _sla(state[f"{EDIT}_sla"]), state[f"{EDIT}_aktif"]
    tanggap = _sla(state.get(f"{EDIT}_tanggap"))
    photo = state.get(f"{EDIT}_foto_wajib")

    def write() -> Message:
        update_category(
            engine_for(ctx.db_url),
            slug,
            nama,
            sla,
            aktif,
            actor=ctx.actor,
            scope=ctx.scope,
            tanggap_hari=tanggap,
            foto_sesudah_wajib=None if photo is None else bool(photo),
        )
        return "settings.kategori_saved", {"nama": nama.strip()}

    run_write(EDIT, write)


def _delete(ctx: AppContext, slug: str, nama: str) -> None:
    def write() -> Message:
        delete_category(engine_for(ctx.db_url), slug, actor=ctx.actor, scope=ctx.scope)
        return "settings.kategori_deleted", {"nama": nama}

    if run_write(EDIT, write):
        st.session_state[f"{KAT}_pilih"] = None


def _sla_input(prefix: str, lang: str) -> None:
    st.number_input(
        t("settings.tanggap", lang),
        key=f"{prefix}_tanggap",
        min_value=1,
        max_value=SLA_MAX_DAYS,
        step=1,
        help=t("settings.tanggap_help", lang),
    )
    field_error(prefix, "tanggap_hari", lang)
    st.number_input(
        t("settings.sla", lang),
        key=f"{prefix}_sla",
        min_value=1,
        max_value=SLA_MAX_DAYS,
        step=1,
        help=t("settings.sla_help", lang),
    )
    field_error(prefix, "sla_hari", lang)


def render_categories(ctx: AppContext) -> None:
    """The category table, a form to add one, and the chosen category's form to edit or delete it."""
    lang = ctx.lang
    state = st.session_state
    rows = {row.slug: row for row in data.settings_categories(ctx.db_url, ctx.scope)}
    render_outcome(KAT, lang)
    render_outcome(EDIT, lang)
    st.dataframe(_frame(list(rows.values()), lang), hide_index=True, width="stretch")
    state.setdefault(f"{KAT}_sla", DEFAULT_SLA_DAYS)
    state.setdefault(f"{KAT}_tanggap", DEFAULT_RESPONSE_WORKING_DAYS)
    with st.expander(t("settings.add_kategori", lang)), st.form(f"{KAT}_tambah", enter_to_submit=False):
        st.text_input(t("settings.kategori_nama", lang), key=f"{KAT}_nama")
        field_error(KAT, "nama", lang)
        _sla_input(KAT, lang)
        st.checkbox(t("settings.foto_wajib", lang), key=f"{KAT}_foto_wajib", help=t("settings.foto_wajib_help", lang))
        st.form_submit_button(t("settings.add", lang), on_click=_add, args=(ctx,))
    if state.get(f"{KAT}_pilih") not in rows:
        state[f"{KAT}_pilih"] = None
    chosen = st.selectbox(
        t("settings.choose_kategori", lang),
        list(rows),
        key=f"{KAT}_pilih",
        format_func=lambda slug: category_label(slug, rows[slug].nama, lang),
        placeholder=t("settings.choose_placeholder", lang),
        on_change=_fill,
        args=(rows,),
    )
    if chosen is None:
        return
    with st.form(f"{KAT}_ubah", enter_to_submit=False):
        st.text_input(t("settings.kategori_nama", lang), key=f"{EDIT}_nama")
        field_error(EDIT, "nama", lang)
        _sla_input(EDIT, lang)
        st.checkbox(t("settings.foto_wajib", lang), key=f"{EDIT}_foto_wajib", help=t("settings.foto_wajib_help", lang))
        st.checkbox(t("settings.aktif_help", lang), key=f"{EDIT}_aktif")
        st.form_submit_button(t("settings.save", lang), type="primary", on_click=_save, args=(ctx, chosen))
    delete_popover(
        EDIT,
        t("settings.delete_kategori", lang),
        t("settings.delete_warning", lang),
        _delete,
        (ctx, chosen, rows[chosen].nama),
    )
