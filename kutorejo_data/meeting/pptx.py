"""The meeting as a 16:9 PowerPoint deck: the page's slides, Indonesian titles, native (editable) charts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import cast

from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData, ChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_LABEL_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationDeck
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from kutorejo_data.analytics import metrics
from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import t

from .deck import OVERDUE_ON_SLIDE, SLIDES, MeetingReport, Series
from .words import (
    PARTICIPATION_SHOWN,
    SATISFACTION_SHOWN,
    KpiRow,
    as_of_line,
    capacity_note,
    category_names,
    compared_with,
    decision_cells,
    decision_header,
    decisions_note,
    follow_up_cells,
    follow_up_header,
    footer,
    headline,
    holder_text,
    improved_line,
    kpi_rows,
    month_title,
    next_steps,
    one_line,
    overdue_late,
    overdue_place,
    photo_caption,
    slide_title,
    support_line,
    trend_months,
)

LANG = "id"  # the deck is for the kelurahan's own meeting
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
CONTENT_TOP, CONTENT_BOTTOM = Inches(2.1), Inches(6.75)
INK = RGBColor(0x11, 0x1B, 0x2B)
MUTED = RGBColor(0x4A, 0x55, 0x68)
ACCENT = RGBColor(0x1F, 0x5F, 0x99)
TONES = {"good": RGBColor(0x0F, 0x6E, 0x56), "bad": RGBColor(0xB4, 0x23, 0x18), "neutral": MUTED}
TILE = RGBColor(0xF1, 0xF4, 0xF8)
TITLE_WIDTH = 60  # characters of a report title on a slide table


def _text(
    slide: Slide,
    left: int,
    top: int,
    width: int,
    height: int,
    lines: Sequence[str],
    size: int,
    *,
    bold: bool = False,
    color: RGBColor = INK,
    align: PP_ALIGN = PP_ALIGN.LEFT,
) -> None:
    """A text box whose lines are separate paragraphs; user text goes in as plain runs (never markup)."""
    frame = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height)).text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, color


def _frame(prs: PresentationDeck, report: MeetingReport, number: int, title: str, message: str) -> Slide:
    """A slide with the accent bar, title, one-line message, and the footer with area, month and number."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.18))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    _text(slide, MARGIN, Inches(0.4), WIDTH - 2 * MARGIN, Inches(0.9), [title], 40, bold=True)
    _text(slide, MARGIN, Inches(1.25), WIDTH - 2 * MARGIN, Inches(0.7), [message], 26, color=ACCENT)
    _text(slide, MARGIN, Inches(6.95), Inches(10), Inches(0.4), [footer(report, LANG)], 14, color=MUTED)
    _text(
        slide,
        WIDTH - MARGIN - Inches(2),
        Inches(6.95),
        Inches(2),
        Inches(0.4),
        [f"{number} / {len(SLIDES)}"],
        14,
        color=MUTED,
        align=PP_ALIGN.RIGHT,
    )
    return slide


def _tile(slide: Slide, left: int, top: int, width: int, height: int, row: KpiRow, compare: str) -> None:
    """A KPI tile: label, large value, and its change coloured by whether it is good news."""
    box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Emu(left), Emu(top), Emu(width), Emu(height))
    box.adjustments[0] = 0.06
    box.fill.solid()
    box.fill.fore_color.rgb = TILE
    box.line.fill.background()
    pad = Inches(0.2)
    _text(slide, left + pad, top + Inches(0.1), width - 2 * pad, Inches(0.45), [row.label], 16, color=MUTED)
    _text(slide, left + pad, top + Inches(0.5), width - 2 * pad, Inches(0.9), [row.value], 44, bold=True)
    if row.counts and height >= Inches(2):  # which reports it counts, where the tile has room for it
        _text(slide, left + pad, top + Inches(1.2), width - 2 * pad, Inches(0.35), [row.counts], 12, color=MUTED)
    change = f"{row.delta} {compare}" if row.delta else f"{compare}: {row.previous}"
    _text(
        slide,
        left + pad,
        top + height - Inches(0.55),
        width - 2 * pad,
        Inches(0.45),
        [change],
        15,
        color=TONES[row.tone],
    )


