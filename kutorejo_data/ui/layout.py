"""Repeated page blocks: KPI cards with their definitions, the empty-database message."""

from __future__ import annotations

import streamlit as st

from ..formatting import fmt_days, fmt_decimal, fmt_int, fmt_percent, fmt_period
from ..i18n import t
from ..metrics import KPI_METRICS, Metric
from ..queries import KpiComparison


def format_value(metric: Metric, value: float | int | None, lang: str) -> str:
    """A metric value in its unit and the reader's language."""
    if metric.unit == "percent":
        return fmt_percent(value, lang)
    if metric.unit == "days":
        return fmt_days(value, lang)
    if metric.unit == "per_100_kk":
        return fmt_decimal(value, lang, 1)
    return fmt_int(value, lang)


def format_delta(metric: Metric, current: float | int | None, previous: float | int | None, lang: str) -> str | None:
    """The change vs the previous period, signed (st.metric colours by the sign); None when not comparable."""
    if current is None or previous is None:
        return None
    change = current - previous
    sign = "+" if change > 0 else ("-" if change < 0 else "")
    if metric.unit == "percent":
        return f"{sign}{fmt_decimal(abs(change) * 100, lang, 0)} {'pts' if lang == 'en' else 'poin'}"
    if metric.unit == "days":
        return f"{sign}{fmt_days(abs(change), lang)}"
    return f"{sign}{fmt_int(abs(change), lang)}"


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
