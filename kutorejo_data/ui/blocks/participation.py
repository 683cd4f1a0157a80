"""The Partisipasi page's tabs and blocks: rates per type and area, schedule kept, RT × month, roles, Bimtek."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.metrics import EXPECTED_CADENCE
from kutorejo_data.analytics.overview import KpiComparison
from kutorejo_data.analytics.participation import bimtek_window
from kutorejo_data.analytics.participation_summary import PARTICIPATION_KPIS
from kutorejo_data.core.domain import ATTENDANCE_ROLES
from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import t
from kutorejo_data.core.units import unit_label
from kutorejo_data.ui.frame.sections import PageSections
from kutorejo_data.ui.kit import activity_charts
from kutorejo_data.ui.kit.activity_charts import NO_BAR
from kutorejo_data.ui.kit.cards import render_metric_cards

CADENCE_BY_JENIS = {c.jenis: c for c in EXPECTED_CADENCE}
# The page's tabs under its headline numbers, by the name a link gives them (`?bagian=`).
TABS = PageSections("partisipasi", ("jenis", "jadwal", "rt_bulan", "peran", "bimtek"))


def render_kpis(kpis: KpiComparison, lang: str) -> None:
    """The page's headline numbers against the previous period."""
    render_metric_cards(kpis, PARTICIPATION_KPIS, lang)


def _details(frame: pd.DataFrame, lang: str) -> list[str]:
    return [
        t("partisipasi.detail", lang, kegiatan=fmt_int(k, lang), hadir=fmt_int(h, lang))
        for k, h in zip(frame["kegiatan"], frame["hadir"], strict=True)
    ]


def render_by_type(by_jenis: pd.DataFrame, lang: str) -> None:
    """Participation rate per activity type, highest first."""
    st.subheader(t("partisipasi.by_type_title", lang), help=metrics.TINGKAT_PARTISIPASI.help(lang))
    frame = by_jenis.sort_values("partisipasi", ascending=False, na_position="last")
    labels = [t(f"jenis.{j}", lang) for j in frame["jenis"]]
    fig = activity_charts.rate_bars(labels, frame["partisipasi"], _details(frame, lang), lang)
    st.plotly_chart(fig, config=NO_BAR)


def render_by_area(by_area: pd.DataFrame, lang: str) -> None:
    """Participation rate per RW (or per RT inside one RW), in area order."""
    per_rt = "rt" in by_area.columns
    st.subheader(
        t("partisipasi.by_area_title", lang, unit=t("unit.rt" if per_rt else "unit.rw", lang)),
        help=metrics.TINGKAT_PARTISIPASI.help(lang),
    )
    labels = [
        unit_label(rw, rt)
        for rw, rt in zip(by_area["rw"], by_area["rt"] if per_rt else [None] * len(by_area), strict=True)
    ]
    fig = activity_charts.rate_bars(labels, by_area["partisipasi"], _details(by_area, lang), lang)
    st.plotly_chart(fig, config=NO_BAR)


def schedule_summary(schedule: pd.DataFrame) -> pd.DataFrame:
    """Held and expected per scheduled activity type, in the config's order. Columns: jenis, held, expected, share."""
    sums = schedule.groupby("jenis")[["held", "expected"]].sum()
    order = [c.jenis for c in EXPECTED_CADENCE if c.jenis in sums.index]
    sums = sums.reindex(order).reset_index()
    sums["share"] = (sums["held"] / sums["expected"].where(sums["expected"] > 0)).astype("float64")
    return sums


def _cadence_text(jenis: str, lang: str) -> str:
    cadence = CADENCE_BY_JENIS[jenis]
    return t(
        "partisipasi.cadence",
        lang,
        jenis=t(f"jenis.{jenis}", lang),
        kali=cadence.per_month,
        unit=t(f"tingkat.{cadence.tingkat}", lang),
    )


