"""The monthly report (Laporan Bulanan) as an A4 PDF for printing and the archive.

Cover, the numbers with their definitions, the charts, the overdue list, the participation and capacity tables,
and "Halaman X dari Y" on every page. Pure Python (reportlab): it builds on a machine with no browser. Every piece
of text goes through `_para`, which escapes it, so a report title like `<b>x</b> & <img>` prints as written.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.overview import KpiComparison
from kutorejo_data.core.formatting import fmt_date, fmt_decimal, fmt_int, fmt_month, fmt_percent
from kutorejo_data.core.i18n import t
from kutorejo_data.core.metric import Metric

from .deck import SLIDES, MeetingReport
from .pdf_charts import horizontal_bars, line, vertical_bars
from .words import (
    PARTICIPATION_SHOWN,
    SATISFACTION_SHOWN,
    as_of_line,
    capacity_note,
    category_names,
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
    overdue_place,
    photo_caption,
    slide_title,
    support_line,
    trend_months,
)

LANG = "id"
FONT, FONT_BOLD = "Vera", "Vera-Bold"
INK = colors.HexColor("#111b2b")
MUTED = colors.HexColor("#4a5568")
ACCENT = colors.HexColor("#1f5f99")
ROW_SHADE = colors.HexColor("#f1f4f8")


def _register_fonts() -> None:
    """Bitstream Vera ships with reportlab: Unicode text (–, ≤, ÷, é) without depending on system fonts."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(reportlab.__file__).parent / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "VeraBd.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11, textColor=MUTED),
        "cell": ParagraphStyle("cell", base, fontSize=9, leading=11.5),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=9, leading=11.5, alignment=TA_RIGHT),
        "head": ParagraphStyle("head", base, fontName=FONT_BOLD, fontSize=9, leading=11.5, textColor=colors.white),
        "h1": ParagraphStyle("h1", base, fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=8, spaceAfter=2),
        "message": ParagraphStyle("message", base, fontSize=11.5, leading=15, textColor=ACCENT, spaceAfter=6),
        "h2": ParagraphStyle("h2", base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3),
        "cover": ParagraphStyle("cover", base, fontName=FONT_BOLD, fontSize=30, leading=36, textColor=ACCENT),
        "cover_sub": ParagraphStyle("cover_sub", base, fontSize=16, leading=22),
    }


STYLES: dict[str, ParagraphStyle] = {}


def _para(text: str, style: str = "body", bold: bool = False) -> Paragraph:
    """User and catalogue text as a Paragraph: escaped, so markup in it is printed, never interpreted."""
    body = escape(text)
    return Paragraph(f"<b>{body}</b>" if bold else body, STYLES[style])


def _table(header: list[str], rows: Sequence[Sequence[Flowable | str]], widths: list[float]) -> Table:
    """A table with a dark header row and shaded alternate rows; string cells become escaped Paragraphs."""
    cells: list[list[Flowable]] = [[_para(h, "head") for h in header]]
    cells += [[_para(c, "cell") if isinstance(c, str) else c for c in row] for row in rows]
    table = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ROW_SHADE]),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, MUTED),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _metric_table(comparison: KpiComparison, shown: tuple[Metric, ...], report: MeetingReport) -> Table:
    """Each number with its definition (the help text the dashboard shows), this month, last month, change."""
    header = [
        t("rapat.pdf.col_metric", LANG),
        fmt_month(report.month, LANG),
        fmt_month(report.previous_month, LANG),
        t("rapat.pdf.col_change", LANG),
    ]
    rows: list[list[Flowable | str]] = []
    for row in kpi_rows(comparison, shown, LANG):
        counted = f" ({escape(row.counts)})" if row.counts else ""
        definition = Paragraph(
            f"<b>{escape(row.label)}</b>{counted}<br/>{escape(row.metric.help(LANG))}", STYLES["cell"]
        )
        rows.append(
            [
                definition,
                _para(row.value, "cell_right", bold=True),
                _para(row.previous, "cell_right"),
                _para(row.delta or "—", "cell_right"),
            ]
        )
    return _table(header, rows, [98, 22, 22, 28])


def _section(report: MeetingReport, slide: str) -> list[Flowable]:
    return [_para(slide_title(slide, LANG), "h1"), _para(headline(report, slide, LANG), "message")]


