"""Plotly chart builders: readable on a projector and on a phone, numbers in the reader's language."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from kutorejo_data.core.formatting import fmt_month
from kutorejo_data.core.i18n import t

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
            y=labels,
            x=ordered[outcome],
            name=t(f"outcome.{outcome}", lang),
            orientation="h",
            marker_color=COLORS[outcome],
        )
    fig.update_layout(barmode="stack", hovermode="y unified", legend_traceorder="normal")
    fig.update_xaxes(title_text=t("chart.count", lang), rangemode="tozero")
    fig.update_yaxes(automargin=True)
    return _style(fig, lang, max(220, 34 * len(frame) + 80))


def flow_funnel(flow: dict[str, int], lang: str) -> go.Figure:
    """Received → responded → in progress → resolved, with rejected and duplicates beside it."""
    stages = ["masuk", "ditanggapi", "diproses", "selesai"]
    fig = go.Figure(
        go.Funnel(
            y=[t(f"flow.{s}", lang) for s in stages],
            x=[flow[s] for s in stages],
            textinfo="value+percent initial",
            marker={"color": [COLORS["masuk"], "#3b7dbf", COLORS["terbuka"], COLORS["selesai"]]},
        )
    )
    fig.update_layout(hovermode=False)
    return _style(fig, lang, 300)


def timing_trend(monthly: pd.DataFrame, lang: str) -> go.Figure:
    """Median and P90 resolution days per month (lower is better)."""
    months = [fmt_month(m, lang) for m in monthly["bulan"]]
    fig = go.Figure()
    fig.add_scatter(
        x=months,
        y=monthly["selesai_median"],
        name=t("chart.median", lang),
        mode="lines+markers",
        line={"color": COLORS["selesai"], "width": 3},
    )
    fig.add_scatter(
        x=months,
        y=monthly["selesai_p90"],
        name=t("chart.p90", lang),
        mode="lines+markers",
        line={"color": COLORS["terbuka"], "width": 2, "dash": "dot"},
    )
    fig.update_yaxes(title_text=t("chart.days", lang), rangemode="tozero")
    return _style(fig, lang, 320)


def open_overdue_bars(frame: pd.DataFrame, label_column: str, lang: str) -> go.Figure:
    """Per unit or age bucket: open reports, split into overdue and still within the SLA."""
    ordered = frame.iloc[::-1] if label_column == "wilayah" else frame
    within = ordered["terbuka"] - ordered["terlambat"]
    fig = go.Figure()
    fig.add_bar(
        y=ordered[label_column],
        x=ordered["terlambat"],
        name=t("col.terlambat", lang),
        orientation="h",
        marker_color="#b42318",
    )
    fig.add_bar(
        y=ordered[label_column],
        x=within,
        name=t("sla.on_time", lang).capitalize(),
        orientation="h",
        marker_color=COLORS["terbuka"],
    )
    fig.update_layout(barmode="stack", hovermode="y unified", legend_traceorder="normal")
    fig.update_xaxes(title_text=t("chart.count", lang), rangemode="tozero")
    if label_column != "wilayah":
        fig.update_yaxes(autorange="reversed")
    return _style(fig, lang, max(220, 34 * len(frame) + 80))
