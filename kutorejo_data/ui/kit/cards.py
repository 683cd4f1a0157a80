"""KPI cards: a value, its change since the previous period, which reports it counts, and its definition as help."""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from kutorejo_data.analytics.overview import KpiComparison
from kutorejo_data.core.formatting import delta_shown, fmt_period, format_counts, format_delta, format_value
from kutorejo_data.core.i18n import t
from kutorejo_data.core.metric import Metric

Values = dict[str, float | int | None]


def clean(value: Any) -> float | int | None:
    """A number for display: None for every kind of missing value (None, NaN, pd.NA), so no 'nan' reaches the
    screen."""
    return None if value is None or pd.isna(value) else value


def _card(column: DeltaGenerator, metric: Metric, values: Values, previous: Values | None, lang: str) -> None:
    """One bordered card; with `previous`, the change since then, coloured by whether it is good news."""
    current = clean(values.get(metric.key))
    delta: str | None = None
    delta_color: Literal["normal", "inverse", "off"] = "off"
    if previous is not None:
        before = clean(previous.get(metric.key))
        delta = format_delta(metric, current, before, lang)
        if metric.higher_is_better is not None and delta_shown(delta):
            delta_color = "normal" if metric.higher_is_better else "inverse"
    with column.container(border=True):
        st.metric(
            metric.label(lang),
            format_value(metric, current, lang),
            delta=delta,
            delta_color=delta_color,
            delta_arrow="auto" if delta_shown(delta) else "off",
            help=metric.help(lang),
        )
        caption = format_counts(metric, values, lang)
        if caption:
            st.caption(caption)


def _columns(count: int, per_row: int | None) -> list[DeltaGenerator]:
    per_row = per_row or count
    return [column for _ in range(0, count, per_row) for column in st.columns(per_row)]


def render_metric_cards(kpis: KpiComparison, shown: tuple[Metric, ...], lang: str, per_row: int | None = None) -> None:
    """One card per metric (`per_row` to a row, default all in one) with its change since the previous period."""
    for column, metric in zip(_columns(len(shown), per_row), shown, strict=False):
        _card(column, metric, kpis.current, kpis.previous, lang)
    st.caption(t("ringkasan.compare", lang, period=fmt_period(kpis.previous_dari, kpis.previous_sampai, lang)))


def render_value_cards(values: Values, shown: tuple[Metric, ...], lang: str) -> None:
    """One card per metric in a row, without a comparison."""
    for column, metric in zip(_columns(len(shown), None), shown, strict=False):
        _card(column, metric, values, None, lang)
