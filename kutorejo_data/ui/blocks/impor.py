"""Blocks of the Impor & Ekspor page: upload, column mapping, preview and confirm; templates; export downloads.

Parsing a 20,000-row file or planning its import takes seconds, so the parsed table and the preview are kept
in the session (plain data, no database session) until the file, the choices or the database change.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial

import streamlit as st
from sqlalchemy import Engine
from streamlit.runtime.uploaded_file_manager import UploadedFile

from kutorejo_data.analytics import metrics
from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.filters import ReportFilters, Scope
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.intake.columns import IGNORE, JENIS, Jenis, field_names, map_columns
from kutorejo_data.intake.guard import upload_limits
from kutorejo_data.intake.importing import (
    ImportOptions,
    ImportPlan,
    ImportRefused,
    Table,
    column_summary,
    preview_frames,
    preview_import,
    read_table,
    refusal_message,
    run_import,
)
from kutorejo_data.intake.reading import upload_limit_bytes
from kutorejo_data.intake.template import template_csv, template_xlsx
from kutorejo_data.records.export import FORMATS, MEDIA_TYPES, ExportFormat, export_filename, export_reports
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.filters import filter_bar
from kutorejo_data.ui.kit.text import escape_markdown

UPLOAD_STATE = "impor_upload"
PREVIEW_STATE = "impor_preview"
RESULT_STATE = "impor_result"
MAP_PREFIX = "impor_map_"


@dataclass(frozen=True)
class _Upload:
    """The parsed table of one uploaded file, or why it was refused."""

    key: tuple[str, str]
    name: str  # the file's name, for the audit log
    table: Table | None
    refusal: ImportRefused | None


def _read_upload(uploaded: UploadedFile, jenis: Jenis) -> _Upload:
    """Parse the upload once per file and kind; a new file forgets the previous file's column choices."""
    key = (uploaded.file_id, jenis)
    cached: _Upload | None = st.session_state.get(UPLOAD_STATE)
    if cached is not None and cached.key == key:
        return cached
    for name in [k for k in st.session_state if str(k).startswith(MAP_PREFIX)]:
        del st.session_state[name]
    try:
        upload = _Upload(key, uploaded.name, read_table(uploaded.getvalue(), jenis), None)
    except ImportRefused as refused:
        upload = _Upload(key, uploaded.name, None, refused)
    st.session_state[UPLOAD_STATE] = upload
    st.session_state.pop(PREVIEW_STATE, None)
    return upload


def _choose_kind_and_target(ctx: AppContext) -> tuple[Jenis, str | None]:
    lang = ctx.lang
    left, right = st.columns(2)
    jenis: Jenis = left.radio(
        t("impor.jenis", lang),
        JENIS,
        key="impor_jenis",
        horizontal=True,
        format_func=lambda j: t(f"impor.jenis.{j}", lang),
    )
    kelurahan = data.kelurahan_options(ctx.db_url, ctx.scope)
    if len(kelurahan) <= 1:
        return jenis, kelurahan[0].kode if kelurahan else None
    names = {k.kode: k.label for k in kelurahan}
    kode = right.selectbox(
        t("impor.kelurahan", lang), list(names), key="impor_kelurahan", format_func=lambda kode: names[kode]
    )
    return jenis, kode


def _render_templates(ctx: AppContext, jenis: Jenis) -> None:
    lang = ctx.lang
    with st.expander(t("impor.template", lang), icon=":material/description:"):
        st.caption(t("impor.template_caption", lang))
        left, right = st.columns(2)
        left.download_button(
            t("impor.template_xlsx", lang),
            template_xlsx(jenis, data.category_names(ctx.db_url)),
            file_name=f"templat_{jenis}.xlsx",
            mime=MEDIA_TYPES["xlsx"],
            key="impor_template_xlsx",
            on_click="ignore",
            icon=":material/download:",
        )
        right.download_button(
            t("impor.template_csv", lang),
            template_csv(jenis),
            file_name=f"templat_{jenis}.csv",
            mime=MEDIA_TYPES["csv"],
            key="impor_template_csv",
            on_click="ignore",
            icon=":material/download:",
        )