def render_schedule(schedule: pd.DataFrame, lang: str) -> None:
    """Routine activities held vs expected, per type, and the unit × month grid of one chosen type."""
    st.subheader(t("partisipasi.schedule_title", lang), help=metrics.KEGIATAN_TERLAKSANA.help(lang))
    summary = schedule_summary(schedule)
    if summary.empty:
        st.info(t("partisipasi.no_schedule", lang))
        return
    details = [
        t("partisipasi.held_of", lang, held=fmt_int(h, lang), expected=fmt_int(e, lang))
        for h, e in zip(summary["held"], summary["expected"], strict=True)
    ]
    labels = [t(f"jenis.{j}", lang) for j in summary["jenis"]]
    st.plotly_chart(activity_charts.rate_bars(labels, summary["share"], details, lang), config=NO_BAR)
    st.caption(" · ".join(_cadence_text(j, lang) for j in summary["jenis"]))
    jenis = st.selectbox(
        t("partisipasi.schedule_pick", lang),
        list(summary["jenis"]),
        key="partisipasi_jadwal",
        format_func=lambda j: t(f"jenis.{j}", lang),
    )
    per_month = CADENCE_BY_JENIS[jenis].per_month
    grid = schedule[schedule["jenis"] == jenis].copy()
    # A month the period covers only partly is coloured once its schedule is met; before that it is not a miss yet.
    done = grid["whole"] | (grid["held"] >= per_month)
    grid["value"] = (100 * grid["held"] / per_month).where(done)
    grid["text"] = [f"{h}/{per_month}" for h in grid["held"]]
    st.plotly_chart(activity_charts.grid_heatmap(grid, "label", "value", "text", lang), config=NO_BAR)
    st.caption(t("partisipasi.schedule_caption", lang))


def render_rt_months(by_rt_month: pd.DataFrame, lang: str) -> None:
    """The RT × month heatmap of participation rates."""
    st.subheader(t("partisipasi.heatmap_title", lang), help=metrics.TINGKAT_PARTISIPASI.help(lang))
    frame = by_rt_month.dropna(subset=["partisipasi"])
    if frame.empty:
        st.info(t("partisipasi.no_rt_activities", lang))
        return
    frame = frame.assign(
        label=[unit_label(rw, rt) for rw, rt in zip(frame["rw"], frame["rt"], strict=True)],
        value=100 * frame["partisipasi"],
        text=[fmt_int(100 * p, lang) for p in frame["partisipasi"]],
    )
    st.plotly_chart(activity_charts.grid_heatmap(frame, "label", "value", "text", lang), config=NO_BAR)


def render_roles(roles: pd.DataFrame, lang: str) -> None:
    """Who takes part: people attending per activity type (rows) and role (columns), with totals."""
    st.subheader(t("partisipasi.roles_title", lang), help=metrics.JUMLAH_HADIR.help(lang))
    if roles.empty:
        st.info(t("partisipasi.no_activities", lang))
        return
    wide = roles.pivot_table(index="jenis", columns="peran", values="jumlah", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=[r for r in ATTENDANCE_ROLES if r in wide.columns])
    wide["total"] = wide.sum(axis=1)
    wide = wide.sort_values("total", ascending=False)
    wide.loc["total"] = wide.sum()
    labels = {**{p: t(f"peran.{p}", lang) for p in ATTENDANCE_ROLES}, "total": t("partisipasi.total", lang)}
    table = pd.DataFrame(
        {
            t("partisipasi.col_jenis", lang): [
                t("partisipasi.total", lang) if j == "total" else t(f"jenis.{j}", lang) for j in wide.index
            ],
            **{labels[c]: [fmt_int(v, lang) for v in wide[c]] for c in wide.columns},
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", height=35 * (len(table) + 1) + 3)


def render_bimtek(bimtek: pd.DataFrame, sampai: date, lang: str) -> None:
    """Which RT/RW heads, Tomas and Toga attended a Bimtek in the 12 months to the period's end, and who has not."""
    start, end = bimtek_window(sampai)
    st.subheader(t("partisipasi.bimtek_title", lang))
    st.caption(t("partisipasi.bimtek_caption", lang, dari=fmt_date(start, lang), sampai=fmt_date(end, lang)))
    if bimtek.empty:
        st.info(t("partisipasi.no_people", lang))
        return
    roles = [r for r in ("ketua_rt", "ketua_rw", "tomas", "toga") if r in set(bimtek["peran"])]
    for column, peran in zip(st.columns(len(roles)), roles, strict=True):
        people = bimtek[bimtek["peran"] == peran]
        came = int((people["kali"] > 0).sum())
        column.metric(t(f"peran.{peran}", lang), f"{fmt_int(came, lang)} / {fmt_int(len(people), lang)}", border=True)
    table = pd.DataFrame(
        {
            t("partisipasi.col_status", lang): [
                t("partisipasi.sudah" if k else "partisipasi.belum", lang) for k in bimtek["kali"]
            ],
            t("partisipasi.col_nama", lang): bimtek["nama"].fillna("—"),
            t("partisipasi.col_wilayah", lang): [
                unit_label(rw, rt) for rw, rt in zip(bimtek["rw"], bimtek["rt"], strict=True)
            ],
            t("partisipasi.col_peran", lang): [t(f"peran.{p}", lang) for p in bimtek["peran"]],
            t("partisipasi.col_terakhir", lang): [fmt_date(d, lang) if d else "—" for d in bimtek["terakhir"]],
            t("partisipasi.col_kali", lang): bimtek["kali"],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", height=min(420, 36 * len(table) + 40))
