"""The Chat WhatsApp part of Impor & Ekspor: upload an export, tick the complaints, create their reports at once.

The parsed chat is kept in the session per uploaded file (plain data, no database session); which messages were
already saved is asked again on every run, so a second upload of the same chat shows them as done.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from kutorejo_data.core.formatting import fmt_datetime, fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.intake.chat_file import read_chat_export
from kutorejo_data.intake.chat_import import (
    Candidate,
    ChatTarget,
    Choice,
    candidates,
    category_for,
    save_chosen,
    title_of,
)
from kutorejo_data.intake.reading import ImportRefused, upload_limit_bytes
from kutorejo_data.intake.whatsapp_chat import ChatExport
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, render_outcome, run_write
from kutorejo_data.ui.kit.text import escape_markdown

from .area_picker import pick_kelurahan

PREFIX = "impor_wa"
PARSED_STATE = f"{PREFIX}_parsed"
REFUSED_ROWS_STATE = f"{PREFIX}_refused_rows"
ROUND_STATE = f"{PREFIX}_round"  # a new round after each save: the tick boxes start again from the new state
CONTEXT_STATE = f"{PREFIX}_context"
COLUMN_ORDER = ("pilih", "pesan", "kategori", "rt", "yakin", "keterangan", "waktu", "pengirim")


def _parsed(uploaded: UploadedFile) -> ChatExport | ImportRefused:
    """The chat of the uploaded file, read once per file (the zip's media are never loaded)."""
    cached = st.session_state.get(PARSED_STATE)
    if cached is not None and cached[0] == uploaded.file_id:
        return cached[1]
    try:
        result: ChatExport | ImportRefused = read_chat_export(uploaded, uploaded.name)
    except ImportRefused as refused:
        result = refused
    st.session_state[PARSED_STATE] = (uploaded.file_id, result)
    return result


def _choose_area(ctx: AppContext) -> ChatTarget | None:
    """Kelurahan, RW and the RT for messages that name none; a head's scope leaves only their own area."""
    lang = ctx.lang
    kelurahan = pick_kelurahan(PREFIX, ctx)
    if kelurahan is None:
        st.info(t("lapor.no_areas", lang), icon=":material/info:")
        return None
    left, right = st.columns(2)
    rws = [option.kode for option in data.rw_options(ctx.db_url, kelurahan, ctx.scope)]
    if not rws:
        st.info(t("lapor.no_areas", lang), icon=":material/info:")
        return None
    rw = left.selectbox(t("filter.rw", lang), rws, key=f"{PREFIX}_rw", format_func=lambda v: f"RW {v}")
    rts = [option.kode for option in data.rt_options(ctx.db_url, kelurahan, rw, ctx.scope)]
    choices: list[str | None] = list(rts) if ctx.scope.rt else [None, *rts]
    rt = right.selectbox(
        t("wa.rt", lang),
        choices,
        key=f"{PREFIX}_rt",
        format_func=lambda v: f"RT {v}" if v else t("wa.rt_from_message", lang),
    )
    return ChatTarget(kelurahan, rw, rt)


def _render_summary(export: ChatExport, lang: str) -> None:
    """How many messages from when to when, how the dates were read, which dates could not be."""
    if export.messages:
        st.caption(
            t(
                "wa.summary",
                lang,
                nama=escape_markdown(export.name) + ": " if export.name else "",
                jumlah=fmt_int(len(export.messages), lang),
                pertama=fmt_datetime(export.messages[0].sent_at, lang),
                terakhir=fmt_datetime(export.messages[-1].sent_at, lang),
                sistem=fmt_int(export.system_lines, lang),
            )
        )
        reason = t(export.order_reason, lang, **export.order_values)
        st.caption(t("wa.order", lang, urutan=t(f"chat.order.{export.date_order}", lang), alasan=reason))
    if export.unreadable:
        lines = ", ".join(t("wa.unreadable_line", lang, baris=u.line, tertulis=u.written) for u in export.unreadable)
        st.warning(
            t("wa.unreadable", lang, jumlah=fmt_int(len(export.unreadable), lang), daftar=escape_markdown(lines)),
            icon=":material/event_busy:",
        )


def _frame(found: Sequence[Candidate], ctx: AppContext, tick: bool, active: dict[str, str]) -> pd.DataFrame:
    """One row per message: tick, time, sender (when the reader may see it), text, category, how sure, RT, note."""
    lang = ctx.lang
    rows = []
    for candidate in found:
        message = candidate.message
        notes = []
        if candidate.existing is not None:
            notes.append(t("wa.already", lang, nomor=candidate.existing))
        if message.media:
            notes.append(t("wa.with_media", lang, jumlah=len(message.media)))
        row: dict[str, object] = {
            "pilih": tick and candidate.existing is None,
            "waktu": message.sent_at,
            "pengirim": message.sender,
            "pesan": message.text,
            "kategori": category_for(candidate, active),
            "yakin": candidate.guess.confidence,
            "rt": candidate.rt,
            "keterangan": " · ".join(notes),
        }
        if not ctx.may_see_personal_data:
            del row["pengirim"]
        rows.append(row)
    return pd.DataFrame(rows)


def _editor(
    found: Sequence[Candidate], ctx: AppContext, *, tick: bool, key: str, rts: list[str], active: dict[str, str]
) -> list[Choice]:
    """The messages as an editable table (tick, category and RT can change; the text is shown as plain text)."""
    lang = ctx.lang
    if not found:
        return []

    def category(slug: str | int | float | bool) -> str:
        return category_label(str(slug), active.get(str(slug), str(slug)), lang)

    edited = st.data_editor(
        _frame(found, ctx, tick, active),
        key=key,
        hide_index=True,
        width="stretch",
        # What decides comes first (a phone shows only the first columns): the tick, the words, category and RT.
        column_order=COLUMN_ORDER,
        placeholder="—",
        disabled=["waktu", "pengirim", "pesan", "yakin", "keterangan"],
        column_config={
            "pilih": st.column_config.CheckboxColumn(t("wa.col.pilih", lang), width=66),
            "pesan": st.column_config.TextColumn(t("wa.col.pesan", lang), width=330),
            "kategori": st.column_config.SelectboxColumn(
                t("wa.col.kategori", lang), options=list(active), required=True, format_func=category, width=180
            ),
            "rt": st.column_config.SelectboxColumn(t("wa.col.rt", lang), options=rts, width=80),
            "yakin": st.column_config.ProgressColumn(
                t("wa.col.yakin", lang),
                help=t("wa.col.yakin_help", lang),
                min_value=0,
                max_value=1,
                format="percent",
                width=90,
            ),
            "waktu": st.column_config.DatetimeColumn(t("wa.col.waktu", lang), format="DD/MM/YYYY HH:mm", width=125),
            "pengirim": st.column_config.TextColumn(t("wa.col.pengirim", lang), width=110),
            "keterangan": st.column_config.TextColumn(t("wa.col.keterangan", lang), width=150),
        },
    )
    # The rows come back in their original order (the table is fixed: no rows added or deleted).
    rows = zip(found, edited["pilih"], edited["kategori"], edited["rt"], strict=True)
    return [
        Choice(candidate, str(kategori), rt if isinstance(rt, str) and rt else None)
        for candidate, pilih, kategori, rt in rows
        if bool(pilih)
    ]


def _round(context: str) -> int:
    """The tick boxes' round: a new one for another file or area (and after each save), so they start afresh."""
    state = st.session_state
    if state.get(CONTEXT_STATE) != context:
        state[CONTEXT_STATE] = context
        state[ROUND_STATE] = state.get(ROUND_STATE, 0) + 1
    return int(state[ROUND_STATE])


def _save(ctx: AppContext, chosen: list[Choice], target: ChatTarget) -> Message:
    """Create the chosen reports (each its own short transaction) and remember the refused ones with why."""
    lang = ctx.lang
    outcome = save_chosen(engine_for(ctx.db_url), chosen, target, actor=ctx.actor, scope=ctx.scope)
    st.session_state[REFUSED_ROWS_STATE] = [
        t(
            "wa.refused_row",
            lang,
            waktu=fmt_datetime(candidate.message.sent_at, lang),
            judul=title_of(candidate.message.text),
            alasan="; ".join(t(key, lang) for key in fields.values()),
        )
        for candidate, fields in outcome.refused
    ]
    counts = {
        "dibuat": len(outcome.created),
        "dukungan": len(outcome.supported),
        "sudah": len(outcome.already),
        "ditolak": len(outcome.refused),
    }
    return "wa.created", dict(counts)


def _render_refused_rows() -> None:
    rows = st.session_state.get(REFUSED_ROWS_STATE) or []
    if rows:
        st.warning("  \n".join(escape_markdown(row) for row in rows), icon=":material/block:")


def render_whatsapp(ctx: AppContext) -> None:
    """The whole Chat WhatsApp section: area, upload, the guessed complaints and the rest, create."""
    lang = ctx.lang
    st.caption(t("wa.intro", lang))
    if render_outcome(PREFIX, lang) or st.session_state.get(f"{PREFIX}_failure"):
        _render_refused_rows()
    target = _choose_area(ctx)
    if target is None:
        return
    uploaded = st.file_uploader(
        t("wa.file", lang),
        type=["txt", "zip"],
        key=f"{PREFIX}_file",
        help=t("wa.file_help", lang, mb=upload_limit_bytes() // 1024 // 1024),
    )
    if uploaded is None:
        return
    export = _parsed(uploaded)
    if isinstance(export, ImportRefused):
        st.error(t(export.key, lang, **export.values), icon=":material/block:")
        return
    _render_summary(export, lang)
    engine = engine_for(ctx.db_url)
    with engine.connect() as conn:
        found = candidates(conn, export, target, ctx.scope)
    active = data.active_categories(ctx.db_url)
    rts = [option.kode for option in data.rt_options(ctx.db_url, target.kelurahan_kode, target.rw, ctx.scope)]
    complaints = [c for c in found if c.guess.is_complaint]
    others = [c for c in found if not c.guess.is_complaint]
    round_key = _round(f"{uploaded.file_id}|{target}")
    st.markdown(
        f"**{t('wa.complaints', lang, jumlah=fmt_int(len(complaints), lang), total=fmt_int(len(found), lang))}**"
    )
    if not complaints:
        st.info(t("wa.no_complaints", lang), icon=":material/info:")
    chosen = _editor(complaints, ctx, tick=True, key=f"{PREFIX}_complaints_{round_key}", rts=rts, active=active)
    if others:
        with st.expander(t("wa.others", lang, jumlah=fmt_int(len(others), lang))):
            chosen += _editor(others, ctx, tick=False, key=f"{PREFIX}_others_{round_key}", rts=rts, active=active)
    without_rt = sum(1 for choice in chosen if choice.rt is None)
    if without_rt:
        st.warning(t("wa.rt_needed", lang, jumlah=fmt_int(without_rt, lang)), icon=":material/location_off:")
    if st.button(
        t("wa.create", lang, jumlah=fmt_int(len(chosen), lang)),
        type="primary",
        key=f"{PREFIX}_create",
        icon=":material/save:",
        disabled=not chosen or not ctx.may_write,
        help=None if chosen else t("wa.nothing_chosen", lang),
    ):
        st.session_state.pop(REFUSED_ROWS_STATE, None)
        run_write(PREFIX, lambda: _save(ctx, chosen, target))
        st.session_state[ROUND_STATE] = st.session_state.get(ROUND_STATE, 0) + 1
        st.rerun()
