"""KPI cards: a value, its change since the previous period, which reports it counts, and its definition as help."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..formatting import fmt_period, format_counts, format_delta, format_value
from ..i18n import t
from ..metrics import Metric
from ..queries import KpiComparison


def clean(value: object) -> float | int | None:
    """A number for display: None for every kind of missing value (None, NaN, pd.NA), so no 'nan' reaches the
    screen."""
    return None if value is None or pd.isna(value) else value  # type: ignore[return-value]


def render_metric_cards(kpis: KpiComparison, shown: tuple[Metric, ...], lang: str, per_row: int | None = None) -> None:
    """One bordered card per metric (`per_row` to a row, default all in one), with its change vs the previous
    period and, under the value, which reports it counts."""
    per_row = per_row or len(shown)
    columns = [column for _ in range(0, len(shown), per_row) for column in st.columns(per_row)]
    for column, metric in zip(columns, shown, strict=False):
        current, previous = clean(kpis.current[metric.key]), clean(kpis.previous[metric.key])
        delta = format_delta(metric, current, previous, lang)
        if metric.higher_is_better is None or current == previous:
            delta_color = "off"
        else:
            delta_color = "normal" if metric.higher_is_better else "inverse"
        with column.container(border=True):
            st.metric(metric.label(lang), format_value(metric, current, lang), delta=delta, delta_color=delta_color,
                      help=metric.help(lang))  # fmt: skip
            caption = format_counts(metric, kpis.current, lang)
            if caption:
                st.caption(caption)
    st.caption(t("ringkasan.compare", lang, period=fmt_period(kpis.previous_dari, kpis.previous_sampai, lang)))