def _tiles(slide: Slide, rows: list[KpiRow], compare: str, top: int, height: int, columns: int = 3) -> None:
    gap = Inches(0.3)
    width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) // columns
    for i, row in enumerate(rows):
        line, column = divmod(i, columns)
        _tile(slide, MARGIN + column * (width + gap), top + line * (height + gap), width, height, row, compare)


def _chart(
    slide: Slide,
    kind: XL_CHART_TYPE,
    labels: Sequence[str],
    series: Series,
    name: str,
    box: tuple[int, int, int, int],
    number_format: str,
) -> None:
    """A native chart of one series, with value labels in place of an axis (easier to read from far away)."""
    data = CategoryChartData(number_format=number_format)
    data.categories = list(labels)
    data.add_series(name, list(series.values))
    x, y, cx, cy = (Emu(length) for length in box)
    # python-pptx annotates add_chart as taking ChartData (an alias of CategoryChartData) and returning the Chart,
    # but it takes any chart data and returns the GraphicFrame holding the chart, as its docstring says.
    chart = cast(GraphicFrame, slide.shapes.add_chart(kind, x, y, cx, cy, cast(ChartData, data))).chart
    chart.has_legend = False
    chart.has_title = False  # the slide says what the chart shows
    chart.font.size = Pt(16)
    chart.font.color.rgb = INK
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = number_format
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(16)
    if kind == XL_CHART_TYPE.LINE_MARKERS:
        plot.data_labels.position = XL_LABEL_POSITION.ABOVE
        chart.series[0].format.line.color.rgb = ACCENT
        chart.series[0].format.line.width = Pt(4)
        chart.series[0].smooth = False
    else:
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
        plot.gap_width = 60
        chart.series[0].format.fill.solid()
        chart.series[0].format.fill.fore_color.rgb = ACCENT
    value_axis = chart.value_axis
    value_axis.has_major_gridlines = False
    value_axis.tick_label_position = XL_TICK_LABEL_POSITION.NONE
    value_axis.format.line.fill.background()
    value_axis.minimum_scale = 0
    if kind == XL_CHART_TYPE.BAR_CLUSTERED:
        chart.category_axis.reverse_order = True  # the largest on top, as read


def _table(
    slide: Slide,
    header: list[str],
    rows: list[list[str]],
    box: tuple[int, int, int, int],
    widths: Sequence[float],
    size: int = 18,
) -> None:
    left, top, width, _ = (Emu(length) for length in box)
    shape = slide.shapes.add_table(len(rows) + 1, len(header), left, top, width, Emu(Inches(0.55) * (len(rows) + 1)))
    table = shape.table
    for i, inches in enumerate(widths):
        table.columns[i].width = Inches(inches)
    for r, cells in enumerate([header, *rows]):
        for c, value in enumerate(cells):
            frame = table.cell(r, c).text_frame
            frame.word_wrap = True
            frame.paragraphs[0].text = value
            font = frame.paragraphs[0].runs[0].font if frame.paragraphs[0].runs else frame.paragraphs[0].font
            font.size, font.bold = Pt(size), r == 0


