"""Blocks of the Penyelesaian page: its tabs, the KPI strip, timing tables, overdue list and the RW/RT comparison."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kutorejo_data.analytics.accountability import OnTime
from kutorejo_data.analytics.metrics import (
    ALUR_STATUS,
    DATA_BELUM_CUKUP,
    MEDIAN_WAKTU_PENYELESAIAN,
    MEDIAN_WAKTU_TANGGAP,
    P90_WAKTU_PENYELESAIAN,
    P90_WAKTU_TANGGAP,
    PORSI_ESKALASI,
    PORSI_TERLAMBAT,
    SELESAI_TEPAT_WAKTU,
    TANGGAP_CEPAT,
    UMUR_TERBUKA,
)
from kutorejo_data.core import domain
from kutorejo_data.core.formatting import fmt_days, fmt_int, fmt_percent, fmt_share
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.ui.frame.sections import PageSections
from kutorejo_data.ui.kit import charts
from kutorejo_data.ui.kit.cards import render_value_cards
from kutorejo_data.ui.kit.links import report_link
from kutorejo_data.ui.kit.tables import markdown_link, render_text_table

from .report_list import report_columns

# The page's tabs, by the name a link gives them (`?bagian=`).
TABS = PageSections("penyelesaian", ("alur", "tepat_waktu", "kecepatan", "wilayah", "kepuasan"))


def render_speed_cards(values: dict[str, float | None], lang: str) -> None:
    """Median/P90 response and resolution for the whole selection, and the escalated share (speed_values)."""
    shown = (MEDIAN_WAKTU_TANGGAP, P90_WAKTU_TANGGAP, MEDIAN_WAKTU_PENYELESAIAN, P90_WAKTU_PENYELESAIAN, PORSI_ESKALASI)
    render_value_cards(values, shown, lang)


def render_flow_and_backlog(flow: dict[str, int], backlog_age: pd.DataFrame, lang: str) -> None:
    """How the period's reports moved through the statuses, beside the open backlog by age."""
    flow_column, backlog_column = st.columns(2)
    with flow_column:
        st.subheader(t("penyelesaian.flow", lang), help=ALUR_STATUS.help(lang))
        if flow["masuk"]:
            st.plotly_chart(charts.flow_funnel(flow, lang), config={"displayModeBar": False})
            st.caption(f"{t('flow.ditolak', lang)}: {flow['ditolak']} · {t('flow.duplikat', lang)}: {flow['duplikat']}")
        else:
            st.info(t("penyelesaian.no_data", lang))
    with backlog_column:
        st.subheader(t("penyelesaian.backlog", lang), help=UMUR_TERBUKA.help(lang))
        if backlog_age["terbuka"].any():
            st.plotly_chart(charts.open_overdue_bars(backlog_age, "umur", lang), config={"displayModeBar": False})
        else:
            st.info(t("penyelesaian.backlog_none", lang))


def _on_time_table(frame: pd.DataFrame, group: str, lang: str, order: tuple[str, ...] = ()) -> pd.DataFrame:
    """Counts as `x dari n (p%)` under words a reader understands; levels in the ladder's order."""
    if order:
        rank = {key: i for i, key in enumerate(order)}
        frame = frame.sort_values("grup", key=lambda s: s.map(lambda g: rank.get(g, len(rank))), ignore_index=True)
    labels = [t(f"penanganan.{g}", lang) for g in frame["grup"]] if group == "tingkat" else list(frame["grup"])

    return pd.DataFrame(
        {
            t(f"col.grup_{group}", lang): labels,
            TANGGAP_CEPAT.label(lang): [
                fmt_share(a, n, lang) for a, n in zip(frame["tanggap_tepat"], frame["tanggap_n"], strict=True)
            ],
            SELESAI_TEPAT_WAKTU.label(lang): [
                fmt_share(a, n, lang) for a, n in zip(frame["selesai_tepat"], frame["selesai_n"], strict=True)
            ],
            t("col.eskalasi", lang): [fmt_int(n, lang) for n in frame["eskalasi"]],
        }
    )


