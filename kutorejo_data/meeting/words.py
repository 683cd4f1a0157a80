"""The words of the meeting slides, shared by the page and every export so they never say different things."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Literal

from kutorejo_data.analytics import metrics
from kutorejo_data.analytics.overview import KpiComparison
from kutorejo_data.core.formatting import (
    fmt_date,
    fmt_decimal,
    fmt_int,
    fmt_month,
    fmt_month_long,
    fmt_percent,
    format_counts,
    format_delta,
    format_value,
)
from kutorejo_data.core.i18n import category_label, t
from kutorejo_data.core.metric import Metric
from kutorejo_data.core.periods import month_end
from kutorejo_data.records.decisions import Decision
from kutorejo_data.records.photos import ResolvedWithPhotos

from .deck import FollowUp, MeetingHeader, MeetingReport, OverdueItem, UnitScore

Tone = Literal["good", "bad", "neutral"]
PARTICIPATION_SHOWN: tuple[Metric, ...] = (
    metrics.TINGKAT_PARTISIPASI,
    metrics.KEGIATAN_TERLAKSANA,
    metrics.KEHADIRAN_RAKOR,
)
SATISFACTION_SHOWN: tuple[Metric, ...] = (
    metrics.DIKONFIRMASI_WARGA,
    metrics.DIBUKA_KEMBALI_PELAPOR,
    metrics.IKM_WARGA,
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class KpiRow:
    """One number of a slide: label, value, change vs the previous month and whether that change is good news."""

    metric: Metric
    label: str
    value: str
    previous: str
    delta: str | None
    tone: Tone
    counts: str = ""  # which reports the number counts


def one_line(text: str, width: int | None = None) -> str:
    """User text on one line (no line breaks), shortened to `width` characters with an ellipsis."""
    flat = _SPACES.sub(" ", text or "").strip()
    return textwrap.shorten(flat, width, placeholder=" …") if width and len(flat) > width else flat


def month_title(report: MeetingHeader, lang: str) -> str:
    """`Oktober 2026`, or `November 2026 (s.d. 29 Nov 2026)` while the month is still running."""
    title = fmt_month_long(report.month, lang)
    if report.sampai < month_end(report.dari):
        return t("rapat.month_until", lang, month=title, date=fmt_date(report.sampai, lang))
    return title


def as_of_line(report: MeetingHeader, lang: str) -> str:
    """When the figures stand: `Data per 29 Nov 2026 …`, or for a month that is over, its end (and when it was made)."""
    made = fmt_date(report.generated_at.date(), lang)
    if report.month_is_over:
        return t("rapat.as_of_month_end", lang, end=fmt_date(report.sampai, lang), made=made)
    return t("rapat.generated", lang, date=made)


def footer(report: MeetingHeader, lang: str) -> str:
    """The line every slide and page carries: `Kelurahan Kutorejo · RW 03 · Oktober 2026`."""
    return f"{report.area_label} · {month_title(report, lang)}"


def compared_with(report: MeetingReport, lang: str) -> str:
    """`dibanding Sep 2026` (short: it follows every number)."""
    return t("rapat.compared_with", lang, month=fmt_month(report.previous_month, lang))


def slide_title(slide: str, lang: str) -> str:
    """The slide's title."""
    return t(f"rapat.slide.{slide}", lang)


def _tone(metric: Metric, current: float | int | None, previous: float | int | None) -> Tone:
    if metric.higher_is_better is None or current is None or previous is None or current == previous:
        return "neutral"
    return "good" if (current > previous) == metric.higher_is_better else "bad"


def kpi_rows(kpis: KpiComparison, shown: tuple[Metric, ...], lang: str) -> list[KpiRow]:
    """The metrics of a slide with their values, previous values and changes in the reader's language."""
    rows = []
    for metric in shown:
        current, previous = kpis.current[metric.key], kpis.previous[metric.key]
        rows.append(
            KpiRow(
                metric,
                metric.label(lang),
                format_value(metric, current, lang),
                format_value(metric, previous, lang),
                format_delta(metric, current, previous, lang),
                _tone(metric, current, previous),
                format_counts(metric, kpis.current, lang),
            )
        )
    return rows


def category_names(report: MeetingReport, lang: str) -> list[str]:
    """The problems slide's category names in the reader's language."""
    return [category_label(k, n, lang) for k, n in zip(report.by_category.keys, report.by_category.labels, strict=True)]


def trend_months(report: MeetingReport, lang: str) -> list[str]:
    """The trend chart's months as `Okt 2026`."""
    return [fmt_month(key, lang) for key in report.trend.keys]