def _cover(report: MeetingReport) -> list[Flowable]:
    contents = [f"{i}. {slide_title(s, LANG)}" for i, s in enumerate(SLIDES[1:], start=1)]
    return [
        Spacer(1, 45 * mm),
        _para(t("rapat.pdf.title", LANG), "cover"),
        Spacer(1, 4 * mm),
        _para(report.area_label, "cover_sub"),
        _para(month_title(report, LANG), "cover_sub", bold=True),
        Spacer(1, 8 * mm),
        _para(t("rapat.cover_code", LANG, kode=report.kelurahan_kode)),
        _para(t("rapat.pdf.period", LANG, dari=fmt_date(report.dari, LANG), sampai=fmt_date(report.sampai, LANG))),
        _para(as_of_line(report, LANG)),
        Spacer(1, 12 * mm),
        _para(t("rapat.pdf.contents", LANG), "h2"),
        *(_para(line_) for line_ in contents),
        Spacer(1, 8 * mm),
        _para(t("rapat.pdf.privacy", LANG), "small"),
        PageBreak(),
    ]


def _angka(report: MeetingReport) -> list[Flowable]:
    return [*_section(report, "angka"), _metric_table(report.kpis, metrics.KPI_METRICS, report)]


def _masalah(report: MeetingReport) -> list[Flowable]:
    parts = _section(report, "masalah")
    count = lambda value: fmt_int(value, LANG)  # noqa: E731
    if len(report.by_category):
        parts += [
            _para(t("rapat.by_category", LANG), "h2"),
            horizontal_bars(category_names(report, LANG), report.by_category, count),
        ]
    if len(report.by_area):
        parts += [
            _para(t("rapat.by_area", LANG, unit=t(f"unit.{report.unit}", LANG)), "h2"),
            horizontal_bars(list(report.by_area.labels), report.by_area, count),
        ]
    parts.append(_para(f"{metrics.LAPORAN_MASUK.label(LANG)}: {metrics.LAPORAN_MASUK.help(LANG)}", "small"))
    return parts


def _terlambat(report: MeetingReport) -> list[Flowable]:
    parts = _section(report, "terlambat")
    if report.overdue:
        header = [
            t("col.nomor", LANG),
            t("rapat.col_problem", LANG),
            t("col.wilayah", LANG),
            t("rapat.col_late", LANG),
            t("rapat.col_holder", LANG),
        ]
        rows: list[list[Flowable | str]] = [
            [
                f"#{i.nomor}",
                f"{i.judul} ({i.kategori})",
                overdue_place(i),
                t("rapat.days", LANG, days=fmt_int(i.lewat_sla, LANG)),
                holder_text(i.penanganan, i.penanganan_nama, LANG),
            ]
            for i in report.overdue
        ]
        parts.append(_table(header, rows, [17, 65, 28, 20, 40]))
        if report.overdue_total > len(report.overdue):
            more = report.overdue_total - len(report.overdue)
            parts.append(_para(t("rapat.overdue_more", LANG, n=fmt_int(more, LANG)), "small"))
    parts.append(_para(f"{metrics.TERLAMBAT.label(LANG)}: {metrics.TERLAMBAT.help(LANG)}", "small"))
    return parts


def _kecepatan(report: MeetingReport) -> list[Flowable]:
    days = lambda value: fmt_int(value, LANG)  # noqa: E731
    return [
        *_section(report, "kecepatan"),
        _para(t("rapat.chart_median", LANG), "h2"),
        line([month.replace(" ", "\n") for month in trend_months(report, LANG)], report.trend, days),
        _para(
            f"{metrics.MEDIAN_WAKTU_PENYELESAIAN.label(LANG)}: {metrics.MEDIAN_WAKTU_PENYELESAIAN.help(LANG)}", "small"
        ),
    ]


def _partisipasi(report: MeetingReport) -> list[Flowable]:
    parts = [*_section(report, "partisipasi"), _metric_table(report.participation, PARTICIPATION_SHOWN, report)]
    series = report.participation_by_area
    if len(series):
        share = lambda value: fmt_percent(value, LANG)  # noqa: E731
        parts += [
            _para(t("rapat.pdf.participation_by", LANG, unit=t(f"unit.{report.unit}", LANG)), "h2"),
            vertical_bars(list(series.labels), series, share),
        ]
    return parts


