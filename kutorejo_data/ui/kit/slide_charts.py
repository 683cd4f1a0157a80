"""Plotly charts for the projector: one series, large type, the value written on each bar or point, no axis to read.

Shown with theme=None: Streamlit's theme would shrink and grey the tick labels.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

import plotly.graph_objects as go

from kutorejo_data.meeting.deck import Series

ACCENT = "#1f5f99"
INK = "#111b2b"
HEIGHT = 340  # fits under the slide title on a 1280×720 projector as well as at 1920×1080
FONT_SIZE = 20
FONT_FAMILY = "Source Sans, Source Sans Pro, sans-serif"  # the page's own font, so charts and text match
Formatter = Callable[[float], str]


def _style(fig: go.Figure, height: int = HEIGHT) -> go.Figure:
    fig.update_layout(
        height=height,
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        showlegend=False,
        hovermode=False,
        font={"size": FONT_SIZE, "color": INK, "family": FONT_FAMILY},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    fig.update_xaxes(tickfont={"size": FONT_SIZE, "color": INK})
    fig.update_yaxes(tickfont={"size": FONT_SIZE, "color": INK})
    return fig


def _texts(series: Series, label: Formatter) -> list[str]:
    return ["" if value is None else label(value) for value in series.values]


def _top(series: Series) -> float:
    """The axis end: the largest value (1 when there is none), so labels outside the bars stay inside the chart."""
    return max([value or 0.0 for value in series.values] + [0.0]) or 1.0


def horizontal_bars(labels: Sequence[str], series: Series, label: Formatter) -> go.Figure:
    """One bar per category, the largest on top, each with its value at the end."""
    wrapped = ["<br>".join(textwrap.wrap(text, 24)) for text in labels]
    fig = go.Figure(
        go.Bar(
            x=list(series.values),
            y=wrapped,
            orientation="h",
            marker_color=ACCENT,
            text=_texts(series, label),
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True, ticksuffix="  ")
    fig.update_xaxes(visible=False, range=[0, _top(series) * 1.2])
    return _style(fig, max(200, min(HEIGHT, 56 * len(series) + 40)))


def vertical_bars(labels: Sequence[str], series: Series, label: Formatter) -> go.Figure:
    """One column per category, each with its value above it."""
    fig = go.Figure(
        go.Bar(
            x=list(labels),
            y=list(series.values),
            marker_color=ACCENT,
            text=_texts(series, label),
            textposition="outside",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(visible=False, range=[0, _top(series) * 1.25])
    fig.update_xaxes(automargin=True)
    return _style(fig, HEIGHT - 110)  # under a row of metric cards


def line(labels: Sequence[str], series: Series, label: Formatter) -> go.Figure:
    """A thick line over the months with every point labelled; a month without a value leaves a gap."""
    fig = go.Figure(
        go.Scatter(
            x=list(labels),
            y=list(series.values),
            mode="lines+markers+text",
            line={"color": ACCENT, "width": 5},
            marker={"size": 12},
            text=_texts(series, label),
            textposition="top center",
            cliponaxis=False,
        )
    )
    fig.update_yaxes(visible=False, rangemode="tozero")
    fig.update_xaxes(showgrid=False, tickangle=0, automargin=True)
    return _style(fig)
