"""The meeting slides on screen: full width, large type, one message per slide; the same words as the exports."""

from __future__ import annotations

from typing import TypedDict

import streamlit as st

from kutorejo_data.analytics import metrics
from kutorejo_data.core.formatting import fmt_int, fmt_percent
from kutorejo_data.core.i18n import t
from kutorejo_data.meeting.deck import OVERDUE_ON_SLIDE, SLIDES, MeetingHeader, MeetingReport
from kutorejo_data.meeting.words import (
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
from kutorejo_data.ui.kit import slide_charts
from kutorejo_data.ui.kit.cards import render_metric_cards
from kutorejo_data.ui.kit.layout import render_kpis
from kutorejo_data.ui.kit.tables import render_text_table
from kutorejo_data.ui.kit.text import escape_markdown

SLIDE_KEY = "presentasi_slide"  # the slide's container; the CSS below sizes everything inside it
TITLE_WIDTH = 70


class ChartOptions(TypedDict):
    """The keyword arguments every slide chart is drawn with."""

    config: dict[str, bool]
    theme: None


CHART_OPTIONS: ChartOptions = {"config": {"displayModeBar": False, "staticPlot": True}, "theme": None}

# Static CSS only (never user text). It hides the sidebar, its expand button and the toolbar on this page alone:
# st.html with nothing but a <style> is not shown, and it is gone as soon as the reader leaves the page, whereas
# set_page_config(initial_sidebar_state=...) belongs to app.py and only acts on the first load of the app.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"],
header[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { max-width: 100%; padding: 0.75rem 2.5rem 2rem; }
[data-testid="stCaptionContainer"] { opacity: 1 !important; }
.st-key-presentasi_slide { min-height: 82vh; padding: 0.5rem 1.5rem; background: #ffffff; }
.st-key-presentasi_slide h1 { font-size: clamp(2.2rem, 3.3vw, 4rem); color: #111b2b; padding-bottom: 0; }
.st-key-presentasi_slide h3 { font-size: clamp(1.4rem, 2vw, 2.5rem); color: #1f5f99; font-weight: 500; }
.st-key-presentasi_slide p, .st-key-presentasi_slide li { font-size: clamp(1.15rem, 1.55vw, 1.9rem); color: #111b2b; }
.st-key-presentasi_slide [data-testid="stCaptionContainer"] p { font-size: clamp(0.9rem, 1vw, 1.2rem); color: #4a5568; }
.st-key-presentasi_slide [data-testid="stMetricValue"] p { font-size: clamp(2.4rem, 4vw, 4.8rem); font-weight: 700; }
.st-key-presentasi_slide [data-testid="stMetricLabel"] p { font-size: clamp(1rem, 1.3vw, 1.6rem); }
.st-key-presentasi_slide [data-testid="stMetricDelta"] p { font-size: clamp(1rem, 1.25vw, 1.5rem); }
.st-key-presentasi_slide > [data-testid="stElementContainer"]:last-child { margin-top: auto; }
.st-key-presentasi_slide th, .st-key-presentasi_slide td { font-size: clamp(1.1rem, 1.4vw, 1.7rem); }
.st-key-presentasi_cover h1 { font-size: clamp(3rem, 5vw, 6rem); }
</style>
"""


def use_presentation_layout() -> None:
    """Full width, no sidebar and no toolbar, for the projector."""
    st.html(PRESENTATION_CSS)


def render_cover(header: MeetingHeader, lang: str) -> None:
    """The cover slide: which meeting, and when its figures stand; it needs none of the figures."""
    with st.container(key=SLIDE_KEY, border=True):
        with st.container(key="presentasi_cover"):
            st.title(slide_title("sampul", lang), anchor=False)
            st.markdown(f"### {escape_markdown(header.area_label)}")
            st.markdown(f"## {escape_markdown(month_title(header, lang))}")
            cover_code = t("rapat.cover_code", lang, kode=header.kelurahan_kode)
            st.caption(escape_markdown(f"{cover_code} · {as_of_line(header, lang)}"))
        _footer(header, 0, lang)


def _footer(header: MeetingHeader, index: int, lang: str) -> None:
    st.caption(escape_markdown(f"{footer(header, lang)} · {index + 1} / {len(SLIDES)}"))


def _masalah(report: MeetingReport, lang: str) -> None:
    if not len(report.by_category):
        return
    left, right = st.columns(2, gap="large")
    count = lambda value: fmt_int(value, lang)  # noqa: E731
    left.markdown(f"**{t('rapat.by_category', lang)}**")
    left.plotly_chart(
        slide_charts.horizontal_bars(category_names(report, lang), report.by_category, count), **CHART_OPTIONS
    )
    right.markdown(f"**{t('rapat.by_area', lang, unit=t(f'unit.{report.unit}', lang))}**")
    right.plotly_chart(
        slide_charts.horizontal_bars(list(report.by_area.labels), report.by_area, count), **CHART_OPTIONS
    )


def _terlambat(report: MeetingReport, lang: str) -> None:
    shown = report.overdue[:OVERDUE_ON_SLIDE]
    lines = [
        f"- **#{item.nomor}** {escape_markdown(one_line(item.judul, TITLE_WIDTH))} — {overdue_place(item)} · "
        f"**{overdue_late(item, lang)}** · {escape_markdown(holder_text(item.penanganan, item.penanganan_nama, lang))}"
        for item in shown
    ]
    if lines:
        st.markdown("\n".join(lines))
    if report.overdue_total > len(shown):
        st.caption(t("rapat.overdue_more", lang, n=fmt_int(report.overdue_total - len(shown), lang)))


def _kecepatan(report: MeetingReport, lang: str) -> None:
    chart, number = st.columns([3, 1], gap="large")
    chart.markdown(f"**{t('rapat.chart_median', lang)}**")
    days = lambda value: fmt_int(value, lang)  # noqa: E731
    months = [month.replace(" ", "<br>") for month in trend_months(report, lang)]
    chart.plotly_chart(slide_charts.line(months, report.trend, days), **CHART_OPTIONS)
    with number:
        render_metric_cards(report.kpis, (metrics.MEDIAN_WAKTU_PENYELESAIAN,), lang)


def _partisipasi(report: MeetingReport, lang: str) -> None:
    render_metric_cards(report.participation, PARTICIPATION_SHOWN, lang)
    series = report.participation_by_area
    if len(series):
        share = lambda value: fmt_percent(value, lang)  # noqa: E731
        st.markdown(f"**{t('rapat.by_area', lang, unit=t(f'unit.{report.unit}', lang))}**")
        st.plotly_chart(slide_charts.vertical_bars(list(series.labels), series, share), **CHART_OPTIONS)


def _kapasitas(report: MeetingReport, lang: str) -> None:
    capacity = report.capacity
    chart, words = st.columns([3, 2], gap="large")
    if capacity.ranked:
        series = capacity.index_series
        chart.markdown(f"**{metrics.INDEKS_KAPASITAS.label(lang)}**")
        chart.plotly_chart(
            slide_charts.horizontal_bars(list(series.labels), series, lambda v: fmt_int(v, lang)), **CHART_OPTIONS
        )
    with words:
        st.markdown(f"**{t('rapat.most_improved', lang)}**")
        st.markdown("\n".join(f"- {escape_markdown(improved_line(u, lang))}" for u in capacity.most_improved) or "—")
        st.markdown(f"**{t('rapat.needs_support', lang)}**")
        st.markdown("\n".join(f"- {escape_markdown(support_line(u, lang))}" for u in capacity.needs_support) or "—")
    if capacity.not_enough:
        st.caption(escape_markdown(t("rapat.not_enough", lang, units=", ".join(capacity.not_enough))))
    st.caption(escape_markdown(capacity_note(report, lang)))


def _tindak_lanjut(report: MeetingReport, lang: str) -> None:
    table, steps = st.columns([1, 1], gap="large")
    if report.follow_ups:
        rows = [follow_up_cells(row, lang) for row in report.follow_ups]
        with table:
            render_text_table({name: [row[i] for row in rows] for i, name in enumerate(follow_up_header(lang))})
    steps.markdown(f"**{t('rapat.next_steps', lang)}**")
    steps.markdown("\n".join(f"- {escape_markdown(step)}" for step in next_steps(report, lang)))


def _sebelum_sesudah(report: MeetingReport, lang: str) -> None:
    if not report.resolutions:
        st.caption(t("rapat.photo_none_hint", lang))
        return
    for column, item in zip(st.columns(len(report.resolutions), gap="large"), report.resolutions, strict=True):
        before, after = column.columns(2, gap="small")
        before.image(item.sebelum, caption=t("photo.sebelum", lang), width="stretch")
        after.image(item.sesudah, caption=t("photo.sesudah", lang), width="stretch")
        column.markdown(escape_markdown(photo_caption(item, lang)))


def _keputusan_lalu(report: MeetingReport, lang: str) -> None:
    today = report.decisions_day
    if report.previous_decisions:
        rows = [decision_cells(d, lang, today, TITLE_WIDTH) for d in report.previous_decisions]
        render_text_table({name: [row[i] for row in rows] for i, name in enumerate(decision_header(lang))})
    st.caption(escape_markdown(decisions_note(report, lang)))


def _kepuasan(report: MeetingReport, lang: str) -> None:
    render_metric_cards(report.satisfaction, SATISFACTION_SHOWN, lang)


BODIES = {
    "keputusan_lalu": _keputusan_lalu,
    "kepuasan": _kepuasan,
    "masalah": _masalah,
    "terlambat": _terlambat,
    "kecepatan": _kecepatan,
    "partisipasi": _partisipasi,
    "kapasitas": _kapasitas,
    "sebelum_sesudah": _sebelum_sesudah,
    "tindak_lanjut": _tindak_lanjut,
}


def render_slide(report: MeetingReport, index: int, lang: str) -> None:
    """Content slide number `index` of SLIDES (not the cover): title, its one message, its content, and the footer."""
    key = SLIDES[index]
    with st.container(key=SLIDE_KEY, border=True):
        st.title(slide_title(key, lang), anchor=False)
        st.markdown(f"### {escape_markdown(headline(report, key, lang))}")
        if key == "angka":
            render_kpis(report.kpis, lang)
        else:
            BODIES[key](report, lang)
        _footer(report, index, lang)