def _render_mapping(table: Table, jenis: Jenis, lang: str) -> dict[str, str]:
    """Recognised columns as a caption; a field choice per unrecognised column. Returns 'Header' → field."""
    detected = map_columns(table.headers, jenis)
    recognised, _ = column_summary(detected, lang)
    if recognised:
        st.caption(t("impor.recognised", lang, daftar=escape_markdown(", ".join(recognised))))
    if not detected.unknown:
        return {}
    st.markdown(f"**{t('impor.mapping_title', lang)}**")
    st.caption(t("impor.mapping_help", lang))
    choices = ["", *field_names(jenis)]
    mapping: dict[str, str] = {}
    columns = st.columns(min(3, len(detected.unknown)))
    for position, index in enumerate(detected.unknown):
        header = detected.headers[index]
        chosen = columns[position % len(columns)].selectbox(
            escape_markdown(header),
            choices,
            key=f"{MAP_PREFIX}{index}",
            format_func=lambda f: t(f"import.field.{f}", lang) if f else t("impor.map_ignore", lang),
        )
        mapping[header] = chosen or IGNORE
    return mapping


def _render_counts(plan: ImportPlan, lang: str) -> None:
    counts = (
        ("added", plan.added),
        ("updated", plan.updated),
        ("unchanged", plan.unchanged),
        ("rejected", plan.rejected),
    )
    for column, (name, rows) in zip(st.columns(4), counts, strict=True):
        column.metric(
            t(f"import.count.{name}", lang),
            fmt_int(len(rows), lang),
            help=t(f"import.count.{name}_help", lang),
            border=True,
        )


def _render_preview(plan: ImportPlan, lang: str) -> None:
    """Counts, notices and one table per outcome; cells are data, never rendered as markdown or HTML."""
    st.subheader(t("impor.preview_title", lang))
    _render_counts(plan, lang)
    if plan.empty_rows:
        st.caption(t("import.empty_rows", lang, jumlah=fmt_int(plan.empty_rows, lang)))
    for notice in plan.notices:
        st.info(notice.message(plan.columns, lang), icon=":material/info:")
    frames = preview_frames(plan, lang)
    names = [name for name in ("rejected", "added", "updated", "unchanged") if not frames[name].empty]
    if not names:
        return
    tabs = st.tabs([t(f"impor.tab.{name}", lang, jumlah=fmt_int(len(frames[name]), lang)) for name in names])
    for tab, name in zip(tabs, names, strict=True):
        tab.dataframe(frames[name], hide_index=True, width="stretch")


def _preview(engine: Engine, upload: _Upload, options: ImportOptions, scope: Scope) -> ImportPlan:
    """The preview for these choices, planned once and kept until something changes."""
    key = (upload.key, options, scope)
    cached = st.session_state.get(PREVIEW_STATE)
    if cached is not None and cached[0] == key:
        return cached[1]
    assert upload.table is not None
    plan = preview_import(engine, upload.table, options, scope)
    st.session_state[PREVIEW_STATE] = (key, plan)
    return plan


def _confirm(engine: Engine, upload: _Upload, options: ImportOptions, ctx: AppContext) -> None:
    """Write in one transaction; remember the outcome for the next run and refresh every cached read."""
    assert upload.table is not None
    lang = ctx.lang
    try:
        done = run_import(engine, upload.table, options, ctx.scope, actor=ctx.actor, file_name=upload.name)
    except (ImportRefused, ServiceError) as refused:  # a ServiceError: a read-only account, nothing was planned
        alasan = t(refused.key, lang, **refused.values)
        st.session_state[RESULT_STATE] = (upload.key, "error", t("impor.failed", lang, alasan=alasan))
    else:
        message = t(
            "impor.success",
            lang,
            ditambah=fmt_int(len(done.added), lang),
            diperbarui=fmt_int(len(done.updated), lang),
            sama=fmt_int(len(done.unchanged), lang),
            ditolak=fmt_int(len(done.rejected), lang),
        )
        st.session_state[RESULT_STATE] = (upload.key, "success", message)
        data.invalidate_cached_reads()
    st.session_state.pop(PREVIEW_STATE, None)