def _kapasitas(report: MeetingReport) -> list[Flowable]:
    capacity = report.capacity
    parts = _section(report, "kapasitas")
    if capacity.ranked:
        header = [
            t("kapasitas.col_rank", LANG),
            t("kapasitas.col_unit", LANG),
            metrics.INDEKS_KAPASITAS.label(LANG),
            t("kapasitas.col_change", LANG),
            t("rapat.pdf.col_weakest", LANG),
        ]
        rows: list[list[Flowable | str]] = [
            [
                fmt_int(rank, LANG),
                u.label,
                fmt_int(u.index, LANG),
                "—" if u.change is None else ("+" if u.change > 0 else "") + fmt_decimal(u.change, LANG, 1),
                metrics.METRICS[u.weakest_goal].label(LANG),
            ]
            for rank, u in enumerate(capacity.ranked, start=1)
        ]
        parts.append(_table(header, rows, [24, 34, 30, 26, 56]))
    if capacity.not_enough:
        parts.append(_para(t("rapat.not_enough", LANG, units=", ".join(capacity.not_enough))))
    parts.append(_para(t("rapat.most_improved", LANG), "h2"))
    parts += [_para(f"• {improved_line(u, LANG)}") for u in capacity.most_improved] or [_para("—")]
    parts.append(_para(t("rapat.needs_support", LANG), "h2"))
    parts += [_para(f"• {support_line(u, LANG)}") for u in capacity.needs_support] or [_para("—")]
    parts.append(
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                _para(capacity_note(report, LANG), "small"),
                _para(
                    f"{metrics.INDEKS_KAPASITAS.label(LANG)}: {metrics.INDEKS_KAPASITAS.help(LANG)} "
                    f"{metrics.DATA_BELUM_CUKUP.label(LANG)}: {t('rapat.pdf.not_enough_rule', LANG)}",
                    "small",
                ),
            ]
        )
    )
    return parts


def _tindak_lanjut(report: MeetingReport) -> list[Flowable]:
    parts = _section(report, "tindak_lanjut")
    if report.follow_ups:
        rows = [follow_up_cells(row, LANG) for row in report.follow_ups]
        parts.append(_table(follow_up_header(LANG), rows, [60, 35, 35, 40]))
    parts.append(_para(t("rapat.next_steps", LANG), "h2"))
    parts += [_para(f"• {step}") for step in next_steps(report, LANG)]
    return parts


PHOTO_WIDTH_MM = 80  # two side by side on an A4 page between its margins
PHOTO_HEIGHT_MM = 70


def _photo(jpeg: bytes) -> Flowable:
    """A photo scaled to fit PHOTO_WIDTH_MM × PHOTO_HEIGHT_MM, aspect kept."""
    with PILImage.open(io.BytesIO(jpeg)) as image:
        aspect = image.width / image.height
    width = min(PHOTO_WIDTH_MM, PHOTO_HEIGHT_MM * aspect)
    return Image(io.BytesIO(jpeg), width=width * mm, height=width / aspect * mm)


def _sebelum_sesudah(report: MeetingReport) -> list[Flowable]:
    parts = _section(report, "sebelum_sesudah")
    if not report.resolutions:
        return [*parts, _para(t("rapat.photo_none_hint", LANG), "small")]
    for item in report.resolutions:
        pair = Table(
            [
                [_para(t("photo.sebelum", LANG), "h2"), _para(t("photo.sesudah", LANG), "h2")],
                [_photo(item.sebelum), _photo(item.sesudah)],
            ],
            colWidths=[85 * mm, 85 * mm],
            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
        )
        parts.append(KeepTogether([pair, _para(photo_caption(item, LANG, None)), Spacer(1, 4 * mm)]))
    return parts


def _keputusan_lalu(report: MeetingReport) -> list[Flowable]:
    parts = _section(report, "keputusan_lalu")
    today = report.decisions_day
    if report.previous_decisions:
        rows: list[list[Flowable | str]] = [list(decision_cells(d, LANG, today)) for d in report.previous_decisions]
        parts.append(_table(decision_header(LANG), rows, [60, 38, 26, 46]))
    parts.append(_para(decisions_note(report, LANG), "small"))
    return parts


def _kepuasan(report: MeetingReport) -> list[Flowable]:
    return [*_section(report, "kepuasan"), _metric_table(report.satisfaction, SATISFACTION_SHOWN, report)]


SECTIONS = {
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


def _numbered_canvas(footer_text: str) -> type[Canvas]:
    """A canvas that waits for the last page so every page can say `Halaman X dari Y`."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab's private page reset, not in its stubs

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                self.drawString(20 * mm, 12 * mm, footer_text)
                self.drawRightString(
                    A4[0] - 20 * mm, 12 * mm, t("rapat.pdf.page", LANG, n=self.getPageNumber(), total=total)
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def meeting_pdf(report: MeetingReport) -> bytes:
    """The Laporan Bulanan of the meeting's month and area."""
    _register_fonts()
    STYLES.update(_styles())
    buffer = io.BytesIO()
    title = f"{t('rapat.pdf.title', LANG)} · {footer(report, LANG)}"
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        title=title,
        author=report.area_label,
    )
    story = _cover(report)
    for key in SLIDES[1:]:  # the cover page stands for the title slide
        parts = SECTIONS[key](report)
        story += [Spacer(1, 4 * mm), KeepTogether(parts[:3]), *parts[3:]]  # a heading never ends a page
    document.build(story, canvasmaker=_numbered_canvas(title))
    return buffer.getvalue()