def holder_text(level: str | None, name: str | None, lang: str) -> str:
    """Who holds a report: `Kelurahan · Kelurahan Kutorejo`, or `belum ada` when nobody has taken it on."""
    if not level or level == "belum":
        return t("penanganan.belum", lang)
    label = t(f"penanganan.{level}", lang)
    return f"{label} · {one_line(name or '')}" if name else label


def overdue_place(item: OverdueItem) -> str:
    """`RT 002/RW 03`."""
    return f"RT {item.rt}/RW {item.rw}"


def overdue_late(item: OverdueItem, lang: str) -> str:
    """`lewat 684 hari`."""
    return t("rapat.late_days", lang, days=fmt_int(item.lewat_sla, lang))


def improved_line(unit: UnitScore, lang: str) -> str:
    """`RW 04: +3,6 poin (indeks 85)`."""
    return t(
        "rapat.improved_line",
        lang,
        unit=unit.label,
        change=fmt_decimal(unit.change, lang, 1),
        index=fmt_int(unit.index, lang),
    )


def support_line(unit: UnitScore, lang: str) -> str:
    """`RW 09: indeks 56, terlemah Partisipasi`."""
    return t(
        "rapat.support_line",
        lang,
        unit=unit.label,
        index=fmt_int(unit.index, lang),
        goal=metrics.METRICS[unit.weakest_goal].label(lang),
    )


def follow_up_cells(row: FollowUp, lang: str) -> list[str]:
    """One row of the follow-up table: holder, open, overdue, oldest (days)."""
    return [
        holder_text(row.penanganan, None, lang),
        fmt_int(row.terbuka, lang),
        fmt_int(row.terlambat, lang),
        t("rapat.days", lang, days=fmt_int(row.tertua, lang)),
    ]


def follow_up_header(lang: str) -> list[str]:
    """The follow-up table's header."""
    return [t("rapat.col_holder", lang), t("col.terbuka", lang), t("col.terlambat", lang), t("rapat.col_oldest", lang)]


def decision_status(decision: Decision, lang: str, today: date | None = None) -> str:
    """`berjalan`, or `belum · lewat batas` for an open decision past its due date on `today`."""
    status = t(f"keputusan.status.{decision.status}", lang)
    if today is not None and decision.overdue(today):
        status += " · " + t("keputusan.overdue", lang)
    return status


def decision_owner(decision: Decision) -> str:
    """The owner, with the area the decision is about: `Budi Santoso (RW 03)`."""
    owner = one_line(decision.pemilik)
    return f"{owner} ({decision.area})" if decision.area else owner


def decision_header(lang: str) -> list[str]:
    """The decisions table's header: decision, owner, due date, status now."""
    return [
        t("keputusan.col_apa", lang),
        t("keputusan.col_pemilik", lang),
        t("keputusan.col_batas", lang),
        t("keputusan.col_status", lang),
    ]


def decision_cells(decision: Decision, lang: str, today: date, width: int | None = None) -> list[str]:
    """One decision as table cells; its status carries the owner's latest note."""
    what = one_line(decision.apa, width)
    if decision.laporan:
        what += " (" + ", ".join(f"#{nomor}" for nomor in decision.laporan) + ")"
    status = decision_status(decision, lang, today)
    if decision.catatan:
        status += f" — {one_line(decision.catatan, width)}"
    return [what, decision_owner(decision), fmt_date(decision.batas, lang), status]


def decisions_note(report: MeetingReport, lang: str) -> str:
    """Which meeting the decisions are from and when their status stands."""
    return t(
        "rapat.keputusan_note",
        lang,
        month=fmt_month_long(report.decisions_month, lang),
        date=fmt_date(report.decisions_day, lang),
    )


