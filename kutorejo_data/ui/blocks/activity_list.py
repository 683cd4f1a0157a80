"""Recent activities, a page at a time, and the correction of one of them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.records.activities import ActivityPage, ActivityRow, load_activity, recent_activities
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import clear_outcome, render_outcome

from .activity_form import fill_state, render_activity_form
from .decisions import render_meeting_decisions

PREFIX = "kegiatan_daftar"
EDIT_PREFIX = "kegiatan_edit"


def _area(row: ActivityRow, lang: str) -> str:
    if row.tingkat == "rt":
        return f"RT {row.rt} / RW {row.rw}"
    if row.tingkat == "rw":
        return f"RW {row.rw}"
    return t("tingkat.kelurahan", lang)


def _target(row: ActivityRow, lang: str) -> str:
    return f"{fmt_int(row.target_peserta, lang)} {row.target_satuan}" if row.target_peserta else "—"


def _frame(page: ActivityPage, lang: str) -> pd.DataFrame:
    """The page's activities as plain text cells."""
    return pd.DataFrame(
        {
            t("kegiatan.col_nomor", lang): [f"#{row.nomor}" for row in page.rows],
            t("kegiatan.tanggal", lang): [fmt_date(row.tanggal, lang) for row in page.rows],
            t("kegiatan.jenis", lang): [t(f"jenis.{row.jenis}", lang) for row in page.rows],
            t("kegiatan.col_wilayah", lang): [_area(row, lang) for row in page.rows],
            t("kegiatan.col_judul", lang): [row.judul for row in page.rows],
            t("kegiatan.col_hadir", lang): [fmt_int(row.hadir, lang) for row in page.rows],
            t("kegiatan.target", lang): [_target(row, lang) for row in page.rows],
        }
    )


def _choose(ctx: AppContext) -> None:
    """Load the chosen activity into the correction form."""
    chosen = st.session_state.get(f"{PREFIX}_pilih")
    clear_outcome(EDIT_PREFIX)
    if chosen is None:
        return
    with engine_for(ctx.db_url).connect() as conn:
        activity = load_activity(conn, chosen, ctx.scope)
    fill_state(EDIT_PREFIX, ctx, activity)
    # Its area stays offered in the choosers even if it has been deactivated since.
    st.session_state[f"{EDIT_PREFIX}_asal"] = (activity.rw, activity.rt) if activity else ()


def render_recent(ctx: AppContext) -> None:
    """The list, newest first, with a pager; choosing one opens its correction form below."""
    lang = ctx.lang
    state = st.session_state
    with engine_for(ctx.db_url).connect() as conn:
        page = recent_activities(conn, ctx.scope, page=state.get(f"{PREFIX}_halaman", 1))
    if not page.total:
        st.info(t("kegiatan.none_yet", lang), icon=":material/event_busy:")
        return
    st.caption(t("kegiatan.list_summary", lang, total=fmt_int(page.total, lang), page=page.page, pages=page.pages))
    st.dataframe(_frame(page, lang), hide_index=True, width="stretch")
    if page.pages > 1:
        state[f"{PREFIX}_halaman"] = page.page  # the page shown, after clamping to the pages there are now
        st.number_input(t("kegiatan.page", lang), key=f"{PREFIX}_halaman", min_value=1, max_value=page.pages, step=1)
    labels = {
        row.nomor: f"#{row.nomor} · {fmt_date(row.tanggal, lang)} · {t(f'jenis.{row.jenis}', lang)} · "
        f"{_area(row, lang)}"
        for row in page.rows
    }
    if state.get(f"{PREFIX}_pilih") not in labels:
        state[f"{PREFIX}_pilih"] = None
    chosen = st.selectbox(
        t("kegiatan.choose_to_edit", lang),
        list(labels),
        key=f"{PREFIX}_pilih",
        format_func=lambda nomor: labels[nomor],
        placeholder=t("kegiatan.choose_placeholder", lang),
        on_change=_choose,
        args=(ctx,),
    )
    render_outcome(EDIT_PREFIX, lang)
    if chosen is None:
        return
    row = next(row for row in page.rows if row.nomor == chosen)
    if row.jenis == domain.MEETING_ACTIVITY and row.tingkat == "kelurahan":
        # The meeting's decisions first: they are what the meeting's record is looked up for afterwards.
        with engine_for(ctx.db_url).connect() as conn:
            activity = load_activity(conn, chosen, ctx.scope)
        if activity is not None:
            render_meeting_decisions(
                ctx,
                "kegiatan_keputusan",
                activity.kelurahan_kode,
                row.tanggal.strftime("%Y-%m"),
                meeting_date=row.tanggal,
            )
    st.subheader(t("kegiatan.edit_title", lang, nomor=chosen))
    render_activity_form(EDIT_PREFIX, ctx, kegiatan_id=chosen, keep=state.get(f"{EDIT_PREFIX}_asal", ()))
