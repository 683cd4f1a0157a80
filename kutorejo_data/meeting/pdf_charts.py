"""Charts of the monthly PDF, drawn by reportlab itself (vector, no browser, no image library)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from reportlab.graphics.charts.areas import PlotArea
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from .deck import Series

FONT = "Vera"
INK = colors.HexColor("#111b2b")
ACCENT = colors.HexColor("#1f5f99")
LABEL_SIZE = 9
Formatter = Callable[[float], str]


def _values(series: Series) -> list[float]:
    """Bar heights: a missing value draws no bar (reportlab bars need numbers)."""
    return [0.0 if value is None else value for value in series.values]


def _place(chart: PlotArea, x: float, y: float, width: float, height: float) -> None:
    """Set where a chart's plot area sits in its drawing, in points."""
    # types-reportlab declares these int, but reportlab takes any number (its attribute check is isNumber).
    chart.x, chart.y = cast(int, x), cast(int, y)
    chart.width, chart.height = cast(int, width), cast(int, height)


def _style_bars(chart: HorizontalBarChart | VerticalBarChart, labels: list[str], label: Formatter) -> None:
    """What both bar charts share: category names in the house font, no value axis, one accent colour, the value
    written on each bar."""
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeColor = INK
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = label
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE


def horizontal_bars(labels: Sequence[str], series: Series, label: Formatter, width: float = 170 * mm) -> Drawing:
    """One bar per category, largest first at the top, each labelled with its value."""
    row = 7 * mm
    height = row * len(series) + 6 * mm
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    _place(chart, 70 * mm, 3 * mm, width - 70 * mm - 14 * mm, height - 6 * mm)
    chart.data = [list(reversed(_values(series)))]  # reportlab draws the first category at the bottom
    _style_bars(chart, list(reversed(labels)), label)
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -2
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def vertical_bars(labels: Sequence[str], series: Series, label: Formatter, width: float = 170 * mm) -> Drawing:
    """One column per category, each labelled with its value."""
    height = 55 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    _place(chart, 4 * mm, 10 * mm, width - 8 * mm, height - 17 * mm)
    chart.data = [_values(series)]
    _style_bars(chart, list(labels), label)
    chart.barLabels.boxAnchor = "s"
    chart.barLabels.dy = 2
    drawing.add(chart)
    return drawing


def line(labels: Sequence[str], series: Series, label: Formatter, width: float = 170 * mm) -> Drawing:
    """A line over the months, each point marked and labelled; a month without a value has no point."""
    height = 60 * mm
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    _place(chart, 4 * mm, 14 * mm, width - 8 * mm, height - 22 * mm)
    chart.data = [list(series.values)]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE - 1
    chart.categoryAxis.strokeColor = INK
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visible = False
    chart.lines[0].strokeColor = ACCENT
    chart.lines[0].strokeWidth = 2.5
    chart.lines[0].symbol = makeMarker("FilledCircle", fillColor=ACCENT, strokeColor=ACCENT, size=5)
    # reportlab cannot draw a line through fewer than two points: then the markers alone show the values.
    chart.joinedLines = sum(value is not None for value in series.values) >= 2
    chart.lineLabelFormat = label
    chart.lineLabels.fontName = FONT
    chart.lineLabels.fontSize = LABEL_SIZE
    chart.lineLabels.dy = 5
    drawing.add(chart)
    return drawing
