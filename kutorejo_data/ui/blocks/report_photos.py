"""A report's photos in its detail: before and after side by side as thumbnails; a tap opens the full photo."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.core import domain
from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.records.photos import PhotoInfo
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext
from kutorejo_data.ui.kit.text import escape_markdown


def _caption(photo: PhotoInfo, lang: str) -> str:
    when = f"{fmt_date(photo.created_at.date(), lang)} {photo.created_at:%H:%M}"
    return t("photo.caption", lang, jenis=t(f"photo.{photo.jenis}", lang), tanggal=when, oleh=photo.created_by)


def _show_full(ctx: AppContext, photo: PhotoInfo) -> None:
    """The dialog's body: the whole photo, what it shows and its size."""
    image = data.photo_image(ctx.db_url, photo.id, ctx.scope, ctx.may_see_reports)
    if image is None:
        st.warning(t("photo.gone", ctx.lang), icon=":material/hide_image:")
        return
    st.image(image, width="stretch")
    size = t(
        "photo.size",
        ctx.lang,
        lebar=fmt_int(photo.lebar, ctx.lang),
        tinggi=fmt_int(photo.tinggi, ctx.lang),
        kb=fmt_int(round(photo.ukuran / 1024), ctx.lang),
    )
    st.caption(escape_markdown(f"#{photo.laporan_id} · {_caption(photo, ctx.lang)} · {size}"))


def render_report_photos(ctx: AppContext, nomor: int) -> None:
    """Before and after, side by side; nothing when the report has no photo (or the reader may not see them)."""
    lang = ctx.lang
    photos = data.report_photos(ctx.db_url, nomor, ctx.scope, ctx.may_see_reports)
    if not photos:
        return
    st.markdown(f"**{t('photo.title', lang)}**")
    enlarge = st.dialog(t("photo.dialog_title", lang), width="large")(_show_full)
    for column, kind in zip(st.columns(2), domain.PHOTO_KINDS, strict=True):
        column.markdown(f"**{t(f'photo.{kind}', lang)}**")
        shown = [photo for photo in photos if photo.jenis == kind]
        if not shown:
            column.caption(t("photo.none_kind", lang, jenis=t(f"photo.{kind}", lang).lower()))
        for photo in shown:
            column.image(photo.gambar_kecil, caption=escape_markdown(_caption(photo, lang)), width="stretch")
            if column.button(
                t("photo.enlarge", lang), key=f"foto_besar_{photo.id}", icon=":material/zoom_in:", width="stretch"
            ):
                enlarge(ctx, photo)
