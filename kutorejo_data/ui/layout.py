"""Repeated page blocks: KPI cards with their definitions, the empty-database message."""

from __future__ import annotations

import streamlit as st

from ..formatting import fmt_period, format_delta, format_value
from ..i18n import t
from ..metrics import KPI_METRICS
from ..queries import KpiComparison


def render_kpis(kpis: KpiComparison, lang: str) -> None:
    """One card per overview metric, with the change vs the previous period and the definition as help."""
    # Two rows of three: labels stay whole on a laptop and readable on a projector.
    columns = [*st.columns(3), *st.columns(3)]
    for column, metric in zip(columns, KPI_METRICS, strict=True):
        current, previous = kpis.current[metric.key], kpis.previous[metric.key]
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


def render_empty_database(lang: str) -> None:
    """Explain an empty database and how to fill it, instead of showing empty charts."""
    st.info(f"**{t('ringkasan.empty_title', lang)}**\n\n{t('ringkasan.empty_body', lang)}", icon=":material/inbox:")
