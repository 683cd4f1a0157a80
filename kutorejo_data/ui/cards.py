"""Metric cards for any list of metrics, with the change since the previous period and the definition as help."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ..formatting import fmt_period, format_delta, format_value
from ..i18n import t
from ..metrics import Metric
from ..queries import KpiComparison


def clean(value: object) -> float | int | None:
    """A number for display: None for every kind of missing value (None, NaN, pd.NA), so no 'nan' reaches the
    screen."""
    return None if value is None or pd.isna(value) else value  # type: ignore[return-value]


def render_metric_cards(kpis: KpiComparison, shown: tuple[Metric, ...], lang: str) -> None:
    """One bordered card per metric in a row, with its change vs the previous period."""
    for column, metric in zip(st.columns(len(shown)), shown, strict=True):
        current, previous = clean(kpis.current[metric.key]), clean(kpis.previous[metric.key])
        delta = format_delta(metric, current, previous, lang)
        if metric.higher_is_better is None or current == previous:
            delta_color = "off"
        else:
            delta_color = "normal" if metric.higher_is_better else "inverse"
        column.metric(
            metric.label(lang), format_value(metric, current, lang), delta=delta, delta_color=delta_color,
            help=metric.help(lang), border=True,
        )  # fmt: skip
    st.caption(t("ringkasan.compare", lang, period=fmt_period(kpis.previous_dari, kpis.previous_sampai, lang)))
