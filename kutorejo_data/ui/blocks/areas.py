"""The blocks of the Wilayah page: the treemap, opening a chosen area in the other pages, the values as a list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.analytics.area_view import AREA_METRICS
from kutorejo_data.analytics.metrics import METRICS
from kutorejo_data.core.filters import ReportFilters
from kutorejo_data.core.formatting import fmt_int, format_value
from kutorejo_data.core.i18n import t
from kutorejo_data.core.metric import Metric
from kutorejo_data.core.units import unit_label
from kutorejo_data.ui.kit.area_charts import ROOT_ID, area_treemap, unit_code
from kutorejo_data.ui.kit.cards import clean
from kutorejo_data.ui.kit.links import language_params

CHART_KEY = "wilayah_peta"
PICK_KEY = "wilayah_pilih"
NONE = ""
# Pages an area opens in, with their icon (the same as in the navigation).
LINKED_PAGES = (
    ("pages/ringkasan.py", "ringkasan", "dashboard"),
    ("pages/partisipasi.py", "partisipasi", "groups"),
    ("pages/kapasitas.py", "kapasitas", "military_tech"),
)


def pick_measure(lang: str) -> Metric:
    """The measure the areas are coloured by, chosen by the reader, with its definition under the choice."""
    key = st.selectbox(
        t("wilayah.measure", lang),
        [m.key for m in AREA_METRICS],
        key="wilayah_ukuran",
        format_func=lambda key: METRICS[key].label(lang),
    )
    metric = METRICS[key]
    st.caption(metric.help(lang))
    return metric


def render_treemap(rws: pd.DataFrame, rts: pd.DataFrame, metric: Metric, root_label: str, lang: str) -> None:
    """The treemap; clicking a tile picks that area below (the chart also zooms into an RW)."""
    codes = {unit_code(rw, rt) for rw, rt in zip(rts["rw"], rts["rt"], strict=True)} | set(rws["rw"])

    def pick_from_chart() -> None:
        points = st.session_state[CHART_KEY].selection.points
        if points:
            point = points[0]
            code = point.get("id") or (point.get("customdata") or [None])[0]
            if code in codes and code != ROOT_ID:
                st.session_state[PICK_KEY] = code

    st.plotly_chart(
        area_treemap(rws, rts, metric, root_label, lang),
        key=CHART_KEY,
        on_select=pick_from_chart,
        selection_mode="points",
        config={"displayModeBar": False},
    )
    st.caption(t("wilayah.legend", lang))


def _code_label(code: str) -> str:
    rw, _, rt = code.partition("/")
    return unit_label(rw, rt or None)


def render_open_in(rws: pd.DataFrame, rts: pd.DataFrame, filters: ReportFilters, lang: str) -> None:
    """Pick an RW or RT (or click its tile) and open it, with the same period, in the other pages."""
    options = [NONE, *rws["rw"], *(unit_code(rw, rt) for rw, rt in zip(rts["rw"], rts["rt"], strict=True))]
    if st.session_state.get(PICK_KEY) not in options:
        st.session_state[PICK_KEY] = NONE
    code = st.selectbox(
        t("wilayah.pick", lang),
        options,
        key=PICK_KEY,
        format_func=lambda c: t("wilayah.pick_none", lang) if c == NONE else _code_label(c),
    )
    if code == NONE:
        return
    rw, _, rt = code.partition("/")
    params = {"rw": rw, **({"rt": rt} if rt else {}), **language_params(lang)}
    if filters.kelurahan_kode:
        params["kel"] = filters.kelurahan_kode
    if filters.dari and filters.sampai:
        params.update(dari=filters.dari.isoformat(), sampai=filters.sampai.isoformat())
    for column, (path, key, icon) in zip(st.columns(len(LINKED_PAGES)), LINKED_PAGES, strict=True):
        column.page_link(
            path, label=t(f"nav.{key}", lang), icon=f":material/{icon}:", query_params=params, width="stretch"
        )


def render_values(rts: pd.DataFrame, metric: Metric, lang: str) -> None:
    """The RTs as a list, the ones needing attention first (for phones, printing, and reading exact values)."""
    values = rts[metric.key]
    order = values.sort_values(ascending=bool(metric.higher_is_better), na_position="last").index
    frame = rts.loc[order]
    st.dataframe(
        pd.DataFrame(
            {
                t("wilayah.col_unit", lang): frame["label"],
                metric.label(lang): [format_value(metric, clean(v), lang) for v in frame[metric.key]],
                t("wilayah.households", lang): [fmt_int(clean(v), lang) for v in frame["jumlah_kk"]],
                t("wilayah.col_open", lang): [fmt_int(v, lang) for v in frame["terbuka"]],
                t("wilayah.col_overdue", lang): [fmt_int(v, lang) for v in frame["terlambat"]],
            }
        ),
        hide_index=True,
        width="stretch",
        height=min(420, 35 * len(frame) + 40),
    )