def render_on_time(tables: OnTime, show_people: bool, lang: str) -> None:
    """On time in working days, per level, per person in charge (not for guests) and per area, with escalations."""
    st.subheader(t("penyelesaian.on_time", lang), help=f"{TANGGAP_CEPAT.help(lang)} {SELESAI_TEPAT_WAKTU.help(lang)}")
    level, area = st.columns(2)
    for column, group, frame in ((level, "tingkat", tables.by_level), (area, "wilayah", tables.by_area)):
        with column:
            _on_time_block(group, frame, lang)
    if show_people:  # names of the people in charge: not for a guest
        _on_time_block("orang", tables.by_person, lang)


def _on_time_block(group: str, frame: pd.DataFrame, lang: str) -> None:
    st.markdown(f"**{t(f'penyelesaian.on_time_by_{group}', lang)}**")
    if frame.empty:
        st.caption(t("penyelesaian.no_data", lang))
        return
    order = (*domain.ESCALATION_LADDER, "belum") if group == "tingkat" else ()
    st.dataframe(_on_time_table(frame, group, lang, order), hide_index=True, width="stretch")


def timing_table(frame: pd.DataFrame, group: str, lang: str, names: dict[str, str] | None = None) -> pd.DataFrame:
    """A timing table (n, median, P90 for response and resolution) with localised headers and units."""
    if group == "kategori":
        labels = [category_label(g, (names or {}).get(g, g), lang) for g in frame["grup"]]
    else:
        labels = [t(f"penanganan.{g}", lang) for g in frame["grup"]]
    table: dict[str, list[str] | pd.Series] = {t(f"col.grup_{group}", lang): labels}
    if "masuk" in frame:
        table[t("col.masuk", lang)] = frame["masuk"].astype(int)
        table[t("col.porsi", lang)] = [fmt_percent(p, lang) for p in frame["porsi"]]
    for column in ("tanggap_n", "tanggap_median", "tanggap_p90", "selesai_n", "selesai_median", "selesai_p90"):
        values = frame[column]
        table[t(f"col.{column}", lang)] = (
            values.astype(int) if column.endswith("_n") else [fmt_days(_none(v), lang) for v in values]
        )
    return pd.DataFrame(table)


def _none(value: float | None) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def render_overdue(overdue: pd.DataFrame, total_overdue: int, lang: str) -> None:
    """The worst overdue reports, each linking to its detail in Masalah."""
    if overdue.empty:
        st.success(t("penyelesaian.overdue_none", lang), icon=":material/check_circle:")
        return
    opened = t("col.buka", lang)
    columns = {
        opened: [markdown_link(f"#{n}", report_link(int(n), lang)) for n in overdue["nomor"]],
        **report_columns(overdue, lang),
        t("col.lewat_sla", lang): [fmt_int(math.floor(v), lang) for v in overdue["lewat_sla"]],
    }
    render_text_table(columns, link_columns=(opened,))
    if total_overdue > len(overdue):
        st.caption(t("penyelesaian.overdue_more", lang, shown=len(overdue), total=total_overdue))


def render_comparison(comparison: pd.DataFrame, lang: str) -> None:
    """RW/RT comparison; units below the minimum number of reports say "data belum cukup" instead of figures."""
    not_enough = DATA_BELUM_CUKUP.label(lang)

    def figure(value: float | None, enough: bool, formatter: Callable[[float | None, str], str]) -> str:
        return formatter(_none(value), lang) if enough else not_enough

    rows = comparison.to_dict("records")
    table = pd.DataFrame(
        [
            {
                t("col.wilayah", lang): row["wilayah"],
                t("col.masuk", lang): int(row["masuk"]),
                t("col.tingkat_penyelesaian", lang): figure(
                    row["tingkat_penyelesaian"], row["cukup_data"], fmt_percent
                ),
                t("col.median_penyelesaian", lang): figure(row["median_penyelesaian"], row["cukup_data"], fmt_days),
                t("col.terbuka", lang): int(row["terbuka"]),
                t("col.porsi_terlambat", lang): figure(row["porsi_terlambat"], row["cukup_data"], fmt_percent),
            }
            for row in rows
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(f"{DATA_BELUM_CUKUP.help(lang)} {PORSI_TERLAMBAT.label(lang)}: {PORSI_TERLAMBAT.help(lang)}")
