"""Plotly charts of the Partisipasi page: rates per group and unit × month grids."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from kutorejo_data.core.formatting import fmt_month, fmt_percent

from .charts import figure

# Low = warm orange, high = the dashboard's green: readable on a projector, not only red/green.
SCORE_COLORS = ("#b3541e", "#f1e4b8", "#0f6e56")  # weak, middling, strong
SCORE_SCALE = [[0.0, SCORE_COLORS[0]], [0.5, SCORE_COLORS[1]], [1.0, SCORE_COLORS[2]]]
BAR_COLOR = "#0f6e56"
NO_BAR = {"displayModeBar": False}


def wrap_label(label: str, width: int = 22) -> str:
    """Break a long label over lines so narrow phones keep room for the bars."""
    return "<br>".join(textwrap.wrap(label, width)) or label


def rate_bars(labels: list[str], shares: pd.Series, details: list[str], lang: str) -> go.Figure:
    """Horizontal bars of shares 0–1 shown as 0–100%, first label on top; `details` go in the hover."""
    values = [None if pd.isna(s) else round(100 * s, 1) for s in shares]
    texts = ["—" if v is None else fmt_percent(v / 100, lang) for v in values]
    bar = {
        "type": "bar",
        "y": [wrap_label(label) for label in labels][::-1],
        "x": values[::-1],
        "orientation": "h",
        "marker": {"color": BAR_COLOR},
        "text": texts[::-1],
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": details[::-1],
        "hovertemplate": "%{y}<br>%{text} · %{customdata}<extra></extra>",
    }
    return figure(
        [bar],
        lang,
        max(200, 32 * len(labels) + 70),
        # Room right of 100% for the value written after the bar (a 0% bar still shows "0%").
        xaxis={"range": [0, 114], "tickvals": [0, 25, 50, 75, 100], "ticksuffix": "%", "fixedrange": True},
        yaxis={"automargin": True, "fixedrange": True},
        hovermode="closest",
        showlegend=False,
    )


def grid_heatmap(frame: pd.DataFrame, row: str, value: str, text: str, lang: str) -> go.Figure:
    """Rows × months heatmap of a 0–100 value (empty cells = no data), with `text` written in each cell."""
    rows = list(dict.fromkeys(frame[row]))
    months = sorted(frame["bulan"].unique())
    # The first value given for each cell; plain dicts, because two pivot_tables cost more than the page's query.
    values: dict[tuple[object, str], float] = {}
    texts: dict[tuple[object, str], str] = {}
    for key, month, number, label in zip(frame[row], frame["bulan"], frame[value], frame[text], strict=True):
        if not pd.isna(number):
            values.setdefault((key, month), float(number))
        if not pd.isna(label):
            texts.setdefault((key, month), str(label))
    z = [[values.get((key, month)) for month in months] for key in rows]
    cell_text = [[texts.get((key, month), "") for month in months] for key in rows]
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": [fmt_month(m, lang) for m in months],
        "y": rows,
        "text": cell_text,
        "texttemplate": "%{text}",
        "zmin": 0,
        "zmax": 100,
        "colorscale": SCORE_SCALE,
        "xgap": 2,
        "ygap": 2,
        "hoverongaps": False,
        "hovertemplate": "%{y} · %{x}: %{text}<extra></extra>",
        "showscale": False,
    }
    return figure(
        [heatmap],
        lang,
        max(160, 24 * len(rows) + 90),
        yaxis={"autorange": "reversed", "automargin": True, "fixedrange": True, "type": "category"},
        xaxis={"side": "top", "fixedrange": True, "type": "category"},
        hovermode="closest",
    )