def _cover(prs: PresentationDeck, report: MeetingReport) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(3.9))
    band.fill.solid()
    band.fill.fore_color.rgb = ACCENT
    band.line.fill.background()
    white = RGBColor(0xFF, 0xFF, 0xFF)
    _text(
        slide,
        MARGIN,
        Inches(1.0),
        WIDTH - 2 * MARGIN,
        Inches(1.2),
        [slide_title("sampul", LANG)],
        54,
        bold=True,
        color=white,
    )
    _text(slide, MARGIN, Inches(2.3), WIDTH - 2 * MARGIN, Inches(1.2), [report.area_label], 36, color=white)
    _text(slide, MARGIN, Inches(4.3), WIDTH - 2 * MARGIN, Inches(0.9), [month_title(report, LANG)], 40, bold=True)
    _text(
        slide,
        MARGIN,
        Inches(5.3),
        WIDTH - 2 * MARGIN,
        Inches(1.2),
        [
            t("rapat.cover_code", LANG, kode=report.kelurahan_kode),
            as_of_line(report, LANG),
        ],
        20,
        color=MUTED,
    )


def _angka(slide: Slide, report: MeetingReport) -> None:
    rows = kpi_rows(report.kpis, metrics.KPI_METRICS, LANG)
    _tiles(slide, rows, compared_with(report, LANG), CONTENT_TOP, Inches(2.1))


def _masalah(slide: Slide, report: MeetingReport) -> None:
    half = (WIDTH - 2 * MARGIN - Inches(0.4)) // 2
    for i, (caption, labels, series) in enumerate(
        (
            (t("rapat.by_category", LANG), category_names(report, LANG), report.by_category),
            (
                t("rapat.by_area", LANG, unit=t(f"unit.{report.unit}", LANG)),
                list(report.by_area.labels),
                report.by_area,
            ),
        )
    ):
        left = MARGIN + i * (half + Inches(0.4))
        _text(slide, left, CONTENT_TOP, half, Inches(0.5), [caption], 22, bold=True, color=MUTED)
        if len(series):
            box = (left, CONTENT_TOP + Inches(0.5), half, CONTENT_BOTTOM - CONTENT_TOP - Inches(0.5))
            _chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, labels, series, t("rapat.chart_received", LANG), box, "0")


def _terlambat(slide: Slide, report: MeetingReport) -> None:
    shown = report.overdue[:OVERDUE_ON_SLIDE]
    if not shown:
        return
    rows = [
        [
            f"#{item.nomor}",
            one_line(item.judul, TITLE_WIDTH),
            overdue_place(item),
            overdue_late(item, LANG),
            holder_text(item.penanganan, item.penanganan_nama, LANG),
        ]
        for item in shown
    ]
    header = [
        t("col.nomor", LANG),
        t("rapat.col_problem", LANG),
        t("col.wilayah", LANG),
        t("rapat.col_late", LANG),
        t("rapat.col_holder", LANG),
    ]
    _table(slide, header, rows, (MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, 0), (0.9, 4.6, 1.9, 1.9, 2.8), 16)
    if report.overdue_total > len(shown):
        _text(
            slide,
            MARGIN,
            Inches(6.3),
            WIDTH - 2 * MARGIN,
            Inches(0.45),
            [t("rapat.overdue_more", LANG, n=fmt_int(report.overdue_total - len(shown), LANG))],
            18,
            color=MUTED,
        )


def _kecepatan(slide: Slide, report: MeetingReport) -> None:
    chart_width = Inches(8.0)
    _text(
        slide,
        MARGIN,
        CONTENT_TOP,
        chart_width,
        Inches(0.5),
        [t("rapat.chart_median", LANG)],
        22,
        bold=True,
        color=MUTED,
    )
    box = (MARGIN, CONTENT_TOP + Inches(0.5), chart_width, CONTENT_BOTTOM - CONTENT_TOP - Inches(0.5))
    _chart(
        slide,
        XL_CHART_TYPE.LINE_MARKERS,
        trend_months(report, LANG),
        report.trend,
        metrics.MEDIAN_WAKTU_PENYELESAIAN.label(LANG),
        box,
        "0",
    )
    row = kpi_rows(report.kpis, (metrics.MEDIAN_WAKTU_PENYELESAIAN,), LANG)[0]
    _tile(
        slide,
        MARGIN + chart_width + Inches(0.3),
        CONTENT_TOP + Inches(0.5),
        Inches(3.8),
        Inches(2.1),
        row,
        compared_with(report, LANG),
    )


