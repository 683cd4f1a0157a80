"""The blocks of the Kapasitas page: how scores are made, who needs support, the table, one unit's profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kutorejo_data.analytics.capacity import (
    INDEX_KEY,
    NO_RECORDS,
    PILLAR_KEYS,
    Finding,
    Scorecard,
    strengths_and_weaknesses,
    weakest_measure,
)
from kutorejo_data.analytics.metrics import CAPACITY_PILLARS, INDEKS_KAPASITAS, METRICS, PILLAR_MIN_WEIGHT_SHARE
from kutorejo_data.core.formatting import fmt_int, fmt_percent
from kutorejo_data.core.i18n import t
from kutorejo_data.ui.kit import capacity_charts
from kutorejo_data.ui.kit.activity_charts import NO_BAR
from kutorejo_data.ui.kit.cards import clean
from kutorejo_data.ui.kit.tables import render_text_table

SUPPORT_LIST_LENGTH = 5
SCORE_COLUMN_WIDTH = 120  # pixels: all nine columns fit a laptop screen


def finding_text(finding: Finding, lang: str) -> str:
    """A measure in plain words: `Kehadiran rapat koordinasi: hadir 3 dari 12 rapat`."""
    detail = t(
        f"kapasitas.detail.{finding.measure}",
        lang,
        num=fmt_int(finding.num, lang),
        den=fmt_int(finding.den, lang),
        pct=fmt_percent(finding.share, lang),
    )
    return f"{METRICS[finding.measure].label(lang)}: {detail}"


def missing_text(missing: tuple[str, ...], lang: str) -> str:
    """Why a unit is not scored: no records at all, or which goals lack data."""
    if NO_RECORDS in missing:
        return t("kapasitas.no_records", lang)
    goals = ", ".join(METRICS[key].label(lang) for key in missing)
    return t("kapasitas.missing_goals", lang, goals=goals)


def render_method(lang: str) -> None:
    """How the scores are made, generated from the one config so the words never drift from the formulas."""
    with st.expander(t("kapasitas.method_title", lang), icon=":material/functions:"):
        for pillar in CAPACITY_PILLARS:
            st.markdown(f"**{pillar.metric.label(lang)}** — {pillar.metric.help(lang)}")
            lines = [
                t(
                    "kapasitas.method_measure",
                    lang,
                    label=m.metric.label(lang),
                    weight=fmt_percent(m.weight, lang),
                    min=fmt_int(m.min_denominator, lang),
                    help=m.metric.help(lang),
                )
                for m in pillar.measures
            ]
            st.markdown("\n".join(f"- {line}" for line in lines))
        st.markdown(
            t(
                "kapasitas.method_rule",
                lang,
                share=fmt_percent(PILLAR_MIN_WEIGHT_SHARE, lang),
                index=INDEKS_KAPASITAS.label(lang),
            )
        )


def render_scored_count(table: pd.DataFrame, lang: str) -> None:
    """How many of the units have enough data to be scored (and a word when none has)."""
    scored = int(table[INDEX_KEY].notna().sum())
    st.caption(t("kapasitas.scored_of", lang, scored=scored, total=len(table)))
    if scored == 0:
        st.info(t("kapasitas.none_scored", lang), icon=":material/hourglass_empty:")


def pick_unit(table: pd.DataFrame, lang: str) -> int:
    """The unit whose profile is shown: at first the one that most needs support; the reader can pick any other."""
    by_need = [int(unit) for unit in table.sort_values(INDEX_KEY, na_position="last")["unit_id"]]
    labels = {int(unit): str(label) for unit, label in zip(table["unit_id"], table["label"], strict=True)}
    chosen = st.selectbox(
        t("kapasitas.profile_pick", lang), by_need, key="kapasitas_profil", format_func=lambda unit: labels[unit]
    )
    return by_need[0] if chosen is None else chosen


def render_support(card: Scorecard, table: pd.DataFrame, lang: str) -> None:
    """The ranked units with the lowest index, each with its weakest goal and weakest measure."""
    ranked = table.dropna(subset=[INDEX_KEY]).sort_values(INDEX_KEY).head(SUPPORT_LIST_LENGTH)
    if ranked.empty:
        return
    st.subheader(t("kapasitas.support_title", lang))
    lines = []
    for row in ranked.to_dict("records"):
        pillar = min(PILLAR_KEYS, key=lambda key: row[key])
        weakest = weakest_measure(card, row["unit_id"], pillar)
        reason = f" — {finding_text(weakest, lang)}" if weakest else ""
        lines.append(
            t(
                "kapasitas.support_line",
                lang,
                unit=row["label"],
                index=fmt_int(row[INDEX_KEY], lang),
                goal=METRICS[pillar].label(lang),
                score=fmt_int(row[pillar], lang),
            )
            + reason
        )
    st.markdown("\n".join(f"- {line}" for line in lines))


def render_table(table: pd.DataFrame, lang: str) -> None:
    """Every unit with its four scores, index, rank and change; units without enough data last, not ranked."""
    ordered = table.sort_values(["peringkat", "label"], na_position="last")
    shown = pd.DataFrame(
        {
            "peringkat": ordered["peringkat"],
            "wilayah": ordered["label"],
            **{key: ordered[key].round(0) for key in PILLAR_KEYS},
            INDEX_KEY: ordered[INDEX_KEY].round(0),
            "perubahan": ordered["perubahan"].round(0),
            "catatan": ["" if not m else missing_text(m, lang) for m in ordered["kurang_data"]],
        }
    )
    score_column = {
        key: st.column_config.ProgressColumn(
            METRICS[key].label(lang),
            help=METRICS[key].help(lang),
            format="%d",
            min_value=0,
            max_value=100,
            width=SCORE_COLUMN_WIDTH,
        )
        for key in (*PILLAR_KEYS, INDEX_KEY)
    }
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        height=min(560, 35 * len(shown) + 40),
        placeholder="—",
        column_config={
            "peringkat": st.column_config.NumberColumn(t("kapasitas.col_rank", lang), format="%d", width="small"),
            "wilayah": st.column_config.TextColumn(t("kapasitas.col_unit", lang), pinned=True),
            **score_column,
            "perubahan": st.column_config.NumberColumn(
                t("kapasitas.col_change", lang), format="%+d", help=t("kapasitas.col_change_help", lang)
            ),
            "catatan": st.column_config.TextColumn(t("kapasitas.col_note", lang)),
        },
    )


def render_profile(card: Scorecard, table: pd.DataFrame, unit_id: int, trend: pd.DataFrame, lang: str) -> None:
    """One unit: index and rank, the four scores, strengths and weak points, every measure, and the trend."""
    row = table[table["unit_id"] == unit_id].iloc[0]
    ranked = int(table["peringkat"].notna().sum())
    index, change = clean(row[INDEX_KEY]), clean(row["perubahan"])
    top = st.columns([1, 2])
    top[0].metric(
        INDEKS_KAPASITAS.label(lang),
        t("kapasitas.not_enough", lang) if index is None else fmt_int(index, lang),
        delta=None if change is None else f"{'+' if change > 0 else ''}{fmt_int(change, lang)}",
        help=INDEKS_KAPASITAS.help(lang),
        border=True,
    )
    if index is None:
        top[0].caption(missing_text(row["kurang_data"], lang))
    else:
        top[0].caption(t("kapasitas.rank_of", lang, rank=int(row["peringkat"]), total=ranked))
    with top[1]:
        scores = {key: row[key] for key in PILLAR_KEYS}
        st.plotly_chart(capacity_charts.pillar_bars(scores, lang), config=NO_BAR)

    strong, weak = strengths_and_weaknesses(card, unit_id)
    good_column, weak_column = st.columns(2)
    good_column.markdown(f"**{t('kapasitas.strengths', lang)}**")
    good_column.markdown("\n".join(f"- {finding_text(f, lang)}" for f in strong) or t("kapasitas.none_yet", lang))
    weak_column.markdown(f"**{t('kapasitas.weaknesses', lang)}**")
    weak_column.markdown("\n".join(f"- {finding_text(f, lang)}" for f in weak) or t("kapasitas.none_yet", lang))

    st.markdown(f"**{t('kapasitas.measures_title', lang)}**")
    measures = _measure_table(card, unit_id, NO_RECORDS in row["kurang_data"], lang)
    render_text_table(measures)

    st.markdown(f"**{t('kapasitas.trend_title', lang)}**")
    if trend[[*PILLAR_KEYS, INDEX_KEY]].isna().all().all():
        st.info(t("kapasitas.no_trend", lang))
    else:
        st.plotly_chart(capacity_charts.trend_lines(trend, lang), config=NO_BAR)
        st.caption(t("kapasitas.trend_caption", lang))


def _measure_table(card: Scorecard, unit_id: int, no_records: bool, lang: str) -> dict[str, list[str]]:
    """Every measure of a unit: goal, measure, value in words, share, weight, and whether it counted."""
    rows = card.measures[card.measures["unit_id"] == unit_id]
    minimum = {m.metric.key: m.min_denominator for p in CAPACITY_PILLARS for m in p.measures}
    records = []
    for r in rows.to_dict("records"):
        share = clean(r["share"])
        finding = Finding(r["measure"], float(r["num"]), int(r["den"]), share or 0.0)
        if r["counts"]:
            counted = t("kapasitas.counted", lang)
        elif no_records:
            counted = t("kapasitas.not_enough", lang)
        else:
            counted = t("kapasitas.not_counted", lang, min=fmt_int(minimum[r["measure"]], lang))
        records.append(
            {
                t("kapasitas.col_goal", lang): METRICS[r["pillar"]].label(lang),
                t("kapasitas.col_measure", lang): finding_text(finding, lang)
                if r["den"]
                else METRICS[r["measure"]].label(lang),
                t("kapasitas.col_share", lang): fmt_percent(share, lang),
                t("kapasitas.col_weight", lang): fmt_percent(r["weight"], lang),
                t("kapasitas.col_counted", lang): counted,
            }
        )
    return {name: [record[name] for record in records] for name in records[0]} if records else {}
