"""Keputusan rapat on screen: a meeting's decisions with their status, the form that records one, and the owner's
status update (on Presentasi, on the meeting's Kegiatan record, and in Tugas saya)."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from kutorejo_data.access import permissions
from kutorejo_data.core import domain
from kutorejo_data.core.errors import ValidationError
from kutorejo_data.core.formatting import fmt_date, fmt_datetime, fmt_month_long
from kutorejo_data.core.i18n import t
from kutorejo_data.core.periods import month_end
from kutorejo_data.records import decisions as records
from kutorejo_data.records.decisions import Decision, DecisionInput
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, field_error, render_outcome, run_write
from kutorejo_data.ui.kit.text import escape_markdown

DEFAULT_DAYS = 14  # a new decision's due date: two weeks after the meeting
WHOLE = ""  # the area choice meaning "the whole kelurahan"


def _status_line(decision: Decision, ctx: AppContext) -> str:
    status = t(f"keputusan.status.{decision.status}", ctx.lang)
    due = t("keputusan.due", ctx.lang, date=fmt_date(decision.batas, ctx.lang))
    late = decision.overdue(ctx.today)
    text = f"{status} · {due}" + (f" · {t('keputusan.overdue', ctx.lang)}" if late else "")
    return f":red[**{escape_markdown(text)}**]" if late else f"**{escape_markdown(text)}**"


def _update(ctx: AppContext, prefix: str, decision: Decision) -> None:
    """Button callback: the decision's new status and note, by its owner or the office."""
    state = st.session_state
    status = str(state.get(f"{prefix}_{decision.nomor}_status", decision.status))
    note = str(state.get(f"{prefix}_{decision.nomor}_catatan", ""))

    def write() -> Message:
        records.update_decision(
            engine_for(ctx.db_url),
            decision.nomor,
            status,
            note,
            actor=ctx.actor,
            role=ctx.role,
            account_id=ctx.account.id,
            scope=ctx.scope,
        )
        return ("keputusan.updated", {"nomor": decision.nomor, "status": t(f"keputusan.status.{status}", ctx.lang)})

    run_write(prefix, write)


def render_decision(ctx: AppContext, decision: Decision, prefix: str) -> None:
    """One decision's card: what, who, where, due, status and note; its owner and the office update it here."""
    lang = ctx.lang
    with st.container(border=True):
        st.markdown(f"**#{decision.nomor} · {escape_markdown(decision.apa)}**")
        where = [escape_markdown(decision.pemilik)]
        if decision.area:
            where.append(decision.area)
        if decision.laporan:
            where.append(", ".join(f"#{nomor}" for nomor in decision.laporan))
        where.append(fmt_month_long(decision.bulan, lang))
        st.caption(" · ".join(where))
        st.markdown(_status_line(decision, ctx))
        if decision.catatan:
            st.markdown(escape_markdown(decision.catatan))
        st.caption(
            escape_markdown(
                t("keputusan.last_update", lang, moment=fmt_datetime(decision.updated_at, lang), by=decision.updated_by)
            )
        )
        if not permissions.may_update_decision(ctx.role, ctx.account.id, decision.pemilik_id):
            return
        state = st.session_state
        status_key, note_key = f"{prefix}_{decision.nomor}_status", f"{prefix}_{decision.nomor}_catatan"
        state.setdefault(status_key, decision.status)
        state.setdefault(note_key, decision.catatan)
        status_col, note_col, button_col = st.columns([1.2, 3, 1], vertical_alignment="bottom")
        status_col.selectbox(
            t("keputusan.status_label", lang),
            domain.DECISION_STATUSES,
            key=status_key,
            format_func=lambda status: t(f"keputusan.status.{status}", lang),
        )
        note_col.text_input(t("keputusan.note", lang), key=note_key, max_chars=500)
        button_col.button(
            t("keputusan.update", lang),
            key=f"{prefix}_{decision.nomor}_simpan",
            on_click=_update,
            args=(ctx, prefix, decision),
            icon=":material/save:",
            width="stretch",
        )


def _create(ctx: AppContext, prefix: str, kelurahan_kode: str, bulan: str, tanggal_rapat: date | None) -> None:
    """Form callback: record the decision typed in the form."""
    state = st.session_state
    owner = state.get(f"{prefix}_pemilik")
    linked = records.parse_report_numbers(str(state.get(f"{prefix}_laporan", "")))
    rw = state.get(f"{prefix}_rw") or None

    def write() -> Message:
        if linked is None:
            raise ValidationError({"laporan": "error.keputusan_laporan_format"})
        decision = DecisionInput(
            kelurahan_kode=kelurahan_kode,
            bulan=bulan,
            apa=str(state.get(f"{prefix}_apa", "")),
            batas=state[f"{prefix}_batas"],
            pemilik_id=int(owner) if owner else None,
            pemilik_nama=str(state.get(f"{prefix}_nama", "")),
            rw=rw,
            laporan=linked,
            tanggal_rapat=tanggal_rapat,
        )
        nomor = records.create_decision(
            engine_for(ctx.db_url), decision, actor=ctx.actor, role=ctx.role, scope=ctx.scope, now=ctx.now
        )
        return ("keputusan.saved", {"nomor": nomor})

    if run_write(prefix, write):
        for name in ("apa", "nama", "laporan"):
            state[f"{prefix}_{name}"] = ""
        state[f"{prefix}_pemilik"] = None


