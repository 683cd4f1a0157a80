"""Plotly chart builders: readable on a projector and on a phone, numbers in the reader's language."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..formatting import fmt_month
from ..i18n import t

COLORS = {
    "masuk": "#1f5f99",
    "selesai": "#0f6e56",
    "terbuka": "#d98c10",
    "tidak_valid": "#9a9a9a",
}
OUTCOMES = ("selesai", "terbuka", "tidak_valid")


def _style(fig: go.Figure, lang: str, height: int) -> go.Figure:
    # Plotly's separators are "decimal, thousands": Indonesian writes 1.234,5.
    fig.update_layout(
        separators=".," if lang == "en" else ",.",
        height=height,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        hovermode="x unified",
        font={"size": 14},
    )
    return fig


def monthly_flow_chart(flow: pd.DataFrame, lang: str) -> go.Figure:
    """Grouped bars of reports received and resolved per month."""
    months = [fmt_month(m, lang) for m in flow["bulan"]]
    fig = go.Figure()
    for column in ("masuk", "selesai"):
        fig.add_bar(x=months, y=flow[column], name=t(f"chart.{column}", lang), marker_color=COLORS[column])
    fig.update_yaxes(title_text=t("chart.count", lang), rangemode="tozero")
    fig.update_layout(barmode="group")
    return _style(fig, lang, 340)


def outcome_bars(frame: pd.DataFrame, label_column: str, lang: str) -> go.Figure:
    """Horizontal stacked bars per unit (RW, RT or category): resolved, still open, rejected/duplicate."""
    ordered = frame.iloc[::-1]  # largest on top
    labels = ["<br>".join(textwrap.wrap(str(label), 22)) for label in ordered[label_column]]  # narrow phones
    fig = go.Figure()
    for outcome in OUTCOMES:
        fig.add_bar(
            y=labels, x=ordered[outcome], name=t(f"outcome.{outcome}", lang), orientation="h",
            marker_color=COLORS[outcome],
        )  # fmt: skip
    fig.update_layout(barmode="stack", hovermode="y unified", legend_traceorder="normal")
    fig.update_xaxes(title_text=t("chart.count", lang), rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return _style(fig, lang, max(220, 34 * len(frame) + 80))