def headline(report: MeetingReport, slide: str, lang: str) -> str:
    """The one message of a slide, in a few words."""
    if slide == "sampul":
        return month_title(report, lang)
    if slide == "keputusan_lalu":
        decisions = report.previous_decisions
        if not decisions:
            return t("rapat.msg.keputusan_lalu_none", lang)
        done = sum(1 for d in decisions if d.status == "selesai")
        late = sum(1 for d in decisions if d.overdue(report.decisions_day))
        return t(
            "rapat.msg.keputusan_lalu",
            lang,
            n=fmt_int(len(decisions), lang),
            selesai=fmt_int(done, lang),
            lewat=fmt_int(late, lang),
        )
    if slide == "kepuasan":
        values = report.satisfaction.current
        resolved = int(values.get("penyelesaian") or 0)
        if not resolved:
            return t("rapat.msg.kepuasan_none", lang)
        return t(
            "rapat.msg.kepuasan",
            lang,
            ya=fmt_int(values.get("dikonfirmasi_ya") or 0, lang),
            n=fmt_int(resolved, lang),
        )
    if slide == "angka":
        return t(
            "rapat.msg.angka",
            lang,
            masuk=fmt_int(report.kpis.current[metrics.LAPORAN_MASUK.key], lang),
            selesai=fmt_int(report.kpis.current[metrics.SELESAI.key], lang),
        )
    if slide == "masalah":
        if not len(report.by_category):
            return t("rapat.msg.masalah_none", lang)
        return t(
            "rapat.msg.masalah",
            lang,
            kategori=category_names(report, lang)[0],
            n=fmt_int(report.by_category.values[0], lang),
        )
    if slide == "terlambat":
        if not report.overdue_total:
            return t("rapat.msg.terlambat_none", lang)
        return t("rapat.msg.terlambat", lang, n=fmt_int(report.overdue_total, lang))
    if slide == "kecepatan":
        median, current = metrics.MEDIAN_WAKTU_PENYELESAIAN.key, report.kpis.current
        if current[median] is None:
            return t("rapat.msg.kecepatan_none", lang)
        return t(
            "rapat.msg.kecepatan",
            lang,
            value=format_value(metrics.MEDIAN_WAKTU_PENYELESAIAN, current[median], lang),
            previous=format_value(metrics.MEDIAN_WAKTU_PENYELESAIAN, report.kpis.previous[median], lang),
        )
    if slide == "partisipasi":
        share = report.participation.current[metrics.TINGKAT_PARTISIPASI.key]
        if share is None:
            return t("rapat.msg.partisipasi_none", lang)
        return t("rapat.msg.partisipasi", lang, pct=fmt_percent(share, lang))
    if slide == "kapasitas":
        unit = t(f"unit.{report.unit}", lang)
        if not report.capacity.ranked:
            return t("rapat.msg.kapasitas_none", lang, unit=unit)
        return t(
            "rapat.msg.kapasitas",
            lang,
            scored=fmt_int(len(report.capacity.ranked), lang),
            unit=unit,
            total=fmt_int(len(report.capacity.ranked) + len(report.capacity.not_enough), lang),
        )
    if slide == "sebelum_sesudah":
        if not report.resolutions:
            return t("rapat.msg.sebelum_sesudah_none", lang)
        return t("rapat.msg.sebelum_sesudah", lang, n=fmt_int(len(report.resolutions), lang))
    if slide == "tindak_lanjut":
        return t(
            "rapat.msg.tindak_lanjut",
            lang,
            terbuka=fmt_int(report.kpis.current[metrics.TERBUKA.key], lang),
            terlambat=fmt_int(report.overdue_total, lang),
        )
    raise ValueError(f"unknown slide: {slide}")


def next_steps(report: MeetingReport, lang: str) -> list[str]:
    """The closing slide's points: what the meeting should leave with."""
    steps = []
    if report.overdue_total:
        steps.append(t("rapat.step.decide", lang, n=fmt_int(report.overdue_total, lang)))
    unassigned = sum(f.terbuka for f in report.follow_ups if f.penanganan == "belum")
    if unassigned:
        steps.append(t("rapat.step.assign", lang, n=fmt_int(unassigned, lang)))
    if report.capacity.needs_support:
        units = ", ".join(u.label for u in report.capacity.needs_support)
        steps.append(t("rapat.step.support", lang, units=units))
    if report.capacity.not_enough:
        steps.append(
            t(
                "rapat.step.record",
                lang,
                n=fmt_int(len(report.capacity.not_enough), lang),
                unit=t(f"unit.{report.unit}", lang),
            )
        )
    return steps or [t("rapat.step.none", lang)]


def photo_caption(item: ResolvedWithPhotos, lang: str, width: int | None = 40) -> str:
    """`#12 Selokan mampet di Gang Mawar — RT 002/RW 03, selesai 14 Okt 2026` under a before/after pair."""
    return t(
        "rapat.photo_caption",
        lang,
        nomor=item.nomor,
        judul=one_line(item.judul, width),
        wilayah=f"RT {item.rt}/RW {item.rw}",
        tanggal=fmt_date(item.resolved_at.date(), lang),
    )


def capacity_note(report: MeetingReport, lang: str) -> str:
    """Which months the capacity index covers and what its change compares with."""
    capacity = report.capacity
    note = t(
        "rapat.capacity_period",
        lang,
        dari=fmt_date(capacity.dari, lang),
        sampai=fmt_date(capacity.sampai, lang),
        prev_dari=fmt_date(capacity.previous_dari, lang),
        prev_sampai=fmt_date(capacity.previous_sampai, lang),
    )
    if report.month_is_over:  # the scorecard judges its reports by their statuses today, not at the month's end
        note += " " + t("rapat.capacity_as_of_today", lang, date=fmt_date(report.generated_at.date(), lang))
    return note