def _form(
    ctx: AppContext, prefix: str, kelurahan_kode: str, bulan: str, meeting_day: date, tanggal_rapat: date | None
) -> None:
    lang = ctx.lang
    with engine_for(ctx.db_url).connect() as conn:
        owners = dict(records.owner_choices(conn, kelurahan_kode))
    rws = [o.kode for o in data.rw_options(ctx.db_url, kelurahan_kode, ctx.scope)]
    areas = rws if ctx.scope.rw else [WHOLE, *rws]  # an RW head records decisions for their own RW
    state = st.session_state
    state.setdefault(f"{prefix}_batas", max(meeting_day, ctx.today) + timedelta(days=DEFAULT_DAYS))
    with st.form(f"{prefix}_form", border=True, enter_to_submit=False):
        st.markdown(f"**{t('keputusan.new', lang)}**")
        st.text_area(t("keputusan.apa", lang), key=f"{prefix}_apa", max_chars=records.APA_MAX, height=80)
        field_error(prefix, "apa", lang)
        left, right = st.columns(2)
        left.selectbox(
            t("keputusan.pemilik_akun", lang),
            [None, *owners],
            key=f"{prefix}_pemilik",
            format_func=lambda i: t("keputusan.no_account", lang) if i is None else owners[i],
        )
        right.text_input(t("keputusan.pemilik_nama", lang), key=f"{prefix}_nama", max_chars=domain.NAMA_MAX)
        field_error(prefix, "pemilik", lang)
        left, right = st.columns(2)
        left.date_input(t("keputusan.batas", lang), key=f"{prefix}_batas", format="DD/MM/YYYY")
        right.selectbox(
            t("keputusan.rw", lang),
            areas,
            key=f"{prefix}_rw",
            format_func=lambda rw: f"RW {rw}" if rw else t("keputusan.whole_kelurahan", lang),
        )
        field_error(prefix, "batas", lang)
        field_error(prefix, "wilayah", lang)
        st.text_input(t("keputusan.laporan", lang), key=f"{prefix}_laporan", placeholder="12, 40")
        field_error(prefix, "laporan", lang)
        st.form_submit_button(
            t("keputusan.save", lang),
            type="primary",
            icon=":material/gavel:",
            on_click=_create,
            args=(ctx, prefix, kelurahan_kode, bulan, tanggal_rapat),
        )


def render_meeting_decisions(
    ctx: AppContext,
    prefix: str,
    kelurahan_kode: str,
    bulan: str,
    *,
    rw: str | None = None,
    meeting_date: date | None = None,
) -> None:
    """The decisions of a month's meeting, and (for those who may) the form that records another; `meeting_date`
    when the page shows one meeting's record (Kegiatan), else the month's rapat koordinasi."""
    lang = ctx.lang
    with engine_for(ctx.db_url).connect() as conn:
        kelurahan_id = records.kelurahan_id_of(conn, kelurahan_kode)
        meeting = records.meeting_of_month(conn, kelurahan_id, bulan) if kelurahan_id else None
        listed = records.decisions_of_month(conn, kelurahan_kode, bulan, ctx.scope, rw=rw, account_id=ctx.account.id)
    st.subheader(t("keputusan.for_month", lang, month=fmt_month_long(bulan, lang)), anchor=False)
    first = date.fromisoformat(f"{bulan}-01")
    if meeting_date is not None:
        meeting_day = meeting_date
    elif meeting:
        st.caption(t("keputusan.meeting", lang, date=fmt_date(meeting[1], lang), nomor=meeting[0]))
        meeting_day = meeting[1]
    else:
        st.caption(t("keputusan.no_meeting", lang))
        meeting_day = min(max(ctx.today, first), month_end(first))
    render_outcome(prefix, lang)
    if not listed:
        st.caption(t("keputusan.none", lang))
    for decision in listed:
        render_decision(ctx, decision, prefix)
    if permissions.may_record_decisions(ctx.role) and not ctx.scope.read_only:
        _form(ctx, prefix, kelurahan_kode, bulan, meeting_day, meeting_date)


def render_owned_decisions(ctx: AppContext) -> int:
    """Tugas saya: the open decisions the person owns, the earliest due first (overdue ones marked); how many."""
    with engine_for(ctx.db_url).connect() as conn:
        owned = records.decisions_of_owner(conn, ctx.account.id, ctx.scope)
    if not owned:
        return 0
    st.subheader(t("keputusan.mine", ctx.lang), anchor=False)
    render_outcome("tugas_keputusan", ctx.lang)
    for decision in owned:
        render_decision(ctx, decision, "tugas_keputusan")
    return len(owned)
