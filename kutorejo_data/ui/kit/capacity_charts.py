"""Plotly charts of the Kapasitas page: one unit's four pillar scores, and their trend."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kutorejo_data.analytics.capacity import INDEX_KEY, PILLAR_KEYS, STRENGTH_FROM, WEAKNESS_BELOW
from kutorejo_data.analytics.metrics import METRICS
from kutorejo_data.core.formatting import fmt_date, fmt_int
from kutorejo_data.core.i18n import t

from .activity_charts import SCORE_COLORS, wrap_label
from .cards import clean
from .charts import figure

PILLAR_COLORS = dict(zip(PILLAR_KEYS, ("#1f5f99", "#d98c10", "#3e9e8a", "#8a5a9e"), strict=True))
INDEX_COLOR = "#222222"


def _score_color(score: float) -> str:
    """Weak, middling or strong in the heatmap's colours, with the thresholds of the strengths/weak points."""
    low, mid, high = SCORE_COLORS
    return low if score < 100 * WEAKNESS_BELOW else mid if score < 100 * STRENGTH_FROM else high


def pillar_bars(scores: dict[str, float | None], lang: str) -> go.Figure:
    """Horizontal 0–100 bars of the four pillar scores; a pillar without enough data says so instead of a bar."""
    labels = [wrap_label(METRICS[key].label(lang), 18) for key in PILLAR_KEYS][::-1]
    values = [clean(scores.get(key)) for key in PILLAR_KEYS][::-1]
    texts = [t("kapasitas.not_enough", lang) if v is None else fmt_int(v, lang) for v in values]
    bar = {
        "type": "bar",
        "y": labels,
        "x": [0 if v is None else v for v in values],
        "orientation": "h",
        "text": texts,
        "textposition": "outside",
        "marker": {"color": ["#cccccc" if v is None else _score_color(v) for v in values]},
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    return figure(
        [bar],
        lang,
        250,
        xaxis={"range": [0, 115], "tickvals": [0, 25, 50, 75, 100], "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
        hovermode="closest",
        showlegend=False,
    )


def trend_lines(trend: pd.DataFrame, lang: str) -> go.Figure:
    """The index (bold) and the four pillar scores at the end of each rolling window."""
    x = [fmt_date(d, lang) for d in trend["sampai"]]
    lines = [
        {
            "type": "scatter",
            "x": x,
            "y": [clean(v) for v in trend[key]],
            "name": METRICS[key].label(lang),
            "mode": "lines+markers",
            "line": {"color": color, "width": width},
            "hovertemplate": "%{fullData.name}: %{y:.0f}<extra></extra>",
        }
        for key, color, width in (*((k, PILLAR_COLORS[k], 2) for k in PILLAR_KEYS), (INDEX_KEY, INDEX_COLOR, 4))
    ]
    return figure(
        lines,
        lang,
        340,
        yaxis={"range": [0, 100], "fixedrange": True},
        xaxis={"type": "category", "fixedrange": True},
    )