def _partisipasi(slide: Slide, report: MeetingReport) -> None:
    rows = kpi_rows(report.participation, PARTICIPATION_SHOWN, LANG)
    _tiles(slide, rows, compared_with(report, LANG), CONTENT_TOP, Inches(1.75))
    series = report.participation_by_area
    if len(series):
        top = CONTENT_TOP + Inches(1.95)
        name = t("rapat.by_area", LANG, unit=t(f"unit.{report.unit}", LANG))
        _chart(
            slide,
            XL_CHART_TYPE.COLUMN_CLUSTERED,
            list(series.labels),
            series,
            name,
            (MARGIN, top, WIDTH - 2 * MARGIN, CONTENT_BOTTOM - top),
            "0%",
        )


def _kapasitas(slide: Slide, report: MeetingReport) -> None:
    capacity = report.capacity
    chart_width = Inches(6.0)
    if capacity.ranked:
        ranked = capacity.index_series
        _chart(
            slide,
            XL_CHART_TYPE.BAR_CLUSTERED,
            list(ranked.labels),
            ranked,
            metrics.INDEKS_KAPASITAS.label(LANG),
            (MARGIN, CONTENT_TOP, chart_width, CONTENT_BOTTOM - CONTENT_TOP - Inches(0.5)),
            "0",
        )
    left = MARGIN + chart_width + Inches(0.4)
    width = WIDTH - MARGIN - left
    improved = [f"• {improved_line(u, LANG)}" for u in capacity.most_improved] or ["—"]
    _list(slide, left, CONTENT_TOP, width, t("rapat.most_improved", LANG), improved)
    support = [f"• {support_line(u, LANG)}" for u in capacity.needs_support] or ["—"]
    _list(slide, left, CONTENT_TOP + Inches(1.9), width, t("rapat.needs_support", LANG), support)
    notes = [capacity_note(report, LANG)]
    if capacity.not_enough:
        notes.insert(0, t("rapat.not_enough", LANG, units=", ".join(capacity.not_enough)))
    _text(slide, MARGIN, CONTENT_BOTTOM - Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.5), notes, 14, color=MUTED)


def _list(slide: Slide, left: int, top: int, width: int, heading: str, lines: list[str]) -> None:
    """A bold heading and its bullet lines."""
    _text(slide, left, top, width, Inches(0.45), [heading], 20, bold=True)
    _text(slide, left, top + Inches(0.45), width, Inches(0.4) * len(lines), lines, 18)


def _tindak_lanjut(slide: Slide, report: MeetingReport) -> None:
    table_width = Inches(7.4)
    if report.follow_ups:
        rows = [follow_up_cells(row, LANG) for row in report.follow_ups]
        _table(slide, follow_up_header(LANG), rows, (MARGIN, CONTENT_TOP, table_width, 0), (2.4, 1.6, 1.8, 1.6), 18)
    left = MARGIN + table_width + Inches(0.4)
    _list(
        slide,
        left,
        CONTENT_TOP,
        WIDTH - MARGIN - left,
        t("rapat.next_steps", LANG),
        [f"• {step}" for step in next_steps(report, LANG)],
    )


def _picture(slide: Slide, jpeg: bytes, box: tuple[int, int, int, int]) -> None:
    """A photo as large as fits the box (aspect kept), centred in it."""
    left, top, width, height = box
    with Image.open(io.BytesIO(jpeg)) as image:
        aspect = image.width / image.height
    shown_width, shown_height = (
        (width, int(width / aspect)) if width / aspect <= height else (int(height * aspect), height)
    )
    x, y = left + (width - shown_width) // 2, top + (height - shown_height) // 2
    slide.shapes.add_picture(io.BytesIO(jpeg), Emu(x), Emu(y), Emu(shown_width), Emu(shown_height))


