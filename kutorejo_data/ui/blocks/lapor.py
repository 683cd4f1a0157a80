"""SP4N-LAPOR! blocks: in a report handed to the dinas, the ready-to-paste LAPOR! text, the link to the LAPOR! form
and its tracking ID; on the Impor & Ekspor page, the LAPOR! admin export read in (preview first, one transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from kutorejo_data.core.config import now_local
from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.intake.importing import refusal_message
from kutorejo_data.intake.lapor import LaporFile, preview_lapor, read_lapor_file, run_lapor_import
from kutorejo_data.intake.reading import ImportRefused
from kutorejo_data.records.lapor import (
    LAPOR_ID_MAX,
    LAPOR_URL,
    LaporResult,
    lapor_link,
    lapor_text,
    photo_file_name,
    record_lapor_id,
)
from kutorejo_data.records.reports import ReportDetail
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, field_error, render_outcome, write_on_click
from kutorejo_data.ui.kit.text import escape_markdown

UPLOAD_STATE = "impor_lapor_upload"
RESULT_STATE = "impor_lapor_result"


def render_lapor(ctx: AppContext, detail: ReportDetail) -> None:
    """For a report at the dinas: the LAPOR! text to paste, the form's link, and its LAPOR! tracking ID."""
    lang = ctx.lang
    with engine_for(ctx.db_url).connect() as conn:
        link = lapor_link(conn, detail.nomor, ctx.scope)
    if link is None:
        return
    photos = data.report_photos(ctx.db_url, detail.nomor, ctx.scope, ctx.may_see_reports)
    text = lapor_text(detail, photos)
    with st.container(border=True, key=f"lapor_{detail.nomor}"):
        st.markdown(f"**{t('sp4n.title', lang)}**")
        st.caption(t("sp4n.intro", lang))
        st.code(text.full(), language=None, wrap_lines=True)
        if photos:
            columns = st.columns(min(4, len(photos)))
            for index, photo in enumerate(photos, start=1):
                columns[(index - 1) % len(columns)].download_button(
                    t("sp4n.photo", lang, n=index, jenis=photo.jenis),
                    partial(_photo_bytes, ctx, photo.id),
                    file_name=photo_file_name(detail.nomor, index, photo),
                    mime="image/jpeg",
                    key=f"lapor_{detail.nomor}_foto_{photo.id}",
                    on_click="ignore",
                    icon=":material/download:",
                )
        st.link_button(t("sp4n.open_form", lang), LAPOR_URL, icon=":material/open_in_new:")
        if link.lapor_id:
            status = escape_markdown(link.lapor_status or t("sp4n.status_unknown", lang))
            st.markdown(t("sp4n.linked", lang, id=escape_markdown(link.lapor_id), status=status))
        if ctx.may_write:
            _render_id_form(ctx, detail.nomor, link.lapor_id)


def _photo_bytes(ctx: AppContext, foto_id: int) -> bytes:
    """The full JPEG of a photo, read only when the reader clicks (inside their scope, as every photo read)."""
    return data.photo_image(ctx.db_url, foto_id, ctx.scope, ctx.may_see_reports) or b""


def _render_id_form(ctx: AppContext, nomor: int, current: str | None) -> None:
    lang, prefix = ctx.lang, f"lapor_{nomor}"

    def write() -> Message:
        typed = str(st.session_state.get(f"{prefix}_id", ""))
        saved = record_lapor_id(engine_for(ctx.db_url), nomor, typed, actor=ctx.actor, scope=ctx.scope, now=now_local())
        return ("sp4n.id_saved", {"nomor": nomor, "id": saved or "—"})

    render_outcome(prefix, lang)
    st.text_input(
        t("sp4n.id_label", lang),
        value=current or "",
        key=f"{prefix}_id",
        max_chars=LAPOR_ID_MAX + 1,
        help=t("sp4n.id_help", lang),
    )
    field_error(prefix, "lapor_id", lang)
    st.button(t("sp4n.id_save", lang), key=f"{prefix}_simpan", on_click=write_on_click(prefix, write))


# ---------------------------------------------------------------------------------------------------------------
# Impor & Ekspor: the LAPOR! admin export


@dataclass(frozen=True)
class _Upload:
    file_id: str
    name: str
    content: LaporFile | None
    refusal: ImportRefused | None


def _read(file_id: str, name: str, content: bytes) -> _Upload:
    cached: _Upload | None = st.session_state.get(UPLOAD_STATE)
    if cached is not None and cached.file_id == file_id:
        return cached
    try:
        upload = _Upload(file_id, name, read_lapor_file(content), None)
    except ImportRefused as refused:
        upload = _Upload(file_id, name, None, refused)
    st.session_state[UPLOAD_STATE] = upload
    return upload