def render_import(ctx: AppContext) -> None:
    """The import section: kind, templates, upload, mapping, preview, confirm."""
    lang = ctx.lang
    st.caption(t("impor.intro", lang))
    jenis, kelurahan_kode = _choose_kind_and_target(ctx)
    _render_templates(ctx, jenis)
    limit_mb = upload_limit_bytes() // 1024 // 1024
    uploaded = st.file_uploader(
        t("impor.file", lang),
        type=["csv", "xlsx"],
        key="impor_file",
        help=t("impor.file_help", lang, mb=limit_mb, baris=fmt_int(upload_limits().max_rows, lang)),
    )
    if uploaded is None:
        return
    upload = _read_upload(uploaded, jenis)
    result = st.session_state.get(RESULT_STATE)
    if result is not None and result[0] == upload.key:
        (st.success if result[1] == "success" else st.error)(result[2])
    if upload.refusal is not None:
        st.error(refusal_message(upload.refusal, lang), icon=":material/block:")
        return
    assert upload.table is not None
    st.caption(t("impor.header_row", lang, baris=upload.table.header_row, jumlah=fmt_int(len(upload.table.rows), lang)))
    mapping = _render_mapping(upload.table, jenis, lang)
    options = ImportOptions(jenis=jenis, kelurahan_kode=kelurahan_kode, mapping=tuple(sorted(mapping.items())))
    engine = engine_for(ctx.db_url)
    try:
        plan = _preview(engine, upload, options, ctx.scope)
    except ImportRefused as refused:
        st.warning(refusal_message(refused, lang), icon=":material/table_rows:")
        return
    _render_preview(plan, lang)
    writes = len(plan.added) + len(plan.updated)
    if not plan.writes_anything:
        st.info(t("impor.nothing_to_write", lang))
        return
    if st.button(
        t("impor.confirm", lang, jumlah=fmt_int(writes, lang)),
        type="primary",
        key="impor_confirm",
        icon=":material/save:",
    ):
        _confirm(engine, upload, options, ctx)
        st.rerun()


def _export_bytes(engine: Engine, fmt: ExportFormat, filters: ReportFilters, scope: Scope) -> bytes:
    """The export file, made only when the reader clicks (no personal data: there are no accounts yet)."""
    out = io.BytesIO()
    export_reports(engine, fmt, out, filters, scope, with_personal_data=False)
    return out.getvalue()


@st.cache_data(ttl=data.CACHE_TTL_SECONDS, show_spinner=False)
def _report_count(db_url: str, filters: ReportFilters, scope: Scope) -> int:
    """How many reports the export will hold (the 'Laporan masuk' definition, same conditions as the export)."""
    with engine_for(db_url).connect() as conn:
        return metrics.laporan_masuk(conn, filters, scope)


def render_export(ctx: AppContext) -> None:
    """The export section: the shared area/period filter and one download per format."""
    lang = ctx.lang
    has_reports, _ = data.database_status(ctx.db_url)
    if not has_reports:
        st.info(t("impor.export_empty", lang))
        return
    st.caption(t("impor.export_intro", lang))
    selection = filter_bar("impor_ekspor", ctx)
    count = _report_count(ctx.db_url, selection.filters, ctx.scope)
    st.caption(
        t(
            "impor.export_count",
            lang,
            jumlah=fmt_int(count, lang),
            area=selection.area_label,
            period=selection.period_label,
        )
    )
    engine = engine_for(ctx.db_url)
    for column, fmt in zip(st.columns(len(FORMATS)), FORMATS, strict=True):
        column.download_button(
            t(f"impor.export_{fmt}", lang),
            partial(_export_bytes, engine, fmt, selection.filters, ctx.scope),
            file_name=export_filename(fmt, selection.filters, ctx.today),
            mime=MEDIA_TYPES[fmt],
            key=f"impor_ekspor_{fmt}",
            on_click="ignore",
            disabled=count == 0,
            icon=":material/download:",
        )