def _sebelum_sesudah(slide: Slide, report: MeetingReport) -> None:
    if not report.resolutions:
        _text(slide, MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, Inches(0.6), [t("rapat.photo_none_hint", LANG)], 20)
        return
    gap = Inches(0.35)
    column = (WIDTH - 2 * MARGIN - gap * (len(report.resolutions) - 1)) // len(report.resolutions)
    half = (column - Inches(0.15)) // 2
    label, caption = Inches(0.4), Inches(0.8)
    picture_height = CONTENT_BOTTOM - CONTENT_TOP - label - caption
    for i, item in enumerate(report.resolutions):
        left = MARGIN + i * (column + gap)
        for j, (kind, jpeg) in enumerate((("sebelum", item.sebelum), ("sesudah", item.sesudah))):
            x = left + j * (half + Inches(0.15))
            _text(slide, x, CONTENT_TOP, half, label, [t(f"photo.{kind}", LANG)], 16, bold=True, color=MUTED)
            _picture(slide, jpeg, (x, CONTENT_TOP + label, half, picture_height))
        _text(slide, left, CONTENT_BOTTOM - caption, column, caption, [photo_caption(item, LANG)], 14)


DECISIONS_ON_SLIDE = 6  # rows of two lines that fit above the note at 14 pt; the PDF lists them all
DECISION_WIDTH = 48  # characters of a decision or a note in a cell: two lines at most


def _keputusan_lalu(slide: Slide, report: MeetingReport) -> None:
    today = report.decisions_day
    shown = report.previous_decisions[:DECISIONS_ON_SLIDE]
    if shown:
        rows = [decision_cells(d, LANG, today, TITLE_WIDTH) for d in shown]
        _table(
            slide, decision_header(LANG), rows, (MARGIN, CONTENT_TOP, WIDTH - 2 * MARGIN, 0), (5.0, 2.6, 1.5, 3.0), 14
        )
    notes = [decisions_note(report, LANG)]
    if len(report.previous_decisions) > len(shown):
        more = len(report.previous_decisions) - len(shown)
        notes.insert(0, t("rapat.keputusan_more", LANG, n=fmt_int(more, LANG)))
    _text(slide, MARGIN, CONTENT_BOTTOM - Inches(0.3), WIDTH - 2 * MARGIN, Inches(0.5), notes, 14, color=MUTED)


def _kepuasan(slide: Slide, report: MeetingReport) -> None:
    rows = kpi_rows(report.satisfaction, SATISFACTION_SHOWN, LANG)
    _tiles(slide, rows, compared_with(report, LANG), CONTENT_TOP, Inches(2.1))
    notes = [f"{m.label(LANG)}: {m.help(LANG)}" for m in SATISFACTION_SHOWN]
    _text(slide, MARGIN, CONTENT_TOP + Inches(2.5), WIDTH - 2 * MARGIN, Inches(1.8), notes, 14, color=MUTED)


BUILDERS = {
    "keputusan_lalu": _keputusan_lalu,
    "kepuasan": _kepuasan,
    "angka": _angka,
    "masalah": _masalah,
    "terlambat": _terlambat,
    "kecepatan": _kecepatan,
    "partisipasi": _partisipasi,
    "kapasitas": _kapasitas,
    "sebelum_sesudah": _sebelum_sesudah,
    "tindak_lanjut": _tindak_lanjut,
}


def meeting_pptx(report: MeetingReport) -> bytes:
    """The deck: the cover, then one slide per entry of SLIDES, each with the kelurahan and month in its footer."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(WIDTH), Emu(HEIGHT)
    prs.core_properties.title = f"{slide_title('sampul', LANG)} · {footer(report, LANG)}"
    _cover(prs, report)
    for number, key in enumerate(SLIDES[1:], start=2):
        BUILDERS[key](_frame(prs, report, number, slide_title(key, LANG), headline(report, key, LANG)), report)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
