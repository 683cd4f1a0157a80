"""Masalah: the filtered report list, a page at a time, with downloads and one report's detail."""

import streamlit as st

from kutorejo_data.ui.blocks.report_list import (
    linked_report,
    list_column_config,
    list_table,
    page_count,
    render_downloads,
    show_report,
    styled_list,
    with_thumbnails,
)
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import current_context
from kutorejo_data.ui.frame.filters import EVERY_FILTER, filter_bar
from kutorejo_data.ui.kit import layout
from kutorejo_data.ui.kit.report_number import (
    is_invalid_number,
    render_number_error,
    report_number_input,
    typed_report_number,
)
from kutorejo_data.ui.kit.words import fmt_int, t

ctx = current_context()
lang = ctx.lang
st.title(t("masalah.title", lang))

has_reports, _ = data.database_status(ctx.db_url)
if not has_reports:
    layout.render_empty_database(lang)
    st.stop()

linked, link_notices = linked_report()
selection = filter_bar("masalah", ctx, EVERY_FILTER, link_notices=link_notices)
if st.session_state.get("masalah_link_seen") != st.query_params.get("laporan"):
    # The URL (`laporan`) says which report is open: a new link, a click in the list, or the box below.
    st.session_state["masalah_link_seen"] = st.query_params.get("laporan")
    st.session_state["masalah_nomor"] = str(linked or "")
now = ctx.now.replace(second=0)
total = data.report_count(ctx.db_url, selection.filters, ctx.scope)
st.caption(
    t("masalah.count", lang, count=fmt_int(total, lang), area=selection.area_label, period=selection.period_label)
)

if total == 0:
    st.info(t("masalah.none", lang), icon=":material/filter_alt_off:")
else:
    render_downloads(ctx, selection.filters)
    # A new filter starts at the first page again.
    if st.session_state.get("masalah_filters_seen") != selection.filters:
        st.session_state["masalah_filters_seen"] = selection.filters
        st.session_state["masalah_halaman"] = 1
    pages = page_count(total)
    st.session_state["masalah_halaman"] = min(st.session_state.get("masalah_halaman", 1), pages)
    page = data.report_page(ctx.db_url, selection.filters, ctx.scope, now, st.session_state["masalah_halaman"] - 1)
    table = with_thumbnails(list_table(page, lang), page, ctx)
    event = st.dataframe(
        styled_list(table, lang),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="masalah_tabel",
        width="stretch",
        column_config=list_column_config(lang),
    )
    pager, hint = st.columns([1, 3])
    pager.number_input(
        f"{t('masalah.page', lang)} ({t('masalah.page_of', lang, pages=pages)})",
        min_value=1,
        max_value=pages,
        step=1,
        key="masalah_halaman",
    )
    hint.caption(t("masalah.select_hint", lang))
    chosen = int(page.iloc[event.selection.rows[0]]["nomor"]) if event.selection.rows else None
    if chosen is not None and chosen != st.session_state.get("masalah_chosen_seen"):  # a new click, not a rerun
        st.query_params["laporan"] = str(chosen)
        st.session_state["masalah_link_seen"] = str(chosen)
        st.session_state["masalah_nomor"] = str(chosen)
    st.session_state["masalah_chosen_seen"] = chosen


def open_typed_number() -> None:
    """Typing a number opens that report and puts it in the URL; anything else is explained under the box."""
    typed = st.session_state.get("masalah_nomor")
    number = typed_report_number(typed)
    if number is not None:
        st.query_params["laporan"] = str(number)
    elif not is_invalid_number(typed):
        st.query_params.pop("laporan", None)
    st.session_state["masalah_link_seen"] = st.query_params.get("laporan")


typed = report_number_input(t("masalah.open_number", lang), "masalah_nomor", on_change=open_typed_number)
if is_invalid_number(typed):
    render_number_error(lang)
elif (nomor := typed_report_number(typed)) is not None:
    show_report(ctx, nomor)