def result_frames(content: LaporFile, result: LaporResult, lang: str) -> dict[str, pd.DataFrame]:
    """One table per outcome: moved, unchanged (with why), unknown IDs, skipped rows; cells are data, never markup."""
    row, nomor, lapor, status = (
        t("sp4n.col.row", lang),
        t("sp4n.col.nomor", lang),
        t("sp4n.col.lapor_id", lang),
        t("sp4n.col.status", lang),
    )
    moved = pd.DataFrame(
        {
            row: [o.update.row for o in result.moved],
            nomor: [o.laporan_id for o in result.moved],
            lapor: [o.update.lapor_id for o in result.moved],
            status: [" → ".join(t(f"status.{s}", lang) for s in (o.from_status, *o.steps)) for o in result.moved],
        }
    )
    unchanged = pd.DataFrame(
        {
            row: [o.update.row for o in result.unchanged],
            nomor: [o.laporan_id for o in result.unchanged],
            lapor: [o.update.lapor_id for o in result.unchanged],
            status: [t(f"status.{o.from_status}", lang) for o in result.unchanged],
            t("sp4n.col.reason", lang): [
                t(o.reason, lang) if o.reason else t("sp4n.reason.same", lang) for o in result.unchanged
            ],
        }
    )
    unknown = pd.DataFrame({row: [u.row for u in result.unknown], lapor: [u.lapor_id for u in result.unknown]})
    skipped = pd.DataFrame(
        {
            row: [s.row for s in content.skipped],
            t("sp4n.col.value", lang): [s.value for s in content.skipped],
            t("sp4n.col.reason", lang): [t(s.reason, lang) for s in content.skipped],
        }
    )
    return {"moved": moved, "unchanged": unchanged, "unknown": unknown, "skipped": skipped}


def _confirm(ctx: AppContext, upload: _Upload) -> None:
    assert upload.content is not None
    lang = ctx.lang
    try:
        done = run_lapor_import(
            engine_for(ctx.db_url),
            upload.content,
            actor=ctx.actor,
            scope=ctx.scope,
            now=now_local(),
            file_name=upload.name,
        )
    except ServiceError as refused:
        st.session_state[RESULT_STATE] = (upload.file_id, "error", t(refused.key, lang, **refused.values))
        return
    message = t("sp4n.done", lang, diperbarui=fmt_int(len(done.moved), lang), asing=fmt_int(len(done.unknown), lang))
    st.session_state[RESULT_STATE] = (upload.file_id, "success", message)
    data.invalidate_cached_reads()


def render_lapor_import(ctx: AppContext) -> None:
    """Upload a LAPOR! admin export, see what it changes, and write it in one go."""
    lang = ctx.lang
    st.caption(t("sp4n.import_intro", lang))
    uploaded = st.file_uploader(t("sp4n.file", lang), type=["csv", "xlsx"], key="impor_lapor_file")
    if uploaded is None:
        return
    upload = _read(uploaded.file_id, uploaded.name, uploaded.getvalue())
    result = st.session_state.get(RESULT_STATE)
    if result is not None and result[0] == upload.file_id:
        (st.success if result[1] == "success" else st.error)(result[2])
    if upload.refusal is not None or upload.content is None:
        assert upload.refusal is not None
        st.error(refusal_message(upload.refusal, lang), icon=":material/block:")
        return
    preview = preview_lapor(engine_for(ctx.db_url), upload.content, ctx.scope)
    counts = (
        ("moved", len(preview.moved)),
        ("unchanged", len(preview.unchanged)),
        ("unknown", len(preview.unknown)),
        ("skipped", len(upload.content.skipped)),
    )
    for column, (name, count) in zip(st.columns(4), counts, strict=True):
        column.metric(t(f"sp4n.count.{name}", lang), fmt_int(count, lang), border=True)
    if preview.unknown:
        st.warning(
            t("sp4n.unknown_ids", lang, daftar=escape_markdown(", ".join(u.lapor_id for u in preview.unknown))),
            icon=":material/help:",
        )
    frames = result_frames(upload.content, preview, lang)
    names = [name for name in ("moved", "unchanged", "unknown", "skipped") if not frames[name].empty]
    if names:
        tabs = st.tabs([t(f"sp4n.count.{name}", lang) for name in names])
        for tab, name in zip(tabs, names, strict=True):
            tab.dataframe(frames[name], hide_index=True, width="stretch")
    if not preview.moved and not preview.unchanged:
        return
    st.button(
        t("sp4n.confirm", lang, jumlah=fmt_int(len(preview.moved), lang)),
        type="primary",
        key="impor_lapor_confirm",
        icon=":material/save:",
        disabled=not ctx.may_write,
        on_click=partial(_confirm, ctx, upload),
    )
