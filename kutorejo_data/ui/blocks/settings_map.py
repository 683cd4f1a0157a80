"""Pengaturan, area map: upload the kelurahan's RW/RT boundaries as GeoJSON, see them drawn, save them for Peta."""

from __future__ import annotations

import json

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from kutorejo_data.core.errors import ServiceError
from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.intake.boundaries import MAX_GEOJSON_BYTES, UPLOAD_TYPES, BoundaryMap, read_boundaries
from kutorejo_data.records.boundaries import save_boundaries
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext, engine_for
from kutorejo_data.ui.frame.forms import Message, message_text, render_outcome, run_write
from kutorejo_data.ui.kit.map_charts import boundary_map
from kutorejo_data.ui.kit.text import escape_markdown

KEY = "pengaturan_peta"


def _uploaded_key() -> str:
    return f"{KEY}_berkas_{st.session_state.get(f'{KEY}_gen', 0)}"


def _read(file: UploadedFile) -> tuple[BoundaryMap | None, Message | None]:
    """The checked polygons of the upload, or the reason it is refused."""
    try:
        return read_boundaries(file.getvalue()), None
    except ServiceError as refused:
        return None, (refused.key, dict(refused.values))


def _save(ctx: AppContext, kelurahan: str, boundaries: BoundaryMap, name: str) -> None:
    def write() -> Message:
        save_boundaries(
            engine_for(ctx.db_url),
            kelurahan,
            boundaries.geojson,
            boundaries.features,
            nama_file=name,
            actor=ctx.actor,
            scope=ctx.scope,
        )
        return "settings.map_saved", {"fitur": boundaries.features}

    if run_write(KEY, write):
        st.session_state[f"{KEY}_gen"] = st.session_state.get(f"{KEY}_gen", 0) + 1


def render_area_map(ctx: AppContext, kelurahan: str) -> None:
    """The stored map (drawn, with who uploaded it when), and an uploader whose file is checked and previewed first."""
    lang = ctx.lang
    st.caption(t("settings.map_intro", lang))
    render_outcome(KEY, lang)
    stored = data.area_boundaries(ctx.db_url, kelurahan)
    if stored is None:
        st.info(t("settings.map_none", lang), icon=":material/map:")
    else:
        when = fmt_date(stored.updated_at.date(), lang)
        line = t("settings.map_current", lang, fitur=fmt_int(stored.fitur, lang), tanggal=when, oleh=stored.updated_by)
        st.markdown(escape_markdown(line))
        if stored.contoh:
            st.caption(t("peta.boundaries_sample", lang))
        st.plotly_chart(boundary_map(stored.geojson, lang), key=f"{KEY}_tersimpan", theme=None)
    file = st.file_uploader(
        t("settings.map_upload", lang),
        type=list(UPLOAD_TYPES),
        key=_uploaded_key(),
        max_upload_size=max(1, MAX_GEOJSON_BYTES // (1024 * 1024)),
        help=t("settings.map_upload_help", lang),
    )
    if not isinstance(file, UploadedFile):
        return
    boundaries, refused = _read(file)
    if refused is not None or boundaries is None:
        st.error(message_text(refused or ("error.geojson_invalid", {}), lang), icon=":material/block:")
        return
    st.markdown(f"**{t('settings.map_preview', lang, fitur=fmt_int(boundaries.features, lang))}**")
    st.plotly_chart(boundary_map(json.loads(boundaries.geojson), lang), key=f"{KEY}_pratinjau", theme=None)
    st.button(
        t("settings.map_save", lang),
        key=f"{KEY}_simpan",
        type="primary",
        icon=":material/save:",
        on_click=_save,
        args=(ctx, kelurahan, boundaries, file.name),
    )
