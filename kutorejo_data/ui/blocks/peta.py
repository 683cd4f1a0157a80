"""Peta: the filtered reports with coordinates as points (status colours, age sizes) over OpenStreetMap or over the
kelurahan's own RW/RT polygons alone; a point's label names its report, and a row of the list under the map opens
its detail below.

Streamlit passes no click on a map trace back to the script (its selection events cover charts with x/y axes), so
the list is the way to open a report from the map; hovering (or tapping, on a phone) a point shows its number.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.records.report_map import ReportPoints
from kutorejo_data.records.reports import PAGE_SIZE
from kutorejo_data.ui.frame import data
from kutorejo_data.ui.frame.context import AppContext
from kutorejo_data.ui.frame.filters import Selection
from kutorejo_data.ui.kit.map_charts import report_map

PREFIX = "peta"
BASES = ("osm", "polos")  # OpenStreetMap tiles (online), or the polygons alone (works offline)


def _key(name: str) -> str:
    return f"{PREFIX}_{name}"


def _open(nomor: int | None) -> None:
    """Open a report's detail under the map, and say so in the URL (`laporan`) so the view can be shared."""
    if nomor is None:
        return
    st.query_params["laporan"] = str(nomor)
    st.session_state[_key("nomor")] = nomor


def _points_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.nomor", lang): points["nomor"].astype(int),
            t("col.wilayah", lang): [f"{rt}/{rw}" for rt, rw in zip(points["rt"], points["rw"], strict=True)],
            t("col.status", lang): [t(f"status.{s}", lang) for s in points["status"]],
            t("col.kategori", lang): [
                category_label(slug, nama, lang)
                for slug, nama in zip(points["kategori"], points["kategori_nama"], strict=True)
            ],
            t("col.judul", lang): list(points["judul"]),
            t("col.umur", lang): [math.floor(a) for a in points["umur"]],
        }
    )


def _captions(ctx: AppContext, found: ReportPoints, selection: Selection) -> None:
    lang = ctx.lang
    st.caption(
        t(
            "peta.count",
            lang,
            shown=fmt_int(len(found.points), lang),
            located=fmt_int(found.with_coordinates, lang),
            total=fmt_int(found.total, lang),
            area=selection.area_label,
            period=selection.period_label,
        )
    )
    if len(found.points) < found.with_coordinates:
        st.caption(t("peta.limited", lang, n=fmt_int(len(found.points), lang)))


def render_map_page(ctx: AppContext, selection: Selection) -> int | None:
    """The map, its legend notes and the list of its points; returns the report the reader opened, if any."""
    lang = ctx.lang
    found = data.report_points(ctx.db_url, selection.filters, ctx.scope, ctx.now.replace(second=0))
    stored = data.area_boundaries(ctx.db_url, selection.filters.kelurahan_kode or "")
    _captions(ctx, found, selection)
    st.session_state.setdefault(_key("dasar"), BASES[0])
    st.segmented_control(
        t("peta.base", lang),
        BASES,
        key=_key("dasar"),
        format_func=lambda base: t(f"peta.base_{base}", lang),
        help=t("peta.base_help", lang),
    )
    tiles = st.session_state.get(_key("dasar")) != "polos"
    figure = report_map(found.points, stored.geojson if stored else None, lang, tiles=tiles)
    st.plotly_chart(figure, key=_key("grafik"), config={"scrollZoom": True, "displayModeBar": False}, theme=None)
    notes = [t("peta.legend", lang), t("peta.select_hint", lang)]
    if stored is None:
        notes.append(t("peta.no_boundaries", lang))
    elif stored.contoh:
        notes.append(t("peta.boundaries_sample", lang))
    st.caption(" ".join(notes))
    if found.points.empty:
        st.info(t("peta.none", lang), icon=":material/location_off:")
        return st.session_state.get(_key("nomor"))
    opened = st.session_state.get(_key("nomor"))
    title = t("peta.list", lang, n=fmt_int(len(found.points), lang))
    with st.expander(title, icon=":material/list:", expanded=opened is None):
        shown = found.points.head(PAGE_SIZE)
        table = st.dataframe(
            _points_table(shown, lang),
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key=_key("tabel"),
            width="stretch",
        )
        rows = table.selection.rows
        if rows and st.session_state.get(_key("baris")) != rows[0]:  # a new click, not a rerun
            _open(int(shown.iloc[rows[0]]["nomor"]))
        st.session_state[_key("baris")] = rows[0] if rows else None
        if len(found.points) > PAGE_SIZE:
            st.caption(t("peta.list_more", lang, n=fmt_int(PAGE_SIZE, lang)))
    return st.session_state.get(_key("nomor"))
