"""Repeated page blocks: the overview's KPI cards, the empty-database message."""

from __future__ import annotations

import streamlit as st

from kutorejo_data.analytics.metrics import KPI_METRICS
from kutorejo_data.analytics.overview import KpiComparison
from kutorejo_data.core.i18n import t

from .cards import render_metric_cards


def render_kpis(kpis: KpiComparison, lang: str) -> None:
    """The overview's six KPI cards in two rows of three: labels stay whole on a laptop and on a projector."""
    render_metric_cards(kpis, KPI_METRICS, lang, per_row=3)


def render_empty_database(lang: str) -> None:
    """Explain an empty database and how to fill it, instead of showing empty charts."""
    st.info(f"**{t('ringkasan.empty_title', lang)}**\n\n{t('ringkasan.empty_body', lang)}", icon=":material/inbox:")
